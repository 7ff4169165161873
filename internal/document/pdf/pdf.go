// Package pdf owns reading the text layer of PDF files for clauselint: it
// returns the text of each page, one line per line of text, in reading
// order. It is pure Go, needs no cgo and never touches the network. Pages
// that are only images (scans) have no text layer and are not read; when no
// page has text, Extract returns ErrNoText so that the user is told to run
// OCR first.
//
// # Library
//
// The file structure (cross-reference tables and streams, object streams,
// incremental updates, Flate and ASCII85 filters with PNG predictors, RC4
// and AES encryption with an empty user password) is parsed by
// github.com/ledongthuc/pdf (BSD licence), a fork of rsc.io/pdf still
// maintained (its latest version dates from September 2026). The options
// looked at on the Go module proxy were:
//
//   - rsc.io/pdf v0.1.1 (2014): the same parser, but it reads Identity-H
//     fonts, which nearly every Japanese PDF uses, as raw glyph ids (a TODO
//     in its code), prints to stderr and panics on malformed input.
//   - github.com/pdfcpu/pdfcpu: validates, edits and can dump raw content
//     streams, but has no text extraction: it does not map character codes
//     to Unicode, so the same interpretation would be needed on top of a much
//     larger dependency.
//   - github.com/ledongthuc/pdf: maps codes through ToUnicode CMaps for
//     Identity-H fonts, decrypts, reads object and cross-reference streams
//     and recovers its parser panics into errors.
//
// Only ledongthuc/pdf's object model is used (Reader, Value, stream
// decoding, and its simple-font encodings: WinAnsi, MacRoman, Differences,
// PDFDocEncoding). Its own text functions are not: they look up CMaps
// linearly for each character, ignore ToUnicode for composite fonts with a
// predefined CMap, give every glyph of a CID font the same position (widths
// come only from simple fonts' Widths), stumble on inline images, skip form
// XObjects and report malformed content by panicking. Instead this package
// tokenizes content streams itself (lex.go), parses ToUnicode and embedded
// CMaps (cmap.go), reads fonts (font.go: Identity-H/V with ToUnicode, the
// Unicode predefined CMaps such as UniJIS-UCS2-H, and, without ToUnicode,
// the Shift_JIS (RKSJ), EUC-JP and JIS CMaps of older Japanese PDFs through
// golang.org/x/text), places each glyph with the text and graphics state,
// W/DW widths included (content.go), and lays glyphs out in lines
// (layout.go).
//
// # Reading order
//
// Glyphs are grouped into lines by baseline; lines are sorted top to bottom
// and glyphs left to right (after the page's /Rotate); vertical writing is
// read in columns, right to left, and rotated text (a watermark) as a line
// of its own. A space is put where the gap between two glyphs is wider than
// the line's usual gap by 0.15 em between Latin letters, 0.4 em next to a
// Japanese character and 0.5 em between two, so that justified Japanese
// lines are not cut up while a label and its text ("(1) 開示の…") are. Text
// drawn twice at the same place (fake bold) is kept once. Headers, footers
// and page numbers are part of the page text, as they are in the file.
//
// # Limits
//
// Decompressed stream data is counted (64 MiB per stream, 512 MiB per
// file) so that a compression bomb fails with ErrLimit; so do more than 4 Mi
// characters or 50 Mi content operators. Every failure, including a panic
// in the library, is returned as an error wrapping ErrNotPDF, ErrMalformed,
// ErrEncrypted, ErrLimit or ErrNoText.
//
// Not read: text in annotations and form fields; Type3 glyph names that do
// not name a character; CID fonts without a ToUnicode map (the CID to
// Unicode tables of Adobe-Japan1 are not bundled); LZW-compressed streams;
// AES-256 (PDF 2.0 / Acrobat X) and 40-bit RC4 encryption, which the library
// does not decrypt (128-bit RC4 and AES-128 it does); damaged
// cross-reference tables (there is no reconstruction); the reading order of
// multi-column layouts. Object streams are decompressed inside the library,
// outside the byte budget above.
package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	lpdf "github.com/ledongthuc/pdf"
)

// Page is the text of one page.
type Page struct {
	Number int    // 1-based
	Text   string // lines in reading order, separated by "\n"; "" for a page without text
}

// ErrNoText is returned when no page of the PDF yields any text.
var ErrNoText = errors.New("the PDF has no text layer (scanned images are not read; run OCR first)")

