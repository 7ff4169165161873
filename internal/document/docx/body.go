package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Namespaces of the elements the walker interprets. Elements of other
// namespaces are looked into (block and paragraph level) or skipped (run
// level).
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

func isW(n xml.Name) bool    { return n.Space == nsW || n.Space == nsWStrict }
func isMath(n xml.Name) bool { return n.Space == nsM || n.Space == nsMStrict }
func isAlternateContent(n xml.Name) bool {
	return n.Space == nsMC && n.Local == "AlternateContent"
}

// attr returns the value of the WordprocessingML attribute local (w:val,
// w:fldCharType, ...) of se, or "".
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (isW(a.Name) || a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// walker reads word/document.xml as a stream of tokens and builds the
// paragraphs of the body.
type walker struct {
	dec        *xml.Decoder
	depth      int // of open elements, bounded by maxXMLDepth
	tableDepth int
	styles     *styleSheet
	num        *numbering
	paras      []Paragraph
	// Text of paragraphs whose paragraph mark is a tracked deletion; with
	// the deletion accepted it belongs to the next paragraph.
	carry    strings.Builder
	hasCarry bool
	// Open complex fields (w:fldChar), innermost last: false while in the
	// field instruction, true once past its separator, in its result.
	// Complex fields may span paragraphs (a table of contents does).
	fields []bool
}

// paragraph collects one w:p.
type paragraph struct {
	text        strings.Builder
	style       string
	hasStyle    bool
	numID, ilvl *int
	outline     *int
	markDeleted bool // the paragraph mark is deleted (w:del or w:moveFrom)
}

func walkDocument(data []byte, styles *styleSheet, num *numbering) ([]Paragraph, error) {
	w := &walker{dec: xml.NewDecoder(bytes.NewReader(data)), styles: styles, num: num}
	for {
		tok, err := w.next()
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, errors.New("no w:body element")
			}
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) || se.Name.Local != "body" {
			continue
		}
		if err := w.children(w.block); err != nil {
			return nil, err
		}
		w.flushCarry()
		return w.paras, nil
	}
}

// next returns the next token, keeping track of the nesting depth.
func (w *walker) next() (xml.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > maxXMLDepth {
			line, _ := w.dec.InputPos()
			return nil, fmt.Errorf("line %d: elements nested more than %d deep", line, maxXMLDepth)
		}
	case xml.EndElement:
		w.depth--
	}
	return tok, nil
}

// skip consumes the rest of the element just started.
func (w *walker) skip() error {
	w.depth--
	return w.dec.Skip()
}

// children calls fn for each child element of the element just started,
// up to its end tag. fn must consume the child entirely.
func (w *walker) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := w.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// content returns the character data of the element just started.
func (w *walker) content() (string, error) {
	var b strings.Builder
	for {
		tok, err := w.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := w.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

// alternate reads mc:AlternateContent: the first mc:Choice, handled with fn,
// stands for the whole; the other choices and the fallback are skipped.
func (w *walker) alternate(fn func(xml.StartElement) error) error {
	chosen := false
	return w.children(func(se xml.StartElement) error {
		if !chosen && se.Name.Space == nsMC && se.Name.Local == "Choice" {
			chosen = true
			return w.children(fn)
		}
		return w.skip()
	})
}

// block handles a child of w:body, of a table cell or of a block-level
// container (w:sdt, w:customXml).
func (w *walker) block(se xml.StartElement) error {
	if isAlternateContent(se.Name) {
		return w.alternate(w.block)
	}
	if !isW(se.Name) {
		return w.children(w.block)
	}
	switch se.Name.Local {
	case "p":
		return w.paragraph()
	case "tbl":
		w.flushCarry()
		w.tableDepth++
		err := w.children(w.block)
		w.tableDepth--
		w.flushCarry()
		return err
	case "tc":
		w.flushCarry()
		err := w.children(w.block)
		w.flushCarry()
		return err
	case "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx", "sdtPr", "sdtEndPr",
		"customXmlPr", "del", "moveFrom", "altChunk":
		return w.skip()
	default: // tr, sdt, sdtContent, customXml, ins, moveTo, range markup ...
		return w.children(w.block)
	}
}

func (w *walker) paragraph() error {
	var p paragraph
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) && se.Name.Local == "pPr" {
			return w.paragraphProps(&p)
		}
		return w.inline(&p, se)
	})
	if err != nil {
		return err
	}
	w.finish(&p)
	return nil
}

