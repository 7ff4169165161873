package morph

import (
	"fmt"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"あらかじめ", "予め"},
		{"ただちに", "直ちに"},
		{"取り扱う", "取扱う"},
		{"取り扱い", "取扱"},
		{"問い合わせ", "問合せ"},
		{"問合わせ", "問合せ"},
		{"引き渡し", "引渡し"},
		{"サーバー", "サーバ"},
		{"セキュリティー", "セキュリティ"},
		{"講じる", "講ずる"},
		{"漏えい", "漏洩"},
	}
	for _, tt := range tests {
		if ka, kb := Key(tt.a), Key(tt.b); ka != kb {
			t.Errorf("Key(%s) = %s, Key(%s) = %s: want one key", tt.a, ka, tt.b, kb)
		}
	}
	// words that only look alike keep their own keys
	distinct := []struct{ a, b string }{
		{"見直す", "見直し"},
		{"キー", "キ"},
		{"委託", "再委託"},
		{"提供", "提出"},
	}
	for _, tt := range distinct {
		if Key(tt.a) == Key(tt.b) {
			t.Errorf("Key(%s) == Key(%s): want different keys", tt.a, tt.b)
		}
	}
}

func TestKeyIsStable(t *testing.T) {
	// a canonical lemma is its own key, so keys can be compared with keys
	for c := range spellings {
		if k := Key(c); k != c {
			t.Errorf("Key(%s) = %s, want the canonical lemma itself", c, k)
		}
	}
}

func TestTermsMatchAcrossSpellings(t *testing.T) {
	a, err := Shared()
	if err != nil {
		t.Fatal(err)
	}
	keys := func(s string) (out []string) {
		for _, tok := range a.Tokens(s) {
			out = append(out, tok.Key)
		}
		return out
	}
	tests := []struct{ a, b string }{
		{"あらかじめ承諾を得る", "予め承諾を得る"},
		{"ご承諾を得る", "承諾を得る"},
		{"取り扱う", "取扱う"},
		{"すみやかに報告する", "速やかに報告する"},
	}
	for _, tt := range tests {
		if ka, kb := keys(tt.a), keys(tt.b); fmt.Sprint(ka) != fmt.Sprint(kb) {
			t.Errorf("%s → %v, %s → %v: want the same keys", tt.a, ka, tt.b, kb)
		}
	}
}
