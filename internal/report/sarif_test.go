package report

// The SARIF output is validated against the official SARIF 2.1.0 JSON schema
// (OASIS, errata01) without touching the network at test time. The schema is
// the copy that github.com/owenrumney/go-sarif/v3 (a maintained SARIF
// library, fetched through the module proxy like any dependency) embeds for
// its Report.Validate; the constant is unexported, so the test reads it from
// the module's source, located with `go list -m` (no network once the module
// is downloaded for the build), and fails if it cannot. The raw bytes are
// validated with github.com/xeipuuv/gojsonschema, the validator go-sarif
// itself uses. go-sarif's Validate is not used: it validates go-sarif's own
// types, which drop fields they do not model and, read back from a log, add
// an empty language and newlineSequences that the schema itself rejects.
// The log is still read with go-sarif, as a consumer would.
//
// TestSARIFContent then checks, field by field, what GitHub code scanning
// relies on.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	gosarif "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
)

const goSarifModule = "github.com/owenrumney/go-sarif/v3"

// sarifSchemaText returns the SARIF 2.1.0 schema shipped in go-sarif.
func sarifSchemaText(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", goSarifModule).Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		dir = filepath.Join("..", "..", "vendor", filepath.FromSlash(goSarifModule)) // -mod=vendor
	}
	src, rerr := os.ReadFile(filepath.Join(dir, "pkg", "report", "v210", "sarif", "schema.go"))
	if rerr != nil {
		t.Fatalf("the SARIF schema from %s: %v (go list: %v)", goSarifModule, rerr, err)
	}
	s := string(src)
	start := strings.Index(s, "const schema = `")
	if start < 0 {
		t.Fatalf("%s no longer has its schema constant where expected", goSarifModule)
	}
	s = s[start+len("const schema = `"):]
	end := strings.Index(s, "`")
	if end < 0 || !strings.Contains(s[:end], "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema") {
		t.Fatalf("%s: unexpected schema text", goSarifModule)
	}
	return s[:end]
}

func TestSARIFSchema(t *testing.T) {
	schema := gojsonschema.NewStringLoader(sarifSchemaText(t))
	for _, lang := range []string{"ja", "en"} {
		out := render(t, "sarif", testReport(t, lang))
		res, err := gojsonschema.Validate(schema, gojsonschema.NewBytesLoader(out))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: %s", lang, e)
		}
		// A SARIF consumer reads it.
		rep, err := gosarif.FromBytes(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Runs) != 1 || len(rep.Runs[0].Results) != 4 || len(rep.Runs[0].Tool.Driver.Rules) != 8 {
			t.Errorf("%s: go-sarif read %d runs", lang, len(rep.Runs))
		}
	}
	// An empty report is valid too.
	out := render(t, "sarif", &Report{Tool: "clauselint", Version: "dev"})
	if res, err := gojsonschema.Validate(schema, gojsonschema.NewBytesLoader(out)); err != nil || !res.Valid() {
		t.Errorf("empty report: %v %v", err, res.Errors())
	}
}

