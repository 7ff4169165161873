package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// line is a run of glyphs read as one line of text.
type line struct {
	glyphs []glyph
	x, y   float64 // where it starts (for ordering)
	size   float64
}

// layout puts the glyphs of a page into lines in reading order and returns
// the page text, one line per text line.
//
// Horizontal glyphs (the baseline within about 11° of the page's x axis)
// are grouped by baseline: lines go top to bottom, glyphs left to right.
// Other glyphs (vertical writing, rotated labels and watermarks) are cut
// into runs of consecutive glyphs along one baseline; each run is a line,
// placed by where it starts. On a page written mostly vertically, those
// columns are read right to left.
func layout(glyphs []glyph) string {
	var horiz, other []glyph
	for _, g := range glyphs {
		if g.dx > 0 && math.Abs(g.dy) <= 0.2*g.dx {
			horiz = append(horiz, g)
		} else {
			other = append(other, g)
		}
	}
	lines := horizontalLines(horiz)
	runs := runLines(other)
	vertical := len(other) > len(horiz)
	sort.SliceStable(lines, func(i, j int) bool { return lineBefore(lines[i], lines[j]) })
	sort.SliceStable(runs, func(i, j int) bool {
		a, b := runs[i], runs[j]
		if vertical { // columns right to left, then top to bottom
			if tol := 0.5 * math.Min(a.size, b.size); math.Abs(a.x-b.x) > tol {
				return a.x > b.x
			}
			return a.y > b.y
		}
		return lineBefore(a, b)
	})
	var all []line
	if vertical {
		all = append(runs, lines...)
	} else {
		all = mergeByPosition(lines, runs)
	}
	var b strings.Builder
	for _, l := range all {
		s := lineText(l.glyphs)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s)
	}
	return b.String()
}

// lineBefore orders lines top to bottom, then left to right.
func lineBefore(a, b line) bool {
	if tol := 0.2 * math.Min(a.size, b.size); math.Abs(a.y-b.y) > tol {
		return a.y > b.y
	}
	return a.x < b.x
}

// mergeByPosition merges two sorted lists of lines.
func mergeByPosition(a, b []line) []line {
	out := make([]line, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if lineBefore(b[0], a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// horizontalLines groups horizontal glyphs by baseline. A glyph joins a
// line when its baseline is within half the larger font size of the line's
// first (highest) glyph, which keeps superscripts and subscripts on their
// line and keeps lines of text, set at least about one em apart, apart.
func horizontalLines(gs []glyph) []line {
	if len(gs) == 0 {
		return nil
	}
	sorted := append([]glyph(nil), gs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	var lines []line
	for _, g := range sorted {
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			if l.y-g.y <= 0.5*math.Max(l.size, nonzero(g.size)) {
				l.glyphs = append(l.glyphs, g)
				continue
			}
		}
		lines = append(lines, line{glyphs: []glyph{g}, y: g.y, size: nonzero(g.size)})
	}
	for i := range lines {
		l := &lines[i]
		sort.SliceStable(l.glyphs, func(a, b int) bool {
			ga, gb := l.glyphs[a], l.glyphs[b]
			if ga.x != gb.x {
				return ga.x < gb.x
			}
			return ga.seq < gb.seq
		})
		l.glyphs = dropOverprint(l.glyphs)
		l.x = l.glyphs[0].x
		for _, g := range l.glyphs {
			l.size = math.Max(l.size, g.size)
		}
	}
	return lines
}

func nonzero(size float64) float64 {
	if size <= 0 {
		return 1
	}
	return size
}

// dropOverprint removes a glyph drawn again over itself, as producers do
// to fake bold type or a shadow.
func dropOverprint(gs []glyph) []glyph {
	out := gs[:0]
	for _, g := range gs {
		dup := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-8 && g.x-out[k].x < 0.2*nonzero(g.size); k-- {
			if out[k].text == g.text && math.Abs(out[k].y-g.y) < 0.2*nonzero(g.size) && out[k].seq != g.seq-1 {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, g)
		}
	}
	return out
}

// runLines cuts non-horizontal glyphs into runs: consecutive glyphs whose
// direction is the same and each of which starts about where the previous
// one ended.
func runLines(gs []glyph) []line {
	var lines []line
	for i, g := range gs {
		if n := len(lines); n > 0 && i > 0 {
			p := gs[i-1]
			gap := math.Hypot(g.x-p.endX, g.y-p.endY)
			if p.seq == g.seq-1 && math.Abs(p.dx-g.dx) < 0.05 && math.Abs(p.dy-g.dy) < 0.05 && gap < 1.5*nonzero(g.size) {
				lines[n-1].glyphs = append(lines[n-1].glyphs, g)
				continue
			}
		}
		lines = append(lines, line{glyphs: []glyph{g}, x: g.x, y: g.y, size: nonzero(g.size)})
	}
	return lines
}

// lineText joins the glyphs of a line, putting a space where the gap
// between two glyphs is wide enough to be one. Gaps are measured beyond the
// line's usual gap (its median), so that a justified or letter-spaced line
// does not come out with a space between every two characters: a space goes
// where the gap exceeds it by 0.15 em between Latin letters or digits, by
// 0.4 em next to a Japanese (or other full-width) character, which leaves
// out the quarter-em that word processors put between Japanese and Latin
// text, and by 0.5 em between two full-width characters.
func lineText(gs []glyph) string {
	gaps := make([]float64, len(gs))
	for i := 1; i < len(gs); i++ {
		p, g := gs[i-1], gs[i]
		gaps[i] = (g.x-p.endX)*p.dx + (g.y-p.endY)*p.dy
	}
	usual := 0.0
	if len(gs) >= 5 {
		sorted := append([]float64(nil), gaps[1:]...)
		sort.Float64s(sorted)
		usual = max(0, sorted[(len(sorted)-1)/2])
	}
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			p := gs[i-1]
			joined := g.cont && g.seq == p.seq+1
			if !joined && !endsWithSpace(p.text) && !startsWithSpace(g.text) {
				em := math.Max(nonzero(p.size), nonzero(g.size))
				wideP, wideG := isWide(lastRune(p.text)), isWide(firstRune(g.text))
				limit := 0.15
				switch {
				case wideP && wideG:
					limit = 0.5
				case wideP || wideG:
					limit = 0.4
				}
				if gaps[i]-usual > limit*em {
					b.WriteByte(' ')
				}
			}
		}
		b.WriteString(g.text)
	}
	// Controls become spaces; the line is trimmed, except for a leading
	// ideographic space (U+3000), which starts a paragraph in Japanese.
	s := strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\t', '\f', '\v':
			return ' '
		}
		return r
	}, b.String())
	return strings.TrimRightFunc(strings.TrimLeft(s, " "), unicode.IsSpace)
}

func endsWithSpace(s string) bool   { return s != "" && unicode.IsSpace(lastRune(s)) }
func startsWithSpace(s string) bool { return s != "" && unicode.IsSpace(firstRune(s)) }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// isWide reports whether r is a full-width character: CJK ideographs, kana,
// Hangul and full-width forms and punctuation.
func isWide(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
		unicode.Is(unicode.Hangul, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6: // full-width forms
		return true
	case r >= 0x2460 && r <= 0x24FF, r >= 0x3200 && r <= 0x32FF: // circled numbers
		return true
	}
	return false
}
