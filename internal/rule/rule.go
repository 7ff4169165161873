// Package rule owns the rule files: the YAML schema of a checklist item and
// its elements, strict decoding (unknown keys, wrong types, unknown lexicon
// concepts and duplicate IDs are errors with file:line:column), the shared
// lexicon, and compiling every term into lemma sequences once, at load.
package rule

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/clauselint/clauselint/internal/morph"
)

// Pos is a position in a rule file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Error is a problem in a rule or lexicon file.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Str is a scalar that remembers where it was written.
type Str struct {
	Value string
	Pos   Pos
}

// UnmarshalYAML keeps the node's position.
func (s *Str) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: expected a string", n.Line)}}
	}
	s.Value, s.Pos = n.Value, Pos{Line: n.Line, Col: n.Column}
	return nil
}

// Rule is one checklist item.
type Rule struct {
	ID         Str       `yaml:"id"`
	Title      string    `yaml:"title"`
	TitleEN    string    `yaml:"title-en"`
	Checklist  string    `yaml:"checklist"`
	Part       string    `yaml:"part"`
	Section    string    `yaml:"section"`
	Number     string    `yaml:"number"`
	Mark       string    `yaml:"mark"`
	Coverage   string    `yaml:"coverage"`
	Contracts  []string  `yaml:"contracts"`
	Severity   Str       `yaml:"severity"`
	Summary    string    `yaml:"summary"`
	SummaryEN  string    `yaml:"summary-en"`
	Risk       string    `yaml:"risk"`
	RiskEN     string    `yaml:"risk-en"`
	References []string  `yaml:"references"`
	Lexicon    yaml.Node `yaml:"lexicon"`
	Elements   []Element `yaml:"elements"`
	Examples   []Example `yaml:"examples"`

	File string `yaml:"-"`
}

// Element is one checkable sub-point of an item.
type Element struct {
	ID         Str       `yaml:"id"`
	Label      string    `yaml:"label"`
	LabelEN    string    `yaml:"label-en"`
	Party      Str       `yaml:"party"`
	Scope      Str       `yaml:"scope"`
	Satisfy    []Pattern `yaml:"satisfy"`
	Contradict []Pattern `yaml:"contradict"`
	Suggest    string    `yaml:"suggest"`
	// Discretion "allowed" means a duty conditioned on the vendor's own
	// judgement still counts (「必要と判断したときは…提案しなければならない」
	// is what P2-COMMON-12 asks); by default it contradicts.
	Discretion string `yaml:"discretion"`
	SuggestEN  string `yaml:"suggest-en"`
}

// Pattern is a conjunction of terms in one scope plus what must be done
// with its key term.
type Pattern struct {
	All    []Str  `yaml:"all"`
	Any    []Str  `yaml:"any"`
	None   []Str  `yaml:"none"`
	Key    Str    `yaml:"key"`
	Status []Str  `yaml:"status"`
	Party  Str    `yaml:"party"` // overrides the element's party for this pattern
	Note   string `yaml:"note"`

	// compiled
	all, any, none []*Concept
	key            *Concept
	statuses       []morph.Status
}

// Example is a rule example run as a test.
type Example struct {
	Text    string            `yaml:"text"`
	Want    map[string]string `yaml:"want"`
	Profile string            `yaml:"profile"`
	Note    string            `yaml:"note"`
	Line    int               `yaml:"-"`
	Col     int               `yaml:"-"`
}

// Severity levels, most severe first.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)

// SeverityRank orders severities: error 3, warning 2, info 1.
func SeverityRank(s string) int {
	switch s {
	case SevError:
		return 3
	case SevWarning:
		return 2
	case SevInfo:
		return 1
	}
	return 0
}

// Scope of an element.
const (
	ScopeSentence  = "sentence"
	ScopeParagraph = "paragraph"
	ScopeArticle   = "article"
)

// Parties that bear a duty.
const (
	PartyVendor   = "vendor"
	PartyHospital = "hospital"
	PartyAny      = "any"
)

// Compiled accessors used by the engine.

// Terms returns the compiled concepts of a pattern.
func (p *Pattern) Terms() (all, any, none []*Concept, key *Concept) {
	return p.all, p.any, p.none, p.key
}

// Statuses returns the statuses that make the pattern hold.
func (p *Pattern) Statuses() []morph.Status { return p.statuses }

// String renders a pattern for `clauselint rules show`.
func (p *Pattern) String() string {
	list := func(name string, l []Str) string {
		if len(l) == 0 {
			return ""
		}
		v := make([]string, len(l))
		for i, s := range l {
			v[i] = s.Value
		}
		return name + " [" + strings.Join(v, ", ") + "] "
	}
	st := make([]string, len(p.statuses))
	for i, s := range p.statuses {
		st[i] = s.String()
	}
	return list("all", p.All) + list("any", p.Any) + list("none", p.None) + "key " + p.Key.Value + " is " + strings.Join(st, "|")
}
