// Package party owns the parties of a contract: it reads from the
// contract's own definitions (「…病院（以下「甲」という。）」, the preamble, a
// definitions article) which names stand for the medical institution and
// which for the vendor, and finds who bears the duty in a sentence. Where
// the roles cannot be read, it falls back to a documented assumption.
package party

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/structure"
)

// Role of a party.
type Role int

// Roles. Both is 「甲及び乙は」: a duty on both binds the vendor too.
const (
	Unknown Role = iota
	Hospital
	Vendor
	Both
	Third // a third party: 再委託先, 第三者
)

func (r Role) String() string {
	return [...]string{"unknown", "hospital", "vendor", "both", "third"}[r]
}

// Roles maps the names a contract uses to roles.
type Roles struct {
	Names   map[string]Role // 甲 → Hospital, 乙 → Vendor, 当社 → Vendor, …
	starts  map[string]bool // every prefix of a name: a token that is none cannot start one
	order   []string        // the names, longest first
	Source  string          // how they were found, for the report
	Assumed bool            // true when nothing in the contract said
}

// Hospital returns the names that stand for the medical institution.
func (r *Roles) Hospital() []string { return r.names(Hospital) }

// Vendor returns the names that stand for the vendor.
func (r *Roles) Vendor() []string { return r.names(Vendor) }

func (r *Roles) names(role Role) []string {
	var out []string
	for _, n := range r.order {
		if r.Names[n] == role {
			out = append(out, n)
		}
	}
	return out
}

// Vocabulary is the data the roles are read with: role words that need no
// definition, and the words that mark a defined name as the hospital or the
// vendor. The built-in one is rules/parties.yaml.
type Vocabulary struct {
	Hospital         []string `yaml:"hospital"`
	Vendor           []string `yaml:"vendor"`
	Third            []string `yaml:"third"`
	Both             []string `yaml:"both"`
	HospitalEntities []string `yaml:"hospital-entities"`
	VendorEntities   []string `yaml:"vendor-entities"`
}

// Merge adds another vocabulary's words to v.
func (v *Vocabulary) Merge(o *Vocabulary) {
	v.Hospital = append(v.Hospital, o.Hospital...)
	v.Vendor = append(v.Vendor, o.Vendor...)
	v.Third = append(v.Third, o.Third...)
	v.Both = append(v.Both, o.Both...)
	v.HospitalEntities = append(v.HospitalEntities, o.HospitalEntities...)
	v.VendorEntities = append(v.VendorEntities, o.VendorEntities...)
}

// generic maps the role words to their roles.
func (v *Vocabulary) generic() map[string]Role {
	m := map[string]Role{}
	for _, x := range []struct {
		words []string
		role  Role
	}{{v.Hospital, Hospital}, {v.Vendor, Vendor}, {v.Third, Third}, {v.Both, Both}} {
		for _, w := range x.words {
			m[w] = x.role
		}
	}
	return m
}

// isPartyAlias tells a name that can stand for a party (甲, 受託者, 当センター)
// from other defined terms (「本連携システム等」, 「本業務」).
func isPartyAlias(a string, generic map[string]Role) bool {
	if a == "甲" || a == "乙" || a == "丙" || generic[a] != Unknown {
		return true
	}
	return utf8.RuneCountInString(a) <= 6 && (strings.HasPrefix(a, "当") || strings.HasSuffix(a, "者") || strings.HasSuffix(a, "社") ||
		strings.HasSuffix(a, "院") || strings.HasSuffix(a, "機関"))
}

// 「X(以下「甲」という。)」, 「X(以下、「乙」という)」, 「X(以下単に「甲」という。)」
var reDefine = regexp.MustCompile(`([^、。()「」\s]{1,40})\(以下[、,]?(?:単に)?「(甲|乙|丙|[^」]{1,8})」と(?:いう|称する|いい)`)

