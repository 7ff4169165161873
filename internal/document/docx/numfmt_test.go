package docx

import "testing"

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 3, "3"},
		{"decimal", 0, "0"},
		{"", 12, "12"},
		{"decimalZero", 7, "07"},
		{"decimalZero", 12, "12"},
		{"decimalFullWidth", 12, "１２"},
		{"decimalFullWidth2", 3, "３"},
		{"decimalHalfWidth", 3, "3"},
		{"japaneseCounting", 1, "一"},
		{"japaneseCounting", 10, "十"},
		{"japaneseCounting", 11, "十一"},
		{"japaneseCounting", 20, "二十"},
		{"japaneseCounting", 105, "百五"},
		{"japaneseCounting", 1234, "千二百三十四"},
		{"japaneseCounting", 10000, "一万"},
		{"japaneseCounting", 20300, "二万三百"},
		{"japaneseCounting", 0, "〇"},
		{"japaneseLegal", 1, "壱"},
		{"japaneseLegal", 12, "壱拾弐"},
		{"ideographDigital", 10, "一〇"},
		{"ideographDigital", 205, "二〇五"},
		{"decimalEnclosedCircle", 1, "①"},
		{"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "㉑"},
		{"decimalEnclosedCircle", 36, "㊱"},
		{"decimalEnclosedCircle", 50, "㊿"},
		{"decimalEnclosedCircle", 51, "51"},
		{"decimalEnclosedCircle", 0, "0"},
		{"decimalEnclosedParen", 2, "⑵"},
		{"decimalEnclosedFullstop", 2, "⒉"},
		{"ideographEnclosedCircle", 3, "㊂"},
		{"aiueoFullWidth", 1, "ア"},
		{"aiueoFullWidth", 6, "カ"},
		{"aiueoFullWidth", 46, "ン"},
		{"aiueoFullWidth", 47, "アア"},
		{"aiueo", 2, "ｲ"},
		{"irohaFullWidth", 3, "ハ"},
		{"iroha", 1, "ｲ"},
		{"ideographTraditional", 2, "乙"},
		{"ideographTraditional", 11, "甲"},
		{"ideographZodiac", 1, "子"},
		{"lowerLetter", 1, "a"},
		{"lowerLetter", 26, "z"},
		{"lowerLetter", 27, "aa"},
		{"upperLetter", 28, "BB"},
		{"lowerLetter", 0, "0"},
		{"lowerRoman", 4, "iv"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"upperRoman", 0, "0"},
		{"ordinal", 1, "1st"},
		{"ordinal", 12, "12th"},
		{"ordinal", 23, "23rd"},
		{"hex", 255, "FF"},
		{"chicago", 5, "**"},
		{"none", 3, ""},
		{"bullet", 3, ""},
		{"someFutureFormat", 4, "4"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestMapSymbols(t *testing.T) {
	tests := []struct{ in, font, want string }{
		{"\uf0b7", "Symbol", "•"},
		{"\uf0a7", "Wingdings", "▪"},
		{"\uf031", "Symbol", "1"},
		{"\uf061", "Symbol", "\uf061"}, // Greek alpha in Symbol: left as is
		{"・", "", "・"},
		{"o", "Courier New", "o"},
	}
	for _, tt := range tests {
		if got := mapSymbols(tt.in, tt.font); got != tt.want {
			t.Errorf("mapSymbols(%q, %q) = %q, want %q", tt.in, tt.font, got, tt.want)
		}
	}
}
