package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// encodingKind is how a composite (Type0) font's codes are cut and, without
// a ToUnicode map, read.
type encodingKind int

const (
	encIdentity encodingKind = iota // Identity-H/V: two bytes, CID = code, text only through ToUnicode
	encUCS2                         // Uni*-UCS2-*: two bytes of UTF-16BE
	encUTF16                        // Uni*-UTF16-*: UTF-16BE
	encUTF8                         // Uni*-UTF8-*
	encUTF32                        // Uni*-UTF32-*
	encSJIS                         // *-RKSJ-*: Shift_JIS
	encEUCJP                        // EUC-H/V: EUC-JP
	encJIS                          // H/V: ISO-2022-JP two-byte codes (JIS X 0208)
	encGBK                          // GB*-EUC, GBK*: GB 2312 / GBK
	encBig5                         // B5*, ETen*, HKscs*: Big5
	encEUCKR                        // KSC*: EUC-KR
	encEmbedded                     // an embedded CMap stream
	encUnknown                      // another predefined CMap: text only through ToUnicode
)

// classifyCMap tells the kind of a predefined CMap from its name.
func classifyCMap(n string) encodingKind {
	switch {
	case n == "Identity-H" || n == "Identity-V":
		return encIdentity
	case strings.Contains(n, "UCS2"):
		return encUCS2
	case strings.Contains(n, "UTF16"):
		return encUTF16
	case strings.Contains(n, "UTF8"):
		return encUTF8
	case strings.Contains(n, "UTF32"):
		return encUTF32
	case strings.Contains(n, "RKSJ"):
		return encSJIS
	case n == "EUC-H" || n == "EUC-V":
		return encEUCJP
	case n == "H" || n == "V":
		return encJIS
	case strings.HasPrefix(n, "GB"):
		return encGBK
	case strings.HasPrefix(n, "B5") || strings.HasPrefix(n, "ETen") || strings.HasPrefix(n, "HKscs") || strings.HasPrefix(n, "ETHK"):
		return encBig5
	case strings.HasPrefix(n, "KSC"):
		return encEUCKR
	}
	return encUnknown
}

// font is what text extraction needs of a font: how to cut a string into
// character codes, the text of each code and its advance width.
type font struct {
	composite bool
	kind      encodingKind // composite fonts
	encCMap   *cmap        // an embedded encoding CMap
	toUnicode *cmap
	vertical  bool

	// simple fonts
	dict        lpdf.Value        // the font dictionary
	simple      lpdf.TextEncoding // the library's reading of its Encoding, made on first use
	differences map[byte]string   // glyph names from Encoding/Differences
	firstChar   int
	widths      []float64
	missing     float64 // MissingWidth, or a guess

	// composite fonts: widths by CID
	cidWidth  map[int]float64
	cidRanges []cidWidthRange
	dw        float64 // default width
	vAdvance  float64 // vertical advance (DW2's second number), in 1/1000 em

	scale float64 // glyph space to 1/1000 text space (Type3 FontMatrix)
}

type cidWidthRange struct {
	first, last int
	w           float64
}

// maxWidthEntries bounds the widths read from one W array.
const maxWidthEntries = 1 << 20

// fallbackFont stands in when text is shown before any font is set or with
// a font the resources do not have.
var fallbackFont = &font{missing: 500, scale: 1, simple: latin1{}}

type latin1 struct{}

func (latin1) Decode(raw string) string {
	r := make([]rune, len(raw))
	for i := range len(raw) {
		r[i] = rune(raw[i])
	}
	return string(r)
}

// loadFont reads a font dictionary; read gives stream contents within the
// extraction budget.
func loadFont(v lpdf.Value, read func(lpdf.Value) ([]byte, error)) (*font, error) {
	f := &font{scale: 1}
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		data, err := read(tu)
		if err != nil {
			return nil, err
		}
		f.toUnicode = parseCMap(data)
	}
	if v.Key("Subtype").Name() == "Type0" {
		return f, f.loadComposite(v, read)
	}
	f.loadSimple(v)
	return f, nil
}

