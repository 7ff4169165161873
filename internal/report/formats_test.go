package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/check"
)

// TestGolden renders the hand-made report in every new format, in Japanese
// and in English, and compares with testdata/report/<format>.<lang>.golden.
func TestGolden(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "") // the github format must not write a summary here
	formats := []struct{ name, ext string }{
		{"sarif", "sarif"}, {"github", "txt"}, {"rdjson", "json"}, {"markdown", "md"}, {"html", "html"}, {"checklist", "csv"},
	}
	for _, f := range formats {
		for _, lang := range []string{"ja", "en"} {
			t.Run(f.name+"/"+lang, func(t *testing.T) {
				got := render(t, f.name, testReport(t, lang))
				golden(t, f.name+"."+lang+"."+f.ext, got)
				// Deterministic: a second run gives the same bytes.
				if again := render(t, f.name, testReport(t, lang)); !bytes.Equal(got, again) {
					t.Errorf("%s is not the same from run to run", f.name)
				}
			})
		}
	}
}

func TestRegistered(t *testing.T) {
	for _, name := range []string{"sarif", "github", "rdjson", "markdown", "html", "checklist", "xlsx"} {
		if _, err := Get(name); err != nil {
			t.Error(err)
		}
	}
}

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{
		"report.json": "json", "out/r.sarif": "sarif", "a.HTML": "html", "a.htm": "html", "pr.md": "markdown",
		"確認表.csv": "checklist", "確認表 2024.XLSX": "xlsx", "report.txt": "text", "report": "text", "": "text",
	} {
		if got := FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
		if _, err := Get(FormatForPath(path)); err != nil && FormatForPath(path) != "text" && FormatForPath(path) != "json" {
			t.Errorf("%q maps to unregistered format: %v", path, err)
		}
	}
}

func TestFindings(t *testing.T) {
	r := testReport(t, "ja")
	var got []string
	for _, f := range findings(r, true) {
		got = append(got, ruleID(f.it, f.el)+" "+string(f.status)+" "+f.waiver)
	}
	want := []string{
		"P2-COMMON-10/vendor-liability missing ",
		"P2-COMMON-11/duty-to-inform contradicted ",
		"P2-COMMON-12/return-or-erase missing ",
		"P2-INTRO-02/patching missing SLA第3条 & 別紙|1 で定める(100%対応)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(findings(r, false)); n != 3 {
		t.Errorf("without waived: %d findings, want 3", n)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := ghData("100%\r\n次の行: a,b"), "100%25%0D%0A次の行: a,b"; got != want {
		t.Errorf("ghData = %q, want %q", got, want)
	}
	if got, want := ghProperty("保守 契約書: v2,%.md\n"), "保守 契約書%3A v2%2C%25.md%0A"; got != want {
		t.Errorf("ghProperty = %q, want %q", got, want)
	}
	out := string(render(t, "github", testReport(t, "ja")))
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, "::") {
			continue
		}
		// ::cmd props::message — the properties never hold a raw , : or newline
		m := regexp.MustCompile(`^::(error|warning|notice) (.*?)::(.*)$`).FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a workflow command: %q", line)
		}
		for _, p := range strings.Split(m[2], ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok || strings.ContainsAny(v, ":\r\n") || !regexp.MustCompile(`^(file|line|col|endLine|endColumn|title)$`).MatchString(k) {
				t.Errorf("bad property %q in %q", p, line)
			}
		}
	}
	if !strings.Contains(out, "::error file=contracts/保守 契約書 v2.md,line=15,col=1,endLine=16,title=clauselint P2-COMMON-11/duty-to-inform%3A セキュリティに関する情報提供義務::") {
		t.Errorf("contradicted annotation not found:\n%s", out)
	}
	if !strings.Contains(out, "::warning file=contracts/保守 契約書 v2.md,line=1,title=") {
		t.Errorf("missing clause not pointed at line 1:\n%s", out)
	}
	if strings.Contains(out, "P2-INTRO-02") || strings.Contains(out, "P2-INTRO-01") {
		t.Errorf("waived or not-applicable items annotated:\n%s", out)
	}
}