// Detect reads the roles from a document's definitions with the vocabulary
// v. hospital, when not empty, is the name the user says is the medical
// institution (--hospital).
func Detect(d *structure.Document, hospital string, v *Vocabulary) *Roles {
	r := &Roles{Names: map[string]Role{}}
	defer r.index()
	generic := v.generic()
	for n, role := range generic {
		r.Names[n] = role
	}
	if hospital != "" {
		r.Names[hospital] = Hospital
		if other := counterpart(hospital); other != "" {
			r.Names[other] = Vendor
		}
		r.Source = "--hospital " + hospital
		return r
	}
	found := false
	for _, s := range d.Sentences {
		if s.Role == structure.Commentary {
			continue
		}
		if !strings.Contains(s.Text(), "以下") {
			continue // every definition says 以下「…」という
		}
		for _, m := range reDefine.FindAllStringSubmatch(s.Text(), -1) {
			entity, alias := m[1], m[2]
			if !isPartyAlias(alias, generic) {
				continue
			}
			role := Unknown
			switch {
			case containsAny(entity, v.HospitalEntities):
				role = Hospital
			case generic[entity] != Unknown:
				role = generic[entity]
			case containsAny(entity, v.VendorEntities):
				role = Vendor
			}
			if role == Unknown {
				continue
			}
			r.Names[alias] = role
			found = true
			if r.Source == "" {
				r.Source = "「" + entity + "」(以下「" + alias + "」)"
			}
		}
	}
	// A pair defined for one side only: the other letter is the other party.
	for _, pair := range [][2]string{{"甲", "乙"}, {"乙", "甲"}} {
		a, b := pair[0], pair[1]
		if ra, ok := r.Names[a]; ok && (ra == Hospital || ra == Vendor) {
			if _, ok := r.Names[b]; !ok {
				r.Names[b] = Hospital + Vendor - ra
			}
		}
	}
	if !found {
		r.Names["甲"], r.Names["乙"] = Hospital, Vendor
		r.Assumed = true
		r.Source = "契約書中に当事者の定義が見つからないため、甲を医療機関、乙を事業者とみなした"
	}
	return r
}

// index records the prefixes of every name, and orders the names longest
// first so that 提供事業者 wins over 事業者.
func (r *Roles) index() {
	r.order = r.order[:0]
	for n := range r.Names {
		r.order = append(r.order, n)
	}
	sort.Slice(r.order, func(i, j int) bool {
		if len(r.order[i]) != len(r.order[j]) {
			return len(r.order[i]) > len(r.order[j])
		}
		return r.order[i] < r.order[j]
	})
	r.starts = map[string]bool{}
	for n := range r.Names {
		for i := range n {
			if i > 0 {
				r.starts[n[:i]] = true
			}
		}
		r.starts[n] = true
	}
}

func counterpart(name string) string {
	switch name {
	case "甲":
		return "乙"
	case "乙":
		return "甲"
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Mention is a party name marked as topic (は) or subject (が) in a sentence.
type Mention struct {
	Name  string
	Role  Role
	Pos   int  // token index
	Topic bool // は rather than が
	Agent bool // 乙による見直し: the agent of a noun phrase, the weakest sign
}

// Mentions lists the topics and subjects of a sentence that are parties.
// 「甲及び乙は」 is one mention with role Both.
func (r *Roles) Mentions(toks []morph.Token) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !r.starts[toks[i].Surface] {
			continue
		}
		n, k := r.NameAt(toks, i)
		if n == "" {
			continue
		}
		role := r.Names[n]
		if k < len(toks) && isConjunction(toks[k].Lemma) {
			if n2, k2 := r.NameAt(toks, k+1); n2 != "" && r.Names[n2] != role {
				n, k, role = n+toks[k].Surface+n2, k2, Both
			}
		}
		if k < len(toks) && toks[k].POS == "助詞" {
			switch toks[k].Surface {
			case "による", "によって", "において":
				out = append(out, Mention{Name: n, Role: role, Pos: i, Agent: true})
			case "は":
				out = append(out, Mention{n, role, i, true, false})
			case "が":
				if (i == 0 || toks[i-1].Surface != "の") && !relativeClause(toks, k+1) {
					out = append(out, Mention{n, role, i, false, false})
				}
			}
		}
		i = k - 1
	}
	return out
}

