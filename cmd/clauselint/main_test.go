package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var bin string

// TestMain builds the command once; the tests run it as a user would.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "clauselint-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "clauselint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "GITHUB_STEP_SUMMARY=")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// TestExitStatus: 0 nothing at or above --fail-on, 1 findings, 2 usage,
// configuration, rule or input errors, with a message naming the file.
func TestExitStatus(t *testing.T) {
	consent := "乙は、あらかじめ甲の書面による承諾を得なければ、本業務を第三者に再委託してはならない。\n"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string // must appear in standard error
		stdout string // must appear in standard output
	}{
		{"satisfied element", consent, []string{"check", "--only", "P2-COMMON-10/prior-consent", "-"}, 0, "", "✓"},
		{"missing element fails", "乙は誠実に業務を行う。\n", []string{"check", "--only", "P2-COMMON-10/prior-consent", "-"}, 1, "", "✗"},
		{"fail-on never", "乙は誠実に業務を行う。\n", []string{"check", "--fail-on", "never", "--only", "P2-COMMON-10", "-"}, 0, "", ""},
		{"english", "乙は誠実に業務を行う。\n", []string{"check", "--lang", "en", "--fail-on", "never", "--only", "P2-COMMON-10", "-"}, 0, "", "missing"},
		{"no such file", "", []string{"check", "testdata/inputs/nope.md"}, 2, "testdata/inputs/nope.md: no such file", ""},
		{"empty file", "", []string{"check", "testdata/inputs/empty.txt"}, 2, "testdata/inputs/empty.txt: empty file", ""},
		{"binary file", "", []string{"check", "testdata/inputs/binary.txt"}, 2, "testdata/inputs/binary.txt: binary file", ""},
		{"unknown encoding", "", []string{"check", "testdata/inputs/latin1.txt"}, 2, "testdata/inputs/latin1.txt: unknown encoding", ""},
		{"broken docx", "", []string{"check", "testdata/inputs/broken.docx"}, 2, "testdata/inputs/broken.docx:", ""},
		{"empty stdin", "", []string{"check", "-"}, 2, "<stdin>: empty file", ""},
		{"unknown rule in --only", consent, []string{"check", "--only", "P9-NOPE", "-"}, 2, `unknown rule ID "P9-NOPE"`, ""},
		{"unknown element in --disable", consent, []string{"check", "--disable", "P2-COMMON-10/nope", "-"}, 2, `rule P2-COMMON-10 has no element "nope"`, ""},
		{"unknown format", consent, []string{"check", "--format", "yaml", "-"}, 2, `unknown format "yaml"`, ""},
		{"bad fail-on", consent, []string{"check", "--fail-on", "sometimes", "-"}, 2, "--fail-on", ""},
		{"bad lang", consent, []string{"check", "--lang", "fr", "-"}, 2, "--lang", ""},
		{"bad profile", consent, []string{"check", "--profile", "売買", "-"}, 2, "--profile", ""},
		{"no args", "", []string{"check"}, 2, "requires at least 1 arg", ""},
		{"bad rule folder", consent, []string{"check", "--rules", "testdata/rules-bad/unknown-concept", "-"}, 2, `X-1.yaml:7:19: unknown lexicon concept "存在しない概念"`, ""},
		{"output onto input", "", []string{"check", "--output", "testdata/inputs/sjis.txt", "testdata/inputs/sjis.txt"}, 2, "never writes to a contract", ""},
		{"version", "", []string{"version"}, 0, "", "rules "},
		{"docx input", "", []string{"check", "--fail-on", "never", "--explain", "--only", "P2-COMMON-10/prior-consent", "testdata/docx/contract_ja.docx"}, 0, "", "第4条 testdata/docx/contract_ja.docx 段落14"},
		{"pdf input", "", []string{"check", "--fail-on", "never", "--only", "P2-COMMON-10/prior-consent", "testdata/pdf/contract_ja_cid.pdf"}, 0, "", "(pdf, PDF text layer)"},
		{"scanned pdf", "", []string{"check", "testdata/pdf/scanned_ja.pdf"}, 2, "testdata/pdf/scanned_ja.pdf: the PDF has no text layer", ""},
		{"config waiver", "乙は誠実に業務を行う。\n", []string{"check", "--config", "testdata/config/waive.yaml", "--only", "P2-COMMON-10", "-"}, 0, "", "別途覚書で合意済み"},
		{"config expired waiver is a finding", "乙は誠実に業務を行う。\n", []string{"check", "--config", "testdata/config/expired.yaml", "--only", "P2-COMMON-10", "-"}, 1, "", "免除の期限切れ"},
		{"config severity override", "乙は誠実に業務を行う。\n", []string{"check", "--config", "testdata/config/severity.yaml", "--only", "P2-COMMON-10", "-"}, 0, "", "[info]"},
		{"config lexicon addition", "乙は、本業務を第三者に再委託する場合、あらかじめ甲の書面による了承を得なければならない。\n", []string{"check", "--config", "testdata/config/severity.yaml", "--only", "P2-COMMON-10/prior-consent", "-"}, 0, "", "✓"},
		{"config unknown key", consent, []string{"check", "--config", "testdata/config/unknown-key.yaml", "-"}, 2, "testdata/config/unknown-key.yaml:2:1: field fail_on not found", ""},
		{"config unknown ID", consent, []string{"check", "--config", "testdata/config/unknown-id.yaml", "-"}, 2, `testdata/config/unknown-id.yaml:3:5: unknown rule ID "P2-COMMON-99"`, ""},
		{"config unknown element", consent, []string{"check", "--config", "testdata/config/unknown-id.yaml", "-"}, 2, `unknown-id.yaml:5:3: rule P2-COMMON-12 has no element "nope"`, ""},
		{"config waiver without reason", consent, []string{"check", "--config", "testdata/config/no-reason.yaml", "-"}, 2, "a reason is required", ""},
		{"config not found", consent, []string{"check", "--config", "testdata/config/none.yaml", "-"}, 2, "configuration file not found", ""},
		{"in-document disable", "", []string{"check", "--only", "P2-COMMON-10", "testdata/config/disable-directive.md"}, 0, "", "別途覚書で合意済み"},
		{"in-document disable needs a reason", "", []string{"check", "testdata/config/disable-no-reason.md"}, 2, "disable-no-reason.md:3:1: clauselint-disable P2-COMMON-10 needs a reason", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout %q does not contain %q", r.stdout, tt.stdout)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("panicked: %s", r.stderr)
			}
		})
	}
}

