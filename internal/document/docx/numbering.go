package docx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// numLevels is the number of levels of a Word list (w:ilvl 0-8).
const numLevels = 9

type xNumFmt struct {
	Val    string `xml:"val,attr"`
	Format string `xml:"format,attr"` // the custom format of a "custom" numFmt (not rendered)
}

// xAltContent is mc:AlternateContent, which Word wraps around a numFmt that
// older readers would not know (a "custom" one, with a decimal fallback).
type xAltContent struct {
	Choice   []xAltBranch `xml:"Choice"`
	Fallback *xAltBranch  `xml:"Fallback"`
}

type xAltBranch struct {
	NumFmt *xNumFmt `xml:"numFmt"`
}

type xLvl struct {
	Ilvl       string        `xml:"ilvl,attr"`
	Start      *xVal         `xml:"start"`
	NumFmt     *xNumFmt      `xml:"numFmt"`
	Alt        []xAltContent `xml:"AlternateContent"`
	LvlRestart *xVal         `xml:"lvlRestart"`
	PStyle     *xVal         `xml:"pStyle"`
	IsLgl      *xVal         `xml:"isLgl"`
	LvlText    *xVal         `xml:"lvlText"`
}

// startVal returns the level's w:start; ok is false when x or it is absent.
func (x *xLvl) startVal() (n int, ok bool) {
	if x == nil {
		return 0, false
	}
	return x.Start.num()
}

// numFmt returns the level's number format and whether one is given,
// preferring a format this package renders over a "custom" one.
func (x *xLvl) numFmt() (string, bool) {
	if x.NumFmt != nil && x.NumFmt.Val != "" && x.NumFmt.Val != "custom" {
		return x.NumFmt.Val, true
	}
	for _, alt := range x.Alt {
		for _, c := range alt.Choice {
			if c.NumFmt != nil && c.NumFmt.Val != "" && c.NumFmt.Val != "custom" {
				return c.NumFmt.Val, true
			}
		}
		if f := alt.Fallback; f != nil && f.NumFmt != nil && f.NumFmt.Val != "" {
			return f.NumFmt.Val, true
		}
	}
	if x.NumFmt != nil && x.NumFmt.Val != "" {
		return x.NumFmt.Val, true
	}
	return "", false
}

type xAbstractNum struct {
	ID           string `xml:"abstractNumId,attr"`
	NumStyleLink *xVal  `xml:"numStyleLink"`
	Levels       []xLvl `xml:"lvl"`
}

type xLvlOverride struct {
	Ilvl          string `xml:"ilvl,attr"`
	StartOverride *xVal  `xml:"startOverride"`
	Lvl           *xLvl  `xml:"lvl"`
}

type xNum struct {
	ID            string         `xml:"numId,attr"`
	AbstractNumID *xVal          `xml:"abstractNumId"`
	Overrides     []xLvlOverride `xml:"lvlOverride"`
}

type xNumbering struct {
	Abstracts []xAbstractNum `xml:"abstractNum"`
	Nums      []xNum         `xml:"num"`
}

// level is one resolved list level.
type level struct {
	start   int
	numFmt  string // ST_NumberFormat; "decimal" when not given
	text    string // w:lvlText, "%1".."%9" standing for the levels' numbers
	restart *int   // w:lvlRestart: nil restarts after any shallower level, 0 never
	pStyle  string // the paragraph style linked to this level
	isLgl   bool   // show every number in decimal ("legal" numbering)
}

// apply overwrites the fields that x gives.
func (l *level) apply(x *xLvl) {
	if n, ok := x.startVal(); ok {
		l.start = n
	}
	if f, ok := x.numFmt(); ok {
		l.numFmt = f
	}
	if x.LvlText != nil {
		l.text = x.LvlText.str()
	}
	if x.LvlRestart != nil {
		l.restart = intPtr(x.LvlRestart)
	}
	if x.PStyle != nil {
		l.pStyle = x.PStyle.str()
	}
	if x.IsLgl != nil {
		l.isLgl = x.IsLgl.on()
	}
}

type abstractNum struct {
	id           string
	numStyleLink string
	levels       [numLevels]*level
}

type numDef struct {
	abstractID string
	overrides  []xLvlOverride
}

// listInstance is a w:num with its levels resolved.
type listInstance struct {
	levels [numLevels]*level
	// key names the counters it uses: those of its abstract numbering,
	// shared by all the w:num instances of it (which is how Word continues
	// a list from one w:num to another).
	key string
	// restart lists the levels with a w:startOverride: the first paragraph
	// numbered through this instance restarts them at the override value.
	restart []int
	used    bool
}

// counters holds the current number of each level of one list.
type counters struct {
	value   [numLevels]int
	started [numLevels]bool
}

// numbering is word/numbering.xml plus the counters of the lists it defines,
// which advance as paragraphs are numbered in document order.
type numbering struct {
	styles    *styleSheet
	abstracts map[string]*abstractNum
	nums      map[int]*numDef
	instances map[int]*listInstance // resolved lazily; nil for an unknown numId
	counters  map[string]*counters
}

func newNumbering(styles *styleSheet) *numbering {
	return &numbering{
		styles:    styles,
		abstracts: map[string]*abstractNum{},
		nums:      map[int]*numDef{},
		instances: map[int]*listInstance{},
		counters:  map[string]*counters{},
	}
}

