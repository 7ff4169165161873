// Package text owns normalisation: it makes the NFKC, width-folded copy of
// the user's text that every later stage matches against, and keeps a map
// from each byte of that copy back to the byte of the original it came from,
// so that findings always point at what the user wrote.
package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a normalised copy of a source string with a way back.
type Normalized struct {
	Text string
	// orig[i] is the byte offset in the source of the segment that produced
	// byte i of Text; orig[len(Text)] is the source length.
	orig []int
}

// Orig maps a byte offset in Text back to a byte offset in the source.
func (n *Normalized) Orig(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(n.orig) {
		return n.orig[len(n.orig)-1]
	}
	return n.orig[i]
}

// keep reports runes that must survive normalisation unchanged: NFKC turns
// ① into 1 and ⑴ into (1), which would make list markers indistinguishable
// from paragraph numbers.
func keep(r rune) bool {
	switch {
	case r >= 0x2460 && r <= 0x24FF: // ① … ⓿, ⑴, ⒈
		return true
	case r >= 0x3251 && r <= 0x325F, r >= 0x32B1 && r <= 0x32BF: // ㉑ … ㊿
		return true
	case r >= 0x3220 && r <= 0x3243: // ㈠ … ㈩
		return true
	}
	return false
}

// fold maps characters NFKC leaves alone but contracts use interchangeably.
var fold = strings.NewReplacer(
	"〜", "~", // U+301C wave dash; NFKC maps U+FF5E to ~ already
	"−", "-", "‐", "-", "—", "-", "―", "-",
	"“", "\"", "”", "\"", "‘", "'", "’", "'",
	"\u200b", "", "\ufeff", "",
)

// Span is a byte range [Start, End) of a source string.
type Span struct{ Start, End int }

// Normalize returns the NFKC, width-folded copy of s with its offset map.
// Line breaks are kept so that line structure survives.
func Normalize(s string) *Normalized {
	return NormalizeSpans(s, []Span{{0, len(s)}})
}

// NormalizeSpans normalises the concatenation of the given spans of src
// (for example the text runs of a Markdown paragraph without its markup);
// offsets map back into src.
func NormalizeSpans(src string, spans []Span) *Normalized {
	n := &Normalized{}
	var b strings.Builder
	for _, sp := range spans {
		n.append(&b, src, sp.Start, sp.End)
	}
	end := 0
	if len(spans) > 0 {
		end = spans[len(spans)-1].End
	}
	n.orig = append(n.orig, end)
	n.Text = b.String()
	return n
}

func (n *Normalized) append(b *strings.Builder, src string, start, end int) {
	s := src[start:end]
	emit := func(out string, at int) {
		b.WriteString(out)
		for range len(out) {
			n.orig = append(n.orig, start+at)
		}
	}
	// Runs of ordinary text go through the NFKC iterator (which needs whole
	// runs to compose ｶﾞ into ガ); kept runes are copied as they are.
	runStart := 0
	flush := func(end int) {
		var it norm.Iter
		it.InitString(norm.NFKC, s[runStart:end])
		for !it.Done() {
			at := runStart + it.Pos()
			emit(fold.Replace(string(it.Next())), at)
		}
	}
	for i, r := range s {
		if keep(r) {
			flush(i)
			emit(string(r), i)
			runStart = i + utf8.RuneLen(r)
		}
	}
	flush(len(s))
}

// Slice returns the part [from, to) of n as a Normalized of its own.
func Slice(n *Normalized, from, to int) *Normalized {
	orig := make([]int, to-from+1)
	copy(orig, n.orig[from:to])
	orig[to-from] = n.Orig(to)
	if to > from && to < len(n.orig)-1 {
		// the end of a slice is the end of its last source segment
		orig[to-from] = n.endOf(to - 1)
	}
	return &Normalized{Text: n.Text[from:to], orig: orig}
}

// endOf is the source offset just past the segment that produced byte i.
func (n *Normalized) endOf(i int) int {
	start := n.orig[i]
	for j := i + 1; j < len(n.orig); j++ {
		if n.orig[j] != start {
			return n.orig[j]
		}
	}
	return n.orig[len(n.orig)-1]
}

// Concat joins normalised pieces into one; each byte keeps its origin.
func Concat(ns []*Normalized) *Normalized {
	if len(ns) == 1 {
		return ns[0]
	}
	out := &Normalized{}
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.Text)
		out.orig = append(out.orig, n.orig[:len(n.Text)]...)
	}
	if len(ns) > 0 {
		out.orig = append(out.orig, ns[len(ns)-1].orig[len(ns[len(ns)-1].Text)])
	} else {
		out.orig = append(out.orig, 0)
	}
	out.Text = b.String()
	return out
}