// TestSARIFContent checks what GitHub code scanning relies on, field by field.
func TestSARIFContent(t *testing.T) {
	type region struct{ StartLine, StartColumn, EndLine, EndColumn int }
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI, URIBaseID string }
			Region           region
		}
		Message *struct{ Text string }
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct {
					Name, Version, SemanticVersion, InformationURI string
					Rules                                          []struct {
						ID, Name                          string
						ShortDescription, FullDescription struct{ Text string }
						Help                              struct{ Text, Markdown string }
						DefaultConfiguration              struct{ Level string }
						Properties                        struct{ Tags []string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           int
				Level               string
				Message             struct{ Text string }
				Locations           []location
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind, Justification string }
			}
		}
	}
	for _, lang := range []string{"ja", "en"} {
		if err := json.Unmarshal(render(t, "sarif", testReport(t, lang)), &log); err != nil {
			t.Fatal(err)
		}
		if log.Version != "2.1.0" || len(log.Runs) != 1 {
			t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
		}
		run := log.Runs[0]
		d := run.Tool.Driver
		if d.Name != "clauselint" || d.Version != "1.2.0" || d.SemanticVersion != "1.2.0" || d.InformationURI == "" || run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("driver %+v, columnKind %q", d, run.ColumnKind)
		}
		levels := map[string]string{}
		for i, rl := range d.Rules {
			levels[rl.ID] = rl.DefaultConfiguration.Level
			if rl.ShortDescription.Text == "" || rl.FullDescription.Text == "" || rl.Help.Text == "" || rl.Help.Markdown == "" || len(rl.Properties.Tags) == 0 || rl.Name == "" {
				t.Errorf("rule %d incomplete: %+v", i, rl)
			}
		}
		if levels["P2-COMMON-10/prior-consent"] != "error" || levels["P2-COMMON-12/return-or-erase"] != "warning" || levels["P2-INTRO-02/patching"] != "note" {
			t.Errorf("levels %v", levels)
		}
		rl := d.Rules[0]
		if rl.ID != "P2-COMMON-08/safeguards" || rl.Name != "P2Common08Safeguards" {
			t.Errorf("first rule %q %q", rl.ID, rl.Name)
		}
		wantShort := map[string]string{"ja": "(a) 安全管理措置を講じる", "en": "(a) the vendor takes safety-management measures"}[lang]
		if rl.ShortDescription.Text != wantShort || !strings.Contains(rl.Help.Text, map[string]string{"ja": "推奨される条項: 乙は、甲の個人情報", "en": "Suggested clause: The vendor shall take"}[lang]) {
			t.Errorf("%s: rule texts %+v", lang, rl)
		}
		if len(run.Results) != 4 {
			t.Fatalf("%d results, want 4", len(run.Results))
		}
		for _, res := range run.Results {
			if d.Rules[res.RuleIndex].ID != res.RuleID || len(res.Locations) != 1 || res.PartialFingerprints[fingerprintKey] == "" {
				t.Errorf("result %+v", res)
			}
			a := res.Locations[0].PhysicalLocation.ArtifactLocation
			if a.URI != "contracts/%E4%BF%9D%E5%AE%88%20%E5%A5%91%E7%B4%84%E6%9B%B8%20v2.md" || a.URIBaseID != "%SRCROOT%" {
				t.Errorf("artifact %+v", a)
			}
		}
		con := run.Results[1]
		if got := con.Locations[0].PhysicalLocation.Region; con.RuleID != "P2-COMMON-11/duty-to-inform" || con.Level != "error" ||
			got != (region{StartLine: 15, StartColumn: 1, EndLine: 16, EndColumn: 13}) {
			t.Errorf("contradicted result %s at %+v", con.RuleID, got)
		}
		miss := run.Results[0]
		if got := miss.Locations[0].PhysicalLocation.Region; got != (region{StartLine: 1}) {
			t.Errorf("missing clause at %+v", got)
		}
		says := map[string]string{"ja": "文書の先頭を指しています", "en": "points at the start of the document"}[lang]
		if !strings.Contains(miss.Message.Text, says) || !strings.HasPrefix(miss.Message.Text, map[string]string{"ja": "[欠落] 再委託先の選定・管理", "en": "[missing] Choosing and managing subcontractors"}[lang]) {
			t.Errorf("%s: missing message %q", lang, miss.Message.Text)
		}
		if w := run.Results[3]; len(w.Suppressions) != 1 || w.Suppressions[0].Kind != "external" || !strings.Contains(w.Suppressions[0].Justification, "SLA第3条") {
			t.Errorf("waived result %+v", w)
		}
	}
}

func TestSemver(t *testing.T) {
	for in, want := range map[string]string{"1.2.0": "1.2.0", "v0.3.1-rc.1": "0.3.1-rc.1", "dev": "", "(devel)": "", "1.2": ""} {
		if got := semver(in); got != want {
			t.Errorf("semver(%q) = %q, want %q", in, got, want)
		}
	}
}