// Other errors returned by Extract wrap one of these.
var (
	// ErrNotPDF: the input does not start with a PDF header.
	ErrNotPDF = errors.New("not a PDF file")
	// ErrMalformed: the PDF is truncated, damaged or uses a feature that
	// cannot be read.
	ErrMalformed = errors.New("damaged or unsupported PDF")
	// ErrEncrypted: the PDF needs a password to be read.
	ErrEncrypted = errors.New("the PDF is encrypted with a password")
	// ErrLimit: the PDF exceeds a safety limit.
	ErrLimit = errors.New("the PDF exceeds a safety limit")
)

// Limits on the data one file may make the extractor decompress.
const (
	maxStreamBytes = 64 << 20
	maxTotalBytes  = 512 << 20
	maxTreeDepth   = 64     // of the page tree and of inheritance chains
	maxPageNodes   = 200000 // nodes visited in the page tree
)

// Extract returns the text of each page of the PDF held in r (size bytes
// long), pages with no text included (with Text ""). It returns ErrNoText
// when no page has text.
func Extract(r io.ReaderAt, size int64) (pages []Page, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("pdf: %w: %v", ErrMalformed, p)
		}
	}()
	ra, size, err := normalize(r, size)
	if err != nil {
		return nil, err
	}
	doc, err := lpdf.NewReader(ra, size)
	if err != nil {
		if errors.Is(err, lpdf.ErrInvalidPassword) {
			return nil, fmt.Errorf("pdf: %w", ErrEncrypted)
		}
		if strings.Contains(err.Error(), "encryption") { // a cipher the library does not know (AES-256)
			return nil, fmt.Errorf("pdf: %w: %w", ErrEncrypted, err)
		}
		return nil, fmt.Errorf("pdf: %w: %w", ErrMalformed, err)
	}
	root := doc.Trailer().Key("Root")
	if root.Kind() != lpdf.Dict {
		return nil, fmt.Errorf("pdf: %w: no document catalog", ErrMalformed)
	}
	list, err := pageList(root.Key("Pages"))
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("pdf: %w: the document has no pages", ErrMalformed)
	}
	ex := &extractor{budget: maxTotalBytes, fonts: map[string]*font{}}
	hasText := false
	for i, p := range list {
		text, err := ex.page(p, i+1)
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{Number: i + 1, Text: text})
		hasText = hasText || text != ""
	}
	if !hasText {
		if ex.unmapped > 0 {
			return nil, fmt.Errorf("pdf: %w: its %d characters are drawn with fonts that do not map them to Unicode", ErrNoText, ex.unmapped)
		}
		return nil, ErrNoText
	}
	return pages, nil
}

// normalize works around what the library's opening check refuses in files
// that viewers read: bytes before the %PDF header, a header version above
// 1.7 (PDF 2.0), and data after the last %%EOF marker.
func normalize(r io.ReaderAt, size int64) (io.ReaderAt, int64, error) {
	if size <= 0 {
		return nil, 0, fmt.Errorf("pdf: %w: the file is empty", ErrNotPDF)
	}
	head := make([]byte, min(size, 1024))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return nil, 0, fmt.Errorf("pdf: %w: %v", ErrMalformed, err)
	}
	off := int64(bytes.Index(head, []byte("%PDF-")))
	if off < 0 {
		return nil, 0, fmt.Errorf("pdf: %w: no %%PDF header", ErrNotPDF)
	}
	tailLen := min(size, 4096)
	tail := make([]byte, tailLen)
	if n, err := r.ReadAt(tail, size-tailLen); n < len(tail) {
		return nil, 0, fmt.Errorf("pdf: %w: %v", ErrMalformed, err)
	}
	end := size
	if i := bytes.LastIndex(tail, []byte("%%EOF")); i >= 0 {
		end = size - tailLen + int64(i) + 5
	} else {
		return nil, 0, fmt.Errorf("pdf: %w: the file is truncated (no %%%%EOF marker at its end)", ErrMalformed)
	}
	if end <= off {
		return nil, 0, fmt.Errorf("pdf: %w: no data after the header", ErrMalformed)
	}
	p := &patchedReader{r: io.NewSectionReader(r, off, end-off)}
	h := head[off:]
	if len(h) >= 9 {
		if !(h[5] == '1' && h[6] == '.' && h[7] >= '0' && h[7] <= '7') {
			p.patch(5, []byte("1.7")) // PDF 2.0 reads like 1.7 as far as text goes
		}
		if h[8] != '\r' && h[8] != '\n' {
			p.patch(8, []byte("\n"))
		}
	}
	return p, end - off, nil
}

