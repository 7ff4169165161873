// Package eval owns measurement: it runs the engine on a labelled
// evaluation set (clauses and whole contracts, testdata/eval) and computes,
// per element and overall, precision and recall of "satisfied" and of
// "contradicted" and the confusion matrix, so that a change to rules or to
// the engine is judged by numbers, not by impressions.
package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/structure"
)

// Statuses of the confusion matrix, gold in rows, predictions in columns.
var Statuses = []check.Status{check.Satisfied, check.Partial, check.Contradicted, check.Missing}

// Matrix counts gold × predicted statuses.
type Matrix map[check.Status]map[check.Status]int

func (m Matrix) add(gold, pred check.Status) {
	if m[gold] == nil {
		m[gold] = map[check.Status]int{}
	}
	m[gold][pred]++
}

// Scores are the figures for one element or overall.
type Scores struct {
	Cases                   int     `json:"cases"`
	SatisfiedPrecision      float64 `json:"satisfiedPrecision"`
	SatisfiedRecall         float64 `json:"satisfiedRecall"`
	ContradictedPrecision   float64 `json:"contradictedPrecision"`
	ContradictedRecall      float64 `json:"contradictedRecall"`
	ContradictedAsSatisfied int     `json:"contradictedAsSatisfied"`
	Matrix                  Matrix  `json:"matrix"`
}

// Miss is one case where the tool and the label disagree.
type Miss struct {
	Case    string       `json:"case"`
	Element string       `json:"element"`
	Gold    check.Status `json:"gold"`
	Pred    check.Status `json:"pred"`
	Why     string       `json:"why"`
	Text    string       `json:"text,omitempty"`
}

// Result of an evaluation run over one folder.
type Result struct {
	Dir        string            `json:"dir"`
	Clauses    int               `json:"clauses"`
	Contracts  int               `json:"contracts"`
	Overall    Scores            `json:"overall"`
	Elements   map[string]Scores `json:"elements"`
	Misses     []Miss            `json:"misses"`
	PartiesOK  int               `json:"partiesOK"`
	PartiesAll int               `json:"partiesAll"`
}

type clause struct {
	ID       string            `yaml:"id"`
	Style    string            `yaml:"style"`
	Hospital string            `yaml:"hospital"`
	Text     string            `yaml:"text"`
	Want     map[string]string `yaml:"want"`
	Decisive string            `yaml:"decisive"`
	Note     string            `yaml:"note"`
}

type contractWant struct {
	Hospital string                `yaml:"hospital"`
	Vendor   string                `yaml:"vendor"`
	Want     map[string]contractEl `yaml:"want"`
}

type contractEl struct {
	Status   string `yaml:"status"`
	At       string `yaml:"at"`
	Decisive string `yaml:"decisive"`
}

// Engines makes an engine for a case: the hospital name is given for
// clauses (a clause alone has no definitions) and read from the contract
// for whole contracts ("").
type Engines func(hospital string) *check.Engine

