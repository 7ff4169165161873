package rule

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/text"
)

// Concept is a named set of forms that mean one thing (承諾: 承諾, 同意, 許諾).
type Concept struct {
	ID    int // dense, per lexicon: engines index per-sentence caches by it
	Name  string
	Forms []Form
	// Anchors are the distinct anchors of the forms: a sentence containing
	// none of them cannot contain the concept.
	Anchors []string
}

func (c *Concept) addForm(f Form) {
	c.Forms = appendForm(c.Forms, f)
	as := f.Anchors
	if len(as) == 0 {
		as = []string{""} // a party form: no fixed anchor, never skipped
	}
	for _, fa := range as {
		if !slices.Contains(c.Anchors, fa) {
			c.Anchors = append(c.Anchors, fa)
		}
	}
}

// Form is one wording, tokenised into lemma keys (morph.Key: spelling
// variants folded).
type Form struct {
	Text   string
	Lemmas []string
	// Anchors: every occurrence contains one of them. They are the first
	// character of the first word in each of its spellings (kanji and kana
	// keep it under inflection), the cheap prefilter before any sentence is
	// tokenised. Empty for party forms.
	Anchors []string
	// Party, when set ("hospital" or "vendor"), makes the form stand for
	// whatever name the contract gives that party (甲, 当院, 委託者, お客様 …),
	// followed by Lemmas: 「@医療機関に」 matches 甲に in one contract and
	// 委託者に in another.
	Party string
}

// Party form prefixes: a word written @医療機関… or @事業者… in a lexicon or
// rule is the contract's own name for that party, then the rest.
var partyPrefixes = map[string]string{"@医療機関": PartyHospital, "@事業者": PartyVendor}

// Lexicon maps concept names to their forms.
type Lexicon struct {
	concepts map[string]*Concept
	pos      map[string]Pos
	size     int // concept IDs given out, literals included
}

// Size is the number of concept IDs given out.
func (l *Lexicon) Size() int { return l.size }

func (l *Lexicon) newConcept(name string) *Concept {
	c := &Concept{ID: l.size, Name: name}
	l.size++
	return c
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon {
	return &Lexicon{concepts: map[string]*Concept{}, pos: map[string]Pos{}}
}

// Names lists the concepts in order.
func (l *Lexicon) Names() []string {
	out := make([]string, 0, len(l.concepts))
	for n := range l.concepts {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Lookup returns a concept.
func (l *Lexicon) Lookup(name string) (*Concept, bool) {
	c, ok := l.concepts[name]
	return c, ok
}

// addMap merges concepts given as a map (from the configuration).
func (l *Lexicon) addMap(name string, m map[string][]string, a *morph.Analyzer) error {
	if len(m) == 0 {
		return nil
	}
	var node yaml.Node
	if err := node.Encode(m); err != nil {
		return err
	}
	return l.addNode(name, &node, a)
}

// addNode merges a YAML mapping of concept → list of forms.
func (l *Lexicon) addNode(file string, n *yaml.Node, a *morph.Analyzer) error {
	if n == nil || n.Kind == 0 {
		return nil
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	if n.Kind != yaml.MappingNode {
		return &Error{Pos{file, n.Line, n.Column}, "a lexicon is a mapping of concept names to lists of words"}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "" {
			return &Error{Pos{file, k.Line, k.Column}, "a concept name must be a non-empty string"}
		}
		// Another file may extend a concept; one file defining it twice is
		// a slip that would silently merge two meanings.
		if line, dup := seen[k.Value]; dup {
			return &Error{Pos{file, k.Line, k.Column}, fmt.Sprintf("concept %q is already defined at line %d of this file", k.Value, line)}
		}
		seen[k.Value] = k.Line
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			return &Error{Pos{file, v.Line, v.Column}, fmt.Sprintf("concept %q: expected a non-empty list of words", k.Value)}
		}
		c := l.concepts[k.Value]
		if c == nil {
			c = l.newConcept(k.Value)
			l.concepts[k.Value] = c
			l.pos[k.Value] = Pos{file, k.Line, k.Column}
		}
		for _, f := range v.Content {
			if f.Kind != yaml.ScalarNode || strings.TrimSpace(f.Value) == "" {
				return &Error{Pos{file, f.Line, f.Column}, fmt.Sprintf("concept %q: a word must be a non-empty string", k.Value)}
			}
			form, err := compileForm(f.Value, a)
			if err != nil {
				return &Error{Pos{file, f.Line, f.Column}, err.Error()}
			}
			c.addForm(form)
		}
	}
	return nil
}

func appendForm(forms []Form, f Form) []Form {
	for _, g := range forms {
		if g.Party == f.Party && strings.Join(g.Lemmas, "\x00") == strings.Join(f.Lemmas, "\x00") {
			return forms
		}
	}
	return append(forms, f)
}

// compileForm tokenises a wording the way sentences are tokenised.
func compileForm(s string, a *morph.Analyzer) (Form, error) {
	for prefix, party := range partyPrefixes {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(s), prefix); ok {
			f := Form{Text: s, Party: party}
			if rest != "" {
				for _, t := range a.Tokens(text.Normalize(rest).Text) {
					f.Lemmas = append(f.Lemmas, t.Key)
				}
			}
			return f, nil
		}
	}
	if strings.HasPrefix(strings.TrimSpace(s), "@") {
		return Form{}, fmt.Errorf("%q: a party word starts with @医療機関 or @事業者", s)
	}
	n := text.Normalize(strings.TrimSpace(s)).Text
	toks := a.Tokens(n)
	if len(toks) == 0 {
		return Form{}, fmt.Errorf("%q has no words", s)
	}
	f := Form{Text: n}
	for _, w := range append([]string{toks[0].Surface}, morph.Spellings(toks[0].Key)...) {
		_, size := utf8.DecodeRuneInString(w)
		if a := w[:size]; !slices.Contains(f.Anchors, a) {
			f.Anchors = append(f.Anchors, a)
		}
	}
	for _, t := range toks {
		f.Lemmas = append(f.Lemmas, t.Key)
	}
	return f, nil
}

// LiteralPrefix marks a term that is a word of its own, not a concept.
const LiteralPrefix = "="

// resolve finds the concept a term names, or compiles a literal.
func (l *Lexicon) resolve(file string, s Str, a *morph.Analyzer) (*Concept, error) {
	if lit, ok := strings.CutPrefix(s.Value, LiteralPrefix); ok {
		f, err := compileForm(lit, a)
		if err != nil {
			return nil, &Error{Pos{file, s.Pos.Line, s.Pos.Col}, err.Error()}
		}
		c := l.newConcept(s.Value)
		c.addForm(f)
		return c, nil
	}
	c, ok := l.concepts[s.Value]
	if !ok {
		return nil, &Error{Pos{file, s.Pos.Line, s.Pos.Col}, fmt.Sprintf("unknown lexicon concept %q (define it in a lexicon, or write a literal word as %q)", s.Value, LiteralPrefix+s.Value)}
	}
	return c, nil
}
