package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

func extractBytes(data []byte) ([]Page, error) {
	return Extract(bytes.NewReader(data), int64(len(data)))
}

func pageTexts(ps []Page) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if p.Number != i+1 {
			out[i] = fmt.Sprintf("<page numbered %d>", p.Number)
			continue
		}
		out[i] = p.Text
	}
	return out
}

// at places text drawn with font f (an Identity-H cidFont) at x, y.
func at(f *cidFont, x, y float64, text string) string {
	return fmt.Sprintf("BT /F1 10.5 Tf 1 0 0 1 %g %g Tm %s Tj ET\n", x, y, f.hex(text))
}

func sjis(s string) string {
	b, err := japanese.ShiftJIS.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

func hexOf(s string) string { return fmt.Sprintf("<%X>", s) }

func ucs2(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(utf16Hex(r))
	}
	return "<" + b.String() + ">"
}

func TestExtract(t *testing.T) {
	jp := newCIDFont("第1条（目的）本契約は、甲乙間の業務委託に適用する。2項目株式会社乙山システムズ注※透かし複製禁止縦書き一二右列左列",
		"Article 1 Purpose")
	tests := []struct {
		name string
		make func(b *pdfBuilder) []byte
		want []string // text of each page
	}{
		{
			name: "Identity-H font with ToUnicode",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts:   map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: at(jp, 72, 770, "第1条（目的）") + at(jp, 72, 750, "本契約は、甲乙間の業務委託に適用する。"),
				})
			},
			want: []string{"第1条（目的）\n本契約は、甲乙間の業務委託に適用する。"},
		},
		{
			name: "lines sorted top to bottom and left to right whatever the drawing order",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: at(jp, 72, 750, "本契約は、") + at(jp, 124.5, 750, "甲乙間の業務委託に適用する。") +
						at(jp, 135, 770, "（目的）") + at(jp, 72, 770, "第1条") +
						at(jp, 72, 730, "項目"),
				})
			},
			want: []string{"第1条 （目的）\n本契約は、甲乙間の業務委託に適用する。\n項目"},
		},
		{
			name: "flate content, text state operators T* ' \" TD and TL",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					flate: true,
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: "BT /F1 10 Tf 14 TL 72 770 Td " + jp.hex("第1条") + " Tj T* " + jp.hex("本契約は、") + " Tj " +
						jp.hex("項目") + " ' 0 0 " + jp.hex("注") + " \" 0 -14 TD " + jp.hex("甲乙") + " Tj ET",
				})
			},
			want: []string{"第1条\n本契約は、\n項目\n注\n甲乙"},
		},
		{
			name: "word spaces from TJ kerning and gaps, none inside strings",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H"), "F2": helvetica},
					content: "BT /F2 12 Tf 72 770 Td [(Art) 10 (icle) -300 (1)] TJ ET\n" +
						"BT /F2 12 Tf 72 750 Td (Services) Tj 60 0 Td (Agreement) Tj ET\n" +
						"BT /F1 10 Tf 72 730 Td [" + jp.hex("第1条") + " -120 " + jp.hex("（目的）") + "] TJ ET\n",
				})
			},
			want: []string{"Article 1\nServices Agreement\n第1条（目的）"},
		},
		{
			name: "a justified line is not cut up, a wide gap in a line is a space",
			make: func(b *pdfBuilder) []byte {
				var c strings.Builder
				x := 72.0
				for _, r := range "株式会社乙山システムズ" { // each character placed 0.8 em apart
					c.WriteString(at(jp, x, 770, string(r)))
					x += 10.5 * 1.8
				}
				c.WriteString(at(jp, 72, 750, "甲") + at(jp, 100, 750, "株式会社乙山システムズ"))
				return b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: c.String()})
			},
			want: []string{"株式会社乙山システムズ\n甲 株式会社乙山システムズ"},
		},
		{
			name: "superscript stays on its line; overprinted fake bold is read once",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: "BT /F1 10.5 Tf 72 770 Td " + jp.hex("本契約は、") + " Tj 3.5 Ts /F1 6 Tf " + jp.hex("※1") + " Tj ET\n" +
						at(jp, 72, 750, "第1条") + at(jp, 72.3, 750, "第1条") + at(jp, 72, 750.2, "第1条"),
				})
			},
			want: []string{"本契約は、※1\n第1条"},
		},
		{
			name: "form XObject with its own matrix and resources",
			make: func(b *pdfBuilder) []byte {
				fontID := b.add(jp.dict(b, "Identity-H"))
				form := b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Matrix [1 0 0 1 0 700] /Resources << /Font << /F1 %d 0 R >> >>", fontID),
					[]byte("BT /F1 10.5 Tf 72 50 Td "+jp.hex("第1条（目的）")+" Tj ET"), true)
				return b.doc(page{
					fonts:   map[string]string{"F1": jp.dict(b, "Identity-H")},
					xobject: map[string]int{"Fm1": form},
					content: at(jp, 72, 800, "項目") + "q /Fm1 Do Q " + at(jp, 72, 700, "本契約は、"),
				})
			},
			want: []string{"項目\n第1条（目的）\n本契約は、"},
		},
		{
			name: "predefined CMaps without ToUnicode: UniJIS-UCS2-H, 90ms-RKSJ-H, EUC-H",
			make: func(b *pdfBuilder) []byte {
				euc, _ := japanese.EUCJP.NewEncoder().String("甲乙")
				return b.doc(page{
					fonts: map[string]string{
						"U": predefinedFont(b, "UniJIS-UCS2-H"),
						"S": predefinedFont(b, "90ms-RKSJ-H"),
						"E": predefinedFont(b, "EUC-H"),
					},
					content: "BT /U 10.5 Tf 72 770 Td " + ucs2("第1条（目的）") + " Tj ET\n" +
						"BT /S 10.5 Tf 72 750 Td " + hexOf(sjis("本契約はｶﾅとABCを含む。")) + " Tj ET\n" +
						"BT /E 10.5 Tf 72 730 Td " + hexOf(euc) + " Tj ET\n",
				})
			},
			want: []string{"第1条（目的）\n本契約はｶﾅとABCを含む。\n甲乙"},
		},
		{
			name: "simple font with Differences naming characters",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"T": "<< /Type /Font /Subtype /Type1 /BaseFont /Sub /FirstChar 65 /LastChar 67 /Widths [1000 1000 500]" +
						" /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /uni7532 /uni4E59 /C] >> >>"},
					content: "BT /T 10 Tf 72 770 Td (ABC) Tj ET",
				})
			},
			want: []string{"甲乙C"},
		},
		{
			name: "several pages, one of them blank; invisible text (OCR layer) is read",
			make: func(b *pdfBuilder) []byte {
				f := jp.dict(b, "Identity-H")
				return b.doc(
					page{fonts: map[string]string{"F1": f}, content: at(jp, 72, 770, "第1条")},
					page{content: "0 0 1 rg 10 10 100 100 re f"},
					page{fonts: map[string]string{"F1": f}, content: "3 Tr " + at(jp, 72, 770, "本契約は、")},
				)
			},
			want: []string{"第1条", "", "本契約は、"},
		},
		{
			name: "page rotated 90 degrees",
			make: func(b *pdfBuilder) []byte {
				// Text drawn rotated counter-clockwise reads horizontally
				// once the page is shown turned clockwise.
				return b.doc(page{
					extra: "/Rotate 90",
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: "BT /F1 10.5 Tf 0 1 -1 0 100 72 Tm " + jp.hex("第1条") + " Tj ET\n" +
						"BT /F1 10.5 Tf 0 1 -1 0 120 72 Tm " + jp.hex("本契約は、") + " Tj ET\n",
				})
			},
			want: []string{"第1条\n本契約は、"},
		},
		{
			name: "vertical writing (Identity-V): columns right to left",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-V")},
					content: "BT /F1 10.5 Tf 1 0 0 1 500 800 Tm " + jp.hex("右列") + " Tj ET\n" +
						"BT /F1 10.5 Tf 1 0 0 1 480 800 Tm " + jp.hex("左列") + " Tj ET\n",
				})
			},
			want: []string{"右列\n左列"},
		},
		{
			name: "a rotated watermark is a line of its own",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: at(jp, 72, 770, "第1条") + at(jp, 72, 750, "本契約は、") +
						"BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm " + jp.hex("複製禁止") + " Tj ET\n",
				})
			},
			want: []string{"第1条\n本契約は、\n複製禁止"},
		},
		{
			name: "inline image with binary data before the text",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts: map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: "q 10 0 0 10 72 780 cm BI /W 4 /H 2 /CS /G /BPC 8 ID \x00)(\xff]>>EI x\x01\x02\x03\n EI Q\n" +
						at(jp, 72, 770, "第1条"),
				})
			},
			want: []string{"第1条"},
		},
		{
			name: "text before any font, unknown font and operators with missing operands",
			make: func(b *pdfBuilder) []byte {
				return b.doc(page{
					fonts:   map[string]string{"F1": jp.dict(b, "Identity-H")},
					content: "BT 72 790 Td (ab) Tj ET BT /Nope 10 Tf 72 780 Td (cd) Tj ET Tf Tm cm Td TJ Tj ' \" Do q Q Q Q ET BT " + at(jp, 72, 770, "第1条"),
				})
			},
			want: []string{"ab\ncd\n第1条"},
		},
		{
			name: "PDF 2.0 header and bytes after %%EOF",
			make: func(b *pdfBuilder) []byte {
				b.version = "2.0"
				data := b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: at(jp, 72, 770, "第1条")})
				return append(data, bytes.Repeat([]byte{0}, 300)...)
			},
			want: []string{"第1条"},
		},
		{
			name: "encrypted with an empty user password (permissions only)",
			make: func(b *pdfBuilder) []byte {
				b.crypt = newRC4Crypt("", "owner")
				return b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: at(jp, 72, 770, "第1条（目的）")})
			},
			want: []string{"第1条（目的）"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractBytes(tt.make(newPDF()))
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			g := pageTexts(got)
			if strings.Join(g, "\f") != strings.Join(tt.want, "\f") {
				t.Errorf("pages:\n got %q\nwant %q", g, tt.want)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	jp := newCIDFont("第1条")
	valid := func() []byte {
		b := newPDF()
		return b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: at(jp, 72, 770, "第1条")})
	}
	bomb := func() []byte {
		b := newPDF()
		return b.doc(page{flate: true, content: strings.Repeat(" ", 65<<20)})
	}
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		wantMsg string
	}{
		{"empty file", nil, ErrNotPDF, "empty"},
		{"garbage", []byte("PK\x03\x04 this is a zip, not a PDF"), ErrNotPDF, "no %PDF header"},
		{"truncated", valid()[:len(valid())/2], ErrMalformed, "truncated"},
		{"only a header", []byte("%PDF-1.4\n%%EOF\n"), ErrMalformed, "pdf: damaged"},
		{"broken startxref", bytes.Replace(valid(), []byte("startxref\n"), []byte("startxref\n9"), 1), ErrMalformed, "pdf: "},
		{"image only (a scan)", imagePDF(t, syntheticScan(t)), ErrNoText, "run OCR first"},
		{
			"Identity-H without ToUnicode",
			func() []byte {
				b := newPDF()
				cid := b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>")
				return b.doc(page{fonts: map[string]string{"F1": fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", cid)},
					content: "BT /F1 10 Tf 72 770 Td <00410042> Tj ET"})
			}(),
			ErrNoText, "2 characters are drawn with fonts that do not map them to Unicode",
		},
		{
			"unsupported stream filter",
			func() []byte { return newPDF().doc(page{filter: "LZWDecode", content: "BT ET"}) }(),
			ErrMalformed, "page 1",
		},
		{
			"object offset pointing at garbage",
			func() []byte {
				data := valid()
				i := bytes.Index(data, []byte("xref\n0 "))
				j := bytes.Index(data[i:], []byte(" 00000 n \n")) // first object: the page tree
				copy(data[i+j-10:], "0000000003")
				return data
			}(),
			ErrMalformed, "pdf: ",
		},
		{
			"page tree with a cycle",
			func() []byte {
				b := newPDF()
				b.add("<< /Type /Pages /Kids [1 0 R] /Count 1 >>")
				cat := b.add("<< /Type /Catalog /Pages 1 0 R >>")
				return b.bytes(fmt.Sprintf("/Root %d 0 R", cat))
			}(),
			ErrMalformed, "cycle",
		},
		{"no pages", func() []byte {
			b := newPDF()
			pages := b.add("<< /Type /Pages /Kids [] /Count 0 >>")
			cat := b.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
			return b.bytes(fmt.Sprintf("/Root %d 0 R", cat))
		}(), ErrMalformed, "no pages"},
		{"encrypted with a user password", func() []byte {
			b := newPDF()
			b.crypt = newRC4Crypt("secret", "owner")
			return b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: at(jp, 72, 770, "第1条")})
		}(), ErrEncrypted, "encrypted"},
		{"compression bomb", bomb(), ErrLimit, "more than 64 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractBytes(tt.data)
			if err == nil {
				t.Fatalf("Extract succeeded with %q, want an error", pageTexts(got))
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q does not wrap %q", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not contain %q", err, tt.wantMsg)
			}
		})
	}
}

