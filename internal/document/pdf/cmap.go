package pdf

import (
	"unicode/utf16"
	"unicode/utf8"
)

// cmap is a parsed CMap stream: a font's ToUnicode map (codes to text) or
// an embedded encoding CMap (codes to CIDs). Lookups are by the bytes of the
// code, whose length the codespace ranges give.
type cmap struct {
	space    []codespace
	chars    map[string]string // bfchar: code -> text
	ranges   []bfrange         // bfrange
	cidChars map[string]int    // cidchar: code -> CID
	cidRange []cidRange        // cidrange
	useCMap  string            // usecmap of a predefined CMap
}

type codespace struct {
	lo, hi []byte
}

type bfrange struct {
	lo, hi uint32
	n      int      // code length in bytes
	base   []rune   // text of lo; following codes increment its last rune
	array  []string // or one text per code
}

type cidRange struct {
	lo, hi uint32
	n      int
	cid    int
}

// maxCMapEntries bounds what one CMap may define.
const maxCMapEntries = 1 << 20

func codeValue(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

// parseCMap reads a CMap program. It is lenient: what it cannot read it
// skips.
func parseCMap(data []byte) *cmap {
	m := &cmap{chars: map[string]string{}, cidChars: map[string]int{}}
	l := &lexer{data: data}
	var operands []operand
	entries := 0
	for {
		tok, ok := l.token()
		if !ok {
			break
		}
		kw, isKw := tok.(keyword)
		if !isKw || kw == "[" || kw == "<<" {
			if len(operands) < 4096 {
				operands = append(operands, l.object(tok, 0))
			} else {
				l.object(tok, 0)
			}
			continue
		}
		switch kw {
		case "usecmap":
			if len(operands) > 0 {
				if n, ok := operands[len(operands)-1].(name); ok {
					m.useCMap = string(n)
				}
			}
		case "endcodespacerange":
			for i := 0; i+1 < len(operands); i += 2 {
				lo, ok1 := operands[i].(string)
				hi, ok2 := operands[i+1].(string)
				if ok1 && ok2 && len(lo) == len(hi) && len(lo) >= 1 && len(lo) <= 4 {
					m.space = append(m.space, codespace{[]byte(lo), []byte(hi)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, ok := operands[i].(string)
				if !ok || len(src) == 0 || len(src) > 4 {
					continue
				}
				switch dst := operands[i+1].(type) {
				case string:
					m.chars[src] = utf16Text(dst)
				case name:
					m.chars[src] = glyphNameText(string(dst))
				}
				entries++
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, ok1 := operands[i].(string)
				hi, ok2 := operands[i+1].(string)
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 {
					continue
				}
				r := bfrange{lo: codeValue([]byte(lo)), hi: codeValue([]byte(hi)), n: len(lo)}
				if r.hi < r.lo {
					continue
				}
				switch dst := operands[i+2].(type) {
				case string:
					r.base = []rune(utf16Text(dst))
				case []operand:
					for _, d := range dst {
						s, _ := d.(string)
						r.array = append(r.array, utf16Text(s))
					}
				default:
					continue
				}
				// Small ranges (nearly all) go into the map, in order, so
				// that lookups are constant time and a later definition
				// wins; huge ones are kept as ranges.
				if size := int(r.hi-r.lo) + 1; size <= 1<<16 && entries+size <= maxCMapEntries {
					code := make([]byte, r.n)
					for v := r.lo; ; v++ {
						for k := range r.n {
							code[k] = byte(v >> (8 * (r.n - 1 - k)))
						}
						if t, ok := r.text(v); ok {
							m.chars[string(code)] = t
						}
						if v == r.hi {
							break
						}
					}
					entries += size
					continue
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
		case "endcidchar":
			for i := 0; i+1 < len(operands) && entries < maxCMapEntries; i += 2 {
				src, ok1 := operands[i].(string)
				cid, ok2 := operands[i+1].(float64)
				if ok1 && ok2 && len(src) > 0 && len(src) <= 4 {
					m.cidChars[src] = int(cid)
					entries++
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(operands) && entries < maxCMapEntries; i += 3 {
				lo, ok1 := operands[i].(string)
				hi, ok2 := operands[i+1].(string)
				cid, ok3 := operands[i+2].(float64)
				if ok1 && ok2 && ok3 && len(lo) == len(hi) && len(lo) > 0 && len(lo) <= 4 {
					m.cidRange = append(m.cidRange, cidRange{codeValue([]byte(lo)), codeValue([]byte(hi)), len(lo), int(cid)})
					entries++
				}
			}
		}
		operands = operands[:0]
	}
	return m
}

// utf16Text decodes the UTF-16BE bytes of a ToUnicode destination.
func utf16Text(s string) string {
	if len(s)%2 == 1 { // not UTF-16: take the bytes as Latin-1
		r := make([]rune, len(s))
		for i := range len(s) {
			r[i] = rune(s[i])
		}
		return string(r)
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return string(utf16.Decode(u))
}

// split returns the length of the code at the start of b according to the
// codespace ranges, or 0 when none matches.
func (m *cmap) split(b []byte) int {
	for n := 1; n <= 4 && n <= len(b); n++ {
		for _, sp := range m.space {
			if len(sp.lo) != n {
				continue
			}
			in := true
			for i := 0; i < n; i++ {
				if b[i] < sp.lo[i] || b[i] > sp.hi[i] {
					in = false
					break
				}
			}
			if in {
				return n
			}
		}
	}
	return 0
}

// text returns the text of a code; ok is false when the map has none.
func (m *cmap) text(code []byte) (string, bool) {
	if s, ok := m.chars[string(code)]; ok {
		return s, true
	}
	v := codeValue(code)
	for i := len(m.ranges) - 1; i >= 0; i-- { // a later definition wins
		if r := &m.ranges[i]; r.n == len(code) && v >= r.lo && v <= r.hi {
			return r.text(v)
		}
	}
	return "", false
}

// text returns the text of code v (lo <= v <= hi): the destination with its
// last character advanced by v-lo, or the v-lo'th string of an array.
func (r *bfrange) text(v uint32) (string, bool) {
	off := int(v - r.lo)
	if r.array != nil {
		if off < len(r.array) {
			return r.array[off], true
		}
		return "", false
	}
	if len(r.base) == 0 {
		return "", true
	}
	out := append([]rune(nil), r.base...)
	last := out[len(out)-1] + rune(off)
	if !utf8.ValidRune(last) {
		return "", false
	}
	out[len(out)-1] = last
	return string(out), true
}

// cid returns the CID of a code in an encoding CMap.
func (m *cmap) cid(code []byte) (int, bool) {
	if c, ok := m.cidChars[string(code)]; ok {
		return c, true
	}
	v := codeValue(code)
	for _, r := range m.cidRange {
		if r.n == len(code) && v >= r.lo && v <= r.hi {
			return r.cid + int(v-r.lo), true
		}
	}
	return 0, false
}
