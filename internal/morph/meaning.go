package morph

import "strings"

// Modality is what the main predicate of a sentence does.
type Modality int

// The modalities of contract sentences.
const (
	Statement   Modality = iota // definitions, facts, headings: imposes nothing
	Obligation                  // しなければならない, するものとする, plain する, を要する, 義務を負う
	Prohibition                 // してはならない, することができない, しないものとする, 禁止する
	Permission                  // することができる, してもよい, を妨げない
	Waiver                      // を要しない, 必要はない, 義務を負わない, 責任を負わない
	Negation                    // するものではない, ではない
	Exception                   // ただし…この限りでない
)

var modalityNames = [...]string{"statement", "obligation", "prohibition", "permission", "waiver", "negation", "exception"}

func (m Modality) String() string { return modalityNames[m] }

// ParseModality is the inverse of String.
func ParseModality(s string) (Modality, bool) {
	for i, n := range modalityNames {
		if n == s {
			return Modality(i), true
		}
	}
	return 0, false
}

// Status is what a sentence does with one term in it.
type Status int

// Term statuses.
const (
	None      Status = iota // mentioned, nothing imposed
	Required                // must happen (a duty, or a precondition of an act)
	Forbidden               // must not happen
	Permitted               // may happen; not required
	Waived                  // expressly not required (承諾を要しない, 承諾なく…できる)
)

var statusNames = [...]string{"none", "required", "forbidden", "permitted", "waived"}

func (s Status) String() string { return statusNames[s] }

// ParseStatus is the inverse of String.
func ParseStatus(s string) (Status, bool) {
	for i, n := range statusNames {
		if n == s {
			return Status(i), true
		}
	}
	return 0, false
}

// canon is a token reduced to what modality analysis needs: polite ます
// dropped, ん/ぬ/ず and 無い read as ない.
type canon struct {
	lemma, pos, pos1, form string
	i                      int // index into the original tokens
}

func canonical(toks []Token) []canon {
	out := make([]canon, 0, len(toks))
	for i, t := range toks {
		l := t.Lemma
		switch {
		case t.POS == "記号" || t.POS == "":
			switch t.Surface {
			case "、", ",":
				out = append(out, canon{lemma: "、", pos: "記号", i: i})
			case "」", "『", "』", "「":
				out = append(out, canon{lemma: t.Surface, pos: "記号", i: i})
			}
			continue
		case t.Lemma == "ます" && t.POS == "助動詞":
			if len(out) > 0 && t.Form == "基本形" {
				out[len(out)-1].form = "基本形" // 行います reads as 行う
			}
			continue
		case (l == "ぬ" || l == "ん") && t.POS == "助動詞", l == "無い":
			l = "ない"
		case l == "かねる" && t.POS == "動詞" && len(out) > 0 && out[len(out)-1].pos == "動詞":
			l = "ない" // 負いかねる: cannot bear
			out = append(out, canon{lemma: l, pos: "助動詞", form: t.Form, i: i})
			continue
		case (l == "致す" || l == "いたす") && t.POS == "動詞":
			// humble 実施いたします reads as 実施します
			out = append(out, canon{lemma: "する", pos: "動詞", pos1: "自立", form: t.Form, i: i})
			continue
		}
		out = append(out, canon{lemma: l, pos: t.POS, pos1: t.POS1, form: t.Form, i: i})
	}
	return out
}

// hasSuffix reports whether the lemmas end with the given sequence.
func hasSuffix(c []canon, seq ...string) bool {
	if len(seq) > len(c) {
		return false
	}
	for k, s := range seq {
		if c[len(c)-len(seq)+k].lemma != s {
			return false
		}
	}
	return true
}

// bearing verbs and nouns: negating them waives a duty (責任を負わない)
// instead of forbidding an act (再委託しない).
var bearing = words["bearing"]

// SentenceModality reads the modality of the sentence's final predicate.
func SentenceModality(toks []Token) Modality {
	if n := len(toks); n > 1 && (toks[0].Surface == "(" || toks[0].Surface == "【") && (toks[n-1].Surface == ")" || toks[n-1].Surface == "】") {
		return Statement // a heading in brackets: (再委託の禁止)
	}
	if cells := tableCells(toks); cells != nil {
		return rowModality(cells)
	}
	c := canonical(toks)
	for len(c) > 0 && c[len(c)-1].lemma == "、" {
		c = c[:len(c)-1]
	}
	return modalityOf(c)
}

// tableCells splits a table row (| a | b | c |) into its cells; nil when
// the tokens are not a row.
func tableCells(toks []Token) [][]Token {
	var cells [][]Token
	start, bars := 0, 0
	for k, t := range toks {
		if t.Surface == "|" {
			bars++
			if k > start {
				cells = append(cells, toks[start:k])
			}
			start = k + 1
		}
	}
	if bars < 2 {
		return nil
	}
	if start < len(toks) {
		cells = append(cells, toks[start:])
	}
	return cells
}

// rowModality: a requirement table's row binds as its requirement cell
// does (…しないこと | 必須), unless a cell marks the row optional (任意).
func rowModality(cells [][]Token) Modality {
	m := Statement
	for _, cell := range cells {
		if len(cell) == 1 && words["optional-row"][cell[0].Lemma] {
			return Statement
		}
		if cm := SentenceModality(cell); cm != Statement {
			m = cm
		}
	}
	return m
}

