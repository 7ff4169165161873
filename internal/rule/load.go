package rule

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/party"
)

// Set is the loaded, compiled rules with their lexicon.
type Set struct {
	Rules   []*Rule
	Lexicon *Lexicon
	// Parties is the vocabulary the contract's parties are read with
	// (parties.yaml of every source, merged).
	Parties *party.Vocabulary
	byID    map[string]*Rule
}

// Rule returns a rule by ID.
func (s *Set) Rule(id string) (*Rule, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// Source is a folder of rule files: lexicon.yaml (optional) and one YAML
// file per item. Name is how errors name it (a path on disk, or "builtin").
type Source struct {
	Name string
	FS   fs.FS
}

// LexiconFile is the name of a folder's lexicon.
const LexiconFile = "lexicon.yaml"

// PartiesFile is the name of a folder's party vocabulary.
const PartiesFile = "parties.yaml"

// Profiles are the contract types a rule can be limited to.
var Profiles = []string{"導入", "保守", "クラウド", "運用"}

// Load reads every source, lexicons first, then rules, and compiles them.
// extra holds lexicon additions from the configuration (concept → words).
func Load(a *morph.Analyzer, sources []Source, extra map[string][]string, extraName string) (*Set, error) {
	set := &Set{Lexicon: NewLexicon(), Parties: &party.Vocabulary{}, byID: map[string]*Rule{}}
	var errs []error
	type file struct {
		name string
		data []byte
	}
	var ruleFiles []file
	for _, src := range sources {
		names, err := fs.Glob(src.FS, "*.yaml")
		if err != nil {
			return nil, err
		}
		more, _ := fs.Glob(src.FS, "*.yml")
		names = append(names, more...)
		sort.Strings(names)
		if len(names) == 0 {
			errs = append(errs, fmt.Errorf("%s: no rule files (*.yaml) in this folder", src.Name))
		}
		for _, n := range names {
			data, err := fs.ReadFile(src.FS, n)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			name := path.Join(src.Name, n)
			if n == PartiesFile {
				var v party.Vocabulary
				dec := yaml.NewDecoder(bytes.NewReader(data))
				dec.KnownFields(true)
				if err := dec.Decode(&v); err != nil && err != io.EOF {
					var node yaml.Node
					_ = yaml.Unmarshal(data, &node)
					errs = append(errs, yamlError(name, err, &node))
					continue
				}
				set.Parties.Merge(&v)
				continue
			}
			if n == LexiconFile {
				var node yaml.Node
				if err := yaml.Unmarshal(data, &node); err != nil {
					errs = append(errs, yamlError(name, err, nil))
					continue
				}
				if err := set.Lexicon.addNode(name, &node, a); err != nil {
					errs = append(errs, err)
				}
				continue
			}
			ruleFiles = append(ruleFiles, file{name, data})
		}
	}
	if err := set.Lexicon.addMap(extraName, extra, a); err != nil {
		errs = append(errs, err)
	}
	for _, f := range ruleFiles {
		r, err := decodeRule(f.name, f.data, set.Lexicon, a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, dup := set.byID[r.ID.Value]; dup {
			errs = append(errs, &Error{Pos{f.name, r.ID.Pos.Line, r.ID.Pos.Col},
				fmt.Sprintf("duplicate rule ID %s (first defined in %s)", r.ID.Value, prev.File)})
			continue
		}
		set.byID[r.ID.Value] = r
		set.Rules = append(set.Rules, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.SliceStable(set.Rules, func(i, j int) bool { return ruleOrder(set.Rules[i].ID.Value) < ruleOrder(set.Rules[j].ID.Value) })
	return set, nil
}

// ruleOrder sorts IDs as the checklist does: Part1 before Part2, 共通 before
// 導入, numbers numerically.
func ruleOrder(id string) string {
	return reNum.ReplaceAllStringFunc(id, func(n string) string {
		v, _ := strconv.Atoi(n)
		return fmt.Sprintf("%04d", v)
	})
}

var reNum = regexp.MustCompile(`[0-9]+`)

func decodeRule(name string, data []byte, lex *Lexicon, a *morph.Analyzer) (*Rule, error) {
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		return nil, yamlError(name, err, nil)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var r Rule
	if err := dec.Decode(&r); err != nil {
		return nil, yamlError(name, err, &node)
	}
	r.File = name
	setExampleLines(&r, &node)
	if err := lex.addNode(name, &r.Lexicon, a); err != nil {
		return nil, err
	}
	if err := r.validate(lex, a); err != nil {
		return nil, err
	}
	return &r, nil
}

var reYAMLLine = regexp.MustCompile(`line ([0-9]+)(?:, column ([0-9]+))?: (.*)`)

// yamlError turns yaml.v3's messages into file:line:column errors.
func yamlError(name string, err error, root *yaml.Node) error {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	var out []error
	for _, m := range msgs {
		if g := reYAMLLine.FindStringSubmatch(m); g != nil {
			line, _ := strconv.Atoi(g[1])
			col, _ := strconv.Atoi(g[2])
			if col == 0 {
				col = columnAt(root, line)
			}
			out = append(out, &Error{Pos{name, line, col}, g[3]})
			continue
		}
		out = append(out, &Error{Pos{name, 1, 1}, m})
	}
	return errors.Join(out...)
}

// columnAt finds the column of the first node on a line.
func columnAt(n *yaml.Node, line int) int {
	if n == nil {
		return 1
	}
	if n.Line == line && n.Kind == yaml.ScalarNode {
		return n.Column
	}
	for _, c := range n.Content {
		if col := columnAt(c, line); col > 1 || (c.Line == line && col == 1) {
			return col
		}
	}
	return 1
}

// setExampleLines records where each example starts, for test failures.
func setExampleLines(r *Rule, root *yaml.Node) {
	if len(root.Content) == 0 {
		return
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "examples" {
			for k, ex := range m.Content[i+1].Content {
				if k < len(r.Examples) {
					r.Examples[k].Line, r.Examples[k].Col = ex.Line, ex.Column
				}
			}
		}
	}
}

var (
	reRuleID    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)
	reElementID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

func (r *Rule) validate(lex *Lexicon, a *morph.Analyzer) error {
	var errs []error
	fail := func(p Pos, format string, args ...any) {
		p.File = r.File
		errs = append(errs, &Error{p, fmt.Sprintf(format, args...)})
	}
	top := Pos{Line: 1, Col: 1}
	if r.ID.Value == "" {
		fail(top, "missing id")
	} else if !reRuleID.MatchString(r.ID.Value) {
		fail(r.ID.Pos, "rule id %q: use letters, digits and -", r.ID.Value)
	}
	if r.Title == "" {
		fail(top, "missing title")
	}
	switch r.Severity.Value {
	case "":
		r.Severity.Value = SevError
	case SevError, SevWarning, SevInfo:
	default:
		fail(r.Severity.Pos, "severity %q: use error, warning or info", r.Severity.Value)
	}
	switch r.Coverage {
	case "":
		r.Coverage = "full"
	case "full", "partial":
	default:
		fail(top, "coverage %q: use full or partial", r.Coverage)
	}
	if len(r.Contracts) == 0 {
		r.Contracts = []string{"all"}
	}
	for _, c := range r.Contracts {
		if c != "all" && !slices.Contains(Profiles, c) {
			fail(top, "contracts: unknown contract type %q (use all or %s)", c, strings.Join(Profiles, ", "))
		}
	}
	if len(r.Elements) == 0 {
		fail(top, "a rule needs at least one element")
	}
	ids := map[string]bool{}
	for i := range r.Elements {
		e := &r.Elements[i]
		if !reElementID.MatchString(e.ID.Value) {
			fail(e.ID.Pos, "element id %q: use lower-case letters, digits and -", e.ID.Value)
		}
		if ids[e.ID.Value] {
			fail(e.ID.Pos, "duplicate element ID %s", e.ID.Value)
		}
		ids[e.ID.Value] = true
		switch e.Scope.Value {
		case "":
			e.Scope.Value = ScopeSentence
		case ScopeSentence, ScopeParagraph, ScopeArticle:
		default:
			fail(e.Scope.Pos, "scope %q: use sentence, paragraph or article", e.Scope.Value)
		}
		switch e.Party.Value {
		case "":
			e.Party.Value = PartyVendor
		case PartyVendor, PartyHospital, PartyAny:
		default:
			fail(e.Party.Pos, "party %q: use vendor, hospital or any", e.Party.Value)
		}
		if e.Discretion != "" && e.Discretion != "allowed" {
			fail(e.ID.Pos, "element %s: discretion %q: use allowed or leave it out", e.ID.Value, e.Discretion)
		}
		if e.Label == "" {
			fail(e.ID.Pos, "element %s: missing label", e.ID.Value)
		}
		if len(e.Satisfy) == 0 {
			fail(e.ID.Pos, "element %s: needs at least one satisfy pattern", e.ID.Value)
		}
		for k := range e.Satisfy {
			if err := e.Satisfy[k].compile(r.File, lex, a, morph.Required); err != nil {
				errs = append(errs, err)
			}
		}
		for k := range e.Contradict {
			if err := e.Contradict[k].compile(r.File, lex, a, morph.Permitted); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for i, ex := range r.Examples {
		p := Pos{Line: ex.Line, Col: ex.Col}
		if strings.TrimSpace(ex.Text) == "" {
			fail(p, "example %d: empty text", i+1)
		}
		if ex.Profile != "" && ex.Profile != "all" && !slices.Contains(Profiles, ex.Profile) {
			fail(p, "example %d: unknown profile %q", i+1, ex.Profile)
		}
		for id, want := range ex.Want {
			if !ids[id] {
				fail(p, "example %d: unknown element %q", i+1, id)
			}
			switch want {
			case "satisfied", "contradicted", "missing", "partial":
			default:
				fail(p, "example %d: %s: want satisfied, contradicted, partial or missing, not %q", i+1, id, want)
			}
		}
	}
	return errors.Join(errs...)
}

func (p *Pattern) compile(file string, lex *Lexicon, a *morph.Analyzer, def morph.Status) error {
	var errs []error
	conv := func(list []Str) []*Concept {
		var out []*Concept
		for _, s := range list {
			c, err := lex.resolve(file, s, a)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out = append(out, c)
		}
		return out
	}
	p.all, p.any, p.none = conv(p.All), conv(p.Any), conv(p.None)
	at := Pos{File: file, Line: p.Key.Pos.Line, Col: p.Key.Pos.Col}
	switch p.Party.Value {
	case "", PartyVendor, PartyHospital, PartyAny:
	default:
		errs = append(errs, &Error{Pos{file, p.Party.Pos.Line, p.Party.Pos.Col}, fmt.Sprintf("party %q: use vendor, hospital or any", p.Party.Value)})
	}
	if len(p.All)+len(p.Any) == 0 {
		errs = append(errs, &Error{at, "a pattern needs terms in all or any"})
	}
	switch {
	case p.Key.Value == "" && len(p.All) > 0:
		p.Key = p.All[0]
	case p.Key.Value == "":
		p.Key = p.Any[0]
	}
	for _, c := range append(append([]*Concept{}, p.all...), p.any...) {
		if c.Name == p.Key.Value {
			p.key = c
		}
	}
	if p.key == nil && len(errs) == 0 {
		errs = append(errs, &Error{Pos{file, p.Key.Pos.Line, p.Key.Pos.Col}, fmt.Sprintf("key %q must be one of the pattern's all or any terms", p.Key.Value)})
	}
	p.statuses = nil
	for _, s := range p.Status {
		st, ok := morph.ParseStatus(s.Value)
		if !ok {
			errs = append(errs, &Error{Pos{file, s.Pos.Line, s.Pos.Col}, fmt.Sprintf("status %q: use required, forbidden, permitted, waived or none", s.Value)})
			continue
		}
		p.statuses = append(p.statuses, st)
	}
	if len(p.Status) == 0 {
		p.statuses = []morph.Status{def}
	}
	return errors.Join(errs...)
}
