package structure

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/document"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/structure")

// dump renders each sentence as line:col label role text: what a reader of
// a finding would be told.
func dump(d *Document) string {
	var b strings.Builder
	for _, s := range d.Sentences {
		l, c := d.Doc.Position(s.Start)
		fmt.Fprintf(&b, "%d:%d\t%s\t%s\t%s\n", l, c, s.Label(), s.Role, d.Doc.Text[s.Start:s.End])
	}
	return b.String()
}

// TestFixtures segments each fixture of testdata/structure and compares with
// the expectation beside it (NAME.want).
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/structure/*.*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".want") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := document.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(Parse(doc))
			wantFile := f + ".want"
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("segmentation differs from %s:\n--- got\n%s--- want\n%s", wantFile, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"甲は。乙は。", []string{"甲は。", "乙は。"}},
		{"甲が「停止。」を求めた。次に", []string{"甲が「停止。」を求めた。", "次に"}},
		{"(以下「甲」という。)と乙は締結する。", []string{"(以下「甲」という。)と乙は締結する。"}},
		{strings.Repeat("長", 300) + "。", []string{strings.Repeat("長", 300) + "。"}},
		{"", nil},
		// no 。 at all: cut after a 、 before the bound, never one huge unit
		{strings.Repeat("乙は報告する、", 300), []string{strings.Repeat("乙は報告する、", 142), strings.Repeat("乙は報告する、", 142), strings.Repeat("乙は報告する、", 16)}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitSentences(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitSentences(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