// relativeClause: the predicate after 「Xが」 qualifies a noun (本院が指定する
// 期日, 乙が必要と認める場合), so X is the subject of that clause only, not of
// the sentence.
func relativeClause(toks []morph.Token, from int) bool {
	for k := from; k < len(toks) && k < from+10; k++ {
		t := toks[k]
		if t.Surface == "、" || t.POS == "記号" {
			return false
		}
		if t.POS != "動詞" || t.POS1 != "自立" {
			continue
		}
		j := k + 1
		for j < len(toks) && (toks[j].POS == "助動詞" || toks[j].POS == "動詞" && toks[j].POS1 != "自立") {
			j++
		}
		if j+1 < len(toks) && (toks[j].Surface == "もの" || toks[j].Surface == "こと") && toks[j+1].Surface == "と" {
			return false // 再委託先が責めを負うものとし: the ものとする wrapper, not a relative clause
		}
		return j < len(toks) && toks[j].POS == "名詞" && (toks[j-1].Form == "基本形" || toks[j-1].Form == "")
	}
	return false
}

// WithoutAgents drops the agents of noun phrases (乙による見直し) from ms.
func WithoutAgents(ms []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		if !m.Agent {
			out = append(out, m)
		}
	}
	return out
}

// Occurrence is a party name found in a sentence, at tokens [Start, End).
type Occurrence struct {
	Name       string
	Role       Role
	Start, End int
}

// Occurrences lists every party name in a sentence.
func (r *Roles) Occurrences(toks []morph.Token) []Occurrence {
	var out []Occurrence
	for i := 0; i < len(toks); i++ {
		if r.starts != nil && !r.starts[toks[i].Surface] {
			continue
		}
		if n, k := r.NameAt(toks, i); n != "" {
			out = append(out, Occurrence{n, r.Names[n], i, k})
			i = k - 1
		}
	}
	return out
}

// SubjectAt finds who bears the predicate that governs the token at index
// at (the sentence's length for its final predicate): the last topic marked
// with は before it (「但し、ベンダは、…報告するものとし、…ユーザはベンダに…請求
// することができる」 gives ユーザ for the last clause), else the last subject
// marked with が before it, else the first topic or subject after it. It
// returns "" and Unknown when the sentence names no party.
func SubjectAt(ms []Mention, at int) (string, Role) {
	return subjectAt(ms, at, false)
}

// TopicAt is SubjectAt for a term in a clause of its own: a subject marked
// with が before it belongs to that clause (「委託者が承諾したものに限り」), so only
// topics count.
func TopicAt(ms []Mention, at int) (string, Role) {
	return subjectAt(ms, at, true)
}

func subjectAt(ms []Mention, at int, topicsOnly bool) (string, Role) {
	kinds := []bool{true, false}
	if topicsOnly {
		kinds = kinds[:1]
	}
	for _, topic := range kinds {
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].Topic == topic && !ms[k].Agent && ms[k].Pos < at {
				return ms[k].Name, ms[k].Role
			}
		}
	}
	if !topicsOnly {
		for _, m := range ms {
			if m.Agent && m.Pos < at {
				return m.Name, m.Role // 乙による見直しは、…
			}
		}
	}
	for _, topic := range kinds {
		for _, m := range ms {
			if m.Topic == topic && !m.Agent {
				return m.Name, m.Role
			}
		}
	}
	return "", Unknown
}

// Subject is SubjectAt over the sentence's own mentions.
func (r *Roles) Subject(toks []morph.Token, at int) (string, Role) {
	return SubjectAt(r.Mentions(toks), at)
}

func isConjunction(l string) bool {
	switch l {
	case "及び", "および", "並びに", "又は", "または":
		return true
	}
	return false
}

// NameAt matches a party name starting at token i; it returns the name and
// the index after it.
func (r *Roles) NameAt(toks []morph.Token, i int) (string, int) {
	if r.starts != nil && !r.starts[toks[i].Surface] {
		return "", i + 1
	}
	for _, n := range r.order {
		var b strings.Builder
		for k := i; k < len(toks) && b.Len() < len(n); k++ {
			b.WriteString(toks[k].Surface)
			if b.String() == n {
				if k+1 < len(toks) && (toks[k+1].Surface == "様" || toks[k+1].Surface == "さま") && toks[k+1].POS1 == "接尾" {
					k++ // ご利用者様: an honorific after the name is part of it
				}
				return n, k + 1
			}
		}
	}
	return "", i + 1
}
