package docx

import (
	"strconv"
	"strings"
)

// formatNumber renders n in a Word number format (ST_NumberFormat). Formats
// this package does not know, and numbers a format cannot show (0 in a
// letter sequence, 21 in circled digits beyond the Unicode range), fall back
// to decimal, as Word does for numbers out of range.
func formatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimal", "decimalHalfWidth", "":
		return strconv.Itoa(n)
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	case "decimalFullWidth", "decimalFullWidth2":
		return fullWidthDigits(strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case n >= 1 && n <= 20:
			return string(rune(0x2460 + n - 1)) // ① .. ⑳
		case n >= 21 && n <= 35:
			return string(rune(0x3251 + n - 21)) // ㉑ .. ㉟
		case n >= 36 && n <= 50:
			return string(rune(0x32B1 + n - 36)) // ㊱ .. ㊿
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1)) // ⑴ .. ⒇
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1)) // ⒈ .. ⒛
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3280 + n - 1)) // ㊀ .. ㊉
		}
		if n > 0 {
			return kanjiNumber(n, kanjiCounting)
		}
	case "japaneseCounting", "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n > 0 {
			return kanjiNumber(n, kanjiCounting)
		}
		if n == 0 {
			return "〇"
		}
	case "japaneseLegal":
		if n > 0 {
			return kanjiNumber(n, kanjiLegal)
		}
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
		if n >= 0 {
			return kanjiDigits(n)
		}
	case "aiueoFullWidth":
		return sequence(n, aiueoFull)
	case "aiueo":
		return sequence(n, aiueoHalf)
	case "irohaFullWidth":
		return sequence(n, irohaFull)
	case "iroha":
		return sequence(n, irohaHalf)
	case "ideographTraditional":
		return cycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "lowerLetter":
		return sequence(n, "abcdefghijklmnopqrstuvwxyz")
	case "upperLetter":
		return sequence(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	case "lowerRoman":
		if r := roman(n); r != "" {
			return strings.ToLower(r)
		}
	case "upperRoman":
		if r := roman(n); r != "" {
			return r
		}
	case "ordinal":
		return ordinal(n)
	case "hex":
		if n >= 0 {
			return strings.ToUpper(strconv.FormatInt(int64(n), 16))
		}
	case "chicago":
		if n > 0 {
			marks := []string{"*", "†", "‡", "§"}
			return strings.Repeat(marks[(n-1)%4], (n-1)/4+1)
		}
	}
	return strconv.Itoa(n)
}

// Katakana sequences: Word's "aiueo" and "iroha" orders, full- and
// half-width (half-width katakana has no ヰ or ヱ: Word shows ｲ and ｴ).
const (
	aiueoFull = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
	aiueoHalf = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ"
	irohaFull = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン"
	irohaHalf = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ"
)

// sequence renders n in an alphabetic sequence the way Word does letters:
// a..z, then aa..zz, then aaa...
func sequence(n int, alphabet string) string {
	symbols := []rune(alphabet)
	if n <= 0 {
		return strconv.Itoa(n)
	}
	k := len(symbols)
	return strings.Repeat(string(symbols[(n-1)%k]), (n-1)/k+1)
}

// cycle renders n as one symbol of a repeating cycle (甲乙丙 ...).
func cycle(n int, alphabet string) string {
	symbols := []rune(alphabet)
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(symbols[(n-1)%len(symbols)])
}

func fullWidthDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r - '0' + '０')
		case r == '-':
			b.WriteRune('－')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type kanjiStyle struct {
	digits    [10]string
	units     [3]string // ten, hundred, thousand
	groups    [3]string // 10^4, 10^8, 10^12
	alwaysOne bool      // write 壱 before 拾, 百 and 阡 too
}

var (
	kanjiCounting = kanjiStyle{
		digits: [10]string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
		units:  [3]string{"十", "百", "千"},
		groups: [3]string{"万", "億", "兆"},
	}
	kanjiLegal = kanjiStyle{
		digits:    [10]string{"〇", "壱", "弐", "参", "四", "伍", "六", "七", "八", "九"},
		units:     [3]string{"拾", "百", "阡"},
		groups:    [3]string{"萬", "億", "兆"},
		alwaysOne: true,
	}
)

// kanjiNumber writes n (> 0) with Japanese numerals and place units:
// 1 一, 10 十, 11 十一, 25 二十五, 100 百, 1234 千二百三十四, 10000 一万.
func kanjiNumber(n int, st kanjiStyle) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	var groups []int // of four digits, least significant first
	for v := n; v > 0; v /= 10000 {
		groups = append(groups, v%10000)
	}
	if len(groups) > len(st.groups)+1 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			continue
		}
		for pos, div := 3, 1000; pos >= 0; pos, div = pos-1, div/10 {
			d := g / div % 10
			if d == 0 {
				continue
			}
			if pos == 0 {
				b.WriteString(st.digits[d])
				continue
			}
			// Plain counting writes 十, 百 and 千 alone for 10, 100
			// and 1000; the legal style writes 壱拾, 壱百, 壱阡.
			if d > 1 || st.alwaysOne {
				b.WriteString(st.digits[d])
			}
			b.WriteString(st.units[pos-1])
		}
		if gi > 0 {
			b.WriteString(st.groups[gi-1])
		}
	}
	return b.String()
}

// kanjiDigits writes n digit by digit: 10 一〇, 205 二〇五.
func kanjiDigits(n int) string {
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteString(kanjiCounting.digits[r-'0'])
	}
	return b.String()
}

// roman returns n in upper-case Roman numerals, or "" outside 1-3999.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// symbolChars maps the private-use code points that Word uses for the
// characters of symbol fonts (Symbol, Wingdings; w:sym and bullet level
// texts) to the Unicode characters they show, for the common bullets.
var symbolChars = map[rune]rune{
	0xF0B7: '•', // Symbol bullet
	0xF0A7: '▪', // Wingdings small square
	0xF06C: '●', // Wingdings black circle
	0xF06E: '■', // Wingdings black square
	0xF075: '◆', // Wingdings black diamond
	0xF076: '❖', // Wingdings
	0xF0D8: '➢', // Wingdings arrowhead
	0xF0E8: '➔', // Wingdings arrow
	0xF0FC: '✓', // Wingdings check mark
	0xF0FE: '☑', // Wingdings ballot box with check
	0xF0A8: '□', // Wingdings white square
	0xF06F: '□', // Wingdings white square
	0xF09F: '•', // Wingdings bullet
	0xF0B2: '◇', // Wingdings white diamond
}

// mapSymbols replaces symbol-font code points (U+F020-U+F0FF) with the
// characters they show where known. For the Symbol font, whose lower half
// matches ASCII, other code points become their ASCII character.
func mapSymbols(s, font string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xF000 && r <= 0xF0FF }) {
		return s
	}
	symbolFont := strings.EqualFold(strings.TrimSpace(font), "Symbol")
	var b strings.Builder
	for _, r := range s {
		if m, ok := symbolChars[r]; ok {
			b.WriteRune(m)
			continue
		}
		if symbolFont && r >= 0xF020 && r <= 0xF07E && symbolASCII(r-0xF000) {
			b.WriteRune(r - 0xF000)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// symbolASCII reports whether the Symbol font shows ASCII code c as the
// ASCII character itself (digits and most punctuation; not letters, which
// are Greek there, nor the few logic signs).
func symbolASCII(c rune) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		return false
	}
	switch c {
	case '"', '$', '\'', '@', '^', '`':
		return false
	}
	return true
}