func modalityOf(c []canon) Modality {
	if len(c) == 0 {
		return Statement
	}
	// Strip the outer ものとする / こととする / とする wrappers but remember
	// them: 「…することができるものとする」 is a permission, 「…しないものとする」 a
	// prohibition, 「…するものとする」 an obligation.
	wrapped := false
	for _, w := range [][]string{{"もの", "と", "する"}, {"こと", "と", "する"}, {"もの", "と", "なる"}} {
		if hasSuffix(c, w...) && len(c) > len(w) {
			c = c[:len(c)-len(w)]
			wrapped = true
			break
		}
	}
	if (hasSuffix(c, "て", "おる") || hasSuffix(c, "で", "おる")) && len(c) > 2 && c[len(c)-3].pos == "動詞" {
		// 採用しております: the drafter's humble account of what it does, as
		// 採用します (a plain 〜している stays a description: 対応している)
		d := append([]canon(nil), c[:len(c)-2]...)
		d[len(d)-1].form = "基本形"
		return modalityOf(d)
	}
	if hasSuffix(c, "せる", "て", "いただく") && len(c) > 3 {
		d := append([]canon(nil), c[:len(c)-3]...)
		d[len(d)-1].form = "基本形"
		return modalityOf(d) // 削除させていただきます: the drafter's own act, as 削除します
	}
	last := c[len(c)-1]
	switch {
	case isDefinition(c):
		return Statement
	case hasExceptionTail(c):
		return Exception
	// なければならない, なくてはならない, ねばならない: obligation despite two negations
	case hasSuffix(c, "ない", "ば", "なる", "ない"), hasSuffix(c, "ない", "て", "は", "なる", "ない"),
		hasSuffix(c, "ない", "と", "いける", "ない"), hasSuffix(c, "ない", "て", "は", "いける", "ない"):
		return Obligation
	case hasSuffix(c, "て", "は", "なる", "ない"), hasSuffix(c, "で", "は", "なる", "ない"),
		hasSuffix(c, "て", "は", "いける", "ない"):
		return Prohibition
	case hasSuffix(c, "免れる", "ない"), hasSuffix(c, "変わる", "は", "ない"), hasSuffix(c, "変わる", "は", "ある", "ない"),
		hasSuffix(c, "免れる", "こと", "は", "できる", "ない"), hasSuffix(c, "免れる", "こと", "が", "できる", "ない"):
		return Obligation // 責任を負うことに変わりはない; 責任を免れることはできない
	case hasSuffix(c, "負う", "もの", "だ", "は", "ない"), hasSuffix(c, "負う", "もの", "だ", "は", "ある", "ない"),
		hasSuffix(c, "負担", "する", "もの", "だ", "は", "ない"), hasSuffix(c, "負担", "する", "もの", "だ", "は", "ある", "ない"), hasSuffix(c, "負担", "する", "ない"),
		hasSuffix(c, "要する", "もの", "だ", "は", "ない"), hasSuffix(c, "要す", "もの", "だ", "は", "ない"):
		return Waiver // 責任を負うものではない: a disclaimer, not a mere negation
	case promisedNotAt(c):
		return Waiver // 見直すことを約束するものではない: what is not promised is not owed
	case hasSuffix(c, "免れる", "もの", "だ", "は", "ない"), hasSuffix(c, "免れる", "もの", "だ", "は", "ある", "ない"):
		return Obligation // 義務及び責任を免れるものではない: still bound
	case hasSuffix(c, "こと", "が", "ある"):
		return Permission // 同意なく委託することがあります: the drafter reserves it
	case hasSuffix(c, "効力", "を", "生じる", "ない"), hasSuffix(c, "もの", "だ", "は", "ない"), hasSuffix(c, "わけ", "だ", "は", "ない"),
		hasSuffix(c, "もの", "だ", "は", "ある", "ない"), hasSuffix(c, "の", "だ", "は", "ない"):
		return Negation
	case hasSuffix(c, "義務", "は", "ない"), hasSuffix(c, "義務", "が", "ない"), hasSuffix(c, "義務", "は", "ある", "ない"), hasSuffix(c, "義務", "を", "有する", "ない"), hasSuffix(c, "義務", "を", "有す", "ない"), hasSuffix(c, "責任", "を", "有す", "ない"),
		hasSuffix(c, "義務", "は", "有する", "ない"), hasSuffix(c, "責任", "を", "有する", "ない"), hasSuffix(c, "責任", "は", "ない"), hasSuffix(c, "責任", "は", "ある", "ない"),
		hasSuffix(c, "必要", "は", "ない"), hasSuffix(c, "必要", "が", "ない"), hasSuffix(c, "必要", "ない"), hasSuffix(c, "必要", "と", "する", "ない"),
		hasSuffix(c, "必要", "は", "ある", "ない"), hasSuffix(c, "必要", "が", "ある", "ない"), hasSuffix(c, "必要", "ある", "ない"):
		return Waiver
	case hasSuffix(c, "妨げる", "ない"), hasSuffix(c, "差し支える", "ない"), hasSuffix(c, "差支える", "ない"),
		hasSuffix(c, "て", "も", "よい"), hasSuffix(c, "で", "も", "よい"), hasSuffix(c, "て", "も", "良い"),
		hasSuffix(c, "て", "も", "かまう", "ない"), hasSuffix(c, "て", "も", "構う", "ない"):
		return Permission
	case last.lemma == "ない" && len(c) >= 2:
		prev := c[len(c)-2]
		switch {
		case prev.lemma == "できる" || prev.lemma == "得る" && prev.pos == "動詞" && len(c) >= 3 && c[len(c)-3].lemma != "を":
			return Prohibition // することができない / し得ない
		case bearing[prev.lemma]:
			return Waiver // 責任を負わない, 承諾を要しない
		case prev.lemma == "だ":
			return Negation // 〜ではない (だ は ない is caught above)
		case prev.pos == "動詞" || prev.pos == "助動詞":
			return Prohibition // 再委託しない(ものとする): a promise not to
		}
		return Negation
	case last.lemma == "ない" && last.pos == "形容詞" && len(c) >= 2 && c[len(c)-2].lemma == "は":
		return Negation
	case hasSuffix(c, "できる"), hasSuffix(c, "得る") && c[len(c)-2].lemma != "を":
		return Permission
	case hasSuffix(c, "禁止", "する"), hasSuffix(c, "禁ずる"), hasSuffix(c, "禁じる"), hasSuffix(c, "禁止"):
		return Prohibition
	case hasSuffix(c, "ない", "こと"):
		return Prohibition // list item: 〜しないこと
	case hasSuffix(c, "免責", "する"), hasSuffix(c, "免責", "する", "れる"), hasSuffix(c, "必要", "と", "する", "ない"), hasSuffix(c, "免れる"), hasSuffix(c, "免除", "する"):
		return Waiver
	case hasSuffix(c, "必須", "と", "する"), hasSuffix(c, "義務", "と", "する"), hasSuffix(c, "要件", "と", "する"), hasSuffix(c, "必要", "と", "する"),
		hasSuffix(c, "条件", "と", "する"):
		return Obligation // 〜を必須とする, 〜を前提条件とする
	case hasSuffix(c, "不要", "と", "する"), hasSuffix(c, "不要", "だ"), hasSuffix(c, "不要", "で", "ある"), hasSuffix(c, "不要"):
		return Waiver // 承認は不要とする
	case len(c) >= 3 && hasSuffix(c, "と", "する") && layout[c[len(c)-3].lemma]:
		return Obligation // 相互に認証し合う構成とする: what the relative clause says is laid down
	case hasSuffix(c, "いう"), hasSuffix(c, "目的", "と", "する"), hasSuffix(c, "称する"), hasSuffix(c, "呼ぶ"),
		hasSuffix(c, "締結", "する"), hasSuffix(c, "契約", "する") && len(c) < 40, hasSuffix(c, "と", "する") && !wrapped && len(c) > 2 && c[len(c)-3].pos != "動詞" && c[len(c)-3].pos != "助動詞":
		return Statement
	case last.lemma == "べし" || last.lemma == "べき":
		return Obligation
	case hasSuffix(c, "必要", "が", "ある"), hasSuffix(c, "必要", "と", "する"), hasSuffix(c, "要する"), hasSuffix(c, "義務", "を", "負う"),
		hasSuffix(c, "責任", "を", "負う"), hasSuffix(c, "負う"):
		return Obligation
	case last.lemma == "こと" && len(c) >= 2 && (c[len(c)-2].pos == "動詞" || c[len(c)-2].pos == "助動詞"):
		return Obligation // list item: 〜すること
	case !wrapped && (hasSuffix(c, "こと", "を", "推奨", "する") || hasSuffix(c, "こと", "を", "勧める") || hasSuffix(c, "こと", "を", "奨励", "する") ||
		hasSuffix(c, "こと", "を", "期待", "する") || hasSuffix(c, "こと", "が", "望ましい") || hasSuffix(c, "の", "が", "望ましい")):
		return Statement // 多要素認証を有効にすることを推奨します: advice, nobody is bound
	case hasSuffix(c, "による", "こと"), hasSuffix(c, "に", "よる", "こと"):
		return Obligation // 仕様書: 接続はTLS相互認証によること
	case hasSuffix(c, "許す", "れる"), hasSuffix(c, "許可", "する", "れる"), hasSuffix(c, "許容", "する", "れる"),
		hasSuffix(c, "認める", "られる"), hasSuffix(c, "認める", "れる"), hasSuffix(c, "可能", "だ"), hasSuffix(c, "可能", "だ", "ある"), hasSuffix(c, "可能"):
		return Permission // 同意があった場合にのみ許される; 承諾を得たものに限り認められる
	case wrapped:
		if last.pos == "名詞" && last.pos1 != "サ変接続" && !hasSuffix(c, "負担") {
			return Statement // 「甲乙協議のうえ定めるものとする」 still has a verb; 「…を本件業務とする」 does not
		}
		return Obligation
	case last.pos == "動詞" && last.pos1 == "自立" && (last.form == "基本形" || last.form == ""):
		switch last.lemma {
		case "ある", "いる", "なる", "おる":
			return Statement
		}
		return Obligation // 乙は…報告する。: a plain promise binds in a contract
	case last.pos == "助動詞" && (last.lemma == "れる" || last.lemma == "られる") && len(c) >= 2 && c[len(c)-2].pos == "動詞":
		return Statement // 〜と解釈される, 〜に適用される
	}
	return Statement
}

