package text

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"第１２条（再委託）", "第12条(再委託)"},
		{"ＩＳＭＳ認証", "ISMS認証"},
		{"ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"},
		{"①再委託", "①再委託"},
		{"⑴ 事前", "⑴ 事前"},
		{"Ａ〜Ｂ～Ｃ", "A~B~C"},
		{"２　項", "2 項"},
		{"", ""},
	}
	for _, tt := range tests {
		n := Normalize(tt.in)
		if n.Text != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, n.Text, tt.want)
		}
	}
}

func TestOrigMapsBack(t *testing.T) {
	src := "第１２条 ｶﾞｲﾄﾞﾗｲﾝを遵守する。"
	n := Normalize(src)
	tests := []struct {
		norm, orig string // a substring of the normalised text and what it must map back to
	}{
		{"12", "１２"},
		{"条", "条"},
		{"ガイドライン", "ｶﾞｲﾄﾞﾗｲﾝ"},
		{"遵守する。", "遵守する。"},
	}
	for _, tt := range tests {
		i := indexOf(n.Text, tt.norm)
		if i < 0 {
			t.Fatalf("%q not in %q", tt.norm, n.Text)
		}
		got := src[n.Orig(i):n.Orig(i+len(tt.norm))]
		if got != tt.orig {
			t.Errorf("span of %q maps back to %q, want %q", tt.norm, got, tt.orig)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestNormalizeSpans(t *testing.T) {
	src := "**乙**は、ＩＳＭＳを取得する。"
	// the text runs without the emphasis markers
	n := NormalizeSpans(src, []Span{{2, 5}, {7, len(src)}})
	if n.Text != "乙は、ISMSを取得する。" {
		t.Fatalf("got %q", n.Text)
	}
	i := indexOf(n.Text, "は")
	if got := src[n.Orig(i):n.Orig(i+len("は"))]; got != "は" {
		t.Errorf("は maps back to %q", got)
	}
	if got := n.Orig(len(n.Text)); got != len(src) {
		t.Errorf("end maps to %d, want %d", got, len(src))
	}
}