// patchedReader overlays a few bytes on a reader.
type patchedReader struct {
	r       io.ReaderAt
	patches []patch
}

type patch struct {
	off  int64
	data []byte
}

func (p *patchedReader) patch(off int64, data []byte) {
	p.patches = append(p.patches, patch{off, data})
}

func (p *patchedReader) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.r.ReadAt(b, off)
	for _, pt := range p.patches {
		for i, c := range pt.data {
			if at := pt.off + int64(i) - off; at >= 0 && at < int64(n) {
				b[at] = c
			}
		}
	}
	return n, err
}

// pageList returns the page objects in order.
func pageList(root lpdf.Value) ([]lpdf.Value, error) {
	var pages []lpdf.Value
	visits := 0
	var walk func(node lpdf.Value, depth int) error
	walk = func(node lpdf.Value, depth int) error {
		visits++
		if visits > maxPageNodes || depth > maxTreeDepth {
			return fmt.Errorf("pdf: %w: the page tree is too large, too deep or has a cycle", ErrMalformed)
		}
		kids := node.Key("Kids")
		typ := node.Key("Type").Name()
		if typ == "Pages" || typ != "Page" && kids.Kind() == lpdf.Array {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if node.Kind() == lpdf.Dict {
			pages = append(pages, node)
		}
		return nil
	}
	return pages, walk(root, 0)
}

// inherited returns a page attribute, looking up the page tree as far as
// needed.
func inherited(page lpdf.Value, key string) lpdf.Value {
	for v, i := page, 0; v.Kind() == lpdf.Dict && i < maxTreeDepth; v, i = v.Key("Parent"), i+1 {
		if x := v.Key(key); x.Kind() != lpdf.Null {
			return x
		}
	}
	return lpdf.Value{}
}

// extractor holds what is counted over a whole document.
type extractor struct {
	budget     int64 // decompressed stream bytes still allowed
	operations int
	glyphs     int
	unmapped   int // character codes without known text
	fonts      map[string]*font
}

// readStream returns the decoded data of a stream, within the limits. A
// Flate stream with a bad checksum or cut short is used as far as it
// decodes, as viewers do.
func (ex *extractor) readStream(v lpdf.Value) ([]byte, error) {
	if v.Kind() != lpdf.Stream { // a null or wrong reference: nothing to read
		return nil, nil
	}
	limit := min(int64(maxStreamBytes), ex.budget)
	rc := v.Reader()
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: a stream expands to more than %d MiB (a compression bomb?)", ErrLimit, limit>>20)
	}
	ex.budget -= int64(len(data))
	if err != nil && !(len(data) > 0 && (errors.Is(err, zlib.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF))) {
		return nil, fmt.Errorf("%w: reading a stream: %v", ErrMalformed, err)
	}
	return data, nil
}

// page returns the text of page number n.
func (ex *extractor) page(p lpdf.Value, n int) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("pdf: page %d: %w: %v", n, ErrMalformed, r)
		}
	}()
	var data []byte
	switch c := p.Key("Contents"); c.Kind() {
	case lpdf.Stream:
		if data, err = ex.readStream(c); err != nil {
			return "", fmt.Errorf("pdf: page %d: %w", n, err)
		}
	case lpdf.Array:
		for i := 0; i < c.Len(); i++ {
			part, err := ex.readStream(c.Index(i))
			if err != nil {
				return "", fmt.Errorf("pdf: page %d: %w", n, err)
			}
			data = append(append(data, part...), '\n')
		}
	}
	in := &interpreter{ex: ex, fonts: map[fontKey]*font{}}
	in.gs = gstate{ctm: rotation(inherited(p, "Rotate").Int64()), hScale: 1}
	if err := in.run(data, scope{res: inherited(p, "Resources")}, 0); err != nil {
		return "", fmt.Errorf("pdf: page %d: %w", n, err)
	}
	return layout(in.glyphs), nil
}

// rotation returns the matrix that turns page space the way a viewer shows
// a page with /Rotate deg (clockwise).
func rotation(deg int64) matrix {
	switch (deg%360 + 360) % 360 {
	case 90:
		return matrix{0, -1, 1, 0, 0, 0}
	case 180:
		return matrix{-1, 0, 0, -1, 0, 0}
	case 270:
		return matrix{0, 1, -1, 0, 0, 0}
	}
	return identity
}
