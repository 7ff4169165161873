package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
)

// para is the part of a Paragraph a test case checks; Index is checked
// separately (it must count 1, 2, 3 ...).
type para struct {
	Label   string
	Text    string
	Style   string
	Heading int
	InTable bool
}

func project(ps []Paragraph) []para {
	out := make([]para, len(ps))
	for i, p := range ps {
		out[i] = para{p.Label, p.Text, p.Style, p.HeadingLevel, p.InTable}
	}
	return out
}

func extractBytes(data []byte, lim Limits) ([]Paragraph, error) {
	return Extract(bytes.NewReader(data), int64(len(data)), lim)
}

func checkParagraphs(t *testing.T, got []Paragraph, want []para) {
	t.Helper()
	for i, p := range got {
		if p.Index != i+1 {
			t.Errorf("paragraph %d has Index %d", i+1, p.Index)
		}
	}
	g := project(got)
	if len(g) != len(want) {
		t.Errorf("got %d paragraphs, want %d", len(g), len(want))
	}
	for i := 0; i < len(g) || i < len(want); i++ {
		var gp, wp para
		if i < len(g) {
			gp = g[i]
		}
		if i < len(want) {
			wp = want[i]
		}
		if gp != wp {
			t.Errorf("paragraph %d:\n got %+v\nwant %+v", i+1, gp, wp)
		}
	}
}

