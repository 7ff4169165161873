// Package structure owns segmentation: it cuts a loaded document into
// articles (第N条 with their 見出し, Markdown headings, 別表/別紙), paragraphs
// (項), items (号) and sentences, gives each sentence its label such as
// 「第12条第2項第1号」, and marks text that imposes nothing (headings, tables of
// contents, commentary such as 逐条解説) so that it can never satisfy a rule.
package structure

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/text"
)

// Role says what a sentence is in the contract.
type Role int

// Roles. Only Clause sentences can impose duties; the others are reported as
// context at most.
const (
	Clause     Role = iota // operative contract text
	Title                  // a heading or an article's 見出し
	Commentary             // 解説, ポイント, 注, 目次, scenario descriptions
	Directive              // an in-document comment such as clauselint-disable
)

func (r Role) String() string {
	return [...]string{"clause", "title", "commentary", "directive"}[r]
}

// Sentence is the unit rules are evaluated on.
type Sentence struct {
	Index int
	Role  Role
	Norm  *text.Normalized // normalised text, mapping back into Doc.Text
	Start int              // byte offsets into Doc.Text
	End   int

	Article      *Article
	Paragraph    int    // 項 number within the article (1 for the first); 0 outside articles
	Item         string // 号 label as written: 一, (1), ①, ア; "" if none
	ParagraphKey int    // identifies the paragraph across the document (for scope: paragraph)
	Lead         *Sentence
	// Lead is, for a sentence of an item (号), the last sentence of the
	// paragraph's opening text (柱書), which usually carries the predicate
	// (「次の各号に定める措置を講じなければならない。」).
}

// Text is the normalised text of the sentence.
func (s *Sentence) Text() string { return s.Norm.Text }

// Label renders the position as a reader would cite it: 第3条第2項第1号.
func (s *Sentence) Label() string {
	if s.Article == nil {
		return ""
	}
	l := s.Article.Label
	if s.Article.Numbered && s.Paragraph > 0 && (s.Paragraph > 1 || s.Article.Paragraphs > 1) {
		l += "第" + strconv.Itoa(s.Paragraph) + "項"
	}
	if s.Item != "" {
		l += itemLabel(s.Item)
	}
	return l
}

func itemLabel(item string) string {
	if isKanjiNumber(item) {
		return "第" + item + "号"
	}
	return item
}

// Article is a top-level unit: 第N条, 別表, or a Markdown section.
type Article struct {
	Index      int
	Label      string // 第3条, 別表1, or the heading text
	Title      string // 見出し without brackets
	Numbered   bool   // a real 第N条 (so 項 labels make sense)
	Start      int    // byte offset of its first line in Doc.Text
	Paragraphs int
	Commentary bool
	// Heading is the sentence of its 見出し (「(事故発生時の報告)」 or
	// 「第8条(事故発生時の報告)」): never evidence, but it says what the
	// article is about.
	Heading *Sentence
}

// Document is a segmented document.
type Document struct {
	Doc       *document.Document
	Articles  []*Article
	Sentences []*Sentence
	// Waivers are the document's own <!-- clauselint-disable ID: reason -->.
	Waivers []Disable
	// Errors are malformed directives (a disable without a reason).
	Errors []error
}

// Disable is an in-document waiver.
type Disable struct {
	ID, Reason string
	Line, Col  int
}

// reNumberedHeading: "### 5. 再委託" or "## 5 再委託", a section that acts as an article.
var reNumberedHeading = regexp.MustCompile(`^([0-9]{1,3})[.\s]\s*(.*)$`)

var reDirective = regexp.MustCompile(`clauselint-disable\s+([A-Za-z0-9][A-Za-z0-9/_-]*)\s*(?::\s*(.*?))?\s*(?:-->|$)`)

