package morph

import (
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/clauselint/clauselint/internal/text"
)

// TestMeaningTable runs the sentence table in testdata/meaning: each real-style
// sentence with the modality of its main predicate and the status of one term.
func TestMeaningTable(t *testing.T) {
	data, err := os.ReadFile("../../testdata/meaning/sentences.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Text     string `yaml:"text"`
		Key      string `yaml:"key"`
		Modality string `yaml:"modality"`
		Status   string `yaml:"status"`
		Note     string `yaml:"note"`
	}
	if err := yaml.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 60 {
		t.Fatalf("only %d sentences in the table", len(cases))
	}
	a, err := Shared()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.Text, func(t *testing.T) {
			wantM, ok := ParseModality(tc.Modality)
			if !ok {
				t.Fatalf("bad modality %q", tc.Modality)
			}
			wantS, ok := ParseStatus(tc.Status)
			if !ok {
				t.Fatalf("bad status %q", tc.Status)
			}
			tc.Text = text.Normalize(tc.Text).Text
			tc.Key = text.Normalize(tc.Key).Text
			toks := a.Tokens(tc.Text)
			m := SentenceModality(toks)
			at := strings.Index(tc.Text, tc.Key)
			if at < 0 {
				t.Fatalf("key %q not in text", tc.Key)
			}
			i, j := -1, -1
			for k, tok := range toks {
				if i < 0 && tok.End > at {
					i = k
				}
				if tok.Start < at+len(tc.Key) {
					j = k + 1
				}
			}
			s := TermStatus(toks, i, j, m)
			if m != wantM || s != wantS {
				t.Errorf("modality %s, status %s; want %s, %s (%s)\n%s", m, s, wantM, wantS, tc.Note, Explain(toks))
			}
		})
	}
}

func TestDirect(t *testing.T) {
	a, err := Shared()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, key string
		want      bool
	}{
		{"乙は、本システムに相互認証を実装しない。", "相互認証", true},
		{"乙は、通信経路の暗号化を行わないものとする。", "暗号化", true},
		{"当社は、セキュリティ対策を見直しません。", "見直し", true},
		{"乙は、接続先の認証情報を第三者に開示してはならない。", "認証", false},
		{"乙は、クライアント証明書による認証を行わない。", "クライアント証明書", false},
		{"乙は、報告した内容の正確性について責任を負わない。", "報告", false},
	}
	for _, tt := range tests {
		toks := a.Tokens(text.Normalize(tt.text).Text)
		at := strings.Index(tt.text, tt.key)
		i, j := -1, -1
		for k, tok := range toks {
			if i < 0 && tok.End > at {
				i = k
			}
			if tok.Start < at+len(tt.key) {
				j = k + 1
			}
		}
		if got := Direct(toks, i, j); got != tt.want {
			t.Errorf("Direct(%s, %s) = %v, want %v\n%s", tt.text, tt.key, got, tt.want, Explain(toks))
		}
	}
}
