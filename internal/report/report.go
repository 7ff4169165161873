// Package report owns output: one small interface, Formatter, and one file
// per format (text, json, …). A formatter only renders results; it decides
// nothing about them.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/rule"
)

// Report is everything a formatter may show.
type Report struct {
	Tool         string
	Version      string
	RulesVersion string
	Lang         string // ja | en
	Color        bool
	Explain      bool
	Targets      []*check.Target
	Rules        *rule.Set
}

// Formatter renders a report.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// FormatterFunc adapts a function to Formatter.
type FormatterFunc func(w io.Writer, r *Report) error

// Format calls f.
func (f FormatterFunc) Format(w io.Writer, r *Report) error { return f(w, r) }

var formats = map[string]Formatter{}

// Register adds a format; each format file registers itself.
func Register(name string, f Formatter) { formats[name] = f }

// Get returns a format by name.
func Get(name string) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (use %s)", name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Names lists the formats.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Counts adds up item statuses over all targets.
func (r *Report) Counts() check.Counts {
	var c check.Counts
	for _, t := range r.Targets {
		for _, it := range t.Items {
			c.Add(it.Status)
		}
	}
	return c
}

// en reports whether English was asked for.
func (r *Report) en() bool { return r.Lang == "en" }

// rule and element lookups for localised text.
func (r *Report) rule(id string) *rule.Rule {
	if r.Rules == nil {
		return nil
	}
	x, _ := r.Rules.Rule(id)
	return x
}

func (r *Report) element(ruleID, elID string) *rule.Element {
	x := r.rule(ruleID)
	if x == nil {
		return nil
	}
	for i := range x.Elements {
		if x.Elements[i].ID.Value == elID {
			return &x.Elements[i]
		}
	}
	return nil
}

// Title is an item's title in the report's language.
func (r *Report) Title(it *check.ItemResult) string {
	if x := r.rule(it.ID); r.en() && x != nil && x.TitleEN != "" {
		return x.TitleEN
	}
	return it.Title
}

// Risk is an item's risk in the report's language.
func (r *Report) Risk(it *check.ItemResult) string {
	if x := r.rule(it.ID); r.en() && x != nil && x.RiskEN != "" {
		return x.RiskEN
	}
	return it.Risk
}

// Label is an element's label in the report's language.
func (r *Report) Label(it *check.ItemResult, el *check.ElementResult) string {
	if x := r.element(it.ID, el.ID); r.en() && x != nil && x.LabelEN != "" {
		return x.LabelEN
	}
	return el.Label
}

// Suggest is an element's suggested clause in the report's language.
func (r *Report) Suggest(it *check.ItemResult, el *check.ElementResult) string {
	if x := r.element(it.ID, el.ID); r.en() && x != nil && x.SuggestEN != "" {
		return x.SuggestEN
	}
	return el.Suggest
}

// StatusWord names a status for people.
func (r *Report) StatusWord(s check.Status) string {
	if r.en() {
		return map[check.Status]string{
			check.Satisfied: "satisfied", check.Partial: "partial", check.Missing: "missing",
			check.Contradicted: "contradicted", check.NotApplicable: "not applicable", check.Waived: "waived",
		}[s]
	}
	return map[check.Status]string{
		check.Satisfied: "充足", check.Partial: "一部充足", check.Missing: "欠落",
		check.Contradicted: "矛盾", check.NotApplicable: "対象外", check.Waived: "免除",
	}[s]
}

// Symbol is the one-character mark of a status.
func Symbol(s check.Status) string {
	return map[check.Status]string{
		check.Satisfied: "✓", check.Partial: "△", check.Missing: "✗",
		check.Contradicted: "⚠", check.NotApplicable: "－", check.Waived: "◇",
	}[s]
}

// Disclaimer says what the tool is not.
func (r *Report) Disclaimer() string {
	if r.en() {
		return "This is a check of conformance to the checklist, not legal advice."
	}
	return "※ 確認表への適合を機械的に確認したものであり、法的助言ではありません。"
}

// Severe reports whether a status counts as a finding at its severity.
func Severe(s check.Status) bool {
	return s == check.Missing || s == check.Contradicted || s == check.Partial
}

// Summary is an item's summary (the checklist's 内容) in the report's
// language, falling back to the title when the rule has none.
func (r *Report) Summary(it *check.ItemResult) string {
	if x := r.rule(it.ID); r.en() && x != nil && x.SummaryEN != "" {
		return x.SummaryEN
	}
	if it.Summary == "" {
		return r.Title(it)
	}
	return it.Summary
}