func (p *parser) directive(n *text.Normalized) {
	m := reDirective.FindStringSubmatch(n.Text)
	if m == nil {
		return
	}
	line, col := p.out.Doc.Position(n.Orig(0))
	if strings.TrimSpace(m[2]) == "" {
		p.out.Errors = append(p.out.Errors, &document.Error{Path: p.out.Doc.Path, Line: line, Col: col,
			Msg: "clauselint-disable " + m[1] + " needs a reason: <!-- clauselint-disable " + m[1] + ": 理由 -->"})
		return
	}
	p.out.Waivers = append(p.out.Waivers, Disable{ID: m[1], Reason: strings.TrimSpace(m[2]), Line: line, Col: col})
}

var (
	// 第12条, 第十二条, 12条, 第3条の2; the rest of the line is 見出し and/or body.
	reArticle        = regexp.MustCompile(`^(?:#+\s*)?(第?)([0-9]+|[一二三四五六七八九十百〇]+)条(?:の([0-9]+|[一二三四五六七八九十]+))?(?:\s+|$|[(【][^()【】]{1,40}[)】](?:\s|$))`)
	reTitleOnly      = regexp.MustCompile(`^[(【]([^()【】]{1,40})[)】]$`)
	reTitleHead      = regexp.MustCompile(`^[(【]([^()【】]{1,40})[)】]\s*`)
	reAnnex          = regexp.MustCompile(`^(別表|別紙|付属書|附属書|別記|附則|付則)\s*([0-9一二三四五六七八九十]*)`)
	reChapter        = regexp.MustCompile(`^第([0-9]+|[一二三四五六七八九十]+)[章節款]`)
	reParaNum        = regexp.MustCompile(`^([0-9]{1,2})(?:\s+|\.\s*|\s*$)`)
	reParaBare       = regexp.MustCompile(`^([0-9]{1,2})([^0-9.,)%年月日条項号時分円か\s])`)
	reItemKanji      = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})[\s、.]`)
	reItemParen      = regexp.MustCompile(`^\(([0-9]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3}|[ア-ン])\)\s*`)
	reItemHalf       = regexp.MustCompile(`^([0-9]{1,2}|[a-z])\)\s*`)
	reItemKana       = regexp.MustCompile(`^([ア-ン]|[イロハニホヘト])[\s.、]`)
	reSectionHeading = regexp.MustCompile(`^(?:[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|\([0-9]{1,2}\)|[0-9]{1,2}\s)\s*[^\s。、,.]{1,15}$`)
	reSectionNumber  = regexp.MustCompile(`^(?:[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|\([0-9]{1,2}\)|[0-9]{1,2}\s)\s*`)
	reBullet         = regexp.MustCompile(`^(?:[・●■◆]\s*|-\s+)`)
)

// commentaryHeadings are heading words that start text that explains the
// contract rather than being it (逐条解説 in model contracts, tables of
// contents, scenarios). Such text mentions terms without imposing anything.
var commentaryHeadings = []string{"解説", "ポイント", "想定シーン", "目次", "コメント", "注記", "注釈", "補足", "備考", "参考", "作成上の注意", "記載例", "趣旨", "Q&A"}

func isCommentaryHeading(s string) bool {
	s = strings.Trim(s, "<>＜＞[]【】()# ")
	for _, w := range commentaryHeadings {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func isKanjiNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十百〇", r) {
			return false
		}
	}
	return true
}

// line is one normalised input line with its origin.
type line struct {
	norm  *text.Normalized
	kind  document.Kind
	level int
	label string // format-rendered number (Markdown ordered list, Word numbering)
	first bool   // first line of its block
	block int
}

// Parse segments a document.
func Parse(doc *document.Document) *Document {
	var lines []line
	for bi, b := range doc.Blocks {
		for li, l := range b.Lines {
			spans := make([]text.Span, len(l))
			copy(spans, l)
			n := text.NormalizeSpans(doc.Text, spans)
			lines = append(lines, line{norm: n, kind: b.Kind, level: b.Level, label: b.Label, first: li == 0, block: bi})
		}
	}
	p := &parser{out: &Document{Doc: doc}, block: -1}
	for _, l := range lines {
		p.line(l)
	}
	p.flush()
	return p.out
}

// parser is the state machine that walks lines.
type parser struct {
	out            *Document
	art            *Article
	para           int
	paraKey        int
	item           string
	pendingTitle   string
	pendingHeading *Sentence // the sentence of pendingTitle
	commentary     bool
	lead           *Sentence // last sentence of the current paragraph's opening text
	paraHasText    bool
	block          int  // the input block of the last line read
	inHeading      bool // the line being read is a Markdown heading: its text after 第N条 is the 見出し
	// the unit being accumulated: pieces of normalised lines
	buf  []*text.Normalized
	role Role
}

func (p *parser) newArticle(label, title string, numbered bool, start int) {
	p.flush()
	p.art = &Article{Index: len(p.out.Articles), Label: label, Title: title, Numbered: numbered, Start: start, Commentary: p.commentary}
	p.out.Articles = append(p.out.Articles, p.art)
	if h := p.pendingHeading; h != nil && numbered {
		h.Article, p.art.Heading = p.art, h
	}
	p.pendingHeading = nil
	p.para, p.item, p.lead = 0, "", nil
}

func (p *parser) newParagraph(n int) {
	p.flush()
	if n <= 0 {
		n = p.para + 1
	}
	p.para = n
	p.paraKey++
	p.paraHasText = false
	p.item, p.lead = "", nil
	if p.art != nil && n > p.art.Paragraphs {
		p.art.Paragraphs = n
	}
}

func (p *parser) newItem(label string) {
	p.flush()
	if p.para == 0 {
		lead := p.lead // the opening text before the first item is its 柱書
		p.newParagraph(1)
		p.lead = lead
	}
	p.item = label
}

func (p *parser) line(l line) {
	raw := strings.TrimSpace(l.norm.Text)
	trim := len(l.norm.Text) - len(strings.TrimLeft(l.norm.Text, " \t\u3000"))
	body := func(from int) *text.Normalized { return sub(l.norm, trim+from) }
	if raw == "" {
		return
	}
	if l.kind == document.Comment {
		p.flush()
		p.role = Directive
		p.buf = append(p.buf, l.norm)
		p.directive(l.norm)
		p.flush()
		return
	}
	if l.kind == document.Heading {
		p.heading(l, raw)
		return
	}
	// A 見出し on its own line, before its article: (目的)
	if m := reTitleOnly.FindStringSubmatch(raw); m != nil && !p.commentary {
		if isCommentaryHeading(m[1]) {
			p.commentaryStart(l)
			return
		}
		p.flush()
		p.pendingTitle = m[1]
		p.buf = append(p.buf, sub(l.norm, trim))
		p.role = Title
		p.flush()
		p.pendingHeading = p.out.Sentences[len(p.out.Sentences)-1]
		return
	}
	if l.first && l.block != p.block {
		// A blank line (or a new Markdown block) ends the text before it.
		p.flush()
		p.block = l.block
	}
	inList := l.kind == document.ListItem && (p.commentary || l.label == "")
	if m := reArticle.FindStringSubmatchIndex(raw); m != nil && !inList && (raw[m[2]:m[3]] != "" || l.first) && !isReference(raw[m[1]:]) {
		p.commentary = false
		label := "第" + raw[m[4]:m[5]] + "条"
		if m[6] >= 0 {
			label += "の" + raw[m[6]:m[7]]
		}
		rest := raw[m[5]:]
		rest = rest[strings.Index(rest, "条")+len("条"):]
		if m[6] >= 0 {
			rest = raw[m[7]:]
		}
		rest = strings.TrimLeft(rest, " \t")
		title := p.pendingTitle
		p.pendingTitle = ""
		restOff := len(raw) - len(rest)
		if p.inHeading && rest != "" && reTitleHead.FindStringSubmatch(rest) == nil {
			title, restOff, rest = rest, len(raw), ""
		}
		if t := reTitleHead.FindStringSubmatch(rest); t != nil {
			title = t[1]
			restOff += len(t[0])
			rest = rest[len(t[0]):]
		}
		p.newArticle(label, title, true, l.norm.Orig(trim))
		p.titleSentence(l, trim, restOff)
		p.newParagraph(1)
		if strings.TrimSpace(rest) != "" {
			p.add(body(restOff), Clause)
		}
		return
	}
	if m := reAnnex.FindStringSubmatch(raw); m != nil && l.first && (utf8.RuneCountInString(raw) < 40) {
		p.commentary = false
		p.newArticle(strings.TrimSpace(m[0]), strings.TrimSpace(raw[len(m[0]):]), false, l.norm.Orig(trim))
		p.titleSentence(l, trim, len(raw))
		return
	}
	if reChapter.MatchString(raw) && utf8.RuneCountInString(raw) < 30 {
		p.flush()
		p.add(body(0), Title)
		p.flush()
		return
	}
	// A Markdown ordered list item inside an article is a 項 at the top level
	// and a 号 deeper down, or when the paragraph announces 次の各号.
	if l.kind == document.ListItem && l.first && l.label != "" {
		n, _ := strconv.Atoi(l.label)
		if p.art != nil && l.level <= 1 && !p.announcesItems() {
			p.newParagraph(n)
		} else {
			p.newItem("(" + l.label + ")")
		}
		p.add(body(0), Clause)
		return
	}
	if l.kind == document.ListItem && l.first {
		p.newItem("・")
		p.add(body(0), Clause)
		return
	}
	// 「3. 情報提供」, 「(2) 認証」: a short numbered line without punctuation
	// that announces nothing is a section heading in 仕様書-style documents,
	// not a paragraph or item of the text before it.
	if l.first && len(p.out.Sentences) == 0 && len(p.buf) == 0 && p.labelLine(raw) {
		p.add(body(0), Title) // the document's own title: a title, not a section
		p.flush()
		return
	}
	if l.first && (!p.announcesItems() && (reSectionHeading.MatchString(raw) || p.labelLine(raw)) || isBoxHeading(raw)) {
		p.commentary = false
		p.newArticle(raw, strings.TrimSpace(reSectionNumber.ReplaceAllString(raw, "")), false, l.norm.Orig(trim))
		p.titleSentence(l, trim, len(raw))
		p.newParagraph(1)
		return
	}
	if m := reParaNum.FindStringSubmatch(raw); m != nil && p.art != nil {
		n, _ := strconv.Atoi(m[1])
		if n == p.para+1 || (n == 1 && p.para <= 1) {
			p.newParagraph(n)
			p.add(body(len(m[0])), Clause)
			return
		}
		if p.announcesItems() || p.item != "" {
			p.newItem(m[1])
			p.add(body(len(m[0])), Clause)
			return
		}
	}
	if m := reParaBare.FindStringSubmatch(raw); m != nil && p.art != nil && l.first {
		if n, _ := strconv.Atoi(m[1]); n == p.para+1 && n > 1 {
			p.newParagraph(n)
			p.add(body(len(m[1])), Clause)
			return
		}
	}
	for _, re := range []*regexp.Regexp{reItemKanji, reItemParen, reItemHalf, reItemKana} {
		if m := re.FindStringSubmatch(raw); m != nil {
			label := m[1]
			if re == reItemParen || re == reItemHalf {
				label = "(" + m[1] + ")"
			}
			p.newItem(label)
			p.add(body(len(m[0])), Clause)
			return
		}
	}
	if r, size := utf8.DecodeRuneInString(raw); isCircled(r) {
		p.newItem(string(r))
		p.add(body(size), Clause)
		return
	}
	// A bullet starts an item at a block's start, and also inside a block
	// once a sentence has ended or a list is announced or running: a line
	// wrapped inside a sentence does not start with ・.
	if m := reBullet.FindString(raw); m != "" && (l.first || p.announcesItems() || p.item == "・" || p.endsSentence()) {
		p.newItem("・")
		p.add(body(len(m)), Clause)
		return
	}
	// Continuation: a new block after a finished sentence is a new
	// (unnumbered) paragraph; otherwise the line wraps the current text.
	if l.first && p.endsSentence() && p.art != nil && p.art.Numbered && p.item == "" && p.paraHasText {
		p.newParagraph(0)
	} else if l.first && p.endsSentence() {
		p.flush()
		if p.item != "" && (p.art == nil || !p.art.Numbered) {
			p.item, p.lead = "", nil // a block after a list, outside articles, is not an item of it
		}
	}
	p.add(body(0), Clause)
}

// isReference tells a line that starts by citing an article (「第14条(…) の
// 規定により」) from one that starts the article: what follows is a particle.
func isReference(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	for _, p := range []string{"の", "に", "を", "及び", "および", "又は", "または", "、", "から", "まで", "乃至", "ないし", "並びに", "が", "で", "と", "は"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func isCircled(r rune) bool {
	return (r >= '①' && r <= '⑳') || (r >= '⑴' && r <= '⒇') || (r >= '㉑' && r <= '㉟') || (r >= '㈠' && r <= '㈩')
}

func (p *parser) heading(l line, raw string) {
	raw = strings.TrimSpace(strings.TrimLeft(raw, "#"))
	trim := len(l.norm.Text) - len(strings.TrimLeft(l.norm.Text, " \t#\u3000"))
	if m := reArticle.FindStringSubmatch(raw); m != nil {
		p.inHeading = true
		p.line(line{norm: l.norm, kind: document.Body, first: true, block: l.block})
		p.inHeading = false
		return
	}
	if isCommentaryHeading(raw) {
		p.commentaryStart(l)
		return
	}
	p.commentary = false
	label := raw
	if m := reAnnex.FindString(raw); m != "" {
		label = m
	}
	numbered := false
	// "### 5. 再委託" or "## 5 再委託": numbered sections act as articles.
	if m := reNumberedHeading.FindStringSubmatch(raw); m != nil {
		label = "第" + m[1] + "条"
		raw = m[2]
		numbered = true
	}
	p.newArticle(label, raw, numbered, l.norm.Orig(trim))
	p.titleSentence(l, trim, len(l.norm.Text)-trim)
	p.newParagraph(1)
}

// commentaryStart opens a unit of commentary (＜解説＞, 想定シーン, 目次):
// everything up to the next article is marked as such.
func (p *parser) commentaryStart(l line) {
	p.flush()
	p.commentary = true
	heading := strings.TrimSpace(strings.TrimLeft(l.norm.Text, "# "))
	p.newArticle(heading, heading, false, l.norm.Orig(0))
	p.add(l.norm, Title)
	p.flush()
}

// titleSentence records a heading line (article number and 見出し) as a
// title sentence: it can be shown as context, never as evidence.
func (p *parser) titleSentence(l line, from, to int) {
	p.flush()
	p.buf = append(p.buf, sub(sub(l.norm, 0), from, to))
	p.role = Title
	p.flush()
	if p.art != nil && p.art.Heading == nil && len(p.out.Sentences) > 0 {
		p.art.Heading = p.out.Sentences[len(p.out.Sentences)-1]
	}
}

// onlyTitles reports that nothing but titles has been read so far.
func (p *parser) onlyTitles() bool {
	for _, s := range p.out.Sentences {
		if s.Role != Title {
			return false
		}
	}
	return true
}

// labelLine: outside numbered articles, a short line with no kana of
// grammar and no punctuation is a heading or a requirement's label
// (■セキュリティ情報の提供, 要件番号SEC-07(必須)), not the start of a sentence.
func (p *parser) labelLine(raw string) bool {
	if p.art != nil && p.art.Numbered {
		return false
	}
	if strings.ContainsAny(raw, "。、") || utf8.RuneCountInString(raw) > 30 || isBoxHeading(raw) {
		return isBoxHeading(raw)
	}
	if reBullet.MatchString(raw) || reItemParen.MatchString(raw) || reItemKanji.MatchString(raw) || reItemHalf.MatchString(raw) || reItemKana.MatchString(raw) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(raw); isCircled(r) {
		return false
	}
	for _, r := range raw {
		if unicode.Is(unicode.Hiragana, r) {
			return false
		}
	}
	return true
}

// isBoxHeading: ■セキュリティ情報の提供, a heading marked with a box or
// diamond and no sentence end.
func isBoxHeading(raw string) bool {
	r, _ := utf8.DecodeRuneInString(raw)
	return (r == '■' || r == '□' || r == '◆' || r == '◇') && !strings.Contains(raw, "。") && utf8.RuneCountInString(raw) <= 40
}

func (p *parser) announcesItems() bool {
	if p.lead == nil && len(p.buf) == 0 {
		return false
	}
	var s string
	if len(p.buf) > 0 {
		s = joinText(p.buf)
	} else {
		s = p.lead.Text()
	}
	return strings.Contains(s, "各号") || strings.Contains(s, "次の") || strings.Contains(s, "以下の") || strings.Contains(s, "次に") ||
		strings.Contains(s, "掲げる") || strings.HasSuffix(strings.TrimSpace(s), ":")
}

func (p *parser) endsSentence() bool {
	if len(p.buf) == 0 {
		return true
	}
	s := strings.TrimSpace(p.buf[len(p.buf)-1].Text)
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, ")") && strings.HasSuffix(strings.TrimSuffix(s, ")"), "。")
}

func (p *parser) add(n *text.Normalized, role Role) {
	if len(p.buf) == 0 {
		p.role = role
	}
	p.buf = append(p.buf, n)
}

// flush cuts the accumulated unit into sentences.
func (p *parser) flush() {
	if len(p.buf) == 0 {
		return
	}
	buf, role := p.buf, p.role
	p.buf = nil
	if p.commentary && role == Clause {
		role = Commentary
	}
	if p.art != nil && p.art.Commentary && role == Clause {
		role = Commentary
	}
	joined := join(buf)
	if p.art == nil && p.item == "" && role == Clause && p.onlyTitles() && !strings.Contains(joined.Text, "。") && utf8.RuneCountInString(joined.Text) < 40 {
		role = Title // the document's title, before any article
	}
	var last *Sentence
	for _, sp := range splitSentences(joined.Text) {
		n := sub(joined, sp.Start, sp.End)
		if strings.TrimSpace(n.Text) == "" {
			continue
		}
		s := &Sentence{
			Index: len(p.out.Sentences), Role: role, Norm: n,
			Start: n.Orig(0), End: n.Orig(len(n.Text)),
			Article: p.art, Paragraph: p.para, Item: p.item, ParagraphKey: p.paraKey,
		}
		if p.item != "" {
			s.Lead = p.lead
		}
		p.out.Sentences = append(p.out.Sentences, s)
		last = s
	}
	if last != nil && role != Title {
		p.paraHasText = true
	}
	if p.item == "" && role == Clause && last != nil {
		p.lead = last
	}
}

// splitSentences cuts at 。 outside 「」『』() and at the end; there is no length cap.
func splitSentences(s string) []text.Span {
	var out []text.Span
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '「', '『', '(', '[', '【', '〔':
			depth++
		case '」', '』', ')', ']', '】', '〕':
			if depth > 0 {
				depth--
			}
		case '。':
			if depth == 0 {
				end := i + len("。")
				out = append(out, text.Span{Start: start, End: end})
				start = end
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, text.Span{Start: start, End: len(s)})
	}
	return capSpans(s, out)
}

// maxSentence bounds a sentence (in bytes, about 1,000 characters). Real
// contract sentences stay far below it; text without 。 (a table dumped from
// a PDF, a list without punctuation) must not become one huge unit whose
// analysis grows with its square.
const maxSentence = 3000

// capSpans cuts over-long spans after the last 、 (else a space, else any
// character) before the bound.
func capSpans(s string, spans []text.Span) []text.Span {
	var out []text.Span
	for _, sp := range spans {
		for sp.End-sp.Start > maxSentence {
			cut := sp.Start + maxSentence
			for !utf8.RuneStart(s[cut]) {
				cut--
			}
			if i := strings.LastIndex(s[sp.Start:cut], "、"); i > maxSentence/3 {
				cut = sp.Start + i + len("、")
			} else if i := strings.LastIndexAny(s[sp.Start:cut], " \t"); i > maxSentence/3 {
				cut = sp.Start + i + 1
			}
			out = append(out, text.Span{Start: sp.Start, End: cut})
			sp.Start = cut
		}
		out = append(out, sp)
	}
	return out
}
