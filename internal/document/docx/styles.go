package docx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// The XML structs below match elements by local name only, so they read
// both transitional (schemas.openxmlformats.org) and strict
// (purl.oclc.org) WordprocessingML.

// xVal is an element whose content is its w:val attribute.
type xVal struct {
	Val *string `xml:"val,attr"`
}

// str returns the value, or "" when the element or attribute is absent.
func (v *xVal) str() string {
	if v == nil || v.Val == nil {
		return ""
	}
	return *v.Val
}

// int returns the value as an integer; ok is false when absent or invalid.
func (v *xVal) num() (n int, ok bool) {
	if v == nil || v.Val == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(*v.Val))
	return n, err == nil
}

// on reads an ST_OnOff toggle: present without w:val, or with a true value.
func (v *xVal) on() bool {
	if v == nil {
		return false
	}
	if v.Val == nil {
		return true
	}
	switch strings.TrimSpace(*v.Val) {
	case "0", "false", "off":
		return false
	}
	return true
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xStylePPr struct {
	NumPr      *xNumPr `xml:"numPr"`
	OutlineLvl *xVal   `xml:"outlineLvl"`
}

type xStyle struct {
	Type    string     `xml:"type,attr"`
	ID      string     `xml:"styleId,attr"`
	Default string     `xml:"default,attr"`
	Name    *xVal      `xml:"name"`
	BasedOn *xVal      `xml:"basedOn"`
	PPr     *xStylePPr `xml:"pPr"`
}

type xStyles struct {
	Styles []xStyle `xml:"style"`
}

// style is what the extractor needs of one style definition.
type style struct {
	id, typ, name, basedOn string
	numID, ilvl, outline   *int
}

// styleSheet is word/styles.xml reduced to its styles by id.
type styleSheet struct {
	byID             map[string]*style
	defaultParagraph string // id of the default paragraph style
}

func newStyleSheet() *styleSheet { return &styleSheet{byID: map[string]*style{}} }

func parseStyles(data []byte) (*styleSheet, error) {
	var x xStyles
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&x); err != nil {
		return nil, err
	}
	ss := newStyleSheet()
	for _, xs := range x.Styles {
		if xs.ID == "" {
			continue
		}
		s := &style{id: xs.ID, typ: xs.Type, name: xs.Name.str(), basedOn: xs.BasedOn.str()}
		if s.typ == "" {
			s.typ = "paragraph"
		}
		if xs.PPr != nil {
			if np := xs.PPr.NumPr; np != nil {
				s.numID = intPtr(np.NumID)
				s.ilvl = intPtr(np.Ilvl)
			}
			s.outline = intPtr(xs.PPr.OutlineLvl)
		}
		if _, dup := ss.byID[s.id]; !dup { // the first definition wins, as in Word
			ss.byID[s.id] = s
		}
		if s.typ == "paragraph" && (xs.Default == "1" || xs.Default == "true" || xs.Default == "on") && ss.defaultParagraph == "" {
			ss.defaultParagraph = s.id
		}
	}
	return ss, nil
}

func intPtr(v *xVal) *int {
	n, ok := v.num()
	if !ok {
		return nil
	}
	return &n
}

// maxStyleChain bounds w:basedOn chains; a cycle stops there.
const maxStyleChain = 32

// chain returns the style and the styles it is based on, nearest first.
func (ss *styleSheet) chain(id string) []*style {
	var out []*style
	for i := 0; id != "" && i < maxStyleChain; i++ {
		s := ss.byID[id]
		if s == nil {
			break
		}
		for _, seen := range out {
			if seen == s {
				return out
			}
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// numPr returns the numbering a paragraph style gives: the nearest numId and
// ilvl along its basedOn chain (nil where none is set).
func (ss *styleSheet) numPr(id string) (numID, ilvl *int) {
	for _, s := range ss.chain(id) {
		if numID == nil && s.numID != nil {
			numID = s.numID
		}
		if ilvl == nil && s.ilvl != nil {
			ilvl = s.ilvl
		}
	}
	return numID, ilvl
}

// headingLevel returns the outline level (1-9) a paragraph style gives, 0
// for body text: the nearest w:outlineLvl along the chain, else a built-in
// heading name ("heading 1" .. "heading 9", stored in English whatever the
// language of Word's interface, while the style ids are localised: "1" in a
// Japanese Word document for 見出し 1).
func (ss *styleSheet) headingLevel(id string) int {
	chain := ss.chain(id)
	if len(chain) == 0 {
		// An undefined style (or no styles part): trust an English id.
		return headingFromName(id)
	}
	for _, s := range chain {
		if s.outline != nil {
			return outlineToLevel(*s.outline)
		}
	}
	for _, s := range chain {
		if lvl := headingFromName(s.name); lvl > 0 {
			return lvl
		}
	}
	return 0
}

// headingFromName reads "heading 2", "Heading2" as 2; anything else as 0.
func headingFromName(name string) int {
	n, ok := strings.CutPrefix(strings.ToLower(strings.TrimSpace(name)), "heading")
	if !ok {
		return 0
	}
	lvl, err := strconv.Atoi(strings.TrimSpace(n))
	if err != nil || lvl < 1 || lvl > 9 {
		return 0
	}
	return lvl
}

// outlineToLevel maps w:outlineLvl (0-8 headings, 9 body text) to 1-9 or 0.
func outlineToLevel(v int) int {
	if v >= 0 && v <= 8 {
		return v + 1
	}
	return 0
}
