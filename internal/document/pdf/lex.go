package pdf

import (
	"bytes"
	"strconv"
)

// This file tokenizes content streams and CMaps. The library's own
// tokenizer is not used for them: it has no notion of inline images (binary
// data between ID and EI, which derails it) and reports errors by panicking.
// This one never fails: malformed input yields whatever operands and
// operators can be recognised.

// operand kinds
type name string // /Name

type operand any // float64, string (bytes of a PDF string), name, []operand, map[name]operand, bool, nil

type lexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	switch c {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// keyword marks an operator or other bare word in the token stream.
type keyword string

// token returns the next token: an operand, a keyword, or, for the
// structural delimiters "[", "]", "<<", ">>", "{", "}", a keyword of them.
// ok is false at the end of the data.
func (l *lexer) token() (tok any, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return nil, false
	}
	c := l.data[l.pos]
	switch c {
	case '(':
		l.pos++
		return l.literalString(), true
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return keyword("<<"), true
		}
		l.pos++
		return l.hexString(), true
	case '>':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '>' {
			l.pos += 2
			return keyword(">>"), true
		}
		l.pos++
		return keyword(">"), true
	case '[', ']', '{', '}':
		l.pos++
		return keyword(string(c)), true
	case ')':
		l.pos++
		return keyword(")"), true
	case '/':
		l.pos++
		return l.name(), true
	}
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	word := l.data[start:l.pos]
	if n, ok := parseNumber(word); ok {
		return n, true
	}
	switch string(word) {
	case "true":
		return true, true
	case "false":
		return false, true
	case "null":
		return nil, true
	}
	return keyword(word), true
}

// parseNumber reads a PDF number leniently ("-.5", "4.", "--3" as -3).
func parseNumber(w []byte) (float64, bool) {
	if len(w) == 0 {
		return 0, false
	}
	c := w[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return 0, false
	}
	for len(w) > 1 && (w[0] == '-' || w[0] == '+') && (w[1] == '-' || w[1] == '+') {
		w = w[1:]
	}
	if f, err := strconv.ParseFloat(string(w), 64); err == nil {
		return f, true
	}
	// Keep the longest valid prefix ("1.2.3" is 1.2).
	for i := len(w) - 1; i > 0; i-- {
		if f, err := strconv.ParseFloat(string(w[:i]), 64); err == nil {
			return f, true
		}
	}
	return 0, true
}

func (l *lexer) literalString() string {
	var b []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(b)
			}
		case '\r': // an end of line in a string is a \n
			if l.pos < len(l.data) && l.data[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.data) {
				return string(b)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r': // line continuation
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
						v = v*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes
				}
			}
		}
		b = append(b, c)
	}
	return string(b)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hexString() string {
	var b []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		b = append(b, hi<<4)
	}
	return string(b)
}

func (l *lexer) name() name {
	var b []byte
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isSpace(c) || isDelim(c) {
			break
		}
		l.pos++
		if c == '#' && l.pos+1 < len(l.data) {
			h, ok1 := unhex(l.data[l.pos])
			lo, ok2 := unhex(l.data[l.pos+1])
			if ok1 && ok2 {
				c = h<<4 | lo
				l.pos += 2
			}
		}
		b = append(b, c)
	}
	return name(b)
}

// maxNesting bounds arrays and dictionaries nested in operands.
const maxNesting = 32

// object reads a complete operand starting with tok: arrays and
// dictionaries are read to their end. Beyond maxNesting levels they are
// skipped without recursion and read as null.
func (l *lexer) object(tok any, depth int) operand {
	kw, isKw := tok.(keyword)
	if !isKw {
		return tok
	}
	if (kw == "[" || kw == "<<") && depth >= maxNesting {
		l.skipNested()
		return nil
	}
	switch kw {
	case "[":
		var arr []operand
		for {
			t, ok := l.token()
			if !ok || t == keyword("]") {
				return arr
			}
			arr = append(arr, l.object(t, depth+1))
		}
	case "<<":
		d := map[name]operand{}
		var key name
		haveKey := false
		for {
			t, ok := l.token()
			if !ok || t == keyword(">>") {
				return d
			}
			v := l.object(t, depth+1)
			if !haveKey {
				key, haveKey = v.(name)
				continue
			}
			d[key] = v
			haveKey = false
		}
	}
	return kw
}

// skipNested skips the rest of an array or dictionary just opened,
// however deeply nested.
func (l *lexer) skipNested() {
	for level := 1; level > 0; {
		t, ok := l.token()
		if !ok {
			return
		}
		switch t {
		case keyword("["), keyword("<<"):
			level++
		case keyword("]"), keyword(">>"):
			level--
		}
	}
}

// skipInlineImage moves past the data of an inline image, which starts after
// the ID operator and one white-space byte and ends with EI. The end is
// found as white space, "EI", then white space, a delimiter or the end.
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.data) && isSpace(l.data[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+2 <= len(l.data); {
		j := bytes.Index(l.data[i:], []byte("EI"))
		if j < 0 {
			break
		}
		at := i + j
		before := at == l.pos || isSpace(l.data[at-1])
		after := at+2 == len(l.data) || isSpace(l.data[at+2]) || isDelim(l.data[at+2])
		if before && after {
			l.pos = at + 2
			return
		}
		i = at + 2
	}
	l.pos = len(l.data)
}
