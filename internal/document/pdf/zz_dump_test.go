package pdf

import (
	"os"
	"testing"
)

func TestDumpPDF(t *testing.T) {
	f, err := os.Open(os.Getenv("PDFFILE"))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	ps, err := Extract(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Logf("--- page %d\n%s", p.Number, p.Text)
	}
}
