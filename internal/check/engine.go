package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/party"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/internal/structure"
)

// Options select and tune what is checked.
type Options struct {
	Profile  []string          // contract types; empty or "all" means every rule applies
	Only     map[string]bool   // rule or rule/element IDs; empty means all
	Disable  map[string]bool   // rule or rule/element IDs
	Severity map[string]string // rule ID → severity override
	Waivers  []Waiver
	// Hospital is the name the user says stands for the medical institution
	// (--hospital); empty means read it from the contract.
	Hospital string
}

// Waiver accepts a finding with a written reason.
type Waiver struct {
	ID      string // rule ID or rule/element
	Reason  string
	Expires string // YYYY-MM-DD or ""
	Expired bool   // past its date: the finding stands again
	Source  string // where it was written (.clauselint.yaml:12:5, contract.md:40:1)
}

// Engine evaluates a rule set. It is safe for concurrent use.
type Engine struct {
	rules *rule.Set
	an    *morph.Analyzer
	opt   Options
	// discretion is the lexicon concept 裁量表現: a duty left to the
	// vendor's judgement (in its ただし書 or its own condition) is no duty.
	discretion *rule.Concept
	// limited is the lexicon concept 範囲限定: a duty limited to the main
	// part of the work is only partial.
	limited *rule.Concept
}

// New makes an engine.
func New(rules *rule.Set, an *morph.Analyzer, opt Options) *Engine {
	e := &Engine{rules: rules, an: an, opt: opt}
	e.discretion, _ = rules.Lexicon.Lookup("裁量表現")
	e.limited, _ = rules.Lexicon.Lookup("範囲限定")
	return e
}

// Rules returns the rule set.
func (e *Engine) Rules() *rule.Set { return e.rules }

// applies tells whether a rule is in the chosen profile.
func (e *Engine) applies(r *rule.Rule) bool {
	if len(e.opt.Profile) == 0 {
		return true
	}
	for _, p := range e.opt.Profile {
		if p == "all" {
			return true
		}
		for _, c := range r.Contracts {
			if c == "all" || c == p {
				return true
			}
		}
	}
	return false
}

func (e *Engine) selected(id string) bool {
	if e.opt.Disable[id] {
		return false
	}
	if len(e.opt.Only) == 0 {
		return true
	}
	if e.opt.Only[id] {
		return true
	}
	// an element is selected when its rule is
	if i := strings.IndexByte(id, '/'); i > 0 {
		return e.opt.Only[id[:i]]
	}
	// a rule is selected when one of its elements is
	for k := range e.opt.Only {
		if strings.HasPrefix(k, id+"/") {
			return true
		}
	}
	return false
}

// Check evaluates every selected rule against the documents, read as one
// agreement (one document, or a --bundle).
func (e *Engine) Check(docs []*structure.Document) *Target {
	t := &Target{Sources: docs}
	for _, d := range docs {
		t.Files = append(t.Files, d.Doc.Path)
		t.Format = string(d.Doc.Format)
		t.Encoding = d.Doc.Encoding
	}
	c := newContext(e, docs)
	for _, d := range docs {
		r := party.Detect(d, e.opt.Hospital, e.rules.Parties)
		c.roles[d] = r
		t.Parties = append(t.Parties, Parties{File: d.Doc.Path, Hospital: r.Hospital(), Vendor: r.Vendor(), Source: r.Source, Assumed: r.Assumed})
		if r.Assumed {
			t.Notes = append(t.Notes, d.Doc.Path+": "+r.Source+"(--hospital で指定できる)")
		}
	}
	waivers := e.opt.Waivers
	for _, d := range docs {
		for _, w := range d.Waivers {
			waivers = append(waivers, Waiver{ID: w.ID, Reason: w.Reason, Source: fmt.Sprintf("%s:%d:%d", d.Doc.Path, w.Line, w.Col)})
		}
	}
	for _, r := range e.rules.Rules {
		if !e.selected(r.ID.Value) {
			continue
		}
		item := ItemResult{
			ID: r.ID.Value, Title: r.Title, Part: r.Part, Section: r.Section, Number: r.Number,
			Mark: r.Mark, Coverage: r.Coverage, Severity: r.Severity.Value, Summary: r.Summary,
			Risk: r.Risk, References: r.References,
		}
		if s, ok := e.opt.Severity[r.ID.Value]; ok {
			item.Severity = s
		}
		applies := e.applies(r)
		for i := range r.Elements {
			el := &r.Elements[i]
			id := r.ID.Value + "/" + el.ID.Value
			if !e.selected(id) {
				continue
			}
			res := ElementResult{ID: el.ID.Value, Label: el.Label, Suggest: el.Suggest}
			if applies {
				res = c.element(el, res)
			} else {
				res.Status = NotApplicable
				res.Why = "この契約類型(プロファイル)には適用されない"
			}
			item.Elements = append(item.Elements, res)
		}
		item.Status = rollUp(item.Elements)
		if !applies {
			item.Status = NotApplicable
		}
		e.applyWaivers(&item, waivers)
		t.Items = append(t.Items, item)
		t.Counts.Add(item.Status)
	}
	return t
}

