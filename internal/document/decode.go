package document

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Decode detects the encoding of data and returns it as UTF-8 with the name
// of the encoding found. UTF-8 (with or without BOM) and UTF-16 with BOM are
// recognised for certain; otherwise Shift_JIS (CP932) and EUC-JP are tried and
// the one that decodes cleanly wins. Anything else is an error, never a
// silently garbled text.
func Decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return "", "", errors.New("file starts with a UTF-8 byte order mark but is not valid UTF-8")
		}
		return string(data), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(data, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "UTF-16BE")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", errors.New("empty file: nothing to check")
	}
	if isBinary(data) {
		return "", "", errors.New("binary file: not a text, Markdown, .docx or PDF document")
	}
	if utf8.Valid(data) {
		return string(data), "UTF-8", nil
	}
	// Legacy Japanese encodings: both decoders accept most byte strings, so
	// prefer the one that yields no replacement characters and no characters
	// outside the usual Japanese repertoire.
	type cand struct {
		enc  encoding.Encoding
		name string
	}
	best, bestBad := "", -1
	var bestName string
	for _, c := range []cand{{japanese.ShiftJIS, "Shift_JIS"}, {japanese.EUCJP, "EUC-JP"}} {
		s, err := c.enc.NewDecoder().String(string(data))
		if err != nil {
			continue
		}
		bad := strings.Count(s, "\uFFFD")*1000 + unusual(s)
		if bestBad < 0 || bad < bestBad {
			best, bestBad, bestName = s, bad, c.name
		}
	}
	if bestBad < 0 || bestBad >= 1000 || bestBad*20 > utf8.RuneCountInString(best) {
		return "", "", errors.New("unknown encoding: not UTF-8, UTF-16 (with BOM), Shift_JIS or EUC-JP")
	}
	return best, bestName, nil
}

func decodeWith(data []byte, enc encoding.Encoding, name string) (string, string, error) {
	s, err := enc.NewDecoder().String(string(data))
	if err != nil || strings.ContainsRune(s, '\uFFFD') {
		return "", "", errors.New("file has a " + name + " byte order mark but does not decode as " + name)
	}
	if strings.ContainsRune(s, 0) {
		return "", "", errors.New("binary file: NUL characters in " + name + " text")
	}
	return s, name, nil
}

// unusual counts characters a Japanese contract does not contain, which a
// wrong guess between Shift_JIS and EUC-JP produces (half-width katakana runs,
// C1 controls, private use).
func unusual(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x80 && r < 0xA0, r >= 0xE000 && r < 0xF900:
			n++
		case r >= 0xFF61 && r <= 0xFF9F: // half-width katakana: rare in real contracts, common in misdecoding
			n++
		}
	}
	return n
}
