// Package document owns loading: it reads a contract from a file or stdin,
// detects and decodes its encoding, refuses what is not text, and turns each
// format (plain text, Markdown, .docx, PDF) into one shape: the decoded text
// and its blocks of lines, each line a list of byte spans of that text, so
// that later stages never see markup and every position maps back to the
// user's file.
package document

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/clauselint/clauselint/internal/text"
)

// Format names the kind of input a document was read from.
type Format string

// The formats clauselint reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatDOCX     Format = "docx"
	FormatPDF      Format = "pdf"
)

// Kind says what a block is, as far as the input format tells.
type Kind int

// Block kinds. Structure uses them as hints: a heading starts a new unit; a
// comment carries in-document directives; code is never contract text.
const (
	Body Kind = iota
	Heading
	ListItem
	TableRow
	Comment
	Code
)

// Line is one line of a block: the spans of Document.Text that make it up,
// in order (several when markup was cut out of the middle).
type Line []text.Span

// Block is a paragraph-like unit of the input.
type Block struct {
	Kind  Kind
	Level int    // heading level, list depth
	Label string // a number the format rendered outside the text (Markdown list, Word numbering)
	Lines []Line
}

// Document is one loaded input.
type Document struct {
	Path     string // as the user named it; "<stdin>" for -
	Format   Format
	Encoding string
	Text     string // decoded UTF-8; for .docx and PDF, one paragraph per line
	Blocks   []Block
	// LineUnit names what a line number means to the user: "line" for text
	// formats, "paragraph" for .docx where each line is one Word paragraph.
	LineUnit   string
	lineStarts []int
	lineRunes  []int // runes before each line start
}

// Error is a problem with an input, with its position where one is known.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// MaxSize bounds what is read into memory from one input.
const MaxSize = 64 << 20

// ReadFile loads a file from disk, choosing the reader by extension.
func ReadFile(path string) (*Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: strings.TrimPrefix(err.Error(), "stat "+path+": ")}
	}
	if fi.IsDir() {
		return nil, &Error{Path: path, Msg: "is a folder"}
	}
	if fi.Size() > MaxSize {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", fi.Size(), MaxSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return Parse(path, data)
}

// FormatOf tells the format from a file name; text for anything unknown.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".docx":
		return FormatDOCX
	case ".pdf":
		return FormatPDF
	}
	return FormatText
}

// Parse loads data read from path (used for stdin too, with path "<stdin>").
func Parse(path string, data []byte) (*Document, error) {
	switch f := FormatOf(path); f {
	case FormatDOCX:
		return parseDOCX(path, data)
	case FormatPDF:
		return parsePDF(path, data)
	default:
		s, enc, err := Decode(data)
		if err != nil {
			return nil, &Error{Path: path, Msg: err.Error()}
		}
		if strings.TrimSpace(s) == "" {
			return nil, &Error{Path: path, Msg: "empty file: nothing to check"}
		}
		d := &Document{Path: path, Format: f, Encoding: enc, Text: s, LineUnit: "line"}
		if f == FormatMarkdown {
			d.Blocks = markdownBlocks(s)
		} else {
			d.Blocks = plainBlocks(s)
		}
		d.index()
		return d, nil
	}
}

// plainBlocks makes a block of each run of non-blank lines.
func plainBlocks(s string) []Block {
	var blocks []Block
	var cur *Block
	start := 0
	for start <= len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		lineEnd := end
		if lineEnd > start && s[lineEnd-1] == '\r' {
			lineEnd--
		}
		if strings.TrimSpace(s[start:lineEnd]) == "" {
			cur = nil
		} else {
			if cur == nil {
				blocks = append(blocks, Block{Kind: Body})
				cur = &blocks[len(blocks)-1]
			}
			cur.Lines = append(cur.Lines, Line{{Start: start, End: lineEnd}})
		}
		if end == len(s) {
			break
		}
		start = end + 1
	}
	return blocks
}

// Position converts a byte offset of Text into a 1-based line and a 1-based
// column counted in characters (runes).
func (d *Document) Position(off int) (line, col int) {
	d.index()
	off = max(0, min(off, len(d.Text)))
	l := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	return l + 1, utf8.RuneCountInString(d.Text[d.lineStarts[l]:off]) + 1
}

// index builds the line table once. Documents are read by several
// goroutines only after Parse, which builds it.
func (d *Document) index() {
	if d.lineStarts != nil {
		return
	}
	d.lineStarts, d.lineRunes = []int{0}, []int{0}
	runes := 0
	for i, r := range d.Text {
		runes++
		if r == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
			d.lineRunes = append(d.lineRunes, runes)
		}
	}
}

// RuneOffset converts a byte offset of Text into a count of runes before it.
func (d *Document) RuneOffset(off int) int {
	line, col := d.Position(off)
	return d.lineRunes[line-1] + col - 1
}

// ByteColumn is the 1-based column of off counted in UTF-8 bytes, as
// reviewdog and some editors count.
func (d *Document) ByteColumn(off int) int {
	d.index()
	off = max(0, min(off, len(d.Text)))
	l := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	return off - d.lineStarts[l] + 1
}

// isBinary reports data that is not text in any encoding we read: NUL bytes
// (UTF-16 is recognised by its BOM before this is asked) or many control
// characters.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	n := min(len(data), 8192)
	ctrl := 0
	for _, c := range data[:n] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*100 > n
}
