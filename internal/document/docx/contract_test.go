package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The committed fixture testdata/docx/contract_ja.docx is a small Japanese
// services agreement (業務委託契約書) written by contractSpec below, laid out
// the way Japanese Word lays one out: style ids "a" (標準) and "1" (見出し 1),
// articles numbered "第%1条" through the heading style, 項 numbered "１", "２",
// 号 numbered "一", "二", circled and katakana items, tracked changes, a
// comment, a header and a footer, a cross-reference field and tables.
// Regenerate it with
//
//	go test ./internal/document/docx -run TestContractFixture -update
//
// testdata/docx/contract_ja_libreoffice.docx is the same document opened
// and saved again by LibreOffice Writer, so that the numbering and styles
// parts LibreOffice writes are read too. Regenerate it (needs LibreOffice)
// with
//
//	cd testdata/docx && soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir /tmp/lo contract_ja.docx &&
//	  cp /tmp/lo/contract_ja.docx contract_ja_libreoffice.docx
//
// The tests never run LibreOffice.

var update = flag.Bool("update", false, "rewrite the committed .docx fixtures written by Go code")

const fixtureDir = "../../../testdata/docx"

// contractSpec writes the contract; with tracked false, it writes it with
// its tracked changes accepted and without the comment: the source of the
// PDF fixtures (testdata/pdf/contract_ja.docx), since LibreOffice prints
// tracked changes and comments into a PDF.
func contractSpec(tracked bool) docxSpec {
	const (
		articles = 1 // 第%1条 / %2 (１, ２) / %3 (一, 二)
		items    = 5 // (%1)
		items2   = 6 // (%1), restarted
		grounds  = 7 // ① / ア
	)
	h := func(title string, extra ...string) string {
		return p(pStyle("1"), append(extra, r(title))...)
	}
	body := func(text ...string) string { return p("", text...) }
	kou := func(text ...string) string { return p(numPr(articles, 1), text...) }
	gou := func(content string) string { return p(pStyle("a5")+numPr(articles, 2), content) }
	del, ins, deletedPara := del, ins, func(s string) string { return s }
	if !tracked {
		del = func(string) string { return "" }
		ins = func(s string) string { return s }
		deletedPara = func(string) string { return "" }
	}
	comment := func(text string) string {
		if !tracked {
			return r(text)
		}
		return `<w:commentRangeStart w:id="0"/>` + r(text) + `<w:commentRangeEnd w:id="0"/>` +
			`<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:commentReference w:id="0"/></w:r>`
	}
	ref := func(bookmark, result string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText xml:space="preserve"> REF ` + bookmark + ` \r \h </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r(result) + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	cell := func(paras ...string) string { return strings.Join(paras, "") }

	doc := strings.Join([]string{
		p(pStyle("a3"), r("業務委託契約書")),
		body(r("株式会社甲野商事（以下「甲」という。）と株式会社乙山システムズ（以下「乙」という。）は、甲が乙に委託する業務に関し、次のとおり業務委託契約（以下「本契約」という。）を締結する。")),

		h("（目的）"),
		body(r("本契約は、甲が乙に対し、"), ref("_Ref100", "第2条"), r("に定める業務（以下「本業務」という。）を委託し、乙がこれを受託することに関して必要な事項を定めることを目的とする。")),

		h("（委託業務）", `<w:bookmarkStart w:id="100" w:name="_Ref100"/>`, `<w:bookmarkEnd w:id="100"/>`),
		body(r("甲は、乙に対し、次の各号に掲げる業務を委託し、乙はこれを受託する。")),
		gou(r("ソフトウェアの設計及び開発")),
		deletedPara(p(pStyle("a5")+numPr(articles, 2)+deletedMark, del("データ移行作業"))),
		gou(r("前号のソフトウェアの保守及び運用支援")),
		gou(r("その他前各号に付随する業務")),

		h("（委託料）"),
		kou(r("甲は、乙に対し、本業務の対価として、月額金"), del("五十万円"), ins(r("六十万円")), r("（"), ins(r("消費税及び地方消費税別")), r("）を支払う。")),
		kou(r("乙は、毎月末日までに当月分の請求書を甲に提出し、甲は、翌月末日までに乙の指定する銀行口座に振り込む方法により支払う。振込手数料は甲の負担とする。")),

		h("（再委託）"),
		body(r("乙は、甲の事前の"), comment("書面による承諾"), r("を得ない限り、本業務の全部又は一部を第三者に再委託してはならない。")),

		h("（秘密保持）"),
		kou(r("甲及び乙は、本契約に関して相手方から開示を受けた技術上又は営業上の情報（以下「秘密情報」という。）を、相手方の事前の書面による承諾なく第三者に開示し、又は漏えいしてはならない。ただし、次の各号のいずれかに該当する情報は、この限りでない。")),
		p(pStyle("a5")+numPr(items, 0), r("開示の時点で既に公知となっていた情報")),
		p(pStyle("a5")+numPr(items, 0), r("開示を受けた後、自らの責めによらずに公知となった情報")),
		p(pStyle("a5")+numPr(items, 0), r("正当な権限を有する第三者から秘密保持義務を負うことなく取得した情報")),
		kou(r("前項の義務は、本契約の終了後も3年間存続する。")),

		h("（契約期間）"),
		body(r("本契約の有効期間は、2025年4月1日から2026年3月31日までとする。ただし、期間満了の1か月前までに甲乙いずれからも書面による別段の意思表示がないときは、本契約は同一条件で更に1年間延長されるものとし、以後も同様とする。")),

		h("（解除）"),
		body(r("甲又は乙は、相手方が次の各号のいずれかに該当したときは、何らの催告を要せず、直ちに本契約の全部又は一部を解除することができる。")),
		p(pStyle("a5")+numPr(grounds, 0), r("本契約に違反し、相当の期間を定めて催告したにもかかわらず是正されないとき")),
		p(pStyle("a5")+numPr(grounds, 0), r("支払停止若しくは支払不能となり、又は次のいずれかの申立てがあったとき")),
		p(pStyle("a5")+numPr(grounds, 1), r("破産手続開始")),
		p(pStyle("a5")+numPr(grounds, 1), r("民事再生手続開始")),
		p(pStyle("a5")+numPr(grounds, 0), r("その他前各号に準ずる事由が生じたとき")),

		h("（損害賠償）"),
		kou(r("甲又は乙は、本契約に違反して相手方に損害を与えたときは、その損害を賠償する。ただし、乙の賠償額は、損害発生の直前6か月間に甲が乙に支払った委託料の総額を上限とする。")),
		kou(r("前項ただし書の規定は、次の各号のいずれかに該当する場合には、適用しない。")),
		p(pStyle("a5")+numPr(items2, 0), r("乙の故意又は重大な過失による場合")),
		p(pStyle("a5")+numPr(items2, 0), r("第5条に違反した場合")),

		h("（協議事項）"),
		body(r("本契約に定めのない事項又は本契約の解釈について疑義が生じた事項については、甲乙誠実に協議の上解決する。")),

		body(r("本契約締結の証として、本書2通を作成し、甲乙記名押印の上、各1通を保有する。")),
		p(`<w:jc w:val="right"/>`, r("2025年3月15日")),
		tbl(
			[]string{p("", r("甲")), cell(
				p("", r("東京都千代田区丸の内一丁目1番1号")),
				p("", r("株式会社甲野商事")),
				p("", `<w:r><w:t>代表取締役　甲野太郎</w:t><w:tab/><w:t>印</w:t></w:r>`),
			)},
			[]string{p("", r("乙")), cell(
				p("", r("大阪府大阪市北区梅田二丁目2番2号")),
				p("", `<w:r><w:t>株式会社乙山システムズ</w:t><w:br/><w:t>代表取締役　乙山花子</w:t><w:tab/><w:t>印</w:t></w:r>`),
			)},
		),
		p("", r("別表（委託料）")),
		tbl(
			[]string{p("", r("項目")), p("", r("金額"))},
			[]string{p("", r("委託料（月額）")), p("", r("金六十万円（消費税及び地方消費税別）"))},
		),
		p(""),
		`<w:sectPr><w:headerReference w:type="default" r:id="rIdheader"/><w:footerReference w:type="default" r:id="rIdfooter"/>` +
			`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1418" w:bottom="1418" w:left="1418" w:header="851" w:footer="567" w:gutter="0"/>` +
			`<w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr>`,
	}, "")

	styles := `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsia="Noto Serif CJK JP" w:hAnsi="Noto Serif CJK JP"/>` +
		`<w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="ja-JP" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		normalStyle +
		paraStyle("1", "heading 1", "a", `<w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="180"/><w:outlineLvl w:val="0"/>`) +
		paraStyle("a3", "Title", "a", `<w:spacing w:after="240"/><w:jc w:val="center"/>`) +
		paraStyle("a5", "List Paragraph", "a", `<w:ind w:leftChars="400" w:left="840"/>`) +
		`<w:style w:type="character" w:styleId="a7"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>`

	lvlInd := func(left int) string {
		return `<w:pPr><w:ind w:left="` + strconv.Itoa(left) + `" w:hanging="420"/></w:pPr>`
	}
	numbering := absNum(10,
		lvl(0, 1, "decimal", "第%1条", `<w:pStyle w:val="1"/><w:suff w:val="space"/>`),
		lvl(1, 1, "decimalFullWidth", "%2", `<w:suff w:val="space"/>`),
		lvl(2, 1, "japaneseCounting", "%3", `<w:suff w:val="space"/>`, lvlInd(840)),
	) +
		absNum(11, lvl(0, 1, "decimal", "(%1)", lvlInd(840))) +
		absNum(12,
			lvl(0, 1, "decimalEnclosedCircle", "%1", lvlInd(840)),
			lvl(1, 1, "aiueoFullWidth", "%2", lvlInd(1260)),
		) +
		num(articles, 10) + num(items, 11) + num(items2, 11, startOverride(0, 1)) + num(grounds, 12)

	spec := docxSpec{
		Body:      doc,
		Styles:    styles,
		Numbering: numbering,
		Extra: map[string]string{
			"word/header1.xml": xmlHeader + `<w:hdr ` + nsDecl + `><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>社外秘</w:t></w:r></w:p></w:hdr>`,
			"word/footer1.xml": xmlHeader + `<w:ftr ` + nsDecl + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
				`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`,
		},
	}
	if tracked {
		spec.Extra["word/comments.xml"] = xmlHeader + `<w:comments ` + nsDecl + `><w:comment w:id="0" w:author="甲野" w:date="2025-03-12T09:00:00Z" w:initials="K">` +
			`<w:p><w:r><w:t>承諾の方法（書面・電磁的方法）を確認してください。</w:t></w:r></w:p></w:comment></w:comments>`
	}
	return spec
}

// contractWant is what Extract gives for the contract: labels as Word
// draws them, text with the tracked changes accepted, no comment, header or
// footer text.
var contractWant = []para{
	{Text: "業務委託契約書", Style: "a3"},
	{Text: "株式会社甲野商事（以下「甲」という。）と株式会社乙山システムズ（以下「乙」という。）は、甲が乙に委託する業務に関し、次のとおり業務委託契約（以下「本契約」という。）を締結する。", Style: "a"},
	{Label: "第1条", Text: "（目的）", Style: "1", Heading: 1},
	{Text: "本契約は、甲が乙に対し、第2条に定める業務（以下「本業務」という。）を委託し、乙がこれを受託することに関して必要な事項を定めることを目的とする。", Style: "a"},
	{Label: "第2条", Text: "（委託業務）", Style: "1", Heading: 1},
	{Text: "甲は、乙に対し、次の各号に掲げる業務を委託し、乙はこれを受託する。", Style: "a"},
	{Label: "一", Text: "ソフトウェアの設計及び開発", Style: "a5"},
	{Label: "二", Text: "前号のソフトウェアの保守及び運用支援", Style: "a5"},
	{Label: "三", Text: "その他前各号に付随する業務", Style: "a5"},
	{Label: "第3条", Text: "（委託料）", Style: "1", Heading: 1},
	{Label: "１", Text: "甲は、乙に対し、本業務の対価として、月額金六十万円（消費税及び地方消費税別）を支払う。", Style: "a"},
	{Label: "２", Text: "乙は、毎月末日までに当月分の請求書を甲に提出し、甲は、翌月末日までに乙の指定する銀行口座に振り込む方法により支払う。振込手数料は甲の負担とする。", Style: "a"},
	{Label: "第4条", Text: "（再委託）", Style: "1", Heading: 1},
	{Text: "乙は、甲の事前の書面による承諾を得ない限り、本業務の全部又は一部を第三者に再委託してはならない。", Style: "a"},
	{Label: "第5条", Text: "（秘密保持）", Style: "1", Heading: 1},
	{Label: "１", Text: "甲及び乙は、本契約に関して相手方から開示を受けた技術上又は営業上の情報（以下「秘密情報」という。）を、相手方の事前の書面による承諾なく第三者に開示し、又は漏えいしてはならない。ただし、次の各号のいずれかに該当する情報は、この限りでない。", Style: "a"},
	{Label: "(1)", Text: "開示の時点で既に公知となっていた情報", Style: "a5"},
	{Label: "(2)", Text: "開示を受けた後、自らの責めによらずに公知となった情報", Style: "a5"},
	{Label: "(3)", Text: "正当な権限を有する第三者から秘密保持義務を負うことなく取得した情報", Style: "a5"},
	{Label: "２", Text: "前項の義務は、本契約の終了後も3年間存続する。", Style: "a"},
	{Label: "第6条", Text: "（契約期間）", Style: "1", Heading: 1},
	{Text: "本契約の有効期間は、2025年4月1日から2026年3月31日までとする。ただし、期間満了の1か月前までに甲乙いずれからも書面による別段の意思表示がないときは、本契約は同一条件で更に1年間延長されるものとし、以後も同様とする。", Style: "a"},
	{Label: "第7条", Text: "（解除）", Style: "1", Heading: 1},
	{Text: "甲又は乙は、相手方が次の各号のいずれかに該当したときは、何らの催告を要せず、直ちに本契約の全部又は一部を解除することができる。", Style: "a"},
	{Label: "①", Text: "本契約に違反し、相当の期間を定めて催告したにもかかわらず是正されないとき", Style: "a5"},
	{Label: "②", Text: "支払停止若しくは支払不能となり、又は次のいずれかの申立てがあったとき", Style: "a5"},
	{Label: "ア", Text: "破産手続開始", Style: "a5"},
	{Label: "イ", Text: "民事再生手続開始", Style: "a5"},
	{Label: "③", Text: "その他前各号に準ずる事由が生じたとき", Style: "a5"},
	{Label: "第8条", Text: "（損害賠償）", Style: "1", Heading: 1},
	{Label: "１", Text: "甲又は乙は、本契約に違反して相手方に損害を与えたときは、その損害を賠償する。ただし、乙の賠償額は、損害発生の直前6か月間に甲が乙に支払った委託料の総額を上限とする。", Style: "a"},
	{Label: "２", Text: "前項ただし書の規定は、次の各号のいずれかに該当する場合には、適用しない。", Style: "a"},
	{Label: "(1)", Text: "乙の故意又は重大な過失による場合", Style: "a5"},
	{Label: "(2)", Text: "第5条に違反した場合", Style: "a5"},
	{Label: "第9条", Text: "（協議事項）", Style: "1", Heading: 1},
	{Text: "本契約に定めのない事項又は本契約の解釈について疑義が生じた事項については、甲乙誠実に協議の上解決する。", Style: "a"},
	{Text: "本契約締結の証として、本書2通を作成し、甲乙記名押印の上、各1通を保有する。", Style: "a"},
	{Text: "2025年3月15日", Style: "a"},
	{Text: "甲", Style: "a", InTable: true},
	{Text: "東京都千代田区丸の内一丁目1番1号", Style: "a", InTable: true},
	{Text: "株式会社甲野商事", Style: "a", InTable: true},
	{Text: "代表取締役　甲野太郎\t印", Style: "a", InTable: true},
	{Text: "乙", Style: "a", InTable: true},
	{Text: "大阪府大阪市北区梅田二丁目2番2号", Style: "a", InTable: true},
	{Text: "株式会社乙山システムズ\n代表取締役　乙山花子\t印", Style: "a", InTable: true},
	{Text: "別表（委託料）", Style: "a"},
	{Text: "項目", Style: "a", InTable: true},
	{Text: "金額", Style: "a", InTable: true},
	{Text: "委託料（月額）", Style: "a", InTable: true},
	{Text: "金六十万円（消費税及び地方消費税別）", Style: "a", InTable: true},
	{Text: "", Style: "a"},
}

func readFixture(t *testing.T, path string) []Paragraph {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Extract(f, st.Size(), Limits{})
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	return ps
}

// TestContractFixture reads the committed contract and checks that it is
// what contractSpec writes today (-update rewrites it). The version with the
// changes accepted, the source of the PDF fixtures, reads the same.
func TestContractFixture(t *testing.T) {
	fixtures := []struct {
		name, path string
		tracked    bool
	}{
		{"tracked changes and comment", filepath.Join(fixtureDir, "contract_ja.docx"), true},
		{"changes accepted (PDF source)", filepath.Join(fixtureDir, "..", "pdf", "contract_ja.docx"), false},
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			data := contractSpec(fx.tracked).bytes(t)
			if *update {
				if err := os.WriteFile(fx.path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			fresh, err := extractBytes(data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			t.Run("generated", func(t *testing.T) { checkParagraphs(t, fresh, contractWant) })
			t.Run("committed", func(t *testing.T) { checkParagraphs(t, readFixture(t, fx.path), contractWant) })
		})
	}
}

// TestLibreOfficeFixture reads the contract as LibreOffice Writer saves it:
// its own style ids, its numbering.xml (where a restarted list becomes a
// w:num with a w:startOverride followed by a w:num of the same abstract list
// without one), its field and tracked change markup.
func TestLibreOfficeFixture(t *testing.T) {
	styleIDs := map[string]string{"a": "Normal", "1": "Heading1", "a3": "Title", "a5": "ListParagraph"}
	want := make([]para, len(contractWant))
	for i, p := range contractWant {
		p.Style = styleIDs[p.Style]
		want[i] = p
	}
	checkParagraphs(t, readFixture(t, filepath.Join(fixtureDir, "contract_ja_libreoffice.docx")), want)
}
