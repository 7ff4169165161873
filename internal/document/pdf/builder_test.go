package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"sort"
	"strings"
	"testing"
)

// This file writes small PDFs for the tests, with correct cross-reference
// tables, so that each case states its content stream and fonts directly.

type pdfBuilder struct {
	objs    [][]byte // object bodies; object n is objs[n-1]
	version string
	crypt   *rc4Crypt // encrypt strings and streams (set before adding objects)
}

func newPDF() *pdfBuilder { return &pdfBuilder{version: "1.7"} }

// reserve allocates an object number to be set later.
func (b *pdfBuilder) reserve() int {
	b.objs = append(b.objs, nil)
	return len(b.objs)
}

func (b *pdfBuilder) set(id int, body string) { b.objs[id-1] = []byte(body) }

func (b *pdfBuilder) add(body string) int {
	id := b.reserve()
	b.set(id, body)
	return id
}

// stream adds a stream object; dict is the inner dictionary without
// /Length; flate compresses the data.
func (b *pdfBuilder) stream(dict string, data []byte, flate bool) int {
	id := b.reserve()
	if flate {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	if b.crypt != nil {
		data = b.crypt.encrypt(id, data)
	}
	var body bytes.Buffer
	fmt.Fprintf(&body, "<< %s /Length %d >>\nstream\n", dict, len(data))
	body.Write(data)
	body.WriteString("\nendstream")
	b.objs[id-1] = body.Bytes()
	return id
}

// bytes writes the file with the given trailer entries (/Root and so on).
func (b *pdfBuilder) bytes(trailer string) []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", b.version)
	offsets := make([]int, len(b.objs))
	for i, body := range b.objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", i+1)
		out.Write(body)
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, trailer, xref)
	return out.Bytes()
}

// page describes one page of a test document.
type page struct {
	content string            // content stream
	fonts   map[string]string // resource name -> font object body
	xobject map[string]int    // resource name -> object id (added by the caller)
	extra   string            // more page dictionary entries (/Rotate ...)
	flate   bool
	filter  string // a /Filter to declare on the content stream, data as is
}

// doc writes a document of the given pages.
func (b *pdfBuilder) doc(pages ...page) []byte {
	pagesID := b.reserve()
	var kids []string
	for _, p := range pages {
		var res strings.Builder
		res.WriteString("<< /Font <<")
		names := make([]string, 0, len(p.fonts))
		for n := range p.fonts {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(&res, " /%s %d 0 R", n, b.add(p.fonts[n]))
		}
		res.WriteString(" >> /XObject <<")
		for n, id := range p.xobject {
			fmt.Fprintf(&res, " /%s %d 0 R", n, id)
		}
		res.WriteString(" >> >>")
		dict := ""
		if p.filter != "" {
			dict = "/Filter /" + p.filter
		}
		content := b.stream(dict, []byte(p.content), p.flate)
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf(
			"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R %s >>",
			pagesID, res.String(), content, p.extra))))
	}
	b.set(pagesID, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	catalog := b.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID))
	trailer := fmt.Sprintf("/Root %d 0 R", catalog)
	if b.crypt != nil {
		trailer += b.crypt.trailer(b)
	}
	return b.bytes(trailer)
}

// cidFont is a Type0 font with Identity-H encoding: each character of the
// text it is given gets a CID, and its ToUnicode maps the CIDs back.
type cidFont struct {
	cids  map[rune]int
	order []rune
}

func newCIDFont(texts ...string) *cidFont {
	f := &cidFont{cids: map[rune]int{}}
	for _, t := range texts {
		for _, r := range t {
			if _, ok := f.cids[r]; !ok {
				f.order = append(f.order, r)
				f.cids[r] = len(f.order) + 100 // not the code points
			}
		}
	}
	return f
}

// hex returns text as a hex string of two-byte codes.
func (f *cidFont) hex(text string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range text {
		fmt.Fprintf(&b, "%04X", f.cids[r])
	}
	b.WriteByte('>')
	return b.String()
}

