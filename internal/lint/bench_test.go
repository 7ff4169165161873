package lint

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/structure"
	"github.com/clauselint/clauselint/rules"
)

// contract100KB is the bundled compliant example repeated to about 100 KB:
// realistic sentences, every rule with work to do.
func contract100KB(b *testing.B) []byte {
	b.Helper()
	one, err := os.ReadFile("../../testdata/examples/maintenance-contract.md")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for buf.Len() < 100<<10 {
		buf.Write(one)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkDictionaryLoad measures what every process pays once: loading
// kagome's IPA dictionary, in a fresh child process each time (the
// dictionary is a process-wide singleton).
func BenchmarkDictionaryLoad(b *testing.B) {
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLoadDictionary$")
		cmd.Env = append(os.Environ(), "CLAUSELINT_HELPER=load")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// BenchmarkProcessBaseline is the child process without the dictionary, to
// subtract from BenchmarkDictionaryLoad.
func BenchmarkProcessBaseline(b *testing.B) {
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLoadDictionary$")
		cmd.Env = append(os.Environ(), "CLAUSELINT_HELPER=none")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

func TestHelperLoadDictionary(t *testing.T) {
	switch os.Getenv("CLAUSELINT_HELPER") {
	case "load":
		if _, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos()); err != nil {
			t.Fatal(err)
		}
	case "none", "":
	}
}

// BenchmarkKagomeTokenize100KB: kagome alone, sentence by sentence, on the
// 100 KB contract: the yardstick of the 1.3× target.
func BenchmarkKagomeTokenize100KB(b *testing.B) {
	data := contract100KB(b)
	doc, err := document.Parse("c.md", data)
	if err != nil {
		b.Fatal(err)
	}
	var sentences []string
	for _, s := range structure.Parse(doc).Sentences {
		sentences = append(sentences, s.Text())
	}
	t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			t.Tokenize(s)
		}
	}
}

// BenchmarkCheck100KB: the whole pipeline (decode, normalise, segment,
// analyse, evaluate every built-in rule) on the 100 KB contract, with the
// dictionary and rules already loaded.
func BenchmarkCheck100KB(b *testing.B) {
	data := contract100KB(b)
	e := engine(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc, err := document.Parse("c.md", data)
		if err != nil {
			b.Fatal(err)
		}
		e.Check([]*structure.Document{structure.Parse(doc)})
	}
}

// BenchmarkCheckCorpus: every file of ../shared/corpus (real contracts, not
// tuned to), one target per file, two workers.
func BenchmarkCheckCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/*.md")
	if len(paths) == 0 {
		b.Skip("../shared/corpus not found")
	}
	var size int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	e := engine(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		docs, err := Load(paths, nil, 2)
		if err != nil {
			b.Fatal(err)
		}
		Check(e, docs, false, 2)
	}
}

// BenchmarkRuleLoad: compiling the built-in rules and lexicon (tokenising
// every term), paid once per process after the dictionary.
func BenchmarkRuleLoad(b *testing.B) {
	an, err := morph.Shared()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := rules.Load(an); err != nil {
			b.Fatal(err)
		}
	}
}

func engine(b *testing.B) *check.Engine {
	an, err := morph.Shared()
	if err != nil {
		b.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		b.Fatal(err)
	}
	return check.New(set, an, check.Options{})
}
