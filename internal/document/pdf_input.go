package document

import (
	"bytes"
	"strings"

	"github.com/clauselint/clauselint/internal/document/pdf"
)

// parsePDF reads a PDF's text layer, page by page, as plain text: the lines
// the PDF draws. Scanned pages have no text layer and are refused with a
// message that says so, never read as an empty contract.
func parsePDF(path string, data []byte) (*Document, error) {
	pages, err := pdf.Extract(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteString("\n\n") // a page break ends a paragraph block
		}
		b.WriteString(strings.TrimRight(p.Text, "\n"))
	}
	s := b.String()
	if strings.TrimSpace(s) == "" {
		return nil, &Error{Path: path, Msg: pdf.ErrNoText.Error()}
	}
	d := &Document{Path: path, Format: FormatPDF, Encoding: "PDF text layer", Text: s, LineUnit: "line", Blocks: plainBlocks(s)}
	d.index()
	return d, nil
}