// isDefinition: 「X」とは…をいう, and a heading wholly in brackets: (再委託の禁止).
func isDefinition(c []canon) bool {
	for k := 0; k+2 < len(c); k++ {
		if c[k].lemma == "」" && c[k+1].lemma == "と" && c[k+2].lemma == "は" {
			return true
		}
	}
	return false
}

// hasExceptionTail: この限りでない, その限りではない, この限りではありません.
func hasExceptionTail(c []canon) bool {
	for k := len(c) - 1; k >= 0 && k >= len(c)-6; k-- {
		if c[k].lemma == "限り" {
			rest := c[k+1:]
			return len(rest) > 0 && rest[len(rest)-1].lemma == "ない" && k > 0 && (c[k-1].lemma == "この" || c[k-1].lemma == "その")
		}
	}
	return false
}

// boundary kinds between a term and the predicate that ends the sentence.
type boundary int

const (
	noBoundary      boundary = iota
	ownObligation            // 〜を管理するものとし、…: the term has a predicate of its own, an obligation
	promisedNot              // 〜しないことを確約する: the term is promised not to happen
	doubleNeg                // 〜でなければ登録できないよう: unless the term, the act cannot happen
	ownNegation              // 〜を行わず、…: the term's own predicate is negated
	ownWaiver                // 〜責任を負わないものとし、…
	ownPermission            // 〜することができ、…
	ownProhibition           // 〜開示しないものとし、…
	acquiredTrigger          // 承諾を得た場合には: a condition the actor must obtain
	negRelative              // VPNを経由しない接続: the term is missing from what the predicate is about
	negTrigger               // 承諾を得ない場合, 是正されないとき: a negated condition
	negBoundary              // 承諾なく, 承諾を得ずに, 承諾を得ないで, 承諾を得た場合を除き, 承諾を得なければ, 承諾のない限り
	triggerBoundary          // 漏えいが発生した場合, 〜したときは, 〜の際: an event, not a duty
	meansBoundary            // 承諾を得て, 承諾を得た上で, 承諾を得た場合に限り: a precondition
	coordinated              // 〜に限定し、…接続は受け付けない: the term's positive predicate joined to another clause
)