func (f *font) loadComposite(v lpdf.Value, read func(lpdf.Value) ([]byte, error)) error {
	f.composite = true
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case lpdf.Name:
		f.kind = classifyCMap(enc.Name())
		f.vertical = strings.HasSuffix(enc.Name(), "-V")
	case lpdf.Stream:
		data, err := read(enc)
		if err != nil {
			return err
		}
		f.encCMap = parseCMap(data)
		f.kind = encEmbedded
		if len(f.encCMap.space) == 0 && f.encCMap.useCMap != "" {
			f.kind = classifyCMap(f.encCMap.useCMap)
		}
		f.vertical = enc.Key("WMode").Int64() == 1
	default:
		f.kind = encIdentity
	}
	desc := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if dw := desc.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64()
	}
	f.vAdvance = -1000
	if dw2 := desc.Key("DW2"); dw2.Len() == 2 {
		f.vAdvance = dw2.Index(1).Float64()
	}
	w := desc.Key("W")
	f.cidWidth = map[int]float64{}
	entries := 0
	for i := 0; i < w.Len() && entries < maxWidthEntries; {
		first := int(w.Index(i).Float64())
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			for j := 0; j < next.Len() && entries < maxWidthEntries; j++ {
				f.cidWidth[first+j] = next.Index(j).Float64()
				entries++
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		f.cidRanges = append(f.cidRanges, cidWidthRange{first, int(next.Float64()), w.Index(i + 2).Float64()})
		entries++
		i += 3
	}
	return nil
}

func (f *font) loadSimple(v lpdf.Value) {
	f.dict = v
	if enc := v.Key("Encoding"); enc.Kind() == lpdf.Dict {
		diffs := enc.Key("Differences")
		code := -1
		for i := 0; i < diffs.Len(); i++ {
			switch x := diffs.Index(i); x.Kind() {
			case lpdf.Integer, lpdf.Real:
				code = int(x.Float64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					if f.differences == nil {
						f.differences = map[byte]string{}
					}
					f.differences[byte(code)] = x.Name()
				}
				code++
			}
		}
	}
	f.firstChar = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	f.missing = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.missing <= 0 {
		f.missing = 500
		if strings.Contains(v.Key("BaseFont").Name(), "Courier") {
			f.missing = 600
		}
	}
	if v.Key("Subtype").Name() == "Type3" {
		if fm := v.Key("FontMatrix"); fm.Len() == 6 && fm.Index(0).Float64() != 0 {
			f.scale = fm.Index(0).Float64() * 1000
		}
	}
}

// codeLen returns the length in bytes of the character code at the start
// of b (len(b) > 0).
func (f *font) codeLen(b []byte) int {
	if !f.composite {
		return 1
	}
	n := 2
	switch f.kind {
	case encUTF16:
		if b[0] >= 0xD8 && b[0] <= 0xDB {
			n = 4
		}
	case encUTF8:
		switch c := b[0]; {
		case c < 0x80:
			n = 1
		case c >= 0xF0:
			n = 4
		case c >= 0xE0:
			n = 3
		}
	case encUTF32:
		n = 4
	case encSJIS:
		if c := b[0]; !(c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC) {
			n = 1
		}
	case encEUCJP:
		switch c := b[0]; {
		case c == 0x8F:
			n = 3
		case c == 0x8E || c >= 0xA1 && c <= 0xFE:
			n = 2
		default:
			n = 1
		}
	case encGBK, encBig5, encEUCKR:
		if b[0] < 0x81 {
			n = 1
		}
	case encEmbedded:
		if k := f.encCMap.split(b); k > 0 {
			n = k
		} else if f.toUnicode != nil {
			if k := f.toUnicode.split(b); k > 0 {
				n = k
			}
		}
	case encUnknown:
		if f.toUnicode != nil {
			if k := f.toUnicode.split(b); k > 0 {
				n = k
			}
		}
	}
	return min(n, len(b))
}

// decodeWith decodes a multi-byte code with a legacy character set; ok is
// false for bytes it does not map.
func decodeWith(e encoding.Encoding, code []byte) (string, bool) {
	s, err := e.NewDecoder().Bytes(code)
	if err != nil || len(s) == 0 || strings.ContainsRune(string(s), utf8.RuneError) {
		return "", false
	}
	return string(s), true
}