// paragraphProps reads w:pPr. Its w:pPrChange (the properties before a
// tracked change) is skipped: the current ones apply.
func (w *walker) paragraphProps(p *paragraph) error {
	return w.children(func(se xml.StartElement) error {
		if !isW(se.Name) {
			return w.skip()
		}
		switch se.Name.Local {
		case "pStyle":
			p.style, p.hasStyle = attr(se, "val"), true
		case "outlineLvl":
			p.outline = atoiPtr(attr(se, "val"))
		case "numPr":
			return w.children(func(se xml.StartElement) error {
				if isW(se.Name) {
					switch se.Name.Local {
					case "ilvl":
						p.ilvl = atoiPtr(attr(se, "val"))
					case "numId":
						p.numID = atoiPtr(attr(se, "val"))
					}
				}
				return w.skip()
			})
		case "rPr": // properties of the paragraph mark
			return w.children(func(se xml.StartElement) error {
				if isW(se.Name) && (se.Name.Local == "del" || se.Name.Local == "moveFrom") {
					p.markDeleted = true
				}
				return w.skip()
			})
		}
		return w.skip()
	})
}

func atoiPtr(s string) *int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return nil
	}
	return &n
}

// inline handles paragraph content: runs and the elements that wrap them.
func (w *walker) inline(p *paragraph, se xml.StartElement) error {
	recurse := func(c xml.StartElement) error { return w.inline(p, c) }
	switch {
	case isAlternateContent(se.Name):
		return w.alternate(recurse)
	case isMath(se.Name):
		if se.Name.Local == "r" {
			return w.run(p)
		}
		return w.children(recurse)
	case !isW(se.Name):
		return w.children(recurse)
	}
	switch se.Name.Local {
	case "r":
		return w.run(p)
	case "del", "moveFrom", // tracked deletions: gone once accepted
		"rt", // ruby text (furigana) above w:rubyBase
		"pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "rubyPr",
		"drawing", "pict", "object", // drawings and text boxes
		"commentReference", "footnoteReference", "endnoteReference":
		return w.skip()
	default: // ins, moveTo, hyperlink, fldSimple (its runs are the result), sdt, sdtContent, smartTag, customXml, ruby, rubyBase, dir, bdo, range markup ...
		return w.children(recurse)
	}
}

// run handles w:r (and m:r, whose m:t is its text).
func (w *walker) run(p *paragraph) error {
	hidden := false
	write := func(s string) {
		if !hidden && w.inFieldResult() {
			p.text.WriteString(s)
		}
	}
	var child func(se xml.StartElement) error
	child = func(se xml.StartElement) error {
		if isAlternateContent(se.Name) {
			return w.alternate(child)
		}
		if isMath(se.Name) && se.Name.Local == "t" {
			s, err := w.content()
			write(s)
			return err
		}
		if !isW(se.Name) {
			return w.skip()
		}
		switch se.Name.Local {
		case "rPr":
			return w.children(func(se xml.StartElement) error {
				if isW(se.Name) && se.Name.Local == "vanish" {
					hidden = attrOn(se)
				}
				return w.skip()
			})
		case "t":
			s, err := w.content()
			write(s)
			return err
		case "tab", "ptab":
			write("\t")
		case "br", "cr":
			write("\n")
		case "noBreakHyphen":
			write("-")
		case "sym":
			if code, err := strconv.ParseUint(attr(se, "char"), 16, 32); err == nil && code > 0 {
				r := rune(code)
				if r < 0x100 && r >= 0x20 { // a few writers omit the F000 offset
					r += 0xF000
				}
				write(mapSymbols(string(r), attr(se, "font")))
			}
		case "fldChar":
			w.fieldChar(attr(se, "fldCharType"))
		case "ruby": // the base text is read, the ruby text (w:rt) above it is not
			return w.children(func(se xml.StartElement) error {
				if isW(se.Name) && se.Name.Local == "rubyBase" {
					return w.children(func(c xml.StartElement) error { return w.inline(p, c) })
				}
				return w.skip()
			})
		}
		// Everything else is skipped: w:instrText and w:delInstrText (field
		// instructions), w:delText, w:softHyphen, drawings, note and comment
		// references, w:lastRenderedPageBreak ...
		return w.skip()
	}
	return w.children(child)
}