// boundaryAfter walks from the token after a term towards the end of the
// sentence and returns the first subordination that cuts the term off from
// the final predicate, with whether the term's own predicate is 怠る
// (「報告を怠ってはならない」 forbids the omission).
func boundaryAfter(c []canon, from int) (boundary, bool) {
	neglect, acquired := false, false
	// 〜を定期的に見直し、…: the term is itself a verb whose clause ends here.
	if from > 0 && from < len(c) && c[from-1].pos == "動詞" && c[from-1].form == "連用形" && c[from].lemma == "、" &&
		(from+1 >= len(c) || !isDisjunction(c[from+1].lemma)) {
		return coordinatedWith(c[from-1].lemma, c[from+1:]), neglect
	}
	for k := from; k < len(c); k++ {
		t := c[k]
		next := func(n int) string {
			if k+n < len(c) {
				return c[k+n].lemma
			}
			return ""
		}
		if t.lemma == "怠る" {
			neglect = true
		}
		if acquiring[t.lemma] {
			acquired = true
		}
		if t.lemma == "ない" && isObligationTail(c[k:]) {
			return noBoundary, neglect
		}
		if t.lemma == "ない" && next(1) == "こと" && next(2) == "を" && promise[next(3)] {
			return promisedNot, neglect
		}
		// 〜を定期的に見直すが、…提案することは要しない: が joins two clauses,
		// the term's own predicate is the plain verb before it.
		if (t.lemma == "が" || t.lemma == "けれども") && t.pos1 == "接続助詞" && k > 0 {
			if c[k-1].lemma == "ない" {
				return ownProhibition, neglect
			}
			if c[k-1].pos == "動詞" || c[k-1].pos == "助動詞" {
				return ownObligation, neglect
			}
		}
		if t.lemma == "もの" && next(1) == "と" && next(2) == "する" && k+3 < len(c) && c[k+2].form == "連用形" {
			// 〜を管理するものとし、 / 〜責任を負わないものとし、 / 〜開示しないものとし、
			if k >= 2 && c[k-1].lemma == "ない" {
				if bearing[c[k-2].lemma] {
					return ownWaiver, neglect
				}
				return ownProhibition, neglect
			}
			return ownObligation, neglect
		}
		// 〜以外の方法を用いてはならない: everything but the term is meant
		// (only when 以外 follows the term's own phrase; 本院以外の者へ later
		// in the sentence is about someone else).
		if t.lemma == "以外" && ownPhrase(c[from:k]) {
			return negBoundary, neglect
		}
		// 許可のない解析を行わないこと: "without the term" qualifying a noun
		if t.lemma == "ない" && k == from+1 && (c[k-1].lemma == "の" || c[k-1].lemma == "が") && next(1) != "" && k+1 < len(c) && c[k+1].pos == "名詞" && c[k+1].pos1 != "非自立" {
			return negBoundary, neglect
		}
		// VPNを経由しない接続を行ってはならない: a negated relative clause
		// turns a prohibition of "the other thing" into a requirement.
		if t.lemma == "ない" && t.form == "基本形" && k > 0 && (c[k-1].pos == "動詞" || c[k-1].pos == "助動詞") && k+1 < len(c) && c[k+1].pos == "名詞" && c[k+1].pos1 != "非自立" && c[k+1].lemma != "こと" && c[k+1].lemma != "もの" && c[k+1].lemma != "場合" && c[k+1].lemma != "とき" && c[k+1].lemma != "限り" {
			return negRelative, neglect
		}
		// 〜を行わず、また…しないものとする: the term's own predicate is
		// negated and coordinated with the final one.
		if t.lemma == "ない" && k > 0 && c[k-1].pos == "動詞" && !acquiring[c[k-1].lemma] && !bearing[c[k-1].lemma] && next(1) == "、" && c[k].form != "仮定形" && !isDisjunction(next(2)) {
			return ownNegation, neglect
		}
		switch {
		case t.lemma == "ない" && (t.form == "連用テ接続" || t.form == "連用形" || t.form == "連用デ接続" || t.form == "仮定形" || next(1) == "で" || next(1) == "に" || next(1) == "、") && k+1 < len(c) && !isFinalChain(c[k+1:]):
			if k > 0 && (c[k-1].lemma == "遅滞" || c[k-1].lemma == "漏れ" || c[k-1].lemma == "もれ" || c[k-1].lemma == "例外" || c[k-1].lemma == "問題" || c[k-1].lemma == "滞り" || c[k-1].lemma == "遺漏" || c[k-1].lemma == "支障" || c[k-1].lemma == "間違い" || c[k-1].lemma == "怠り" || c[k-1].lemma == "ところ") {
				continue // 遅滞なく, 漏れなく: adverbs, not negation
			}
			if next(1) == "ば" && negatedSoon(c[min(k+2, len(c)):]) {
				return doubleNeg, neglect
			}
			return negBoundary, neglect
		case t.lemma == "なし" || t.lemma == "無し" || (t.lemma == "ない" && next(1) == "に"):
			return negBoundary, neglect
		case t.lemma == "除く" || t.lemma == "除き":
			return negBoundary, neglect
		case t.lemma == "限り" || t.lemma == "限る":
			if k > 0 && c[k-1].lemma == "ない" {
				return negBoundary, neglect
			}
			if k > 0 && c[k-1].lemma == "に" {
				return meansBoundary, neglect
			}
		case t.lemma == "場合" || t.lemma == "とき" || t.lemma == "際" || t.lemma == "時" || t.lemma == "たら" || t.lemma == "なら":
			// 場合に限り, 場合にのみ, 場合のみ: only then (IPA reads this のみ as 飲む)
			if next(1) == "に" && (next(2) == "限る" || next(2) == "限り" || next(2) == "のみ" || next(2) == "のむ") || next(1) == "のみ" {
				return meansBoundary, neglect
			}
			if k > 0 && c[k-1].lemma == "ない" {
				return negTrigger, neglect
			}
			if t.lemma == "場合" || t.lemma == "とき" || t.lemma == "際" || t.lemma == "時" {
				if next(1) == "は" || next(1) == "に" || next(1) == "には" || next(1) == "、" || next(1) == "において" || next(1) == "で" || next(1) == "も" || next(1) == "の" {
					if acquired {
						return acquiredTrigger, neglect // 承諾を得た場合には
					}
					return triggerBoundary, neglect
				}
			}
		case t.lemma == "ば" && t.pos == "助詞":
			if k > 0 && c[k-1].lemma == "ない" {
				if negatedSoon(c[k+1:]) {
					return doubleNeg, neglect
				}
				return negBoundary, neglect
			}
			return triggerBoundary, neglect
		case (t.lemma == "て" || t.lemma == "で") && t.pos == "助詞" && t.pos1 == "接続助詞" && (next(1) == "おる" || next(1) == "いる") && next(2) == "ない" && next(3) == "、":
			return ownNegation, neglect // 提出はしておらず、…: the term's own predicate is negated
		case (t.lemma == "て" || t.lemma == "で") && t.pos == "助詞" && t.pos1 == "接続助詞":
			if k+1 < len(c) && !isFinalChain(c[k+1:]) {
				if triggerSoon(c[k+1:]) {
					return triggerBoundary, neglect // 承認を受けて再委託を行う場合、…: inside the condition
				}
				return meansBoundary, neglect
			}
		case t.lemma == "上" && k > 0 && (c[k-1].lemma == "た" || c[k-1].lemma == "の") && next(1) == "で",
			t.lemma == "うえ" && k > 0 && (c[k-1].lemma == "た" || c[k-1].lemma == "の"):
			return meansBoundary, neglect
		case t.lemma == "により" || t.lemma == "によって" || (t.lemma == "こと" && next(1) == "により"):
			return meansBoundary, neglect
		}
		// 〜を管理するとともに、…報告する: とともに after a verb joins two
		// duties; the term's own predicate shares the final modality.
		if (t.lemma == "とともに" || t.lemma == "と共に") && k > 0 && (c[k-1].pos == "動詞" || c[k-1].pos == "助動詞") && c[k-1].lemma != "ない" {
			return noBoundary, neglect
		}
		// 〜を開示し、これを変更するときは…: the term's predicate ends at a
		// 連用形 followed by 、 and shares the final predicate's modality.
		if t.pos == "動詞" && t.form == "連用形" && next(1) == "、" && !isDisjunction(next(2)) {
			if t.lemma == "できる" {
				return ownPermission, neglect // 〜することができ、乙はこれに異議を述べない
			}
			return coordinatedWith(t.lemma, c[k+2:]), neglect
		}
	}
	return noBoundary, neglect
}