// TestErrNoTextIsReturnedAsIs lets callers compare with ==.
func TestErrNoTextIsReturnedAsIs(t *testing.T) {
	if _, err := extractBytes(imagePDF(t, syntheticScan(t))); err != ErrNoText {
		t.Fatalf("got %v, want ErrNoText itself", err)
	}
}

// TestMalformedContentNeverPanics feeds damaged content streams. Damage
// that PDF syntax confines (a bad operand, a broken matrix) leaves the text
// drawn after it readable; an unterminated string, array or inline image
// runs to the end of the stream, as it does in viewers.
func TestMalformedContentNeverPanics(t *testing.T) {
	jp := newCIDFont("第1条")
	tests := []struct {
		content  string
		survives bool
	}{
		{"BT /F1 10 Tf 72 770 Td (unterminated Tj ET", false},
		{"BT /F1 10 Tf 72 770 Td <0065 Tj ET", false},
		{"BT /F1 10 Tf [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ TJ ET", false},
		{"<< /A << /B << /C ( >> >> BDC EMC", false},
		{"BI /W 1 /H 1 ID \xff\xff\xff", false},
		{"\x00\x01\x02\xff\xfe)(][}{<<>>//%%", false},
		{"BT /F1 1e308 Tf 1e308 1e308 Td (x) Tj ET", true},
		{"BT /F1 10 Tf 0 0 0 0 0 0 Tm (x) Tj ET", true},
		{"BT /F1 10 Tf NaN 1 Td /F1 Tf () Tj [] TJ 1 2 3 Tm ET", true},
		{strings.Repeat("q ", 5000) + strings.Repeat("Q ", 6000), true},
		{"/P << /MCID 0 >> BDC EMC ] >> } { ) >", true},
	}
	for i, tt := range tests {
		b := newPDF()
		data := b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: tt.content + "\n" + at(jp, 72, 700, "第1条")})
		got, err := extractBytes(data)
		if err != nil && !errors.Is(err, ErrNoText) {
			t.Errorf("content %d: %v", i, err)
			continue
		}
		if tt.survives && (err != nil || !strings.Contains(got[0].Text, "第1条")) {
			t.Errorf("content %d: text %q, %v: lacks the text drawn after the damage", i, pageTexts(got), err)
		}
	}
}

