package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/party"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/internal/structure"
)

// reading is a sentence with the sentences that complete its meaning: the
// opening text (柱書) of its paragraph when it is an item, and a following
// 「ただし、…この限りでない。」 that qualifies it.
type reading struct {
	s, lead, except *structure.Sentence
	// heading is the article's 見出し: it can supply a term that says what
	// the clause is about (「(事故発生時の報告)」), never the key.
	heading *structure.Sentence
}

func (r reading) all() []*structure.Sentence {
	out := []*structure.Sentence{r.s}
	for _, x := range []*structure.Sentence{r.lead, r.except, r.heading} {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}

// computeReading finds the sentences that complete s.
func (c *context) computeReading(s *structure.Sentence) reading {
	r := reading{s: s, lead: s.Lead}
	if s.Article != nil && s.Article.Numbered {
		r.heading = s.Article.Heading
	}
	if next := c.next(s); next != nil && next.Role == structure.Clause && next.Article == s.Article && next.ParagraphKey == s.ParagraphKey && next.Item == s.Item {
		t := next.Text()
		// 「ただし、…この限りでない。」, and also 「ただし、乙が…と判断した場合は、
		// 報告を省略することができる。」: a proviso qualifies the sentence before.
		if strings.HasPrefix(t, "ただし") || strings.HasPrefix(t, "但し") || strings.HasPrefix(t, "もっとも、") {
			r.except = next
		}
	}
	return r
}

func (c *context) next(s *structure.Sentence) *structure.Sentence {
	d := c.docOf(s)
	if s.Index+1 < len(d.Sentences) {
		return d.Sentences[s.Index+1]
	}
	return nil
}

// occurrence is a key match with what the clause does with it.
type occurrence struct {
	m      match
	status morph.Status
	mod    morph.Modality
	note   string
	party  string
	role   party.Role
}

// subject finds who bears the predicate that decides the match: the
// sentence's own subject, else (for an item) its 柱書's.
func (c *context) subject(r reading, m match) (string, party.Role) {
	roles := c.roles[c.docOf(r.s)]
	s := m.s
	if s == r.except {
		s = r.s
	}
	at := m.i
	if s != m.s {
		at = len(c.tokens(s)) // the key is in the ただし書: its sentence's own subject
	}
	subjectAt := party.SubjectAt
	if s == m.s && morph.Subordinate(c.tokens(s), m.i, m.j) {
		subjectAt = party.TopicAt
	}
	ms := c.partyMentions(roles, s)
	if s == r.s && r.lead != nil {
		// An item with no subject of its own takes its 柱書's; an agent in
		// the item (再委託先による遂行状況を…説明すること) is not one.
		if name, role := subjectAt(party.WithoutAgents(ms), at); role != party.Unknown {
			return name, role
		}
		if name, role := party.SubjectAt(c.partyMentions(roles, r.lead), len(c.tokens(r.lead))); role != party.Unknown {
			return name, role
		}
	}
	return subjectAt(ms, at)
}

// partyFits: an element that asks a duty of the vendor is met only by a
// clause whose subject is the vendor, both parties, or not stated.
func partyFits(want string, got party.Role) bool {
	switch want {
	case rule.PartyVendor:
		return got != party.Hospital && got != party.Third
	case rule.PartyHospital:
		return got != party.Vendor && got != party.Third
	}
	return true
}

var roleJa = map[party.Role]string{party.Unknown: "不明", party.Hospital: "医療機関", party.Vendor: "事業者", party.Both: "双方", party.Third: "第三者"}

// pattern evaluates one pattern on one unit.
func (c *context) pattern(el *rule.Element, p *rule.Pattern, u unit, satisfy bool) verdict {
	all, any, none, key := p.Terms()
	// Cheap rejection before any tokenising: every all-term must have an
	// anchor somewhere in the unit or its context.
	var readings []reading
	var ctx, core []*structure.Sentence
	for _, s := range u.sentences {
		r := c.readingOf(s)
		readings = append(readings, r)
		ctx = append(ctx, r.all()...)
		core = append(core, s)
		for _, x := range []*structure.Sentence{r.lead, r.except} {
			if x != nil {
				core = append(core, x)
			}
		}
	}
	for _, con := range all {
		if !c.anyMayContain(ctx, con) {
			return verdict{}
		}
	}
	found := map[*rule.Concept][]match{}
	present := func(con *rule.Concept) bool {
		if m, ok := found[con]; ok {
			return len(m) > 0
		}
		var ms []match
		for _, s := range ctx {
			ms = append(ms, c.find(s, con)...)
		}
		found[con] = ms
		return len(ms) > 0
	}
	for _, con := range all {
		if !present(con) {
			return verdict{}
		}
	}
	if len(any) > 0 {
		ok := false
		for _, con := range any {
			if present(con) {
				ok = true
				break
			}
		}
		if !ok {
			return verdict{}
		}
	}
	// none-terms exclude wordings of the clause itself, its 柱書 and its
	// proviso (「ただし、…事後の承諾をもってこれに代えることができる」), not of
	// the article's heading.
	for _, con := range none {
		for _, s := range core {
			if len(c.find(s, con)) > 0 {
				return verdict{}
			}
		}
	}
	if !present(key) {
		return verdict{}
	}
	want := p.Statuses()
	var best *occurrence
	var bestRank int
	var bestReading reading
	for _, r := range readings {
		for _, m := range found[key] {
			o, ok := c.statusIn(r, m, el.Discretion != "allowed")
			if !ok {
				continue
			}
			o.party, o.role = c.subject(r, m)
			if o.status == morph.None && o.role == party.Vendor && m.s == r.s && morph.DecidedOn(c.tokens(m.s), m.i, m.j) {
				o.status, o.note = morph.Waived, "要否が事業者の判断に委ねられている" // 暗号化の要否は当社が判断する
			}
			rank := 1
			bearer := el.Party.Value
			if p.Party.Value != "" {
				bearer = p.Party.Value // 「…病院は、損害の賠償を請求することができない」: a disclaimer with the hospital as subject
			}
			if !partyFits(bearer, o.role) {
				o.note = "義務を負うのが" + o.party + "(" + roleJa[o.role] + ")"
				if best == nil {
					o := o
					best, bestRank, bestReading = &o, 0, r
				}
				continue
			}
			switch {
			case slices.Contains(want, o.status):
				rank = 3
			case satisfy && slices.Contains(opposites(want), o.status):
				rank = 2
			case satisfy && slices.Contains(want, morph.Required) && o.status == morph.Forbidden && m.s == r.s && morph.Direct(c.tokens(m.s), m.i, m.j):
				rank = 2 // 「相互認証を実装しない」: the duty itself is refused
			}
			if best == nil || rank > bestRank {
				o := o
				best, bestRank, bestReading = &o, rank, r
			}
		}
	}
	if best == nil {
		return verdict{}
	}
	ev := c.evidence(bestReading.s, best, found, p)
	switch bestRank {
	case 3:
		limited := false
		if c.e.limited != nil && satisfy {
			for _, s := range bestReading.all() {
				limited = limited || len(c.find(s, c.e.limited)) > 0
			}
		}
		return verdict{holds: true, ev: ev, limited: limited}
	case 2:
		return verdict{opposite: true, ev: ev}
	}
	if bestRank == 0 {
		return verdict{weak: fmt.Sprintf("%s %s %s", ev.File, ev.Label, best.note)}
	}
	return verdict{weak: fmt.Sprintf("%s %s「%s」は%s", ev.File, ev.Label, ev.Key, statusJa[best.status])}
}

func (c *context) anyMayContain(ss []*structure.Sentence, con *rule.Concept) bool {
	for _, s := range ss {
		if c.mayContain(s, con) {
			return true
		}
	}
	return false
}

// statusIn computes what reading r does with the key match m, if m belongs
// to r.
func (c *context) statusIn(r reading, m match, judgeDiscretion bool) (occurrence, bool) {
	switch m.s {
	case r.s:
		mod := c.modality(r.s)
		if mod == morph.Statement && r.lead != nil && r.s.Item != "" {
			mod = c.modality(r.lead) // an item takes its predicate from the 柱書
		}
		o := occurrence{m: m, mod: mod, status: morph.TermStatus(c.tokens(r.s), m.i, m.j, mod)}
		if judgeDiscretion && o.status == morph.Required && c.discretionIn(r.s, m.i, true) {
			o.status, o.note = morph.Waived, "事業者の判断に委ねられている"
		}
		if r.except != nil && (o.status == morph.Required || o.status == morph.Forbidden) {
			if judgeDiscretion && c.vendorDiscretion(r.except, -1) {
				o.status = map[morph.Status]morph.Status{morph.Required: morph.Waived, morph.Forbidden: morph.Permitted}[o.status]
				o.note = "ただし書により事業者の判断で適用が外れる"
			} else {
				o.note = "ただし書で例外あり"
			}
		}
		return o, true
	case r.lead:
		if r.lead == nil {
			return occurrence{}, false
		}
		mod := c.modality(r.lead)
		return occurrence{m: m, mod: mod, status: morph.TermStatus(c.tokens(r.lead), m.i, m.j, mod), note: "柱書"}, true
	case r.except:
		if r.except == nil || c.modality(r.except) != morph.Exception {
			return occurrence{}, false // a proviso with a predicate of its own is read as its own sentence
		}
		// 「…してはならない。ただし、甲の承諾を得た場合はこの限りでない。」:
		// the exception's condition is what the act needs.
		mod := c.modality(r.s)
		o := occurrence{m: m, mod: mod, note: "ただし書の条件"}
		if mod == morph.Prohibition {
			o.status = morph.Required
		}
		return o, true
	}
	return occurrence{}, false
}

// vendorDiscretion reports words of discretion (乙が必要と認める, 当社の判断
// により, 受託者が軽微であると判断した) whose judge is the vendor, in s before
// token before (anywhere when before < 0).
func (c *context) vendorDiscretion(s *structure.Sentence, before int) bool {
	return c.discretionIn(s, before, false)
}

// discretionIn is vendorDiscretion; with trigger, the words must make a
// condition (乙が必要と認める場合, 当社が必要と判断したとき): 「乙の判断により応急の
// 措置を講じた上で、甲に通知しなければならない」 leaves the measure, not the
// notice, to the vendor.
func (c *context) discretionIn(s *structure.Sentence, before int, trigger bool) bool {
	if c.e.discretion == nil {
		return false
	}
	toks := c.tokens(s)
	roles := c.roles[c.docOf(s)]
	for _, m := range c.find(s, c.e.discretion) {
		if before >= 0 && m.j > before {
			continue
		}
		if trigger && !triggerAfter(toks, m.j) {
			continue
		}
		for k := m.i - 1; k >= 0 && k >= m.i-16; k-- {
			if toks[k].Lemma == "自ら" || toks[k].Lemma == "自己" || toks[k].Lemma == "独自" {
				// ユーザが自ら選んで指定した: 自ら is whoever is named just before it
				if name, role := ownerOfSelf(roles, toks, k); name != "" {
					return role == party.Vendor
				}
				return true
			}
			if name, next := roles.NameAt(toks, k); name != "" && next < len(toks) && next <= m.i {
				p := toks[next].Surface
				// 受注者が本院の診療に影響しないと判断した: the judge is the subject
				// (が, は); a name with の judges only as the word's own
				// modifier (当社の判断, 乙の裁量).
				if p == "が" || p == "は" || p == "の" && next+1 == m.i {
					return roles.Names[name] == party.Vendor
				}
			}
		}
	}
	return false
}

// ownerOfSelf: the party named with が/は right before 自ら at k, if any.
func ownerOfSelf(roles *party.Roles, toks []morph.Token, k int) (string, party.Role) {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if name, next := roles.NameAt(toks, j); name != "" && next < len(toks) {
			if p := toks[next].Surface; (p == "が" || p == "は") && next+1 <= k {
				return name, roles.Names[name]
			}
		}
	}
	return "", party.Unknown
}