func (e *Engine) applyWaivers(item *ItemResult, waivers []Waiver) {
	for _, w := range waivers {
		if w.Expired {
			if (w.ID == item.ID || strings.HasPrefix(w.ID, item.ID+"/")) && item.Status != Satisfied && item.Status != NotApplicable {
				item.Waiver = fmt.Sprintf("免除の期限切れ(%s まで: %s)", w.Expires, w.Reason)
			}
			continue
		}
		if w.ID == item.ID && item.Status != Satisfied && item.Status != NotApplicable {
			item.Status, item.Waiver = Waived, w.Reason
		}
		for i := range item.Elements {
			el := &item.Elements[i]
			if w.ID == item.ID+"/"+el.ID && el.Status != Satisfied {
				el.Status, el.Waiver = Waived, w.Reason
			}
		}
	}
	if item.Status != Waived && item.Status != NotApplicable {
		item.Status = rollUp(item.Elements)
	}
}

// rollUp: satisfied when all elements are, contradicted when any is,
// missing when none is satisfied, partial otherwise. Waived elements count
// as settled.
func rollUp(els []ElementResult) Status {
	if len(els) == 0 {
		return Missing
	}
	sat, settled, na := 0, 0, 0
	for _, el := range els {
		switch el.Status {
		case Contradicted:
			return Contradicted
		case Satisfied:
			sat++
			settled++
		case Partial:
			sat++ // counts towards partial, not towards satisfied
		case Waived:
			settled++
		case NotApplicable:
			na++
		}
	}
	switch {
	case na == len(els):
		return NotApplicable
	case settled == len(els)-na && sat == 0:
		return Waived
	case settled == len(els)-na:
		return Satisfied
	case sat == 0:
		return Missing
	}
	return Partial
}

// match is one occurrence of a concept in a sentence.
type match struct {
	s    *structure.Sentence
	i, j int // token range
}

// findUncached scans a sentence's lemmas for a concept's forms.
func (c *context) findUncached(s *structure.Sentence, con *rule.Concept) []match {
	if !c.mayContain(s, con) {
		return nil
	}
	toks := c.tokens(s)
	var out []match
	for _, f := range con.Forms {
		if f.Party != "" {
			out = append(out, c.findParty(s, toks, f)...)
			continue
		}
		n := len(f.Lemmas)
		if n == 0 {
			continue
		}
	scan:
		for _, i := range c.lemmaIndex(s)[f.Lemmas[0]] {
			if i+n > len(toks) {
				continue
			}
			for k := 1; k < n; k++ {
				if toks[i+k].Key != f.Lemmas[k] {
					continue scan
				}
			}
			if i > 0 && toks[i-1].POS == "接頭詞" && negatingPrefix[toks[i-1].Lemma] {
				continue // 委託 inside 再委託, 開示 inside 非開示
			}
			if i+n < len(toks) && (toks[i+n].Surface == "者" || toks[i+n].Surface == "先") && toks[i+n].POS1 == "接尾" {
				continue // 提供 inside 提供者, 再委託 inside 再委託先: a person, not the act
			}
			out = append(out, match{s, i, i + n})
		}
	}
	return out
}

// negatingPrefix: prefixes that make another word of the noun they precede.
var negatingPrefix = map[string]bool{"再": true, "非": true, "未": true, "不": true, "無": true, "反": true, "脱": true, "準": true, "副": true}

// mayContain is the cheap prefilter: a sentence that contains no anchor of
// any form of the concept is never tokenised for it.
func mayContain(text string, con *rule.Concept) bool {
	for _, a := range con.Anchors {
		if a == "" || strings.Contains(text, a) {
			return true // a party form has no fixed anchor
		}
	}
	return false
}