// TestEncodings: every supported encoding decodes to the same findings.
func TestEncodings(t *testing.T) {
	for _, f := range []string{"sjis.txt", "eucjp.txt", "utf16.txt"} {
		t.Run(f, func(t *testing.T) {
			r := run(t, "", "check", "--format", "json", "--only", "P2-COMMON-10/prior-consent", "testdata/inputs/"+f)
			var rep struct {
				Targets []struct {
					Encoding string
					Items    []struct {
						Elements []struct {
							Status   string
							Evidence []struct {
								Label string
								Line  int
							}
						}
					}
				}
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatalf("%v\n%s\n%s", err, r.stdout, r.stderr)
			}
			el := rep.Targets[0].Items[0].Elements[0]
			if el.Status != "satisfied" || el.Evidence[0].Label != "第1条" || el.Evidence[0].Line != 2 {
				t.Errorf("%s: got %+v", rep.Targets[0].Encoding, el)
			}
		})
	}
}

// TestNeverWritesInputs: checking leaves the contracts byte for byte as they were.
func TestNeverWritesInputs(t *testing.T) {
	path := "../../testdata/inputs/sjis.txt"
	before, _ := os.ReadFile(path)
	run(t, "", "check", "--format", "json", "testdata/inputs/")
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("input changed")
	}
}

// TestBundle: with --bundle the files are one agreement: an element
// satisfied in any file is satisfied, and the evidence names its file.
func TestBundle(t *testing.T) {
	args := []string{"check", "--format", "json", "--fail-on", "never", "--only", "P2-COMMON-10/prior-consent,P2-COMMON-10/vendor-liability"}
	files := []string{"testdata/bundle/contract.md", "testdata/bundle/sla.md"}
	type rep struct {
		Targets []struct {
			Files []string
			Items []struct {
				Elements []struct {
					ID       string
					Status   string
					Evidence []struct{ File string }
				}
			}
		}
	}
	var apart, together rep
	if err := json.Unmarshal([]byte(run(t, "", append(args, files...)...).stdout), &apart); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(run(t, "", append(append(args, "--bundle"), files...)...).stdout), &together); err != nil {
		t.Fatal(err)
	}
	if len(apart.Targets) != 2 || len(together.Targets) != 1 || len(together.Targets[0].Files) != 2 {
		t.Fatalf("targets: %d apart, %d together", len(apart.Targets), len(together.Targets))
	}
	got := map[string]string{}
	for _, el := range together.Targets[0].Items[0].Elements {
		if el.Status != "satisfied" {
			t.Errorf("bundle: %s is %s", el.ID, el.Status)
			continue
		}
		got[el.ID] = el.Evidence[0].File
	}
	if got["prior-consent"] != files[0] || got["vendor-liability"] != files[1] {
		t.Errorf("evidence files: %v", got)
	}
	for i, tg := range apart.Targets {
		n := 0
		for _, el := range tg.Items[0].Elements {
			if el.Status == "satisfied" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s alone satisfies %d elements, want 1", files[i], n)
		}
	}
}
