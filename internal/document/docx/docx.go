// Package docx owns reading Word .docx files (Office Open XML
// WordprocessingML) for clauselint: it opens the zip container within safety
// limits, walks the body of the main document part (word/document.xml) and
// returns its paragraphs in document order, each with its text, its style,
// its heading level and the label Word's automatic numbering would draw in
// front of it ("第3条", "(1)", "①", "一", "ア", ...).
//
// The text is what a reader of the document sees with all tracked changes
// accepted: insertions (w:ins) and moved-to text (w:moveTo) are kept,
// deletions (w:del) and moved-from text (w:moveFrom) are dropped, and a
// paragraph whose paragraph mark was deleted is joined to the next one. Field
// codes are replaced by their last computed result; hidden text (w:vanish)
// is dropped. Only the body is read: comments, footnotes, endnotes, headers,
// footers and text boxes or other drawings are not part of the output.
//
// Automatic numbering is computed from word/numbering.xml and
// word/styles.xml the way Word does it: a paragraph is numbered through its
// own w:numPr or through its paragraph style (following w:basedOn); numbers
// count per list and level, deeper levels restart when a shallower level
// advances (or as w:lvlRestart says), and each level's w:lvlText is
// rendered with its w:numFmt. As in Word, the counters belong to the
// abstract numbering (w:abstractNum), so that w:num instances of it continue
// one another, and a w:num with a w:startOverride restarts the list at the
// first paragraph numbered through it. (Word writes "restart numbering" as a
// new w:num with a w:startOverride; LibreOffice writes that and a second
// w:num without override for the paragraphs that follow.)
//
// Only the standard library is used (archive/zip and encoding/xml). Every
// part is read through a byte budget (Limits.MaxUncompressed) that counts
// the bytes actually decompressed, never the sizes the zip headers claim,
// so a zip bomb fails with an error instead of exhausting memory; the number
// of zip entries is bounded too. Every failure is returned as an error that
// wraps ErrNotDocx, ErrMalformed or ErrLimit; nothing panics.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Default limits, used where a Limits field is zero or negative.
const (
	DefaultMaxUncompressed int64 = 64 << 20 // 64 MiB over all parts read
	DefaultMaxEntries            = 10000
)

// Limits bounds the resources Extract spends on one file.
type Limits struct {
	// MaxUncompressed is the total number of decompressed bytes Extract
	// reads over all the parts it opens (document, styles, numbering,
	// relationships). Zero means DefaultMaxUncompressed.
	MaxUncompressed int64
	// MaxEntries is the largest number of entries the zip archive may
	// have. Zero means DefaultMaxEntries.
	MaxEntries int
}

func (l Limits) withDefaults() Limits {
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = DefaultMaxUncompressed
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	return l
}

// Paragraph is one paragraph of the document body.
type Paragraph struct {
	Index        int    // 1-based paragraph number in document order (what positions are reported as)
	Label        string // Word's automatic numbering rendered as text, e.g. "第3条", "2", "(1)", "①", "一", "ア"; "" if none
	Text         string // the paragraph's text (runs concatenated; tabs as \t; <w:br/> as newline)
	Style        string // paragraph style id, e.g. "Heading1"; the default paragraph style's id when none is set
	HeadingLevel int    // 1-9 if a heading style/outline level, else 0
	InTable      bool   // inside a table cell
}

// Errors returned by Extract wrap one of these, so callers can tell a file
// that is not a .docx from a damaged one and from one refused for its size.
var (
	// ErrNotDocx: the input is not a zip archive or has no main document part.
	ErrNotDocx = errors.New("not a .docx file")
	// ErrMalformed: the archive or one of the XML parts it holds is damaged.
	ErrMalformed = errors.New("malformed .docx file")
	// ErrLimit: the file exceeds a safety limit (see Limits).
	ErrLimit = errors.New(".docx file exceeds a safety limit")
)

// Part names used when the package relationships do not say otherwise.
const (
	defaultDocumentPart  = "word/document.xml"
	defaultStylesPart    = "word/styles.xml"
	defaultNumberingPart = "word/numbering.xml"
)

// maxXMLDepth bounds element nesting, so that a hostile document cannot
// drive the recursive walk into a stack overflow.
const maxXMLDepth = 512

