package check

import (
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/party"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/internal/structure"
	"slices"
	"strings"
	"unicode/utf8"
)

// context holds what the engine learns while checking one agreement. Each
// sentence is tokenised, and its modality, reading, party mentions and
// concept matches computed, at most once. A context belongs to one
// goroutine: lint runs one agreement per worker.
type context struct {
	e     *Engine
	docs  []*structure.Document
	roles map[*structure.Document]*party.Roles
	units map[string][]unit
	// per document, per sentence index: found by comparing pointers, which
	// is cheaper than hashing on every one of the many lookups per sentence
	byDoc [][]*sentenceCache
	sc    map[*structure.Sentence]*sentenceCache // sentences from outside the agreement
}

// sentenceCache is what is known about one sentence.
type sentenceCache struct {
	doc      *structure.Document
	toks     []morph.Token
	tokened  bool
	mod      morph.Modality
	modDone  bool
	read     reading
	readDone bool
	mentions []party.Mention
	mentDone bool
	names    []party.Occurrence
	namesOK  bool
	lemmas   map[string][]int // lemma → token positions, for matching forms
	// per concept ID: 0 not yet asked, 1 may contain (an anchor is there),
	// 2 cannot contain; matches only for concepts asked and anchored.
	anchor  []int8
	matches map[int][]match
	runes   []rune // the sentence's characters, sorted: anchors are single characters
}

func newContext(e *Engine, docs []*structure.Document) *context {
	c := &context{e: e, docs: docs, roles: map[*structure.Document]*party.Roles{}, units: map[string][]unit{},
		sc: map[*structure.Sentence]*sentenceCache{}}
	c.byDoc = make([][]*sentenceCache, len(docs))
	for k, d := range docs {
		c.byDoc[k] = make([]*sentenceCache, len(d.Sentences))
		for i := range d.Sentences {
			c.byDoc[k][i] = &sentenceCache{doc: d}
		}
	}
	return c
}

func (c *context) cache(s *structure.Sentence) *sentenceCache {
	for k, d := range c.docs {
		if s.Index >= 0 && s.Index < len(d.Sentences) && d.Sentences[s.Index] == s {
			return c.byDoc[k][s.Index]
		}
	}
	if x, ok := c.sc[s]; ok {
		return x
	}
	// a sentence from outside the agreement (should not happen): cache it alone
	x := &sentenceCache{doc: c.docs[0]}
	c.sc[s] = x
	return x
}

func (c *context) tokens(s *structure.Sentence) []morph.Token {
	x := c.cache(s)
	if !x.tokened {
		x.toks, x.tokened = c.e.an.Tokens(s.Text()), true
	}
	return x.toks
}

func (c *context) modality(s *structure.Sentence) morph.Modality {
	x := c.cache(s)
	if !x.modDone {
		x.mod, x.modDone = morph.SentenceModality(c.tokens(s)), true
	}
	return x.mod
}

func (c *context) readingOf(s *structure.Sentence) reading {
	x := c.cache(s)
	if !x.readDone {
		x.read, x.readDone = c.computeReading(s), true
	}
	return x.read
}

// partyMentions finds the party names marked as topic or subject in a sentence.
func (c *context) partyMentions(roles *party.Roles, s *structure.Sentence) []party.Mention {
	x := c.cache(s)
	if !x.mentDone {
		x.mentions, x.mentDone = roles.Mentions(c.tokens(s)), true
	}
	return x.mentions
}

// lemmaIndex maps each lemma of a sentence to where it occurs.
func (c *context) lemmaIndex(s *structure.Sentence) map[string][]int {
	x := c.cache(s)
	if x.lemmas == nil {
		toks := c.tokens(s)
		x.lemmas = make(map[string][]int, len(toks))
		for i, t := range toks {
			x.lemmas[t.Key] = append(x.lemmas[t.Key], i)
		}
	}
	return x.lemmas
}

// partyNames lists the party names in a sentence.
func (c *context) partyNames(s *structure.Sentence) []party.Occurrence {
	x := c.cache(s)
	if !x.namesOK {
		x.names, x.namesOK = c.roles[x.doc].Occurrences(c.tokens(s)), true
	}
	return x.names
}

// mayContain is the prefilter: a sentence with no anchor of a concept is
// never tokenised for it.
func (c *context) mayContain(s *structure.Sentence, con *rule.Concept) bool {
	x := c.cache(s)
	if x.anchor == nil {
		x.anchor = make([]int8, c.e.rules.Lexicon.Size())
	}
	if con.ID >= len(x.anchor) {
		return mayContain(s.Text(), con)
	}
	if x.anchor[con.ID] == 0 {
		if x.runes == nil {
			x.runes = []rune(s.Text())
			slices.Sort(x.runes)
			x.runes = slices.Compact(x.runes)
		}
		x.anchor[con.ID] = 2
		for _, a := range con.Anchors {
			r, size := utf8.DecodeRuneInString(a)
			_, has := slices.BinarySearch(x.runes, r)
			if a == "" || (size == len(a) && has) || (size != len(a) && strings.Contains(s.Text(), a)) {
				x.anchor[con.ID] = 1
				break
			}
		}
	}
	return x.anchor[con.ID] == 1
}

// find returns the occurrences of a concept in a sentence.
func (c *context) find(s *structure.Sentence, con *rule.Concept) []match {
	if !c.mayContain(s, con) {
		return nil
	}
	x := c.cache(s)
	if ms, ok := x.matches[con.ID]; ok {
		return ms
	}
	if x.matches == nil {
		x.matches = map[int][]match{}
	}
	ms := c.findUncached(s, con)
	x.matches[con.ID] = ms
	return ms
}