// Numbering definitions shared by the cases below.
var (
	// Articles "第%1条", with decimal sub-levels "%1.%2" and "(%3)".
	articleNumbering = absNum(0,
		lvl(0, 1, "decimal", "第%1条"),
		lvl(1, 1, "decimal", "%1.%2"),
		lvl(2, 1, "decimal", "(%3)"),
	) + num(1, 0)

	headingStyles = normalStyle +
		paraStyle("1", "heading 1", "a", numPr(1, 0)+`<w:outlineLvl w:val="0"/>`) +
		paraStyle("ArticleTitle", "Article Title", "1", "") +
		paraStyle("Heading2", "heading 2", "a", "") +
		paraStyle("a3", "Title", "a", "")
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		spec docxSpec
		want []para
	}{
		{
			name: "plain paragraphs, default style, empty paragraph kept",
			spec: docxSpec{
				Styles: normalStyle,
				Body: p("", r("本契約は、"), r("甲乙間の取引に適用する。")) +
					p("") +
					p(pStyle("a3"), r("業務委託契約書")) +
					`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`,
			},
			want: []para{
				{Text: "本契約は、甲乙間の取引に適用する。", Style: "a"},
				{Text: "", Style: "a"},
				{Text: "業務委託契約書", Style: "a3"},
			},
		},
		{
			name: "numbering 第%1条 with decimal sub-levels that restart",
			spec: docxSpec{
				Numbering: articleNumbering,
				Body: p(numPr(1, 0), r("（目的）")) +
					p(numPr(1, 1), r("項一")) +
					p(numPr(1, 1), r("項二")) +
					p(numPr(1, 2), r("号一")) +
					p(numPr(1, 2), r("号二")) +
					p("", r("番号なし")) +
					p(numPr(1, 0), r("（定義）")) +
					p(numPr(1, 2), r("上位が未使用の号")) +
					p(numPr(1, 1), r("項")) +
					p(numPr(1, 2), r("号")),
			},
			want: []para{
				{Label: "第1条", Text: "（目的）"},
				{Label: "1.1", Text: "項一"},
				{Label: "1.2", Text: "項二"},
				{Label: "(1)", Text: "号一"},
				{Label: "(2)", Text: "号二"},
				{Text: "番号なし"},
				{Label: "第2条", Text: "（定義）"},
				{Label: "(1)", Text: "上位が未使用の号"},
				{Label: "2.1", Text: "項"},
				{Label: "(1)", Text: "号"},
			},
		},
		{
			name: "numbering and heading level from the style, following basedOn",
			spec: docxSpec{
				Styles:    headingStyles,
				Numbering: articleNumbering,
				Body: p(pStyle("1"), r("（目的）")) +
					p("", r("本文")) +
					p(pStyle("ArticleTitle"), r("（定義）")) +
					p(pStyle("1")+numPr(0, 0), r("番号を外した見出し")) +
					p(pStyle("1")+numPr(1, 1), r("スタイルの番号で段落の階層")) +
					p(pStyle("Heading2"), r("見出し2")) +
					p(`<w:outlineLvl w:val="2"/>`, r("直接のアウトライン")) +
					p(pStyle("1")+`<w:outlineLvl w:val="9"/>`, r("本文レベル")),
			},
			want: []para{
				{Label: "第1条", Text: "（目的）", Style: "1", Heading: 1},
				{Text: "本文", Style: "a"},
				{Label: "第2条", Text: "（定義）", Style: "ArticleTitle", Heading: 1},
				{Text: "番号を外した見出し", Style: "1", Heading: 1},
				{Label: "2.1", Text: "スタイルの番号で段落の階層", Style: "1", Heading: 1},
				{Text: "見出し2", Style: "Heading2", Heading: 2},
				{Text: "直接のアウトライン", Style: "a", Heading: 3},
				{Label: "第3条", Text: "本文レベル", Style: "1"},
			},
		},
		{
			name: "a level linked to a style gives the level",
			spec: docxSpec{
				Styles: normalStyle +
					paraStyle("Heading1", "heading 1", "a", `<w:numPr><w:numId w:val="7"/></w:numPr>`) +
					paraStyle("Heading2", "heading 2", "a", `<w:numPr><w:numId w:val="7"/></w:numPr>`),
				Numbering: absNum(3,
					lvl(0, 1, "decimal", "%1.", `<w:pStyle w:val="Heading1"/>`),
					lvl(1, 1, "decimal", "%1.%2", `<w:pStyle w:val="Heading2"/>`),
				) + num(7, 3),
				Body: p(pStyle("Heading1"), r("A")) + p(pStyle("Heading2"), r("B")) + p(pStyle("Heading2"), r("C")) +
					p(pStyle("Heading1"), r("D")) + p(pStyle("Heading2"), r("E")),
			},
			want: []para{
				{Label: "1.", Text: "A", Style: "Heading1", Heading: 1},
				{Label: "1.1", Text: "B", Style: "Heading2", Heading: 2},
				{Label: "1.2", Text: "C", Style: "Heading2", Heading: 2},
				{Label: "2.", Text: "D", Style: "Heading1", Heading: 1},
				{Label: "2.1", Text: "E", Style: "Heading2", Heading: 2},
			},
		},
		{
			name: "instances of one abstract list share counters; startOverride restarts at first use",
			spec: docxSpec{
				Numbering: absNum(1, lvl(0, 1, "decimal", "(%1)")) +
					num(2, 1) + num(3, 1, startOverride(0, 1)) + num(4, 1) + num(5, 1, startOverride(0, 5)),
				Body: p(numPr(2, 0), r("a")) + p(numPr(2, 0), r("b")) +
					p(numPr(3, 0), r("c")) + p(numPr(3, 0), r("d")) +
					p(numPr(4, 0), r("e")) +
					p(numPr(5, 0), r("f")) +
					p(numPr(3, 0), r("g")),
			},
			want: []para{
				{Label: "(1)", Text: "a"}, {Label: "(2)", Text: "b"},
				{Label: "(1)", Text: "c"}, {Label: "(2)", Text: "d"},
				{Label: "(3)", Text: "e"},
				{Label: "(5)", Text: "f"},
				{Label: "(6)", Text: "g"},
			},
		},
		{
			name: "lvlRestart and a level override",
			spec: docxSpec{
				Numbering: absNum(1,
					lvl(0, 1, "decimal", "第%1章"),
					lvl(1, 1, "decimal", "第%2条", `<w:lvlRestart w:val="0"/>`),
					lvl(2, 1, "decimal", "%3", `<w:lvlRestart w:val="1"/>`),
				) + num(1, 1) +
					num(2, 1, `<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl></w:lvlOverride>`),
				Body: p(numPr(1, 0), r("総則")) +
					p(numPr(1, 1), r("目的")) +
					p(numPr(1, 2), r("x")) +
					p(numPr(1, 1), r("定義")) +
					p(numPr(1, 2), r("y")) +
					p(numPr(1, 0), r("各則")) +
					p(numPr(1, 1), r("通し番号の条")) +
					p(numPr(1, 2), r("z")) +
					p(numPr(2, 0), r("override")) + p(numPr(2, 0), r("override")),
			},
			want: []para{
				{Label: "第1章", Text: "総則"},
				{Label: "第1条", Text: "目的"},
				{Label: "1", Text: "x"},
				{Label: "第2条", Text: "定義"},
				{Label: "2", Text: "y"}, // restarts only after level 1 (第%1章)
				{Label: "第2章", Text: "各則"},
				{Label: "第3条", Text: "通し番号の条"}, // never restarts
				{Label: "1", Text: "z"},
				{Label: "Part I", Text: "override"},
				{Label: "Part II", Text: "override"},
			},
		},
		{
			name: "Japanese and other number formats",
			spec: docxSpec{
				Numbering: absNum(1,
					lvl(0, 1, "japaneseCounting", "%1"),
					lvl(1, 1, "decimalEnclosedCircle", "%2"),
					lvl(2, 1, "aiueoFullWidth", "%3"),
					lvl(3, 1, "iroha", "%4"),
					lvl(4, 1, "decimalFullWidth", "（%5）"),
					lvl(5, 1, "lowerLetter", "%6)"),
					lvl(6, 1, "upperRoman", "%7."),
					lvl(7, 1, "bullet", "\uf0b7"),
					lvl(8, 1, "ideographDigital", "%9"),
				) + num(1, 1),
				Body: p(numPr(1, 0), r("一")) + p(numPr(1, 1), r("丸")) + p(numPr(1, 1), r("丸")) +
					p(numPr(1, 2), r("ア")) + p(numPr(1, 2), r("イ")) + p(numPr(1, 3), r("い")) +
					p(numPr(1, 4), r("全角")) + p(numPr(1, 5), r("英")) + p(numPr(1, 6), r("羅")) +
					p(numPr(1, 7), r("箇条")) + p(numPr(1, 8), r("漢数字")) + p(numPr(1, 0), r("二")),
			},
			want: []para{
				{Label: "一", Text: "一"}, {Label: "①", Text: "丸"}, {Label: "②", Text: "丸"},
				{Label: "ア", Text: "ア"}, {Label: "イ", Text: "イ"}, {Label: "ｲ", Text: "い"},
				{Label: "（１）", Text: "全角"}, {Label: "a)", Text: "英"}, {Label: "I.", Text: "羅"},
				{Label: "•", Text: "箇条"}, {Label: "一", Text: "漢数字"}, {Label: "二", Text: "二"},
			},
		},
		{
			name: "custom number format in mc:AlternateContent falls back",
			spec: docxSpec{
				Numbering: `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
					`<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice>` +
					`<mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>` +
					`<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` + num(1, 1),
				Body: p(numPr(1, 0), r("x")),
			},
			want: []para{{Label: "1.", Text: "x"}},
		},
		{
			name: "unknown numId, missing level and numbering part absent are unnumbered",
			spec: docxSpec{
				Numbering: absNum(1, lvl(0, 1, "decimal", "%1.")) + num(1, 1),
				Body:      p(numPr(9, 0), r("a")) + p(numPr(1, 4), r("b")) + p(numPr(1, 0), r("c")),
			},
			want: []para{{Text: "a"}, {Text: "b"}, {Label: "1.", Text: "c"}},
		},
		{
			name: "tables: cells row by row, nested table, paragraphs around",
			spec: docxSpec{
				Body: p("", r("前")) +
					tbl(
						[]string{p("", r("甲")), p("", r("東京都千代田区")) + p("", r("株式会社甲野商事"))},
						[]string{p("", r("乙")), tbl([]string{p("", r("入れ子"))})},
					) +
					p("", r("後")),
			},
			want: []para{
				{Text: "前"},
				{Text: "甲", InTable: true},
				{Text: "東京都千代田区", InTable: true},
				{Text: "株式会社甲野商事", InTable: true},
				{Text: "乙", InTable: true},
				{Text: "入れ子", InTable: true},
				{Text: "後"},
			},
		},
		{
			name: "tracked changes: insertion kept, deletion dropped, moves",
			spec: docxSpec{
				Body: p("", r("委託料は、金"), del("五十万円"), ins(r("六十万円")), r("とする。")) +
					p("", `<w:moveFrom w:id="1" w:author="a" w:date="2025-03-10T10:00:00Z">`+r("移動元")+`</w:moveFrom>`, r("残る")) +
					p("", `<w:moveTo w:id="2" w:author="a" w:date="2025-03-10T10:00:00Z">`+r("移動先")+`</w:moveTo>`) +
					p("", ins(`<w:r><w:t>挿入</w:t></w:r><w:r><w:tab/><w:t>段落</w:t></w:r>`)),
			},
			want: []para{
				{Text: "委託料は、金六十万円とする。"},
				{Text: "残る"},
				{Text: "移動先"},
				{Text: "挿入\t段落"},
			},
		},
		{
			name: "deleted paragraph marks join paragraphs; a deleted numbered paragraph takes no number",
			spec: docxSpec{
				Numbering: absNum(1, lvl(0, 1, "japaneseCounting", "%1")) + num(1, 1),
				Body: p(numPr(1, 0), r("設計")) +
					p(numPr(1, 0)+deletedMark, del("削除された号")) +
					p(numPr(1, 0), r("保守")) +
					p(deletedMark, r("前半と")) +
					p("", r("後半")) +
					tbl([]string{p(deletedMark, r("セル末尾"))}) +
					p(deletedMark, del("全部削除")),
			},
			want: []para{
				{Label: "一", Text: "設計"},
				{Label: "二", Text: "保守"},
				{Text: "前半と後半"},
				{Text: "セル末尾", InTable: true},
			},
		},
		{
			name: "comments, header and footer parts are ignored",
			spec: docxSpec{
				Body: p("", `<w:commentRangeStart w:id="0"/>`, r("書面による承諾"), `<w:commentRangeEnd w:id="0"/>`,
					`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>`, r("を得る。")) +
					`<w:sectPr><w:headerReference w:type="default" r:id="rIdheader"/><w:footerReference w:type="default" r:id="rIdfooter"/></w:sectPr>`,
				Extra: map[string]string{
					"word/comments.xml": xmlHeader + `<w:comments ` + nsDecl + `><w:comment w:id="0" w:author="甲野"><w:p><w:r><w:t>コメント本文</w:t></w:r></w:p></w:comment></w:comments>`,
					"word/header1.xml":  xmlHeader + `<w:hdr ` + nsDecl + `><w:p><w:r><w:t>社外秘</w:t></w:r></w:p></w:hdr>`,
					"word/footer1.xml":  xmlHeader + `<w:ftr ` + nsDecl + `><w:p><w:r><w:t>フッター</w:t></w:r></w:p></w:ftr>`,
				},
			},
			want: []para{{Text: "書面による承諾を得る。"}},
		},
		{
			name: "fields: result kept, instruction dropped, nested and simple fields",
			spec: docxSpec{
				Body: p("", r("第"),
					`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \r \h </w:instrText></w:r>`,
					`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("2"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
					r("条に定める")) +
					p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>`,
						`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
						r("内側の結果"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
						`<w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
						r("外側の結果"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
					p("", `<w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; ">`+r("2025年3月15日")+`</w:fldSimple>`) +
					p("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("目次1")) +
					p("", r("目次2"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`, r("後")),
			},
			want: []para{
				{Text: "第2条に定める"},
				{Text: "外側の結果"},
				{Text: "2025年3月15日"},
				{Text: "目次1"},
				{Text: "目次2後"},
			},
		},
		{
			name: "run content: tab, break, symbol, hyphens, hidden text, ruby, hyperlink, content control, drawings",
			spec: docxSpec{
				Body: p("", `<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t></w:r>`) +
					p("", `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>確認</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Symbol" w:char="F031"/></w:r>`) +
					p("", `<w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>mail</w:t><w:softHyphen/><w:t>s</w:t></w:r>`) +
					p("", r("見える"), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し</w:t></w:r>`, `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>表示</w:t></w:r>`) +
					p("", `<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr><w:rt><w:r><w:t>こう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>甲</w:t></w:r></w:rubyBase></w:ruby></w:r>`) +
					p("", `<w:hyperlink r:id="rId9">`+r("リンク")+`</w:hyperlink>`, `<w:sdt><w:sdtPr><w:alias w:val="日付"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtContent>`+r("2025年")+`</w:sdtContent></w:sdt>`) +
					p("", r("図の前"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>テキストボックス</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>テキストボックス</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`, r("図の後")) +
					p("", r("注"), `<w:r><w:footnoteReference w:id="1"/></w:r>`, `<w:r><w:lastRenderedPageBreak/><w:t>あり</w:t></w:r>`) +
					`<w:sdt><w:sdtContent>` + p("", r("ブロックの内容コントロール")) + `</w:sdtContent></w:sdt>` +
					p("", `<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>`),
			},
			want: []para{
				{Text: "甲\t乙\n丙\n丁"},
				{Text: "✓確認•1"},
				{Text: "e-mails"},
				{Text: "見える表示"},
				{Text: "甲"},
				{Text: "リンク2025年"},
				{Text: "図の前図の後"},
				{Text: "注あり"},
				{Text: "ブロックの内容コントロール"},
				{Text: "x+1"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractBytes(tt.spec.bytes(t), Limits{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			checkParagraphs(t, got, tt.want)
		})
	}
}

// TestExtractStrict reads a document in the strict OOXML namespace.
func TestExtractStrict(t *testing.T) {
	const strict = `xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"`
	files := []zipFile{
		{"word/document.xml", []byte(xmlHeader + `<w:document ` + strict + `><w:body>` +
			`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>（目的）</w:t></w:r></w:p>` +
			`</w:body></w:document>`)},
		{"word/numbering.xml", []byte(xmlHeader + `<w:numbering ` + strict + `>` +
			`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)},
	}
	got, err := extractBytes(makeZip(t, files), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkParagraphs(t, got, []para{{Label: "第1条", Text: "（目的）", Style: "Heading1", Heading: 1}})
}

// TestExtractRelationships finds the parts through the relationships, not
// their usual names.
func TestExtractRelationships(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	files := []zipFile{
		{"_rels/.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/Main/doc.xml"/></Relationships>`)},
		{"Main/_rels/doc.xml.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists.xml"/>` +
			`<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/></Relationships>`)},
		{"Main/doc.xml", []byte(`<w:document ` + w + `><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`)},
		{"Main/lists.xml", []byte(`<w:numbering ` + w + `><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)},
	}
	got, err := extractBytes(makeZip(t, files), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checkParagraphs(t, got, []para{{Label: "(1)", Text: "x"}})
}

// rawEntry is a zip entry written as given, headers included, so that a
// test can make them lie.
type rawEntry struct {
	name       string
	data       []byte // uncompressed content
	claimUSize uint64 // the uncompressed size the header claims; 0: the real one
}

func makeRawZip(t *testing.T, entries []rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var comp bytes.Buffer
		fw, err := flate.NewWriter(&comp, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(e.data)
		fw.Close()
		size := uint64(len(e.data))
		if e.claimUSize != 0 {
			size = e.claimUSize
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, Modified: fixedTime,
			CRC32: crc32.ChecksumIEEE(e.data), CompressedSize64: uint64(comp.Len()), UncompressedSize64: size,
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bombDocument is a well-formed document.xml of about n bytes that
// compresses to almost nothing.
func bombDocument(n int) []byte {
	head := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`
	tail := `</w:t></w:r></w:p></w:body></w:document>`
	return []byte(head + strings.Repeat("あ", (n-len(head)-len(tail))/3) + tail)
}

func TestExtractErrors(t *testing.T) {
	valid := docxSpec{Body: p("", r("本文"))}.bytes(t)
	manyEntries := func(n int) []byte {
		files := docxSpec{Body: p("", r("x"))}.files()
		for i := len(files); i < n; i++ {
			files = append(files, zipFile{fmt.Sprintf("customXml/item%d.xml", i), []byte("<a/>")})
		}
		return makeZip(t, files)
	}
	nested := strings.Repeat("<w:sdt><w:sdtContent>", 600) + strings.Repeat("</w:sdtContent></w:sdt>", 600)

	tests := []struct {
		name    string
		data    []byte
		lim     Limits
		wantErr error
		wantMsg string
	}{
		{"empty input", nil, Limits{}, ErrNotDocx, "not a zip archive"},
		{"not a zip", []byte("%PDF-1.7\nthis is not a zip file at all\n"), Limits{}, ErrNotDocx, "not a zip archive"},
		{"broken zip: truncated", valid[:len(valid)/2], Limits{}, ErrNotDocx, "not a zip archive"},
		{"broken zip: corrupted data", corrupt(t, valid, "word/document.xml"), Limits{}, ErrMalformed, "word/document.xml"},
		{"zip without word/document.xml", makeZip(t, []zipFile{{"word/styles.xml", []byte("<w:styles/>")}}), Limits{}, ErrNotDocx, "no word/document.xml"},
		{"malformed document XML", makeZip(t, []zipFile{{"word/document.xml", []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>`)}}), Limits{}, ErrMalformed, "word/document.xml"},
		{"document XML cut short", makeZip(t, []zipFile{{"word/document.xml", []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>途中`)}}), Limits{}, ErrMalformed, "unexpected EOF"},
		{"no body", makeZip(t, []zipFile{{"word/document.xml", []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)}}), Limits{}, ErrMalformed, "no w:body"},
		{"malformed numbering XML", docxSpec{Body: p("", r("x")), Numbering: `<w:num w:numId="1">`}.bytes(t), Limits{}, ErrMalformed, "word/numbering.xml"},
		{"malformed styles XML", docxSpec{Body: p("", r("x")), Styles: `<w:style>`}.bytes(t), Limits{}, ErrMalformed, "word/styles.xml"},
		{"elements nested too deep", docxSpec{Body: nested}.bytes(t), Limits{}, ErrMalformed, "nested more than"},
		{"duplicate document part", makeZip(t, []zipFile{{"word/document.xml", []byte("<a/>")}, {"Word/Document.xml", []byte("<b/>")}}), Limits{}, ErrMalformed, "2 entries named"},
		{
			"zip bomb over the default limit",
			makeRawZip(t, []rawEntry{{name: "word/document.xml", data: bombDocument(65 << 20)}}),
			Limits{}, ErrLimit, "more than 64 MiB uncompressed",
		},
		{
			"zip bomb over a set limit",
			makeRawZip(t, []rawEntry{{name: "word/document.xml", data: bombDocument(4 << 20)}}),
			Limits{MaxUncompressed: 1 << 20}, ErrLimit, "more than 1 MiB",
		},
		{
			// archive/zip refuses to read past the size a header claims.
			"zip bomb whose header claims a small size",
			makeRawZip(t, []rawEntry{{name: "word/document.xml", data: bombDocument(4 << 20), claimUSize: 100}}),
			Limits{MaxUncompressed: 1 << 20}, ErrMalformed, "word/document.xml",
		},
		{
			// Not refused for its claimed size (which is not trusted), but
			// archive/zip notices the data is shorter.
			"header claiming a huge size",
			makeRawZip(t, []rawEntry{{name: "word/document.xml", data: bombDocument(1 << 10), claimUSize: 1 << 40}}),
			Limits{MaxUncompressed: 1 << 20}, ErrMalformed, "unexpected EOF",
		},
		{
			"limit counts every part read",
			docxSpec{Body: p("", r("x")), Styles: normalStyle + strings.Repeat(paraStyle("s", "s", "", ""), 4000)}.bytes(t),
			Limits{MaxUncompressed: 64 << 10}, ErrLimit, "word/styles.xml",
		},
		{"too many entries (default limit)", manyEntries(DefaultMaxEntries + 1), Limits{}, ErrLimit, "10001 entries, more than the limit of 10000"},
		{"too many entries (set limit)", manyEntries(20), Limits{MaxEntries: 10}, ErrLimit, "more than the limit of 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := extractBytes(tt.data, tt.lim)
			if err == nil {
				t.Fatalf("Extract succeeded with %d paragraphs, want an error", len(got))
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q does not wrap %q", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.HasPrefix(err.Error(), "docx: ") {
				t.Errorf("error %q: want a message starting with \"docx: \" and containing %q", err, tt.wantMsg)
			}
		})
	}
}

// corrupt flips bytes inside the compressed data of the named entry.
func corrupt(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		out := bytes.Clone(data)
		for i := off; i < off+int64(f.CompressedSize64); i++ {
			out[i] ^= 0x5a
		}
		return out
	}
	t.Fatalf("no entry %s", name)
	return nil
}

// TestLimitsWithinBudget reads a part exactly as large as the limit.
func TestLimitsWithinBudget(t *testing.T) {
	doc := bombDocument(512 << 10)
	data := makeRawZip(t, []rawEntry{{name: "word/document.xml", data: doc}})
	got, err := extractBytes(data, Limits{MaxUncompressed: int64(len(doc))})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0].Text, "あああ") {
		t.Fatalf("unexpected paragraphs %+v", project(got))
	}
}

// FuzzExtract checks that no input makes Extract panic. `go test` runs the
// seeds; `go test -fuzz=FuzzExtract` explores further.
func FuzzExtract(f *testing.F) {
	f.Add(docxSpec{Body: p(numPr(1, 0), r("x")), Numbering: articleNumbering, Styles: headingStyles}.bytes(f))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := extractBytes(data, Limits{MaxUncompressed: 1 << 20})
		if err == nil && ps == nil && len(data) == 0 {
			t.Fatal("empty input accepted")
		}
	})
}