// attrOn reads an ST_OnOff w:val: absent or true-ish is on.
func attrOn(se xml.StartElement) bool {
	switch strings.TrimSpace(attr(se, "val")) {
	case "0", "false", "off":
		return false
	}
	return true
}

func (w *walker) fieldChar(typ string) {
	switch typ {
	case "begin":
		w.fields = append(w.fields, false)
	case "separate":
		if n := len(w.fields); n > 0 {
			w.fields[n-1] = true
		}
	case "end":
		if n := len(w.fields); n > 0 {
			w.fields = w.fields[:n-1]
		}
	}
}

// inFieldResult reports whether text here is shown: outside any field, or
// in the result of every open one (an inner field in an outer field's
// instruction is part of that instruction).
func (w *walker) inFieldResult() bool {
	for _, inResult := range w.fields {
		if !inResult {
			return false
		}
	}
	return true
}

// finish appends the paragraph to the output, or keeps its text for the
// next paragraph when its mark is deleted.
func (w *walker) finish(p *paragraph) {
	if p.markDeleted {
		w.carry.WriteString(p.text.String())
		w.hasCarry = true
		return
	}
	text := p.text.String()
	if w.hasCarry {
		text = w.carry.String() + text
		w.carry.Reset()
		w.hasCarry = false
	}
	style := p.style
	if !p.hasStyle {
		style = w.styles.defaultParagraph
	}
	var heading int
	if p.outline != nil {
		heading = outlineToLevel(*p.outline)
	} else {
		heading = w.styles.headingLevel(style)
	}
	w.paras = append(w.paras, Paragraph{
		Index:        len(w.paras) + 1,
		Label:        w.label(p, style),
		Text:         text,
		Style:        style,
		HeadingLevel: heading,
		InTable:      w.tableDepth > 0,
	})
}

// flushCarry ends a run of paragraphs joined by deleted paragraph marks at a
// table or cell boundary, which they cannot cross: what is left becomes a
// paragraph of its own (nothing, if all of it was deleted).
func (w *walker) flushCarry() {
	if !w.hasCarry {
		return
	}
	text := w.carry.String()
	w.carry.Reset()
	w.hasCarry = false
	if text == "" {
		return
	}
	style := w.styles.defaultParagraph
	w.paras = append(w.paras, Paragraph{
		Index:        len(w.paras) + 1,
		Text:         text,
		Style:        style,
		HeadingLevel: w.styles.headingLevel(style),
		InTable:      w.tableDepth > 0,
	})
}

// label numbers the paragraph: its own w:numPr, else its style's (along
// basedOn), advance the list counters and give the label drawn.
func (w *walker) label(p *paragraph, style string) string {
	styleNum, styleLvl := w.styles.numPr(style)
	numID, fromStyle := p.numID, false
	if numID == nil {
		numID, fromStyle = styleNum, true
	}
	if numID == nil || *numID == 0 { // numId 0 removes numbering
		return ""
	}
	var ilvl int
	switch {
	case p.ilvl != nil:
		ilvl = *p.ilvl
	case styleLvl != nil:
		ilvl = *styleLvl
	case fromStyle:
		for _, s := range w.styles.chain(style) {
			if l := w.num.levelForStyle(*numID, s.id); l > 0 {
				ilvl = l
				break
			}
		}
	}
	return w.num.next(*numID, ilvl)
}
