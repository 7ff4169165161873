package pdf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed fixtures in testdata/pdf are made by
// testdata/pdf/regenerate.sh (LibreOffice, Poppler); the tests only read
// them. -update rewrites the expected texts (and, given -scan-jpeg, the
// scanned fixture).
var (
	update   = flag.Bool("update", false, "rewrite the expected texts of the PDF fixtures")
	scanJPEG = flag.String("scan-jpeg", "", "with -update: a page image to write scanned_ja.pdf from")
)

const fixtureDir = "../../../testdata/pdf"

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func formatPages(ps []Page) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "--- page %d ---\n%s\n", p.Number, p.Text)
	}
	return b.String()
}

func TestFixtures(t *testing.T) {
	if *update && *scanJPEG != "" {
		jpg, err := os.ReadFile(*scanJPEG)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fixtureDir, "scanned_ja.pdf"), imagePDF(t, jpg), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	texts := map[string]string{}
	for _, fx := range []struct {
		pdf, golden string
		mustHave    string // what the fixture is there to exercise
	}{
		{"contract_ja.pdf", "contract_ja.txt", "/ToUnicode"},
		{"contract_ja_cid.pdf", "contract_ja.txt", "/Identity-H"},
	} {
		t.Run(fx.pdf, func(t *testing.T) {
			data := readFixture(t, fx.pdf)
			if len(data) > 200<<10 {
				t.Errorf("fixture is %d KiB, keep it under 200 KiB", len(data)>>10)
			}
			if !bytes.Contains(data, []byte(fx.mustHave)) {
				t.Errorf("fixture has no %s", fx.mustHave)
			}
			pages, err := extractBytes(data)
			if err != nil {
				t.Fatal(err)
			}
			got := formatPages(pages)
			texts[fx.pdf] = got
			golden := filepath.Join(fixtureDir, fx.golden)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s:\n%s", fx.golden, got)
			}
			if len(pages) != 2 {
				t.Errorf("%d pages, want 2", len(pages))
			}
			for _, line := range []string{
				"業務委託契約書",
				"第1条 （目的）",
				"一 ソフトウェアの設計及び開発",
				"１ 甲は、乙に対し、本業務の対価として、月額金六十万円（消費税及び地方消費税別）を支払",
				"(1) 開示の時点で既に公知となっていた情報",
				"ア 破産手続開始",
				"甲 東京都千代田区丸の内一丁目1番1号",
				"委託料（月額） 金六十万円（消費税及び地方消費税別）",
			} {
				if !strings.Contains("\n"+got, "\n"+line+"\n") {
					t.Errorf("no line %q", line)
				}
			}
		})
	}
	if a, b := texts["contract_ja.pdf"], texts["contract_ja_cid.pdf"]; a != "" && a != b {
		t.Errorf("simple-font and CID-font renderings of the contract read differently")
	}
}

func TestFixtureErrors(t *testing.T) {
	contract := readFixture(t, "contract_ja.pdf")
	tests := []struct {
		name    string
		data    []byte
		wantErr error
	}{
		{"scanned page (image only)", readFixture(t, "scanned_ja.pdf"), ErrNoText},
		{"truncated at 60%", contract[:len(contract)*6/10], ErrMalformed},
		{"truncated before the cross-reference table", contract[:bytes.LastIndex(contract, []byte("xref"))], ErrMalformed},
		{"end cut off and %%EOF appended", append(bytes.Clone(contract[:len(contract)-300]), "\n%%EOF\n"...), ErrMalformed},
		{"garbage", bytes.Repeat([]byte("\x89PNG\r\n\x1a\n garbage "), 100), ErrNotPDF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extractBytes(tt.data)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "pdf: ") && err != ErrNoText {
				t.Errorf("error %q lacks the pdf: prefix", err)
			}
		})
	}
}