// text returns the text of a character code; ok is false when the font
// gives no way to know it.
func (f *font) text(code []byte) (string, bool) {
	if f.toUnicode != nil {
		if s, ok := f.toUnicode.text(code); ok {
			return s, true
		}
	}
	if !f.composite {
		if n, ok := f.differences[code[0]]; ok {
			if s := glyphNameText(n); s != "" {
				return s, true
			}
		}
		s := f.simpleEncoding().Decode(string(code))
		if s == "" || strings.ContainsRune(s, utf8.RuneError) {
			return "", false
		}
		return s, true
	}
	switch f.kind {
	case encUCS2, encUTF16:
		if len(code)%2 == 0 {
			return utf16Text(string(code)), true
		}
	case encUTF8:
		if utf8.Valid(code) {
			return string(code), true
		}
	case encUTF32:
		if r := rune(codeValue(code)); len(code) == 4 && utf8.ValidRune(r) {
			return string(r), true
		}
	case encSJIS:
		return decodeWith(japanese.ShiftJIS, code)
	case encEUCJP:
		return decodeWith(japanese.EUCJP, code)
	case encJIS:
		if len(code) == 2 {
			return decodeWith(japanese.EUCJP, []byte{code[0] | 0x80, code[1] | 0x80})
		}
	case encGBK:
		return decodeWith(simplifiedchinese.GBK, code)
	case encBig5:
		return decodeWith(traditionalchinese.Big5, code)
	case encEUCKR:
		return decodeWith(korean.EUCKR, code)
	}
	return "", false
}

// simpleEncoding returns the library's decoder for the font's Encoding
// (WinAnsi, MacRoman, Differences, PDFDocEncoding), or Latin-1 when the
// library cannot make one. It is only needed for codes that the font's
// ToUnicode map, if any, lacks.
func (f *font) simpleEncoding() (enc lpdf.TextEncoding) {
	if f.simple != nil {
		return f.simple
	}
	defer func() {
		if recover() != nil || enc == nil {
			enc = latin1{}
		}
		f.simple = enc
	}()
	return (&lpdf.Font{V: f.dict}).Encoder()
}

// width returns the advance of a code in thousandths of the font size.
func (f *font) width(code []byte) float64 {
	if !f.composite {
		c := int(code[0])
		if i := c - f.firstChar; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
			return f.widths[i] * f.scale
		}
		return f.missing * f.scale
	}
	cid, ok := f.cid(code)
	if !ok {
		// The CID is not known without the predefined CMap's tables: a
		// one-byte code is a half-width character, others full width.
		if len(code) == 1 {
			return f.dw / 2
		}
		return f.dw
	}
	if w, ok := f.cidWidth[cid]; ok {
		return w
	}
	for _, r := range f.cidRanges {
		if cid >= r.first && cid <= r.last {
			return r.w
		}
	}
	return f.dw
}

func (f *font) cid(code []byte) (int, bool) {
	switch f.kind {
	case encIdentity:
		return int(codeValue(code)), true
	case encEmbedded:
		return f.encCMap.cid(code)
	}
	return 0, false
}

// glyphNameText reads the glyph names that spell their character:
// "uni3042", "u1F600", "space"...; "" for others.
func glyphNameText(n string) string {
	if i := strings.IndexByte(n, '.'); i > 0 { // "uni3042.vert", "a.sc"
		n = n[:i]
	}
	switch {
	case strings.HasPrefix(n, "uni") && len(n) >= 7 && (len(n)-3)%4 == 0:
		var u []uint16
		for i := 3; i < len(n); i += 4 {
			v, err := strconv.ParseUint(n[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			u = append(u, uint16(v))
		}
		return utf16Text(string(uint16Bytes(u)))
	case strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7:
		v, err := strconv.ParseUint(n[1:], 16, 32)
		if err == nil && utf8.ValidRune(rune(v)) {
			return string(rune(v))
		}
	case n == "space":
		return " "
	}
	return ""
}

func uint16Bytes(u []uint16) []byte {
	b := make([]byte, 0, 2*len(u))
	for _, v := range u {
		b = append(b, byte(v>>8), byte(v))
	}
	return b
}
