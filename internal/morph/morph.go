// Package morph owns morphological analysis: it loads kagome's IPA
// dictionary once per process, turns a sentence into tokens with surface,
// lemma (base form), reading and part of speech, and (meaning.go) reads
// from those tokens what the sentence does with a term: requires it,
// forbids it, permits it, waives it, or merely mentions it.
package morph

import (
	"strings"
	"sync"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Token is one morpheme of a sentence.
type Token struct {
	Surface string
	Lemma   string // base form; the surface where the dictionary has none; ASCII lower-cased
	Key     string // the lemma with its spelling variants folded: what rule terms match (variants.go)
	Reading string
	POS     string // 名詞, 動詞, 助動詞, …
	POS1    string // the sub-category: 自立, 接尾, 格助詞, …
	Form    string // inflection form: 未然形, 連用形, 仮定形, …
	Start   int    // byte offsets in the analysed text
	End     int
}

// Is reports whether the token has the lemma and, if pos is not empty, the
// part of speech.
func (t Token) Is(lemma, pos string) bool {
	return t.Lemma == lemma && (pos == "" || t.POS == pos)
}

// Analyzer tokenises sentences. One is safe for concurrent use.
type Analyzer struct {
	tok *tokenizer.Tokenizer
}

var (
	sharedOnce sync.Once
	shared     *Analyzer
	sharedErr  error
)

// Shared returns the process-wide analyzer, loading the dictionary (about a
// second and 150 MB) on first use only.
func Shared() (*Analyzer, error) {
	sharedOnce.Do(func() {
		t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
		shared, sharedErr = &Analyzer{tok: t}, err
	})
	return shared, sharedErr
}

// Tokens analyses one sentence. Sentences are analysed one at a time:
// kagome's cost grows badly with very long inputs.
func (a *Analyzer) Tokens(s string) []Token {
	ks := a.tok.Tokenize(s)
	out := make([]Token, 0, len(ks))
	for _, k := range ks {
		// FeatureAt reads single fields without building the whole feature
		// slice: this loop runs for every token of every analysed sentence.
		feature := func(i int) string {
			v, _ := k.FeatureAt(i)
			return v
		}
		t := Token{Surface: k.Surface, Start: k.Position, End: k.Position + len(k.Surface),
			POS: feature(0), POS1: feature(1), Form: feature(5), Reading: feature(7)}
		if base := feature(6); base != "" && base != "*" {
			t.Lemma = base
		} else {
			t.Lemma = k.Surface
		}
		t.Lemma = lowerASCII(t.Lemma)
		if isPunct(t.Surface) {
			t.POS, t.POS1 = "記号", "括弧" // IPA reads half-width ( ) as nouns
		}
		if strings.TrimSpace(t.Surface) == "" {
			continue // white space carries nothing and breaks term sequences
		}
		if t.POS == "接頭詞" && honorific[t.Lemma] {
			continue // ご承諾 is 承諾: politeness would break term sequences too
		}
		t.Key = Key(t.Lemma)
		out = append(out, t)
	}
	return out
}

// honorific prefixes (お知らせ is one word in the dictionary and stays).
var honorific = words["honorific"]

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func isPunct(s string) bool {
	switch s {
	case "(", ")", "[", "]", "{", "}", "<", ">", "|", "/", ":", ";", "*", "#", "\"", "'":
		return true
	}
	return false
}
