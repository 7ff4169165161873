package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/structure"
	"github.com/clauselint/clauselint/rules"
)

// FuzzCheck feeds arbitrary bytes through the whole pipeline as text and as
// Markdown: an input may be refused with an error, never panic. The seeds
// (run by plain go test) are the bundled contracts and some odd shapes.
func FuzzCheck(f *testing.F) {
	for _, p := range []string{"../../testdata/examples/*.md", "../../testdata/structure/*.txt", "../../testdata/check/*.md"} {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{"第", "第1条", "（", "ただし、この限りでない。", "1.\n   1.\n", "<!-- clauselint-disable", "| a |\n|---|\n| 乙は承諾を得なければならない |", "乙は、" + string([]byte{0xff}), "\u3000\n\u3000", "①②③", "# \n## 第1条（"} {
		f.Add([]byte(s))
	}
	an, err := morph.Shared()
	if err != nil {
		f.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		f.Fatal(err)
	}
	engine := check.New(set, an, check.Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.txt", "f.md"} {
			doc, err := document.Parse(name, data)
			if err != nil {
				continue
			}
			sd := structure.Parse(doc)
			tg := engine.Check([]*structure.Document{sd})
			for _, it := range tg.Items {
				for _, el := range it.Elements {
					for _, ev := range el.Evidence {
						if ev.Offset < 0 || ev.EndOffset > len(doc.Text) || ev.Offset > ev.EndOffset {
							t.Fatalf("evidence outside the text: %d-%d of %d", ev.Offset, ev.EndOffset, len(doc.Text))
						}
					}
				}
			}
		}
	})
}