func (n *numbering) parse(data []byte) error {
	var x xNumbering
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&x); err != nil {
		return err
	}
	for _, xa := range x.Abstracts {
		id := strings.TrimSpace(xa.ID)
		if _, dup := n.abstracts[id]; dup {
			continue
		}
		a := &abstractNum{id: id, numStyleLink: xa.NumStyleLink.str()}
		for i := range xa.Levels {
			il, err := strconv.Atoi(strings.TrimSpace(xa.Levels[i].Ilvl))
			if err != nil || il < 0 || il >= numLevels {
				continue
			}
			l := &level{numFmt: "decimal"}
			l.apply(&xa.Levels[i])
			a.levels[il] = l
		}
		n.abstracts[id] = a
	}
	for _, xn := range x.Nums {
		id, err := strconv.Atoi(strings.TrimSpace(xn.ID))
		if err != nil {
			continue
		}
		if _, dup := n.nums[id]; dup {
			continue
		}
		n.nums[id] = &numDef{abstractID: strings.TrimSpace(xn.AbstractNumID.str()), overrides: xn.Overrides}
	}
	return nil
}

// abstract returns the abstract numbering that defines the levels of the
// given one, following w:numStyleLink (a list that takes its levels from a
// numbering style, which in turn names a w:num).
func (n *numbering) abstract(id string) *abstractNum {
	a := n.abstracts[id]
	for i := 0; a != nil && a.numStyleLink != "" && i < maxStyleChain; i++ {
		numID, _ := n.styles.numPr(a.numStyleLink)
		if numID == nil {
			break
		}
		def := n.nums[*numID]
		if def == nil {
			break
		}
		next := n.abstracts[def.abstractID]
		if next == nil || next == a {
			break
		}
		a = next
	}
	return a
}

// instance returns the list w:num numID stands for, or nil.
func (n *numbering) instance(numID int) *listInstance {
	if inst, ok := n.instances[numID]; ok {
		return inst
	}
	var inst *listInstance
	if def := n.nums[numID]; def != nil {
		if a := n.abstract(def.abstractID); a != nil {
			inst = &listInstance{key: "abstract:" + a.id}
			for i, l := range a.levels {
				if l != nil {
					c := *l
					inst.levels[i] = &c
				}
			}
			for _, o := range def.overrides {
				il, err := strconv.Atoi(strings.TrimSpace(o.Ilvl))
				if err != nil || il < 0 || il >= numLevels {
					continue
				}
				if o.Lvl != nil {
					l := inst.levels[il]
					if l == nil {
						l = &level{numFmt: "decimal"}
						inst.levels[il] = l
					}
					l.apply(o.Lvl)
				}
				// A level override that gives its start restarts the
				// level as a w:startOverride does (which wins over it).
				_, lvlStart := o.Lvl.startVal()
				if s, ok := o.StartOverride.num(); ok && inst.levels[il] != nil {
					inst.levels[il].start = s
					inst.restart = append(inst.restart, il)
				} else if lvlStart {
					inst.restart = append(inst.restart, il)
				}
			}
		}
	}
	n.instances[numID] = inst
	return inst
}

// levelForStyle returns the level of list numID linked to paragraph style
// styleID (w:pStyle in the level), or 0.
func (n *numbering) levelForStyle(numID int, styleID string) int {
	if inst := n.instance(numID); inst != nil && styleID != "" {
		for i, l := range inst.levels {
			if l != nil && l.pStyle == styleID {
				return i
			}
		}
	}
	return 0
}

// next advances the counter of level ilvl of list numID, as a paragraph
// numbered there does, and returns the label drawn for that paragraph.
func (n *numbering) next(numID, ilvl int) string {
	inst := n.instance(numID)
	if inst == nil || ilvl < 0 || ilvl >= numLevels || inst.levels[ilvl] == nil {
		return ""
	}
	c := n.counters[inst.key]
	if c == nil {
		c = &counters{}
		n.counters[inst.key] = c
	}
	if !inst.used {
		inst.used = true
		for _, l := range inst.restart {
			c.started[l] = false
		}
	}
	lv := inst.levels[ilvl]
	if c.started[ilvl] {
		c.value[ilvl]++
	} else {
		c.value[ilvl] = lv.start
		c.started[ilvl] = true
	}
	for k := ilvl + 1; k < numLevels; k++ {
		if restarts(inst.levels[k], k, ilvl) {
			c.started[k] = false
		}
	}
	return render(inst, c, ilvl)
}

// restarts reports whether level k (deeper than used) restarts when level
// used is numbered.
func restarts(l *level, k, used int) bool {
	if l == nil || l.restart == nil {
		return true
	}
	r := *l.restart
	switch {
	case r == 0:
		return false
	case r-1 >= k: // not a shallower level: ignored
		return true
	default:
		return used <= r-1
	}
}

// render expands the lvlText of level ilvl.
func render(inst *listInstance, c *counters, ilvl int) string {
	lv := inst.levels[ilvl]
	if lv.numFmt == "bullet" {
		return mapSymbols(lv.text, "")
	}
	var b strings.Builder
	s := lv.text
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			k := int(s[i+1] - '1')
			i++
			ref := inst.levels[k]
			if ref == nil {
				continue
			}
			v := ref.start
			if c.started[k] {
				v = c.value[k]
			}
			format := ref.numFmt
			if lv.isLgl {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
