package party_test

import (
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/party"
	"github.com/clauselint/clauselint/rules"

	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/structure"
)

// vocabulary is the built-in rules/parties.yaml.
func vocabulary(t *testing.T) *party.Vocabulary {
	t.Helper()
	an, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	return set.Parties
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, hospitalFlag string
		hospital, vendor         string // a name that must have each role
		assumed                  bool
	}{
		{"hospital is 甲", "医療法人青葉会 青葉台病院（以下「甲」という。）と株式会社ミナト（以下「乙」という。）は、次のとおり契約する。", "", "甲", "乙", false},
		{"reversed", "株式会社ミナト（以下「甲」という。）と社会医療法人 北斗病院（以下「乙」という。）は、次のとおり契約する。", "", "乙", "甲", false},
		{"one side defined", "株式会社ミナトシステムズ(以下「乙」という。)は、甲に対し次のとおり役務を提供する。", "", "甲", "乙", false},
		{"委託者 is the hospital", "市立中央病院（以下「委託者」という。）と株式会社カワセ（以下「受託者」という。）は…", "", "委託者", "受託者", false},
		{"defined terms are not parties", "本連携システム及び本ドキュメント（以下「本連携システム等」という。）を開発する。", "", "甲", "乙", true},
		{"nothing defined", "乙は、本業務を誠実に行う。", "", "甲", "乙", true},
		{"flag", "乙は、本業務を誠実に行う。", "乙", "乙", "甲", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := document.Parse("c.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			r := party.Detect(structure.Parse(d), tt.hospitalFlag, vocabulary(t))
			if r.Names[tt.hospital] != party.Hospital || r.Names[tt.vendor] != party.Vendor || r.Assumed != tt.assumed {
				t.Errorf("%s=%s %s=%s assumed=%v (%s)", tt.hospital, r.Names[tt.hospital], tt.vendor, r.Names[tt.vendor], r.Assumed, r.Source)
			}
		})
	}
}

func TestSubject(t *testing.T) {
	an, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	d, _ := document.Parse("c.txt", []byte("病院A（以下「甲」という。）と株式会社B（以下「乙」という。）は契約する。"))
	r := party.Detect(structure.Parse(d), "", vocabulary(t))
	tests := []struct {
		text, name string
		role       party.Role
	}{
		{"乙は、甲の承諾を得なければならない。", "乙", party.Vendor},
		{"甲は、乙に対し報告を求めることができる。", "甲", party.Hospital},
		{"甲及び乙は、秘密を保持する。", "甲及び乙", party.Both},
		{"甲乙は、協議する。", "甲乙", party.Both},
		{"再委託先の行為については、乙が責任を負う。", "乙", party.Vendor},
		{"当社は、お客様に通知します。", "当社", party.Vendor},
		{"個人情報は適切に管理されなければならない。", "", party.Unknown},
		{"甲の指示があったときは、乙は直ちに報告する。", "乙", party.Vendor},
		{"乙は、甲が要請したときは、直ちに報告する。", "乙", party.Vendor},
		{"但し、乙は、甲が要請した場合、報告するものとし、甲は乙に中止を請求することができる。", "甲", party.Hospital},
		// a が-subject of a relative clause is not the sentence's subject
		{"・契約終了時は、甲が指定する期日までに全データを消去し、消去作業報告書を提出すること。", "", party.Unknown},
		{"甲が承認した者に限り、乙はデータにアクセスさせる。", "乙", party.Vendor},
		{"乙が本業務を行う。", "乙", party.Vendor},
		{"運営者は、参加施設に通知する。", "運営者", party.Vendor},
		{"契約者様は、当社に利用料を支払う。", "契約者", party.Hospital},
		{"再委託先の作業に起因する損害は、乙がその賠償の責めを負うものとする。", "乙", party.Vendor},
	}
	for _, tt := range tests {
		toks := an.Tokens(tt.text)
		name, role := r.Subject(toks, len(toks))
		if name != tt.name || role != tt.role {
			t.Errorf("Subject(%s) = %s %s, want %s %s", tt.text, name, role, tt.name, tt.role)
		}
	}
	// the agent of a noun phrase counts when no topic or subject precedes the term
	toks := an.Tokens("乙による見直しは、甲が別途発注する業務としてのみ行う。")
	at := 0
	for k, tok := range toks {
		if strings.HasPrefix(tok.Surface, "見直") {
			at = k
		}
	}
	if name, role := r.Subject(toks, at); name != "乙" || role != party.Vendor {
		t.Errorf("agent of 見直し: %s %s, want 乙 vendor", name, role)
	}
}

// TestContractNamesAreFound: a name only the contract defines (当センター)
// is found in its clauses and listed among the roles, not only the
// vocabulary's words.
func TestContractNamesAreFound(t *testing.T) {
	d, _ := document.Parse("c.txt", []byte("地域医療センター病院（以下「当センター」という。）と株式会社B（以下「受託会社」という。）は契約する。"))
	r := party.Detect(structure.Parse(d), "", vocabulary(t))
	an, _ := morph.Shared()
	if name, role := r.Subject(an.Tokens("受託会社は、当センターに報告する。"), 100); name != "受託会社" || role != party.Vendor {
		t.Errorf("subject %s %s, want 受託会社 vendor", name, role)
	}
	found := false
	for _, n := range r.Hospital() {
		found = found || n == "当センター"
	}
	if !found {
		t.Errorf("当センター not among the hospital's names: %v", r.Hospital())
	}
}
