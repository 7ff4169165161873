package rule

import (
	"os"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/morph"
)

func analyzer(t *testing.T) *morph.Analyzer {
	t.Helper()
	a, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestBadRules loads each folder of testdata/rules-bad and expects every
// listed message, each with its file:line:column.
func TestBadRules(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"unknown-key", []string{"unknown-key/X-1.yaml:8:9: field keyy not found"}},
		{"wrong-type", []string{"wrong-type/X-1.yaml:7:9: cannot unmarshal !!str `承諾` into []rule.Str"}},
		{"unknown-concept", []string{`unknown-concept/X-1.yaml:7:19: unknown lexicon concept "存在しない概念"`}},
		{"duplicate-id", []string{"duplicate-id/X-2.yaml:1:5: duplicate rule ID X-1 (first defined in duplicate-id/X-1.yaml)"}},
		{"dup-element", []string{"dup-element/X-1.yaml:8:9: duplicate element ID a"}},
		{"dup-concept", []string{`dup-concept/lexicon.yaml:3:1: concept "承諾" is already defined at line 1 of this file`}},
		{"bad-key", []string{
			`bad-key/X-1.yaml:8:14: key "再委託" must be one of the pattern's all or any terms`,
			`bad-key/X-1.yaml:9:18: status "mandatory"`,
			`bad-key/X-1.yaml:11:5: example 1: unknown element "b"`,
		}},
		{"bad-yaml", []string{"bad-yaml/X-1.yaml:1:1: did not find expected"}},
		{"bad-parties", []string{"bad-parties/parties.yaml:2:1: field hospitals not found"}},
	}
	a := analyzer(t)
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			_, err := Load(a, []Source{{Name: tt.dir, FS: os.DirFS("../../testdata/rules-bad/" + tt.dir)}}, nil, "")
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestTermsMatchAsLemmas(t *testing.T) {
	a := analyzer(t)
	lex := NewLexicon()
	var src = map[string][]string{"破棄": {"破棄する"}, "二要素": {"二要素認証", "2要素認証", "ＭＦＡ"}}
	if err := lex.addMap("test", src, a); err != nil {
		t.Fatal(err)
	}
	c, _ := lex.Lookup("破棄")
	if got := strings.Join(c.Forms[0].Lemmas, " "); got != "破棄 する" {
		t.Errorf("破棄する compiles to %q", got)
	}
	c, _ = lex.Lookup("二要素")
	if got := c.Forms[2].Lemmas[0]; got != "mfa" {
		t.Errorf("ＭＦＡ is not normalised: %q", got)
	}
}

func TestPartyForms(t *testing.T) {
	a := analyzer(t)
	lex := NewLexicon()
	if err := lex.addMap("test", map[string][]string{"医療機関へ": {"@医療機関に", "@事業者", "医療機関に"}}, a); err != nil {
		t.Fatal(err)
	}
	c, _ := lex.Lookup("医療機関へ")
	if len(c.Forms) != 3 || c.Forms[0].Party != PartyHospital || strings.Join(c.Forms[0].Lemmas, " ") != "に" ||
		c.Forms[1].Party != PartyVendor || len(c.Forms[1].Lemmas) != 0 || c.Forms[2].Party != "" {
		t.Errorf("forms %+v", c.Forms)
	}
	if err := lex.addMap("test", map[string][]string{"x": {"@病院"}}, a); err == nil {
		t.Error("an unknown party word was accepted")
	}
}