// coordinatedWith: after 〜し、 the rest has an object or topic of its own
// (を, は) before its predicate, so a negation there is about that object:
// 「HTTPSに限定し、暗号化されていない接続は受け付けない」 binds HTTPS.
func coordinatedWith(verb string, rest []canon) boundary {
	if words["not-a-clause"][verb] {
		return noBoundary // 報告を含め、一切の対応を行わない: "including", not a clause
	}
	for _, x := range rest {
		if x.lemma == "、" {
			continue
		}
		if (x.lemma == "を" || x.lemma == "は") && x.pos == "助詞" {
			return coordinated
		}
	}
	return noBoundary
}

// layout: nouns of design that 「…とする」 lays down with the clause that
// qualifies them (…する仕組みとする, …する構成とする).
var layout = words["layout"]

// promisedNotAt: 〜を約束/保証/確約するものではない(ありません) ends the sentence.
func promisedNotAt(c []canon) bool {
	for _, tail := range [][]string{{"する", "もの", "だ", "は", "ない"}, {"する", "もの", "だ", "は", "ある", "ない"}, {"もの", "だ", "は", "ない"}, {"もの", "だ", "は", "ある", "ない"}} {
		if hasSuffix(c, tail...) && len(c) > len(tail) && promise[c[len(c)-len(tail)-1].lemma] {
			return true
		}
	}
	return false
}