func TestParseCMap(t *testing.T) {
	m := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 begincodespacerange <00> <7F> <8140> <FCFC> endcodespacerange
2 beginbfchar <41> <0041> <8140> (\000\060) endbfchar
3 beginbfrange <0042> <0044> <3042> <8141> <8142> [<7532> <4E59>] <00F0> <00F1> <D835DC00> endbfrange
1 begincidrange <8150> <8152> 500 endcidrange
endcmap`))
	for _, tt := range []struct {
		code string
		want string
		ok   bool
	}{
		{"\x41", "A", true},
		{"\x81\x40", "0", true},
		{"\x00\x42", "あ", true},
		{"\x00\x44", "い", true},
		{"\x81\x41", "甲", true},
		{"\x81\x42", "乙", true},
		{"\x00\xf1", "𝐁", true},
		{"\x99\x99", "", false},
	} {
		got, ok := m.text([]byte(tt.code))
		if got != tt.want || ok != tt.ok {
			t.Errorf("text(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	if n := m.split([]byte("\x81\x40x")); n != 2 {
		t.Errorf("split two-byte code: %d", n)
	}
	if n := m.split([]byte("A\x81")); n != 1 {
		t.Errorf("split one-byte code: %d", n)
	}
	if cid, ok := m.cid([]byte("\x81\x51")); !ok || cid != 501 {
		t.Errorf("cid = %d, %v", cid, ok)
	}
}

func TestLexer(t *testing.T) {
	l := &lexer{data: []byte(`(a\(b\)\101\n\
c) <48 65 6C6C 6f> /Na#20me -.5 3. --2 [1 (x) /y] << /K (v) >> true null Tj % comment
BT`)}
	var got []string
	for {
		tok, ok := l.token()
		if !ok {
			break
		}
		v := l.object(tok, 0)
		got = append(got, fmt.Sprintf("%T:%v", v, v))
	}
	want := []string{
		"string:a(b)A\nc", "string:Hello", "pdf.name:Na me", "float64:-0.5", "float64:3", "float64:-2",
		"[]pdf.operand:[1 x y]", "map[pdf.name]pdf.operand:map[K:v]", "bool:true", "<nil>:<nil>", "pdf.keyword:Tj", "pdf.keyword:BT",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tokens:\n got %q\nwant %q", got, want)
	}
}

// FuzzExtract checks that no input makes Extract panic. `go test` runs the
// seeds; `go test -fuzz=FuzzExtract` explores further.
func FuzzExtract(f *testing.F) {
	jp := newCIDFont("第1条")
	b := newPDF()
	f.Add(b.doc(page{fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: at(jp, 72, 770, "第1条")}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		extractBytes(data)
	})
}

// TestDeepNesting checks that nesting is bounded without deep recursion.
func TestDeepNesting(t *testing.T) {
	jp := newCIDFont("第1条")
	b := newPDF()
	deep := strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + " pop " +
		strings.Repeat("<< /A ", 1<<18) + strings.Repeat(">> ", 1<<18) + " pop\n"
	data := b.doc(page{flate: true, fonts: map[string]string{"F1": jp.dict(b, "Identity-H")}, content: deep + at(jp, 72, 700, "第1条")})
	got, err := extractBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Text != "第1条" {
		t.Errorf("text %q", got[0].Text)
	}
	m := parseCMap([]byte(strings.Repeat("[", 1<<20)))
	if len(m.chars) != 0 {
		t.Error("unexpected CMap entries")
	}
}