// Run evaluates the folder dir (clauses-*.yaml, contract-*.{md,txt} with
// contract-*.want.yaml beside each).
func Run(dir string, engines Engines) (*Result, error) {
	res := &Result{Dir: dir, Elements: map[string]Scores{}}
	counts := map[string]Matrix{}
	record := func(caseID, el string, gold, pred check.Status, why, text string) {
		if counts[el] == nil {
			counts[el] = Matrix{}
		}
		counts[el].add(gold, pred)
		if gold != pred {
			res.Misses = append(res.Misses, Miss{Case: caseID, Element: el, Gold: gold, Pred: pred, Why: why, Text: text})
		}
	}
	clauseFiles, _ := filepath.Glob(filepath.Join(dir, "clauses-*.yaml"))
	for _, f := range clauseFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var cs []clause
		if err := yaml.Unmarshal(data, &cs); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, c := range cs {
			doc, err := document.Parse(c.ID+".txt", []byte(c.Text))
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", f, c.ID, err)
			}
			t := engines(c.Hospital).Check([]*structure.Document{structure.Parse(doc)})
			if err := score(t, c.Want, func(el string, gold, pred check.Status, why string) {
				record(c.ID, el, gold, pred, why, c.Text)
			}); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", f, c.ID, err)
			}
			res.Clauses++
		}
	}
	wantFiles, _ := filepath.Glob(filepath.Join(dir, "*.want.yaml"))
	for _, wf := range wantFiles {
		base := strings.TrimSuffix(wf, ".want.yaml")
		var src string
		for _, ext := range []string{".md", ".txt", ".docx"} {
			if _, err := os.Stat(base + ext); err == nil {
				src = base + ext
			}
		}
		if src == "" {
			return nil, fmt.Errorf("%s: no contract beside it", wf)
		}
		data, err := os.ReadFile(wf)
		if err != nil {
			return nil, err
		}
		var w contractWant
		if err := yaml.Unmarshal(data, &w); err != nil {
			return nil, fmt.Errorf("%s: %w", wf, err)
		}
		doc, err := document.ReadFile(src)
		if err != nil {
			return nil, err
		}
		t := engines("").Check([]*structure.Document{structure.Parse(doc)})
		want := map[string]string{}
		for el, x := range w.Want {
			want[el] = x.Status
		}
		name := filepath.Base(src)
		if err := score(t, want, func(el string, gold, pred check.Status, why string) {
			record(name, el, gold, pred, why, "")
		}); err != nil {
			return nil, fmt.Errorf("%s: %w", wf, err)
		}
		res.Contracts++
		res.PartiesAll++
		if len(t.Parties) > 0 && slices.Contains(t.Parties[0].Hospital, w.Hospital) && slices.Contains(t.Parties[0].Vendor, w.Vendor) {
			res.PartiesOK++
		} else {
			res.Misses = append(res.Misses, Miss{Case: name, Element: "parties", Why: fmt.Sprintf("hospital %v vendor %v, want %s / %s", t.Parties[0].Hospital, t.Parties[0].Vendor, w.Hospital, w.Vendor)})
		}
	}
	all := Matrix{}
	for el, m := range counts {
		res.Elements[el] = scores(m)
		for g, row := range m {
			for p, n := range row {
				for range n {
					all.add(g, p)
				}
			}
		}
	}
	res.Overall = scores(all)
	sort.Slice(res.Misses, func(i, j int) bool {
		if res.Misses[i].Element != res.Misses[j].Element {
			return res.Misses[i].Element < res.Misses[j].Element
		}
		return res.Misses[i].Case < res.Misses[j].Case
	})
	return res, nil
}

// score compares every element of every item with the labels (unlisted =
// missing) and reports each pair.
func score(t *check.Target, want map[string]string, rec func(el string, gold, pred check.Status, why string)) error {
	known := map[string]bool{}
	items := map[string]bool{}
	for _, it := range t.Items {
		items[it.ID] = true
		for _, el := range it.Elements {
			id := it.ID + "/" + el.ID
			known[id] = true
			gold := check.Status(want[id])
			if gold == "" {
				gold = check.Missing
			}
			why := el.Why
			if len(el.Evidence) > 0 {
				why = el.Evidence[0].Label + " " + el.Evidence[0].Why
			}
			rec(id, gold, el.Status, why)
		}
	}
	for id := range want {
		item, _, _ := strings.Cut(id, "/")
		if !known[id] && items[item] {
			return fmt.Errorf("label for unknown element %s", id)
		}
	}
	return nil
}

func scores(m Matrix) Scores {
	s := Scores{Matrix: m}
	col := func(p check.Status) int {
		n := 0
		for _, row := range m {
			n += row[p]
		}
		return n
	}
	row := func(g check.Status) int {
		n := 0
		for _, v := range m[g] {
			n += v
		}
		return n
	}
	for _, row := range m {
		for _, n := range row {
			s.Cases += n
		}
	}
	s.SatisfiedPrecision = ratio(m[check.Satisfied][check.Satisfied], col(check.Satisfied))
	s.SatisfiedRecall = ratio(m[check.Satisfied][check.Satisfied], row(check.Satisfied))
	s.ContradictedPrecision = ratio(m[check.Contradicted][check.Contradicted], col(check.Contradicted))
	s.ContradictedRecall = ratio(m[check.Contradicted][check.Contradicted], row(check.Contradicted))
	s.ContradictedAsSatisfied = m[check.Contradicted][check.Satisfied]
	return s
}

// ratio is n/d, and 1 when there is nothing to get wrong (d == 0).
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}
