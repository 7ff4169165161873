package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/structure"
	"github.com/clauselint/clauselint/rules"
)

// Expectations live inside each fixture of testdata/check, like // want in
// golang.org/x/tools/go/analysis:
//
//	<!-- want RULE/ELEMENT STATUS [LABEL][: why] -->
//	<!-- profile 保守 -->
var (
	reWant    = regexp.MustCompile(`<!-- want (\S+)/(\S+) (\S+)(?: ([^:\s]+))?(?::[^>]*)? -->`)
	reProfile = regexp.MustCompile(`<!-- profile (\S+) -->`)
)

// TestFixtures runs the engine on whole small contracts that exercise what
// the per-rule examples cannot: parties defined the other way round,
// commentary, ただし書 across sentences, items under a 柱書, profiles.
func TestFixtures(t *testing.T) {
	an, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/check/*.md")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wants := reWant.FindAllStringSubmatch(string(data), -1)
			if len(wants) == 0 {
				t.Fatal("fixture has no want")
			}
			opt := Options{}
			if m := reProfile.FindStringSubmatch(string(data)); m != nil {
				opt.Profile = []string{m[1]}
			}
			doc, err := document.Parse(f, data)
			if err != nil {
				t.Fatal(err)
			}
			target := New(set, an, opt).Check([]*structure.Document{structure.Parse(doc)})
			got := map[string]ElementResult{}
			for _, it := range target.Items {
				for _, el := range it.Elements {
					got[it.ID+"/"+el.ID] = el
				}
			}
			for _, w := range wants {
				id := w[1] + "/" + w[2]
				el, ok := got[id]
				if !ok {
					t.Errorf("%s: no such element", id)
					continue
				}
				if string(el.Status) != w[3] {
					t.Errorf("%s: %s, want %s (%s)", id, el.Status, w[3], el.Why)
					continue
				}
				if label := w[4]; label != "" {
					found := false
					for _, ev := range el.Evidence {
						found = found || strings.HasPrefix(ev.Label, label)
					}
					if !found {
						t.Errorf("%s: no evidence at %s: %+v", id, label, el.Evidence)
					}
				}
			}
		})
	}
}
