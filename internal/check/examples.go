package check

import (
	"fmt"
	"sort"

	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/internal/structure"
)

// ExampleResult is the outcome of one rule example.
type ExampleResult struct {
	Rule    string
	File    string
	Line    int
	Text    string
	Fails   []string // one line per element whose status differs
	Element map[string]ElementResult
}

// Passed reports whether every element came out as wanted.
func (r ExampleResult) Passed() bool { return len(r.Fails) == 0 }

// RunExamples evaluates a rule's examples: the elements an example lists
// must come out as listed, every other element of the rule as missing.
func (e *Engine) RunExamples(r *rule.Rule) []ExampleResult {
	opt := e.opt
	opt.Only = map[string]bool{r.ID.Value: true}
	opt.Disable, opt.Waivers = nil, nil
	var out []ExampleResult
	for _, ex := range r.Examples {
		opt.Profile = nil
		if ex.Profile != "" {
			opt.Profile = []string{ex.Profile}
		}
		eng := *e // the same rules and lexicon concepts, other options
		eng.opt = opt
		res := ExampleResult{Rule: r.ID.Value, File: r.File, Line: ex.Line, Text: ex.Text, Element: map[string]ElementResult{}}
		doc, err := document.Parse("example.txt", []byte(ex.Text))
		if err != nil {
			res.Fails = append(res.Fails, err.Error())
			out = append(out, res)
			continue
		}
		t := eng.Check([]*structure.Document{structure.Parse(doc)})
		var ids []string
		for _, item := range t.Items {
			for _, el := range item.Elements {
				res.Element[el.ID] = el
				ids = append(ids, el.ID)
			}
		}
		sort.Strings(ids)
		for _, id := range ids {
			want := Status(ex.Want[id])
			if want == "" {
				want = Missing
			}
			if got := res.Element[id]; got.Status != want {
				res.Fails = append(res.Fails, fmt.Sprintf("%s: got %s, want %s (%s)", id, got.Status, want, got.Why))
			}
		}
		out = append(out, res)
	}
	return out
}
