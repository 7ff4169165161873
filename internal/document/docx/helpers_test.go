package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// This file builds .docx files for the tests: a docxSpec names the XML of
// the body, styles and numbering, and files() wraps it in the parts and
// relationships Word (and LibreOffice) expect.

const nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
	` xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"` +
	` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
	` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
	` xmlns:v="urn:schemas-microsoft-com:vml"`

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// docxSpec describes a test document.
type docxSpec struct {
	Body      string            // content of w:body
	Styles    string            // content of w:styles; "" for no styles part
	Numbering string            // content of w:numbering; "" for no numbering part
	Extra     map[string]string // further parts by name, complete
}

type zipFile struct {
	Name string
	Data []byte
}

// relTypes are the relationship types of the extra parts the tests use.
var relTypes = map[string]string{
	"word/comments.xml":  "comments",
	"word/header1.xml":   "header",
	"word/footer1.xml":   "footer",
	"word/footnotes.xml": "footnotes",
}

var contentTypes = map[string]string{
	"word/document.xml":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"word/styles.xml":    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
	"word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
	"word/comments.xml":  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
	"word/header1.xml":   "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
	"word/footer1.xml":   "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
	"word/footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
}

const relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// files returns the parts of the package, [Content_Types].xml first.
func (s docxSpec) files() []zipFile {
	parts := map[string]string{
		"word/document.xml": xmlHeader + `<w:document ` + nsDecl + `><w:body>` + s.Body + `</w:body></w:document>`,
	}
	if s.Styles != "" {
		parts["word/styles.xml"] = xmlHeader + `<w:styles ` + nsDecl + `>` + s.Styles + `</w:styles>`
	}
	if s.Numbering != "" {
		parts["word/numbering.xml"] = xmlHeader + `<w:numbering ` + nsDecl + `>` + s.Numbering + `</w:numbering>`
	}
	for name, data := range s.Extra {
		parts[name] = data
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)

	var ct, rels strings.Builder
	ct.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	rels.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, name := range names {
		if t, ok := contentTypes[name]; ok {
			fmt.Fprintf(&ct, `<Override PartName="/%s" ContentType="%s"/>`, name, t)
		}
		kind := relTypes[name]
		switch name {
		case "word/styles.xml":
			kind = "styles"
		case "word/numbering.xml":
			kind = "numbering"
		}
		if kind != "" {
			fmt.Fprintf(&rels, `<Relationship Id="rId%s" Type="%s/%s" Target="%s"/>`,
				kind, relNS, kind, strings.TrimPrefix(name, "word/"))
		}
	}
	ct.WriteString(`</Types>`)
	rels.WriteString(`</Relationships>`)

	out := []zipFile{
		{"[Content_Types].xml", []byte(ct.String())},
		{"_rels/.rels", []byte(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="word/document.xml"/></Relationships>`)},
		{"word/_rels/document.xml.rels", []byte(rels.String())},
	}
	for _, name := range names {
		out = append(out, zipFile{name, []byte(parts[name])})
	}
	return out
}

func (s docxSpec) bytes(t testing.TB) []byte {
	t.Helper()
	return makeZip(t, s.files())
}

// fixedTime keeps generated archives byte-for-byte reproducible.
var fixedTime = time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)

func makeZip(t testing.TB, files []zipFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// XML snippets.

func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// r is a run of text.
func r(text string) string {
	return `<w:r><w:t xml:space="preserve">` + esc(text) + `</w:t></w:r>`
}

// p is a paragraph with properties pPr (inner XML, may be "") and content.
func p(pPr string, content ...string) string {
	s := `<w:p>`
	if pPr != "" {
		s += `<w:pPr>` + pPr + `</w:pPr>`
	}
	return s + strings.Join(content, "") + `</w:p>`
}

func pStyle(id string) string { return `<w:pStyle w:val="` + id + `"/>` }

func numPr(numID, ilvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, ilvl, numID)
}

// tbl is a table of rows of cells, each cell a list of paragraphs.
func tbl(rows ...[]string) string {
	s := `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="6000"/></w:tblGrid>`
	for _, row := range rows {
		s += `<w:tr>`
		for _, cell := range row {
			s += `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>` + cell + `</w:tc>`
		}
		s += `</w:tr>`
	}
	return s + `</w:tbl>`
}

func ins(content string) string {
	return `<w:ins w:id="901" w:author="乙山" w:date="2025-03-10T10:00:00Z">` + content + `</w:ins>`
}

func del(text string) string {
	return `<w:del w:id="902" w:author="乙山" w:date="2025-03-10T10:00:00Z"><w:r><w:delText xml:space="preserve">` +
		esc(text) + `</w:delText></w:r></w:del>`
}

// deletedMark marks a paragraph mark as a tracked deletion (goes in pPr).
const deletedMark = `<w:rPr><w:del w:id="903" w:author="乙山" w:date="2025-03-10T10:00:00Z"/></w:rPr>`

// lvl is a numbering level.
func lvl(ilvl int, start int, format, text string, extra ...string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>`,
		ilvl, start, format, strings.Join(extra, ""), esc(text))
}

func absNum(id int, levels ...string) string {
	return fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>%s</w:abstractNum>`,
		id, strings.Join(levels, ""))
}

func num(id, abstractID int, overrides ...string) string {
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>`, id, abstractID, strings.Join(overrides, ""))
}

func startOverride(ilvl, start int) string {
	return fmt.Sprintf(`<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>`, ilvl, start)
}

// paraStyle defines a paragraph style; pPr is its inner w:pPr XML.
func paraStyle(id, name, basedOn, pPr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/>`
	}
	if pPr != "" {
		s += `<w:pPr>` + pPr + `</w:pPr>`
	}
	return s + `</w:style>`
}

// normalStyle is the default paragraph style, with the id Japanese Word gives it.
const normalStyle = `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>`
