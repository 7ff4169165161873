package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/rules"
)

func load(t *testing.T) (*rule.Set, *check.Engine) {
	t.Helper()
	an, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	return set, check.New(set, an, check.Options{})
}

// TestExamples runs every example of every built-in rule: the elements it
// lists must come out as listed, the others as missing.
func TestExamples(t *testing.T) {
	set, engine := load(t)
	for _, r := range set.Rules {
		t.Run(r.ID.Value, func(t *testing.T) {
			for _, res := range engine.RunExamples(r) {
				if !res.Passed() {
					t.Errorf("%s:%d: %s\n\t%s", filepath.Base(res.File), res.Line, strings.Join(strings.Fields(res.Text), " "), strings.Join(res.Fails, "\n\t"))
				}
			}
		})
	}
}

// TestExampleCoverage: every element has at least three examples of each
// kind (satisfied, contradicted, missing), named in the example's want.
func TestExampleCoverage(t *testing.T) {
	set, _ := load(t)
	for _, r := range set.Rules {
		for _, el := range r.Elements {
			n := map[string]int{}
			for _, ex := range r.Examples {
				if w, ok := ex.Want[el.ID.Value]; ok {
					n[w]++
				}
			}
			for _, kind := range []string{"satisfied", "contradicted", "missing"} {
				if n[kind] < 3 {
					t.Errorf("%s/%s: %d %s examples, want at least 3", r.ID.Value, el.ID.Value, n[kind], kind)
				}
			}
		}
	}
}

// TestChecklistIDs: the built-in rules are exactly the items and elements of
// the checklist (../shared/CHECKLIST.md names them; the list is kept here so
// the test runs without it).
func TestChecklistIDs(t *testing.T) {
	want := map[string][]string{
		"P1-01":        {"disclosure-documents"},
		"P1-02":        {"scope-and-emergency"},
		"P2-COMMON-01": {"gl-conformance"},
		"P2-COMMON-08": {"safeguards", "incident-response"},
		"P2-COMMON-09": {"storage-requirements", "provider-assurance", "return-or-destruction"},
		"P2-COMMON-10": {"prior-consent", "vendor-liability", "subcontractor-reporting"},
		"P2-COMMON-11": {"duty-to-inform", "scope-defined"},
		"P2-COMMON-12": {"proactive-review", "proposal-to-hospital"},
		"P2-INTRO-01":  {"authentication-strength", "two-factor"},
		"P2-INTRO-02":  {"mutual-authentication", "storage-mutual-authentication"},
		"P2-INTRO-03":  {"channel-security"},
	}
	set, _ := load(t)
	got := map[string][]string{}
	for _, r := range set.Rules {
		for _, el := range r.Elements {
			got[r.ID.Value] = append(got[r.ID.Value], el.ID.Value)
		}
	}
	for id, els := range want {
		if strings.Join(got[id], ",") != strings.Join(els, ",") {
			t.Errorf("%s: elements %v, want %v", id, got[id], els)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected built-in rule %s", id)
		}
	}
	if _, err := os.Stat("../../shared/CHECKLIST.md"); err == nil {
		data, _ := os.ReadFile("../../shared/CHECKLIST.md")
		for id := range want {
			if !strings.Contains(string(data), id) {
				t.Errorf("%s is not in CHECKLIST.md", id)
			}
		}
	}
}