func TestGitHubStepSummary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte("# earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", path)
	r := testReport(t, "ja")
	stdout := render(t, "github", r)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "# earlier step\n" + string(render(t, "markdown", r))
	if string(data) != want {
		t.Errorf("job summary:\n%s\nwant:\n%s", data, want)
	}
	if bytes.Contains(stdout, []byte("| 項番 |")) {
		t.Error("the summary went to stdout too")
	}
	// Unset: nothing is written anywhere else.
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	render(t, "github", r)
	if again, _ := os.ReadFile(path); string(again) != want {
		t.Error("summary written with GITHUB_STEP_SUMMARY unset")
	}
}

func TestRDJSON(t *testing.T) {
	var out struct {
		Source      struct{ Name string }
		Severity    string
		Diagnostics []struct {
			Message  string
			Location struct {
				Path  string
				Range struct {
					Start struct{ Line, Column int }
					End   *struct{ Line, Column int }
				}
			}
			Severity    string
			Code        struct{ Value string }
			Suggestions []struct {
				Text string
			}
		}
	}
	r := testReport(t, "ja")
	if err := json.Unmarshal(render(t, "rdjson", r), &out); err != nil {
		t.Fatal(err)
	}
	if out.Source.Name != "clauselint" || out.Severity != "ERROR" || len(out.Diagnostics) != 3 {
		t.Fatalf("source %q severity %q, %d diagnostics", out.Source.Name, out.Severity, len(out.Diagnostics))
	}
	con := out.Diagnostics[1]
	ev := r.Targets[0].Items[2].Elements[0].Evidence[0]
	// Byte columns: the sentence starts the line, and ends after
	// 「提供する義務を負わない。」 on the next line: 12 characters, 36 bytes.
	if con.Code.Value != "P2-COMMON-11/duty-to-inform" || con.Location.Path != contractPath ||
		con.Location.Range.Start.Line != 15 || con.Location.Range.Start.Column != 1 ||
		con.Location.Range.End == nil || con.Location.Range.End.Line != 16 || con.Location.Range.End.Column != 37 ||
		ev.EndByteColumn != 37 || ev.EndColumn != 13 {
		t.Errorf("contradicted diagnostic: %+v (evidence end byte column %d, column %d)", con, ev.EndByteColumn, ev.EndColumn)
	}
	if len(con.Suggestions) != 1 || !strings.HasPrefix(con.Suggestions[0].Text, "乙は、甲に対し") {
		t.Errorf("suggestion: %+v", con.Suggestions)
	}
	miss := out.Diagnostics[0]
	if miss.Location.Range.Start.Line != 1 || miss.Location.Range.Start.Column != 0 || miss.Location.Range.End != nil || miss.Severity != "ERROR" {
		t.Errorf("missing diagnostic: %+v", miss)
	}
	if out.Diagnostics[2].Severity != "WARNING" {
		t.Errorf("warning item: %+v", out.Diagnostics[2])
	}
}

func TestMarkdownEscaping(t *testing.T) {
	out := string(render(t, "markdown", testReport(t, "ja")))
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		// Every row has exactly 4 cells: no unescaped | inside a cell.
		cells := regexp.MustCompile(`(^|[^\\])\|`).FindAllStringIndex(line, -1)
		if len(cells) != 5 {
			t.Errorf("row with %d separators: %q", len(cells), line)
		}
	}
	if !strings.Contains(out, `(再委託先 \| 孫委託先を含む)`) {
		t.Errorf("| in a suggested clause not escaped:\n%s", out)
	}
	if !strings.Contains(out, "稼働率が99.5%を下回る場合&lt;障害時&gt;") {
		t.Errorf("< in evidence not escaped:\n%s", out)
	}
	if !strings.Contains(out, "  > 乙は、再委託先の行為について") {
		t.Errorf("suggested clause not in a blockquote:\n%s", out)
	}
}

