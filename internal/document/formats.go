package document

import (
	"bytes"
	"strings"

	"github.com/clauselint/clauselint/internal/document/docx"
	"github.com/clauselint/clauselint/internal/text"
)

// flatten keeps one Word paragraph on one line.
var flatten = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// parseDOCX renders a .docx as one line per Word paragraph, with Word's
// automatic numbering written in front of the text ("第3条 ", "2 "), so that
// structure can label articles and paragraphs and a line number is a
// paragraph number.
func parseDOCX(path string, data []byte) (*Document, error) {
	paras, err := docx.Extract(bytes.NewReader(data), int64(len(data)), docx.Limits{})
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	var b strings.Builder
	d := &Document{Path: path, Format: FormatDOCX, Encoding: "UTF-8 (docx)", LineUnit: "paragraph"}
	for _, p := range paras {
		line := flatten.Replace(p.Text)
		if p.Label != "" {
			line = p.Label + " " + line
		}
		start := b.Len()
		b.WriteString(line)
		end := b.Len()
		b.WriteByte('\n')
		if strings.TrimSpace(line) == "" {
			continue
		}
		k := Body
		switch {
		case p.HeadingLevel > 0:
			k = Heading
		case p.InTable:
			k = TableRow
		}
		d.Blocks = append(d.Blocks, Block{Kind: k, Level: p.HeadingLevel, Lines: []Line{{text.Span{Start: start, End: end}}}})
	}
	d.Text = b.String()
	d.index()
	if strings.TrimSpace(d.Text) == "" {
		return nil, &Error{Path: path, Msg: "the .docx has no text"}
	}
	return d, nil
}