// toUnicode returns the ToUnicode CMap program, with the first characters
// as a bfrange (of one) and the rest as bfchar.
func (f *cidFont) toUnicode() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	fmt.Fprintf(&b, "%d beginbfchar\n", len(f.order))
	for _, r := range f.order {
		u := utf16Hex(r)
		fmt.Fprintf(&b, "<%04X> <%s>\n", f.cids[r], u)
	}
	b.WriteString("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

func utf16Hex(r rune) string {
	if r < 0x10000 {
		return fmt.Sprintf("%04X", r)
	}
	r -= 0x10000
	return fmt.Sprintf("%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
}

// dict adds the font's objects and returns the Type0 font dictionary.
// Full-width characters are 1000 units wide, others 500 (the W array).
func (f *cidFont) dict(b *pdfBuilder, encoding string) string {
	tu := b.stream("", []byte(f.toUnicode()), true)
	var w strings.Builder
	for _, r := range f.order {
		width := 1000
		if r < 0x2E80 {
			width = 500
		}
		fmt.Fprintf(&w, " %d [%d]", f.cids[r], width)
	}
	desc := b.add("<< /Type /FontDescriptor /FontName /TestMincho /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
	cid := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestMincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] >>", desc, w.String()))
	return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /TestMincho /Encoding /%s /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", encoding, cid, tu)
}

// helvetica is a standard simple font (no embedded widths).
const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// predefinedFont is a Type0 font with a predefined CMap and no ToUnicode.
func predefinedFont(b *pdfBuilder, cmapName string) string {
	cid := b.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 >>")
	return fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light /Encoding /%s /DescendantFonts [%d 0 R] >>", cmapName, cid)
}

// imagePDF writes a one-page PDF that only draws a JPEG image, as a
// scanner does.
func imagePDF(t testing.TB, jpg []byte) []byte {
	t.Helper()
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(jpg))
	if err != nil {
		t.Fatal(err)
	}
	space := "/DeviceRGB"
	if cfg.ColorModel == color.GrayModel {
		space = "/DeviceGray"
	}
	b := newPDF()
	b.version = "1.4"
	img := b.stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", cfg.Width, cfg.Height, space), jpg, false)
	w, h := 595.0, 595.0*float64(cfg.Height)/float64(cfg.Width)
	return b.doc(page{
		content: fmt.Sprintf("q %.2f 0 0 %.2f 0 %.2f cm /Im0 Do Q", w, h, 842-h),
		xobject: map[string]int{"Im0": img},
	})
}

// syntheticScan draws grey bars where lines of text would be.
func syntheticScan(t testing.TB) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 210, 297))
	for y := range 297 {
		for x := range 210 {
			c := uint8(250)
			if y > 30 && y < 270 && y%12 < 5 && x > 20 && x < 190 && (x/7+y/12)%9 != 0 {
				c = 60
			}
			img.SetGray(x, y, color.Gray{Y: c})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 50}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rc4Crypt is the PDF standard security handler, revision 3 (128-bit
// RC4), enough to make encrypted test files.
type rc4Crypt struct {
	id      []byte
	key     []byte
	o, u    []byte
	pBytes  [4]byte
	pSigned int32
}

var passwordPad = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

func pad(pw string) []byte { return append([]byte(pw), passwordPad...)[:32] }

// rc4Rounds encrypts data with key, then 19 more times with key XOR i.
func rc4Rounds(key, data []byte) []byte {
	out := append([]byte(nil), data...)
	for i := 0; i <= 19; i++ {
		k := append([]byte(nil), key...)
		for j := range k {
			k[j] ^= byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(out, out)
	}
	return out
}

func md5Iterated(data []byte) []byte {
	sum := md5.Sum(data)
	key := sum[:]
	for range 50 {
		s := md5.Sum(key[:16])
		key = s[:]
	}
	return key[:16]
}

func newRC4Crypt(user, owner string) *rc4Crypt {
	c := &rc4Crypt{id: []byte("0123456789abcdef"), pSigned: -3904}
	c.o = rc4Rounds(md5Iterated(pad(owner)), pad(user))
	binary.LittleEndian.PutUint32(c.pBytes[:], uint32(c.pSigned))
	var in []byte
	in = append(in, pad(user)...)
	in = append(in, c.o...)
	in = append(in, c.pBytes[:]...)
	in = append(in, c.id...)
	c.key = md5Iterated(in)
	h := md5.Sum(append(append([]byte(nil), passwordPad...), c.id...))
	c.u = append(rc4Rounds(c.key, h[:]), make([]byte, 16)...)
	return c
}

func (c *rc4Crypt) encrypt(id int, data []byte) []byte {
	k := append(append([]byte(nil), c.key...), byte(id), byte(id>>8), byte(id>>16), 0, 0)
	sum := md5.Sum(k)
	ci, _ := rc4.NewCipher(sum[:])
	out := make([]byte, len(data))
	ci.XORKeyStream(out, data)
	return out
}

func (c *rc4Crypt) trailer(b *pdfBuilder) string {
	enc := b.add(fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <%X> /U <%X> /P %d >>", c.o, c.u, c.pSigned))
	return fmt.Sprintf(" /Encrypt %d 0 R /ID [<%X> <%X>]", enc, c.id, c.id)
}