// findParty matches a party form: the contract's own name for the party
// (or a name standing for both), then the form's following words.
func (c *context) findParty(s *structure.Sentence, toks []morph.Token, f rule.Form) []match {
	want := party.Hospital
	if f.Party == rule.PartyVendor {
		want = party.Vendor
	}
	var out []match
	for _, o := range c.partyNames(s) {
		if o.Role != want {
			continue
		}
		k := o.End
		ok := k+len(f.Lemmas) <= len(toks)
		for j := 0; ok && j < len(f.Lemmas); j++ {
			ok = toks[k+j].Key == f.Lemmas[j]
		}
		if ok {
			out = append(out, match{s, o.Start, k + len(f.Lemmas)})
		}
	}
	return out
}

// unit is what a pattern is evaluated on: the sentences of its scope.
type unit struct {
	sentences []*structure.Sentence
}

// scopes groups the clause sentences of all documents by the element's scope.
func (c *context) scopes(scope string) []unit {
	if u, ok := c.units[scope]; ok {
		return u
	}
	var out []unit
	defer func() { c.units[scope] = out }()
	for _, d := range c.docs {
		var cur unit
		key := func(s *structure.Sentence) any {
			switch scope {
			case rule.ScopeParagraph:
				return [2]any{s.Article, s.ParagraphKey}
			case rule.ScopeArticle:
				return s.Article
			}
			return s
		}
		var last any
		for _, s := range d.Sentences {
			if s.Role != structure.Clause {
				continue
			}
			k := key(s)
			if len(cur.sentences) > 0 && k != last {
				out = append(out, cur)
				cur = unit{}
			}
			cur.sentences = append(cur.sentences, s)
			last = k
		}
		if len(cur.sentences) > 0 {
			out = append(out, cur)
		}
	}
	return out
}

// verdict of one pattern on one unit.
type verdict struct {
	limited  bool // the satisfying clause covers only the main part of the work
	holds    bool // the pattern's status was found
	opposite bool // the opposite status was found (satisfy patterns only)
	ev       Evidence
	weak     string // a near miss, for the explanation
}

// element evaluates one element over every unit of its scope.
func (c *context) element(el *rule.Element, res ElementResult) ElementResult {
	var sat, con []Evidence
	var near string
	for _, u := range c.scopes(el.Scope.Value) {
		for pi := range el.Satisfy {
			v := c.pattern(el, &el.Satisfy[pi], u, true)
			switch {
			case v.holds:
				v.ev.Limited = v.limited
				sat = append(sat, v.ev)
			case v.opposite:
				con = append(con, v.ev)
			case v.weak != "" && near == "":
				near = v.weak
			}
		}
		for pi := range el.Contradict {
			if v := c.pattern(el, &el.Contradict[pi], u, false); v.holds {
				con = append(con, v.ev)
			}
		}
	}
	sat, con = dedupe(sat), dedupe(con)
	for i := range con {
		con[i].Contradicts = true
	}
	limited := 0
	for _, ev := range sat {
		if ev.Limited {
			limited++
		}
	}
	switch {
	case len(con) > 0:
		res.Status = Contradicted
		res.Evidence = con
		res.Why = "反対の趣旨の条項がある: " + con[0].Why
		if len(sat) > 0 {
			res.Why += fmt.Sprintf("(充足する条項も%d件あるが、矛盾する条項が優先される)", len(sat))
			res.Evidence = append(res.Evidence, sat...)
		}
	case len(sat) > 0 && limited >= len(sat):
		res.Status = Partial
		res.Evidence = sat
		res.Why = sat[0].Why + "。ただし対象が業務の「全部又は主たる部分」等に限られ、それ以外の部分には及ばない"
	case len(sat) > 0:
		res.Status = Satisfied
		res.Evidence = sat
		res.Why = sat[0].Why
	default:
		res.Status = Missing
		res.Why = "該当する義務を定めた条項が見つからない"
		if near != "" {
			res.Why += "(近い記述: " + near + ")"
		}
	}
	return res
}

func dedupe(evs []Evidence) []Evidence {
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].File != evs[j].File {
			return evs[i].File < evs[j].File
		}
		return evs[i].Offset < evs[j].Offset
	})
	out := evs[:0]
	for _, e := range evs {
		if len(out) > 0 && out[len(out)-1].File == e.File && out[len(out)-1].Offset == e.Offset {
			continue
		}
		out = append(out, e)
	}
	return out
}