// ownPhrase: only the term's own predicate and the noun it qualifies stand
// between the term and what follows (許諾した目的|以外, 目的|以外).
func ownPhrase(c []canon) bool {
	nouns := 0
	for _, x := range c {
		switch {
		case x.pos == "動詞" || x.pos == "助動詞":
		case x.pos == "名詞" && nouns < 2:
			nouns++
		default:
			return false
		}
	}
	return true
}

var promise = words["promise"]

// negatedSoon: the predicate after 〜なければ is itself negated (できない,
// 認めない) before the next clause: 「Xでなければ登録できないよう設定する」.
func negatedSoon(c []canon) bool {
	if len(c) > 0 && c[0].lemma == "、" {
		c = c[1:] // 経なければ、ログインできない
	}
	for k, x := range c {
		if x.lemma == "、" || k > 8 {
			return false
		}
		if x.lemma == "ない" && k > 0 && (c[k-1].pos == "動詞" || c[k-1].pos == "助動詞") {
			return true
		}
	}
	return false
}

// acquiring verbs: a condition made of them (承諾を得た場合) is something the
// actor must obtain first, not an event that befalls it.
var acquiring = words["acquiring"]

// triggerSoon: a condition (場合, とき + は/に/、) closes the clause that
// follows, before any other clause starts.
func triggerSoon(c []canon) bool {
	for k, x := range c {
		if x.lemma == "、" || k > 16 {
			return false
		}
		if (x.lemma == "場合" || x.lemma == "とき" || x.lemma == "際") && k+1 < len(c) {
			if c[k+1].lemma == "に" && k+2 < len(c) && (c[k+2].lemma == "限る" || c[k+2].lemma == "限り") {
				return false // 〜た場合に限り: only then, a precondition
			}
			switch c[k+1].lemma {
			case "は", "に", "、", "には":
				return true
			}
		}
	}
	return false
}

// decidedOn: 〜の要否, 〜か否か, 〜かどうか right after the term.
func decidedOn(c []canon) bool {
	for k := 0; k < len(c) && k < 5; k++ {
		switch {
		case c[k].lemma == "要否", c[k].lemma == "要" && k+1 < len(c) && c[k+1].lemma == "否":
			return true
		case c[k].lemma == "か" && k+1 < len(c) && (c[k+1].lemma == "否" || c[k+1].lemma == "どう"):
			return true
		case c[k].lemma == "、":
			return false
		}
	}
	return false
}

// disregarded: 〜を問わず, 〜にかかわらず (関わらず, 拘らず) closes the phrase
// that holds the term, before any 、.
func disregarded(c []canon) bool {
	for k := 0; k+1 < len(c) && k < 10; k++ {
		if c[k].lemma == "、" {
			return false
		}
		if words["disregard"][c[k].lemma] && c[k+1].lemma == "ない" && k > 0 && (c[k-1].lemma == "を" || c[k-1].lemma == "に") {
			return true
		}
	}
	return false
}

// excluded: 〜の対象外, 〜の範囲外, 〜に含まれない close the phrase that
// holds the term.
func excluded(c []canon) bool {
	for k := 0; k+1 < len(c) && k < 10; k++ {
		switch {
		case c[k].lemma == "、" && k > 0 && c[k-1].lemma == "は":
			continue // 助言及び提案は、…範囲に含まれません: the topic's comma
		case c[k].lemma == "、" || c[k].pos == "動詞" && c[k].lemma != "含む":
			return false
		case (c[k].lemma == "対象" || c[k].lemma == "範囲") && c[k+1].lemma == "外":
			return !qualifiesNoun(c[k+2:]) // not 報告の対象外とされる事案 (a kind of case)
		case c[k].lemma == "含む" && c[k+1].lemma == "ない", c[k].lemma == "含む" && k+2 < len(c) && c[k+1].lemma == "れる" && c[k+2].lemma == "ない":
			return k > 0 && c[k-1].lemma == "に"
		}
	}
	return false
}

// qualifiesNoun: what follows (と される, の, である …) only makes the words
// before it qualify a noun.
func qualifiesNoun(c []canon) bool {
	for _, x := range c {
		switch {
		case x.lemma == "と" || x.lemma == "する" || x.lemma == "れる" || x.lemma == "られる" || x.lemma == "だ" || x.lemma == "ある" || x.lemma == "の" || x.lemma == "た":
			continue
		case x.pos == "名詞":
			return x.lemma != "こと" && x.lemma != "もの"
		}
		return false
	}
	return false
}

// relativeWithSubject: the term is the predicate of a relative clause that
// has its own subject right before it (Xが共有する情報, Xが指定した方法).
func relativeWithSubject(c []canon, from int) bool {
	start := from - 1 // the term's last canonical token
	for start > 0 && c[start-1].pos == "名詞" {
		start--
	}
	// Xが(従前から)保有していた: the subject may stand a few words before
	subject := false
	for k := start - 1; k >= 0 && k >= start-5; k-- {
		if c[k].lemma == "が" && c[k].pos == "助詞" {
			subject = true
			break
		}
		if c[k].lemma == "、" || c[k].lemma == "は" || c[k].pos == "動詞" || c[k].pos == "助動詞" {
			break
		}
	}
	if !subject {
		return false
	}
	k := from
	for k < len(c) && (c[k].pos == "動詞" || c[k].pos == "助動詞" ||
		(c[k].lemma == "て" || c[k].lemma == "で") && k+1 < len(c) && (c[k+1].lemma == "いる" || c[k+1].lemma == "おる")) {
		k++
	}
	if k == from && c[from-1].pos != "動詞" || k >= len(c) {
		return false
	}
	h := c[k]
	if layout[h.lemma] {
		return false // 相互に認証し合う構成とする: the clause is what is laid down
	}
	for q := k + 1; q < len(c) && q <= k+3; q++ {
		switch c[q].lemma {
		case "以外", "限る", "限り":
			return false // 乙が許諾した目的以外に…してはならない: a precondition, not a description
		}
	}
	return h.pos == "名詞" && h.pos1 != "非自立" && h.pos1 != "副詞可能" && h.pos1 != "接尾" && (c[k-1].form == "基本形" || c[k-1].lemma == "た")
}

