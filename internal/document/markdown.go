package document

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"

	"github.com/clauselint/clauselint/internal/text"
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// markdownBlocks walks goldmark's AST and keeps, per block, the source spans
// of its text runs: emphasis markers, link targets and the like are left out,
// positions stay those of the user's file.
func markdownBlocks(src string) []Block {
	source := []byte(src)
	root := markdown.Parser().Parse(gtext.NewReader(source))
	var blocks []Block
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n := n.(type) {
		case *ast.Heading:
			blocks = append(blocks, Block{Kind: Heading, Level: n.Level, Lines: inlineLines(n, source)})
			return
		case *ast.Paragraph, *ast.TextBlock:
			b := Block{Kind: Body, Lines: inlineLines(n, source)}
			if li, ok := n.Parent().(*ast.ListItem); ok && li.FirstChild() == n {
				b.Kind, b.Level, b.Label = ListItem, depth, listLabel(li, b.Lines, source)
				if len(b.Lines) > 0 && indentOf(source, b.Lines[0][0].Start) > 0 {
					b.Level = max(b.Level, 2)
				}
			}
			blocks = append(blocks, b)
			return
		case *east.TableRow, *east.TableHeader:
			b := Block{Kind: TableRow}
			var cells Line
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				for _, l := range inlineLines(c, source) {
					cells = append(cells, l...)
				}
			}
			if len(cells) > 0 {
				// One span from the first cell to the last keeps the | between
				// cells, so that words of two cells never run together.
				b.Lines = []Line{{{Start: cells[0].Start, End: cells[len(cells)-1].End}}}
				blocks = append(blocks, b)
			}
			return
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			blocks = append(blocks, Block{Kind: Code, Lines: rawLines(n, source)})
			return
		case *ast.HTMLBlock:
			blocks = append(blocks, Block{Kind: Comment, Lines: rawLines(n, source)})
			return
		case *ast.List:
			depth++
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(root, 0)
	// Drop blocks that carry no text at all (an image-only paragraph).
	out := blocks[:0]
	for _, b := range blocks {
		if len(b.Lines) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// listLabel returns the number of an ordered list item as its author wrote
// it ("3" for "3."), not as CommonMark counts it: contracts indent sub-items
// too little to nest them, and their numbers restart where goldmark's don't.
// Bullets have none.
func listLabel(li *ast.ListItem, lines []Line, source []byte) string {
	l, ok := li.Parent().(*ast.List)
	if !ok || !l.IsOrdered() || len(lines) == 0 {
		return ""
	}
	at := lines[0][0].Start
	start := bytes.LastIndexByte(source[:at], '\n') + 1
	if m := reListMarker.FindSubmatch(source[start:at]); m != nil {
		return string(m[1])
	}
	return strconv.Itoa(l.Start)
}

var reListMarker = regexp.MustCompile(`([0-9]+)[.)]\s*$`)

// indentOf counts the columns before the list marker of the line holding at.
func indentOf(source []byte, at int) int {
	start := bytes.LastIndexByte(source[:at], '\n') + 1
	n := 0
	for _, c := range source[start:at] {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// inlineLines collects the text segments under n, cutting a new line at every
// soft or hard line break.
func inlineLines(n ast.Node, source []byte) []Line {
	var lines []Line
	var cur Line
	add := func(sp text.Span) {
		if sp.End <= sp.Start {
			return
		}
		if k := len(cur); k > 0 && cur[k-1].End == sp.Start {
			cur[k-1].End = sp.End
			return
		}
		cur = append(cur, sp)
	}
	brk := func() {
		if len(cur) > 0 {
			lines = append(lines, cur)
			cur = nil
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			add(text.Span{Start: c.Segment.Start, End: c.Segment.Stop})
			if c.SoftLineBreak() || c.HardLineBreak() {
				brk()
			}
		case *ast.String:
			// goldmark synthesises these (e.g. from entities); they have no
			// source position, so they cannot be reported and are skipped.
		case *ast.CodeSpan:
			for gc := c.FirstChild(); gc != nil; gc = gc.NextSibling() {
				if t, ok := gc.(*ast.Text); ok {
					add(text.Span{Start: t.Segment.Start, End: t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink, *ast.RawHTML, *ast.Image:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	brk()
	return lines
}

// rawLines returns the source lines of a block node as they are.
func rawLines(n ast.Node, source []byte) []Line {
	var lines []Line
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		end := s.Stop
		for end > s.Start && (source[end-1] == '\n' || source[end-1] == '\r') {
			end--
		}
		if strings.TrimSpace(string(source[s.Start:end])) != "" {
			lines = append(lines, Line{{Start: s.Start, End: end}})
		}
	}
	return lines
}
