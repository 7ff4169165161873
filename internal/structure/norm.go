package structure

import (
	"strings"

	"github.com/clauselint/clauselint/internal/text"
)

// sub returns the part [from, to) of n (to defaults to the end), trimmed of
// surrounding white space, still mapping back to the source.
func sub(n *text.Normalized, bounds ...int) *text.Normalized {
	from, to := bounds[0], len(n.Text)
	if len(bounds) > 1 {
		to = bounds[1]
	}
	from = min(max(from, 0), len(n.Text))
	to = min(max(to, from), len(n.Text))
	s := n.Text[from:to]
	lead := len(s) - len(strings.TrimLeft(s, " \t\u3000\r\n"))
	s = strings.TrimRight(s[lead:], " \t\u3000\r\n")
	return text.Slice(n, from+lead, from+lead+len(s))
}

// join concatenates wrapped lines into one unit. Japanese text wraps without
// spaces, so lines are joined directly; the offset map keeps each piece's origin.
func join(ns []*text.Normalized) *text.Normalized {
	return text.Concat(ns)
}

func joinText(ns []*text.Normalized) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.Text)
	}
	return b.String()
}