// refused: the term is the object of 拒む / 拒否する right after it.
func refused(c []canon) bool {
	return len(c) >= 2 && c[0].lemma == "を" && (c[1].lemma == "拒む" || c[1].lemma == "拒否" && len(c) >= 3 && c[2].lemma == "する")
}

// negatingAct: the term is what an act of shutting out is done to
// (無効化する, 遮断する, 拒否する, 排除する, 禁止する), in the same phrase.
func negatingAct(c []canon) bool {
	for k := 0; k < len(c) && k < 12; k++ {
		switch {
		case c[k].lemma == "、":
			return false
		case c[k].pos == "動詞":
			return false
		case words["shut-out"][c[k].lemma] && (c[k].lemma != "無効" || k+1 < len(c) && c[k+1].lemma == "化"):
			return k > 0 && (c[k-1].lemma == "は" || c[k-1].lemma == "を")
		}
	}
	return false
}

// clauseModality: when the term's clause closes with 〜ものとし、 or
// 〜てはならず、 before the sentence ends, the modality of that clause.
func clauseModality(c []canon, from int) (Modality, bool) {
	for k := from; k+3 < len(c); k++ {
		if c[k].lemma == "もの" && c[k+1].lemma == "と" && c[k+2].lemma == "する" && c[k+2].form == "連用形" && c[k+3].lemma == "、" {
			return modalityOf(c[:k+3]), true
		}
		if c[k].lemma == "て" && c[k+1].lemma == "は" && c[k+2].lemma == "なる" && c[k+3].lemma == "ない" && k+4 < len(c) && c[k+4].lemma == "、" {
			return Prohibition, true
		}
	}
	return 0, false
}

// negPurpose: 〜ことのないよう(に): an obligation to prevent something,
// which is a prohibition in disguise.
func negPurpose(c []canon) bool {
	for k := 0; k+3 < len(c); k++ {
		if c[k].lemma == "こと" && (c[k+1].lemma == "の" || c[k+1].lemma == "が") && c[k+2].lemma == "ない" && c[k+3].lemma == "よう" {
			return true
		}
	}
	return false
}

// withoutKey: the term is directly negated as "without" (なく, なしに, ずに,
// ないで), not excepted (を除き) or conditioned (ない限り).
func withoutKey(c []canon, from int) bool {
	for k := from; k < len(c) && k < from+5; k++ {
		switch c[k].lemma {
		case "除く", "除き", "限り", "限る", "場合", "とき":
			return false
		case "なし", "無し":
			return true
		case "ない":
			return k+1 < len(c) && (c[k+1].lemma == "に" || c[k+1].lemma == "で" || c[k+1].lemma == "、") || c[k].form == "連用テ接続"
		}
	}
	return false
}

// isComplementTail: only と(する) and sentence-final wrappers follow.
func isComplementTail(c []canon) bool {
	l := make([]string, 0, len(c))
	for _, x := range c {
		l = append(l, x.lemma)
	}
	switch strings.Join(l, " ") {
	case "と する", "と する もの と する", "と なる":
		return true
	}
	return false
}

// isDisjunction: 又は/若しくは/及び after 、 keep a coordination inside one
// condition (漏えいが発生し、又は発生したおそれがあるときは).
func isDisjunction(l string) bool {
	switch l {
	case "又は", "または", "若しくは", "もしくは", "及び", "および", "並びに":
		return true
	}
	return false
}