func TestChecklistCSV(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		out := render(t, "checklist", testReport(t, lang))
		if !bytes.HasPrefix(out, []byte("\ufeff")) {
			t.Fatal("no BOM")
		}
		rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 7 {
			t.Fatalf("%d rows, want header + 6", len(rows))
		}
		want := map[string][]string{
			"ja": {"はい", "いいえ", "いいえ", "いいえ", "対象外", "いいえ"},
			"en": {"Yes", "No", "No", "No", "N/A", "No"},
		}[lang]
		for i, row := range rows[1:] {
			if len(row) != checklistCols || row[colFirstCheck] != want[i] || row[colDone] != "" {
				t.Errorf("%s row %d: %q", lang, i+1, row)
			}
		}
		if lang == "ja" {
			if rows[0][0] != "項番" || rows[0][4] != "初回確認" || rows[0][7] != "完了日" {
				t.Errorf("header %q", rows[0])
			}
			if rows[4][colEvidence] != "該当条項なし" {
				t.Errorf("missing item evidence %q", rows[4][colEvidence])
			}
			if !strings.Contains(rows[2][colAction], "(再委託先 | 孫委託先を含む)") || strings.Contains(rows[2][colAction], "事前の承諾を要する:") {
				t.Errorf("partial item action %q", rows[2][colAction])
			}
			if rows[2][colDivision] != "Part2 共通" {
				t.Errorf("division %q", rows[2][colDivision])
			}
		}
	}
	if got := csvSafe("=HYPERLINK(\"x\")"); got != "'=HYPERLINK(\"x\")" {
		t.Errorf("csvSafe = %q", got)
	}
}

func TestSARIFURI(t *testing.T) {
	for in, want := range map[string]string{
		contractPath:         "contracts/%E4%BF%9D%E5%AE%88%20%E5%A5%91%E7%B4%84%E6%9B%B8%20v2.md",
		"./a b/c%d#e.txt":    "a%20b/c%25d%23e.txt",
		"<stdin>":            "%3Cstdin%3E",
		"C:/contracts/x.txt": "C%3A/contracts/x.txt",
	} {
		got, base := sarifURI(in)
		if got != want || base != "%SRCROOT%" {
			t.Errorf("sarifURI(%q) = %q, %q; want %q", in, got, base, want)
		}
	}
	outside := filepath.Join(filepath.VolumeName(os.TempDir()), string(filepath.Separator), "elsewhere", "契約 書.md")
	if wd, _ := os.Getwd(); !strings.HasPrefix(wd, string(filepath.Separator)+"elsewhere") {
		if got, base := sarifURI(outside); base != "" || !strings.HasPrefix(got, "file:///") {
			t.Errorf("absolute path outside the working folder: %q %q", got, base)
		}
	}
}

func TestSARIFFingerprintStable(t *testing.T) {
	r := testReport(t, "ja")
	fp := func(r *Report) []string {
		var out []string
		for _, f := range findings(r, true) {
			res := r.sarifResult(f, 0)
			out = append(out, res.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	before := fp(r)
	// The same clause, moved down the document, keeps its fingerprint.
	el := &r.Targets[0].Items[2].Elements[0]
	el.Evidence[0].Line += 7
	el.Evidence[0].EndLine += 7
	after := fp(r)
	if strings.Join(before, ",") != strings.Join(after, ",") {
		t.Errorf("fingerprints changed when the clause moved:\n%v\n%v", before, after)
	}
	seen := map[string]bool{}
	for _, f := range before {
		if seen[f] || len(f) != 32 {
			t.Errorf("fingerprint %q duplicated or malformed", f)
		}
		seen[f] = true
	}
	// Another wording of the clause is another finding.
	el.Evidence[0].Text = "乙は、情報を提供しない。"
	if fp(r)[1] == before[1] {
		t.Error("fingerprint ignores the clause's text")
	}
}

func TestStatusOnEmptyReport(t *testing.T) {
	r := &Report{Tool: "clauselint", Version: "dev", Lang: "ja"}
	for _, name := range []string{"sarif", "github", "rdjson", "markdown", "html", "checklist", "xlsx"} {
		t.Setenv("GITHUB_STEP_SUMMARY", "")
		if out := render(t, name, r); len(out) == 0 {
			t.Errorf("%s: empty output for an empty report", name)
		}
	}
	// A target with no Sources and no items still renders.
	r.Targets = []*check.Target{{Files: []string{"<stdin>"}, Format: "text"}}
	for _, name := range []string{"sarif", "markdown", "html", "checklist", "xlsx"} {
		render(t, name, r)
	}
}
