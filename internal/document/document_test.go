package document

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

const sample = "第1条（目的）\n乙は、甲の承諾を得なければ再委託してはならない。\n"

func TestDecode(t *testing.T) {
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(sample)
	euc, _ := japanese.EUCJP.NewEncoder().String(sample)
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sample)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(sample)
	tests := []struct {
		name    string
		in      []byte
		wantEnc string
		wantErr string
	}{
		{"utf8", []byte(sample), "UTF-8", ""},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, sample...), "UTF-8 (BOM)", ""},
		{"shift_jis", []byte(sjis), "Shift_JIS", ""},
		{"euc-jp", []byte(euc), "EUC-JP", ""},
		{"utf16le", []byte(u16le), "UTF-16LE", ""},
		{"utf16be", []byte(u16be), "UTF-16BE", ""},
		{"empty", nil, "", "empty file"},
		{"blank", []byte(" \n\t\n"), "", "empty file"},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, "", "binary file"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "binary file"},
		{"latin1", []byte("caf\xe9 \xe0 la cr\xe8me br\xfbl\xe9e, na\xefve"), "", "unknown encoding"},
		{"bom then garbage", []byte{0xEF, 0xBB, 0xBF, 0xff, 0xfe, 0xfd}, "", "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, enc, err := Decode(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.wantEnc || s != sample {
				t.Errorf("got %q (%s), want sample (%s)", s, enc, tt.wantEnc)
			}
		})
	}
}

func TestParseErrorsNameTheFile(t *testing.T) {
	_, err := Parse("dir/契約.txt", nil)
	var de *Error
	if !errors.As(err, &de) || de.Path != "dir/契約.txt" || !strings.HasPrefix(err.Error(), "dir/契約.txt: ") {
		t.Fatalf("error %v does not name the file", err)
	}
}

func TestPosition(t *testing.T) {
	d := &Document{Text: "あい\nうえお\n"}
	tests := []struct{ off, line, col, bcol int }{
		{0, 1, 1, 1},
		{3, 1, 2, 4},
		{7, 2, 1, 1},
		{10, 2, 2, 4},
	}
	for _, tt := range tests {
		l, c := d.Position(tt.off)
		if l != tt.line || c != tt.col || d.ByteColumn(tt.off) != tt.bcol {
			t.Errorf("Position(%d) = %d:%d (byte col %d), want %d:%d (%d)", tt.off, l, c, d.ByteColumn(tt.off), tt.line, tt.col, tt.bcol)
		}
	}
}

func TestMarkdownBlocksLeaveMarkupOut(t *testing.T) {
	src := "# 保守契約書\n\n## 第5条（再委託）\n\n1. 乙は、**あらかじめ**甲の[承諾](http://x)を得る。\n   1. 書面によること\n\n```text\n第6条 乙は報告する。\n```\n<!-- clauselint-disable P2-COMMON-12: 別契約で定める -->\n\n| 項目 | 内容 |\n|---|---|\n| 認証 | 二要素認証 |\n"
	d, err := Parse("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Blocks {
		var parts []string
		for _, l := range b.Lines {
			var s strings.Builder
			for _, sp := range l {
				s.WriteString(src[sp.Start:sp.End])
			}
			parts = append(parts, s.String())
		}
		got = append(got, strings.Join(parts, "|")+"#"+[]string{"body", "heading", "list", "table", "comment", "code"}[b.Kind]+b.Label)
	}
	want := []string{
		"保守契約書#heading",
		"第5条（再委託）#heading",
		"乙は、あらかじめ甲の承諾を得る。#list1",
		"書面によること#list1",
		"第6条 乙は報告する。#code",
		"<!-- clauselint-disable P2-COMMON-12: 別契約で定める -->#comment",
		"項目 | 内容#table",
		"認証 | 二要素認証#table",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
