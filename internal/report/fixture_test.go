package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/internal/structure"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/report")

const (
	testdataDir = "../../testdata/report"
	// contractPath has a space and Japanese characters on purpose.
	contractPath = "contracts/保守 契約書 v2.md"
)

var (
	rulesOnce sync.Once
	rulesSet  *rule.Set
	rulesErr  error
)

// testRules loads testdata/report/rules, which give the items English
// titles, labels and clauses (the formats look them up by ID).
func testRules(t *testing.T) *rule.Set {
	t.Helper()
	rulesOnce.Do(func() {
		a, err := morph.Shared()
		if err != nil {
			rulesErr = err
			return
		}
		rulesSet, rulesErr = rule.Load(a, []rule.Source{{Name: "testdata", FS: os.DirFS(filepath.Join(testdataDir, "rules"))}}, nil, "")
	})
	if rulesErr != nil {
		t.Fatal(rulesErr)
	}
	return rulesSet
}

// loadContract segments testdata/report/contract.md as if read from
// contractPath.
func loadContract(t *testing.T) *structure.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, "contract.md"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Parse(contractPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return structure.Parse(d)
}

// evidenceFor builds the evidence the engine would give for the clause
// sentence containing sub (the same fields check.context.evidence sets).
func evidenceFor(t *testing.T, sd *structure.Document, sub, key, status, why string) check.Evidence {
	t.Helper()
	doc := sd.Doc
	for _, s := range sd.Sentences {
		if s.Role != structure.Clause || !strings.Contains(doc.Text[s.Start:s.End], sub) {
			continue
		}
		ev := check.Evidence{File: doc.Path, Label: s.Label(), Offset: s.Start, EndOffset: s.End}
		ev.Line, ev.Column = doc.Position(s.Start)
		ev.EndLine, ev.EndColumn = doc.Position(s.End)
		ev.ByteColumn, ev.EndByteColumn = doc.ByteColumn(s.Start), doc.ByteColumn(s.End)
		ev.RuneOffset = utf8.RuneCountInString(doc.Text[:s.Start])
		ev.EndRuneOffset = ev.RuneOffset + utf8.RuneCountInString(doc.Text[s.Start:s.End])
		ev.Text = strings.TrimSpace(doc.Text[s.Start:s.End])
		ev.Terms = []string{key}
		ev.Key = key
		ev.Modality = "obligation"
		ev.KeyStatus = status
		ev.Why = why
		return ev
	}
	t.Fatalf("no clause contains %q", sub)
	return check.Evidence{}
}

// testReport is a hand-made report over contract.md with one item in each
// state: satisfied, partial, contradicted, missing, not applicable, waived.
func testReport(t *testing.T, lang string) *Report {
	t.Helper()
	sd := loadContract(t)
	set := testRules(t)
	item := func(id string) check.ItemResult {
		x, ok := set.Rule(id)
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		it := check.ItemResult{
			ID: id, Title: x.Title, Part: x.Part, Section: x.Section, Number: x.Number, Mark: x.Mark,
			Coverage: x.Coverage, Severity: x.Severity.Value, Summary: x.Summary, Risk: x.Risk, References: x.References,
		}
		for _, el := range x.Elements {
			it.Elements = append(it.Elements, check.ElementResult{ID: el.ID.Value, Label: el.Label, Suggest: el.Suggest})
		}
		return it
	}
	required := "「%s」が義務(又は前提条件)として定められている"
	sat := func(el *check.ElementResult, evs ...check.Evidence) {
		el.Status, el.Evidence, el.Why = check.Satisfied, evs, evs[0].Why
	}

	personal := item("P2-COMMON-08")
	sat(&personal.Elements[0], evidenceFor(t, sd, "安全管理措置", "安全管理措置", "required", strings.Replace(required, "%s", "安全管理措置", 1)))
	sat(&personal.Elements[1], evidenceFor(t, sd, "直ちに甲に報告", "報告", "required", strings.Replace(required, "%s", "報告", 1)))
	personal.Status = check.Satisfied

	subcontract := item("P2-COMMON-10")
	sat(&subcontract.Elements[0], evidenceFor(t, sd, "書面による承諾", "承諾", "required", strings.Replace(required, "%s", "承諾", 1)))
	subcontract.Elements[1].Status = check.Missing
	subcontract.Elements[1].Why = "該当する義務を定めた条項が見つからない"
	subcontract.Status = check.Partial

	inform := item("P2-COMMON-11")
	con := evidenceFor(t, sd, "義務を負わない", "提供", "waived", "「提供」が不要とされている(述語: 負わない)")
	con.Contradicts = true
	inform.Elements[0].Status = check.Contradicted
	inform.Elements[0].Evidence = []check.Evidence{con}
	inform.Elements[0].Why = "反対の趣旨の条項がある: " + con.Why
	inform.Status = check.Contradicted

	handover := item("P2-COMMON-12")
	handover.Elements[0].Status = check.Missing
	handover.Elements[0].Why = "該当する義務を定めた条項が見つからない(近い記述: 返還)"
	handover.Status = check.Missing

	intro := item("P2-INTRO-01")
	intro.Elements[0].Status = check.NotApplicable
	intro.Elements[0].Why = "この契約類型(プロファイル)には適用されない"
	intro.Status = check.NotApplicable

	vuln := item("P2-INTRO-02")
	vuln.Elements[0].Status = check.Missing
	vuln.Elements[0].Why = "該当する義務を定めた条項が見つからない"
	vuln.Status, vuln.Waiver = check.Waived, "SLA第3条 & 別紙|1 で定める(100%対応)"

	target := &check.Target{
		Files: []string{contractPath}, Format: "markdown", Encoding: "UTF-8",
		Items:   []check.ItemResult{personal, subcontract, inform, handover, intro, vuln},
		Notes:   []string{"当事者: 甲=医療機関、乙=事業者(前文の定義による)"},
		Sources: []*structure.Document{sd},
	}
	for _, it := range target.Items {
		target.Counts.Add(it.Status)
	}
	return &Report{
		Tool: "clauselint", Version: "1.2.0", RulesVersion: "2026.11.0", Lang: lang,
		Targets: []*check.Target{target}, Rules: set,
	}
}

// golden compares got with testdata/report/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testdataDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/report -update if the change is intended)\n--- got\n%s", name, got)
	}
}

// render runs a registered format.
func render(t *testing.T, format string, r *Report) []byte {
	t.Helper()
	f, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Format(&buf, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}
