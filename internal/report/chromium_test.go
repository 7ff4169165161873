package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless-capable browser; .ci/run installs Debian's.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLInChromium renders the HTML report in headless Chromium and reads
// back the DOM the browser built: the checklist table has a row per item,
// every evidence sentence is highlighted, and nothing was fetched.
func TestHTMLInChromium(t *testing.T) {
	browser := chromium()
	if browser == "" {
		t.Skip("no Chromium installed (apt-get install chromium): the HTML report was not rendered in a browser")
	}
	r := testReport(t, "ja")
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, render(t, "html", r), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=2000", "--dump-dom", "file://"+page)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	items := 0
	for _, tg := range r.Targets {
		items += len(tg.Items)
	}
	rows := len(regexp.MustCompile(`<tr[ >]`).FindAllString(dom, -1))
	if rows < items {
		t.Errorf("rendered table has %d rows, want at least %d (one per item)", rows, items)
	}
	evidence := 0
	for _, tg := range r.Targets {
		for _, it := range tg.Items {
			for _, el := range it.Elements {
				evidence += len(el.Evidence)
			}
		}
	}
	marks := strings.Count(dom, "<mark")
	if evidence == 0 || marks < evidence {
		t.Errorf("rendered page has %d highlights, want at least %d", marks, evidence)
	}
	for _, it := range r.Targets[0].Items {
		if !strings.Contains(dom, it.ID) {
			t.Errorf("item %s is not in the rendered table", it.ID)
		}
	}
}