// Extract reads the .docx held in r (size bytes long) and returns the
// paragraphs of its body in document order, table cells included (row by
// row, each cell's paragraphs in turn).
func Extract(r io.ReaderAt, size int64, lim Limits) ([]Paragraph, error) {
	lim = lim.withDefaults()
	if size < 0 {
		return nil, fmt.Errorf("docx: %w: negative size %d", ErrNotDocx, size)
	}
	zr, err := zip.NewReader(r, size)
	if errors.Is(err, zip.ErrInsecurePath) && zr != nil {
		err = nil // names like "../x" are harmless here: nothing is written to disk
	}
	if err != nil {
		return nil, fmt.Errorf("docx: %w: not a zip archive (%w)", ErrNotDocx, err)
	}
	if n := len(zr.File); n > lim.MaxEntries {
		return nil, fmt.Errorf("docx: %w: the archive has %d entries, more than the limit of %d", ErrLimit, n, lim.MaxEntries)
	}
	a := newArchive(zr, lim.MaxUncompressed)

	docPart, stylesPart, numberingPart, err := a.locateParts()
	if err != nil {
		return nil, err
	}
	doc, ok, err := a.read(docPart)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("docx: %w: the archive has no %s", ErrNotDocx, docPart)
	}

	styles := newStyleSheet()
	if data, ok, err := a.read(stylesPart); err != nil {
		return nil, err
	} else if ok {
		if styles, err = parseStyles(data); err != nil {
			return nil, fmt.Errorf("docx: %s: %w: %w", stylesPart, ErrMalformed, err)
		}
	}
	numbering := newNumbering(styles)
	if data, ok, err := a.read(numberingPart); err != nil {
		return nil, err
	} else if ok {
		if err := numbering.parse(data); err != nil {
			return nil, fmt.Errorf("docx: %s: %w: %w", numberingPart, ErrMalformed, err)
		}
	}

	paras, err := walkDocument(doc, styles, numbering)
	if err != nil {
		return nil, fmt.Errorf("docx: %s: %w: %w", docPart, ErrMalformed, err)
	}
	return paras, nil
}

// archive gives access to the parts of the zip by name, within a budget of
// decompressed bytes.
type archive struct {
	files  map[string][]*zip.File // by lower-cased, cleaned name
	limit  int64
	budget int64 // bytes still allowed
}

func newArchive(zr *zip.Reader, limit int64) *archive {
	a := &archive{files: make(map[string][]*zip.File, len(zr.File)), limit: limit, budget: limit}
	for _, f := range zr.File {
		k := partKey(f.Name)
		a.files[k] = append(a.files[k], f)
	}
	return a
}

// partKey normalises a part name: OPC part names are case-insensitive and
// some writers store them with a leading slash or backslashes.
func partKey(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	return strings.ToLower(name)
}

// read returns the decompressed content of the named part; ok is false when
// the archive has no such part. At most the remaining budget is read, counting
// the bytes that actually come out of the decompressor.
func (a *archive) read(name string) (data []byte, ok bool, err error) {
	files := a.files[partKey(name)]
	switch len(files) {
	case 0:
		return nil, false, nil
	case 1:
	default:
		return nil, true, fmt.Errorf("docx: %w: the archive has %d entries named %s", ErrMalformed, len(files), name)
	}
	rc, err := files[0].Open()
	if err != nil {
		return nil, true, fmt.Errorf("docx: %s: %w: %w", name, ErrMalformed, err)
	}
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, a.budget+1))
	if int64(len(data)) > a.budget {
		return nil, true, fmt.Errorf("docx: %s: %w: the parts read expand to more than %s uncompressed (a zip bomb?)", name, ErrLimit, formatBytes(a.limit))
	}
	if err != nil {
		return nil, true, fmt.Errorf("docx: %s: %w: %w", name, ErrMalformed, err)
	}
	a.budget -= int64(len(data))
	return data, true, nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// locateParts finds the main document part through the package
// relationships (_rels/.rels) and the styles and numbering parts through the
// document's relationships, falling back to the usual names when a
// relationship part is absent or unreadable.
func (a *archive) locateParts() (doc, styles, numbering string, err error) {
	doc, styles, numbering = defaultDocumentPart, defaultStylesPart, defaultNumberingPart
	rels, err := a.relationships("_rels/.rels")
	if err != nil {
		return "", "", "", err
	}
	for _, r := range rels {
		if r.isType("officeDocument") && !r.external() {
			if target := resolveTarget("", r.Target); a.has(target) {
				doc = target
			}
			break
		}
	}
	dir, file := path.Split(doc)
	rels, err = a.relationships(dir + "_rels/" + file + ".rels")
	if err != nil {
		return "", "", "", err
	}
	for _, r := range rels {
		if r.external() {
			continue
		}
		switch {
		case r.isType("styles"):
			styles = resolveTarget(dir, r.Target)
		case r.isType("numbering"):
			numbering = resolveTarget(dir, r.Target)
		}
	}
	return doc, styles, numbering, nil
}

func (a *archive) has(name string) bool { return len(a.files[partKey(name)]) > 0 }

type relationship struct {
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// isType reports whether the relationship type URI ends in /kind; the
// transitional and strict OOXML URIs differ only before that.
func (r relationship) isType(kind string) bool { return strings.HasSuffix(r.Type, "/"+kind) }

func (r relationship) external() bool { return strings.EqualFold(r.TargetMode, "External") }

// relationships reads a relationships part. A missing or unparsable one
// yields no relationships (the defaults then apply); only exceeding the
// byte budget is an error.
func (a *archive) relationships(name string) ([]relationship, error) {
	data, ok, err := a.read(name)
	if err != nil {
		if errors.Is(err, ErrLimit) {
			return nil, err
		}
		return nil, nil
	}
	if !ok {
		return nil, nil
	}
	var rels struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&rels); err != nil {
		return nil, nil
	}
	return rels.Rels, nil
}

// resolveTarget resolves a relationship target against the directory of its
// source part ("" for the package root).
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}
