package morph

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The spelling variants are data (variants.txt): a word a contract may spell
// in kana or kanji (あらかじめ/予め), with or without okurigana, or with a
// final ー must match a rule term whichever spelling either side uses.
//
//go:embed variants.txt
var variantsText string

var (
	variantOf = map[string]string{}   // a spelling → its canonical lemma
	spellings = map[string][]string{} // a canonical lemma → every spelling
)

func init() {
	for _, line := range strings.Split(variantsText, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		for _, v := range f[1:] {
			variantOf[v] = f[0]
		}
		spellings[f[0]] = f
	}
}

// Key is the spelling-independent form of a lemma that rule terms are
// matched on: 予め and あらかじめ, 取り扱う and 取扱う, サーバー and サーバ each
// share one key. Lemmas themselves are left as written, since the reading of
// modality (meaning.go) looks at exact grammatical words.
func Key(lemma string) string {
	if c, ok := variantOf[lemma]; ok {
		return c
	}
	f := fold(lemma)
	if c, ok := variantOf[f]; ok {
		return c
	}
	return f
}

// Spellings returns the spellings that share a key, the key first; nil when
// the key has no listed variants. The engine's prefilter needs them: a
// sentence that holds あらかじめ must not be skipped for a term written 予め.
func Spellings(key string) []string {
	return spellings[key]
}

// fold drops okurigana between kanji (取り扱う → 取扱う, 問い合わせ → 問合せ:
// only the kanji and a final kana are kept) in words of two or more kanji,
// and a katakana word's final ー (サーバー → サーバ).
func fold(s string) string {
	var han, kana, other int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r):
			kana++
		default:
			other++
		}
	}
	if han >= 2 && kana > 0 && other == 0 {
		last, size := utf8.DecodeLastRuneInString(s)
		var b strings.Builder
		for _, r := range s[:len(s)-size] {
			if unicode.Is(unicode.Han, r) {
				b.WriteRune(r)
			}
		}
		b.WriteRune(last)
		return b.String()
	}
	if strings.HasSuffix(s, "ー") && utf8.RuneCountInString(s) >= 4 && isKatakana(s) {
		return strings.TrimSuffix(s, "ー")
	}
	return s
}

func isKatakana(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Katakana, r) && r != 'ー' {
			return false
		}
	}
	return true
}