// isObligationTail: ない ば なる ない, ない て は なる ない, ない と いける ない.
func isObligationTail(c []canon) bool {
	l := make([]string, 0, 5)
	for _, x := range c {
		l = append(l, x.lemma)
	}
	s := strings.Join(l, " ")
	for _, p := range []string{"ない ば なる ない", "ない て は なる ない", "ない と いける ない", "ない て は いける ない", "ない ば いける ない"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isFinalChain reports a tail that only completes the final predicate
// (はならない, もよい, いる, おく, with ものとする and the like after them),
// so a て before it is no subordination.
func isFinalChain(c []canon) bool {
	if len(c) == 0 {
		return true
	}
	l := make([]string, 0, len(c))
	for _, x := range c {
		l = append(l, x.lemma)
	}
	tail := " " + strings.Join(l, " ")
	for _, w := range []string{" もの と する", " こと と する", " もの と なる"} {
		tail = strings.TrimSuffix(tail, w)
	}
	switch strings.TrimSpace(tail) {
	case "", "は なる ない", "は いける ない", "も よい", "も 良い", "も 差し支える ない", "も かまう ない", "も 構う ない",
		"いる", "おく", "ある", "しまう", "いく", "くる", "もらう", "いただく", "は なる ない こと", "いる ない", "おく ない", "おる", "おる ない":
		return true
	}
	return false
}

// TermStatus says what the sentence does with the term at tokens [i, j)
// (indices into toks), given the sentence's modality.
func TermStatus(toks []Token, i, j int, m Modality) Status {
	c := canonical(toks)
	from := after(c, j)
	// 暗号化の要否は当社が判断する, 提供するか否かは…: the term is left to a
	// decision (DecidedOn); who decides is for the engine to see.
	if decidedOn(c[from:]) {
		return None // the engine turns this into waived when the vendor decides
	}
	if from > 1 && relativeWithSubject(c, from) {
		return None // 業界団体が共有する脅威情報: describes the information, binds nobody
	}
	// 本システムの利用者認証は、二要素認証とする: the term is what is laid down.
	if m == Statement && isComplementTail(c[from:]) {
		return Required
	}
	if disregarded(c[from:]) || excluded(c[from:]) {
		return Waived // 桁数を問わず登録を受け付ける; 提供の対象外とする: the term does not count
	}
	if m == Obligation && negatingAct(c[from:]) {
		return Forbidden // 平文による接続は無効化すること
	}
	if refused(c[from:]) {
		switch m {
		case Prohibition:
			return Required // 賠償を拒むことができない
		case Permission:
			return Waived // 賠償を拒むことができる
		}
	}
	b, neglect := boundaryAfter(c, from)
	if b == negBoundary {
		if cm, ok := clauseModality(c, from); ok {
			m = cm // 同意なく分析の対象とされないものとし、…: the clause's own predicate decides
		}
	}
	switch b {
	case noBoundary:
		switch m {
		case Obligation:
			return Required
		case Prohibition:
			if neglect {
				return Required // 報告を怠ってはならない
			}
			return Forbidden
		case Permission:
			return Permitted
		case Waiver:
			return Waived
		}
	case coordinated:
		switch m {
		case Obligation, Prohibition, Negation, Waiver:
			return Required // the negation belongs to the other clause's object
		case Permission:
			return Permitted
		}
	case ownObligation:
		return Required
	case ownWaiver:
		return Waived
	case ownPermission:
		return Permitted
	case ownProhibition:
		return Forbidden
	case promisedNot:
		return Forbidden
	case doubleNeg:
		if m != Permission && m != Waiver {
			return Required
		}
	case negTrigger:
		if m == Prohibition {
			return Required // 承諾を得ない場合は再委託してはならない
		}
	case negBoundary:
		switch {
		case m == Prohibition, m == Negation:
			return Required // 承諾なく再委託してはならない; 書面によらなければ効力を生じない
		case m == Obligation && negPurpose(c[from:]):
			return Required // 同意がある場合を除き、分析されることのないよう管理する
		case m == Permission:
			return Waived // 承諾なく再委託することができる
		case m == Obligation && withoutKey(c, from):
			return Waived // 承諾を得ることなく再委託するものとする
		}
	case meansBoundary:
		switch m {
		case Obligation, Permission:
			return Required // 承諾を得て再委託することができる
		}
	case negRelative:
		if m == Prohibition {
			return Required // VPNを経由しない接続を行ってはならない
		}
	case acquiredTrigger:
		if m == Permission || m == Obligation {
			return Required // 承諾を得た場合には再委託することができる: only then
		}
	case ownNegation:
		switch m {
		case Obligation, Prohibition:
			return Forbidden // 分析を行わず、また提供しないものとする
		}
	}
	return None
}

// Explain renders tokens for rule authors: surface[lemma|POS|form].
func Explain(toks []Token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Surface)
		b.WriteByte('[')
		b.WriteString(t.Lemma)
		b.WriteByte('|')
		b.WriteString(t.POS)
		if t.POS1 != "" && t.POS1 != "*" {
			b.WriteByte('/')
			b.WriteString(t.POS1)
		}
		if t.Form != "" && t.Form != "*" {
			b.WriteByte('|')
			b.WriteString(t.Form)
		}
		b.WriteByte(']')
	}
	return b.String()
}

// Direct reports whether the term at tokens [i, j) is the direct object (or
// the verb) of the sentence's final predicate: 「相互認証を実装しない」,
// 「暗号化を行わない」, not 「接続先の認証情報を第三者に開示してはならない」 where
// the prohibition is about another thing. A duty whose term is directly
// forbidden is refused.
func Direct(toks []Token, i, j int) bool {
	c := canonical(toks)
	from := after(c, j)
	k := from
	for k < len(c) && (c[k].lemma == "を" || c[k].lemma == "は" || c[k].lemma == "も" || c[k].lemma == "が") && c[k].pos == "助詞" {
		k++
	}
	for ; k < len(c); k++ {
		x := c[k]
		switch {
		case x.lemma == "、":
			return false
		case x.pos == "名詞" && x.pos1 == "非自立":
		case x.pos == "名詞" && x.pos1 == "サ変接続" && k+1 < len(c) && c[k+1].lemma == "する":
		case x.pos == "名詞":
			return false
		}
	}
	return true
}

// Subordinate reports whether the term at tokens [i, j) sits in a clause of
// its own (a condition, a means, an exception) rather than under the final
// predicate: the subject of that clause (「委託者が承諾したもの」) is not who
// bears the sentence's duty.
func Subordinate(toks []Token, i, j int) bool {
	c := canonical(toks)
	from := after(c, j)
	b, _ := boundaryAfter(c, from)
	switch b {
	case noBoundary, ownObligation, ownWaiver, ownProhibition, ownNegation, ownPermission, promisedNot:
		return false
	}
	return true
}

// DecidedOn reports a term left to a decision: 〜の要否, 〜か否か, 〜かどうか.
func DecidedOn(toks []Token, i, j int) bool {
	c := canonical(toks)
	return decidedOn(c[after(c, j):])
}

// after is the index in c of the first canonical token at or after token j.
func after(c []canon, j int) int {
	for k, x := range c {
		if x.i >= j {
			return k
		}
	}
	return len(c)
}