// triggerAfter: a condition noun (場合, とき, 限り) follows within a few tokens.
func triggerAfter(toks []morph.Token, from int) bool {
	for k := from; k < len(toks) && k < from+6; k++ {
		switch toks[k].Lemma {
		case "場合", "とき", "時", "限り", "限る", "際":
			return true
		}
	}
	return false
}

// opposites: what contradicts a wanted status.
func opposites(want []morph.Status) []morph.Status {
	var out []morph.Status
	for _, w := range want {
		switch w {
		case morph.Required:
			out = append(out, morph.Waived)
		case morph.Forbidden:
			out = append(out, morph.Permitted)
		}
	}
	return out
}

var statusJa = map[morph.Status]string{
	morph.None:      "言及されているだけで義務になっていない",
	morph.Required:  "義務(又は前提条件)として定められている",
	morph.Forbidden: "禁止されている",
	morph.Permitted: "任意(できる)とされ、義務になっていない",
	morph.Waived:    "不要とされている",
}

// evidence builds the evidence for a decided sentence.
func (c *context) evidence(s *structure.Sentence, o *occurrence, found map[*rule.Concept][]match, p *rule.Pattern) Evidence {
	d := c.docOf(s)
	doc := d.Doc
	ev := Evidence{File: doc.Path, Label: s.Label(), Offset: s.Start, EndOffset: s.End}
	ev.Line, ev.Column = doc.Position(s.Start)
	ev.LineUnit = doc.LineUnit
	ev.EndLine, ev.EndColumn = doc.Position(s.End)
	ev.ByteColumn, ev.EndByteColumn = doc.ByteColumn(s.Start), doc.ByteColumn(s.End)
	ev.RuneOffset, ev.EndRuneOffset = doc.RuneOffset(s.Start), doc.RuneOffset(s.End)
	ev.Text = strings.TrimSpace(doc.Text[s.Start:s.End])
	ev.Key = c.surface(o.m)
	ev.Modality = o.mod.String()
	ev.KeyStatus = o.status.String()
	ev.Party, ev.PartyRole = o.party, o.role.String()
	all, any, _, _ := p.Terms()
	seen := map[string]bool{}
	for _, con := range append(append([]*rule.Concept{}, all...), any...) {
		for _, m := range found[con] {
			if w := c.surface(m); !seen[w] {
				seen[w] = true
				ev.Terms = append(ev.Terms, w)
			}
		}
	}
	ev.Why = fmt.Sprintf("「%s」が%s(述語: %s)", ev.Key, statusJa[o.status], modalityJa[o.mod])
	if o.note != "" {
		ev.Why += "、" + o.note
	}
	return ev
}

var modalityJa = map[morph.Modality]string{
	morph.Statement:   "記述・定義",
	morph.Obligation:  "義務",
	morph.Prohibition: "禁止",
	morph.Permission:  "許容",
	morph.Waiver:      "義務の否定",
	morph.Negation:    "否定",
	morph.Exception:   "ただし書",
}

// surface is the user's own wording of a match.
func (c *context) surface(m match) string {
	toks := c.tokens(m.s)
	a, b := toks[m.i].Start, toks[m.j-1].End
	doc := c.docOf(m.s).Doc
	from, to := m.s.Norm.Orig(a), m.s.Norm.Orig(b)
	if from < to && to <= len(doc.Text) {
		return doc.Text[from:to]
	}
	return m.s.Text()[a:b]
}

func (c *context) docOf(s *structure.Sentence) *structure.Document {
	return c.cache(s).doc
}
