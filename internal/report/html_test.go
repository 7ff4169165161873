package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/clauselint/clauselint/internal/check"
)

func TestHTML(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		r := testReport(t, lang)
		out := string(render(t, "html", r))
		if !strings.Contains(out, `<html lang="`+lang+`">`) {
			t.Errorf("%s: no lang attribute", lang)
		}
		// Self-contained: no script, and no src= or href= to anywhere but
		// this page; the page names no http(s) resource at all.
		if strings.Contains(out, "<script") || strings.Contains(out, "<link") || strings.Contains(out, "@import") || strings.Contains(out, "url(") {
			t.Errorf("%s: external or scripted content", lang)
		}
		for _, m := range regexp.MustCompile(`(?i)\b(src|href)\s*=\s*"([^"]*)"`).FindAllStringSubmatch(out, -1) {
			if m[1] != "href" || !strings.HasPrefix(m[2], "#") {
				t.Errorf("%s: reference outside the page: %s", lang, m[0])
			}
		}
		if strings.Contains(out, "http://") || strings.Contains(out, "https://") {
			t.Errorf("%s: the page names an http(s) address", lang)
		}
		if !strings.Contains(out, "@media print") || !strings.Contains(out, "size: A4") {
			t.Errorf("%s: no print styles", lang)
		}
		// Every evidence sentence has its <mark>, linked from the table, and
		// the mark's text is the sentence.
		for _, it := range r.Targets[0].Items {
			for _, el := range it.Elements {
				for _, ev := range el.Evidence {
					class := "satisfied"
					if el.Status == check.Contradicted {
						class = "contradicted"
					}
					re := regexp.MustCompile(`<mark class="` + class + `" id="(ev-[0-9-]+)" title="[^"]*">([^<]*)</mark>`)
					found := false
					for _, m := range re.FindAllStringSubmatch(out, -1) {
						if first, _, _ := strings.Cut(ev.Text, "\n"); unescapeHTML(m[2]) == first {
							found = true
							if !strings.Contains(out, `<a href="#`+m[1]+`">`+ev.Label+`</a>`) {
								t.Errorf("%s: no link to %s", lang, m[1])
							}
						}
					}
					if !found {
						t.Errorf("%s: no <mark> for %s %q", lang, ev.Label, ev.Text)
					}
				}
			}
		}
		// Escaping: the contract's |, <, & and % come through as text.
		for _, want := range []string{
			"医療情報システム保守契約書 &lt;案&gt; &amp; 100% 版",
			"稼働率が99.5%を下回る場合&lt;障害時&gt;を除き",
			"医療情報システム|保守業務",
			"SLA第3条 &amp; 別紙|1 で定める(100%対応)",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: %q not found", lang, want)
			}
		}
		if strings.Contains(out, "<案>") || strings.Contains(out, "<障害時>") {
			t.Errorf("%s: unescaped contract text", lang)
		}
		// The contradicting sentence spans two lines: one mark with the id,
		// a second piece without.
		if !regexp.MustCompile(`<span class="n">16</span><span class="t"><mark class="contradicted" title="[^"]*">提供する義務を負わない。</mark></span>`).MatchString(out) {
			t.Errorf("%s: the second line of a two-line sentence is not marked", lang)
		}
		if n := strings.Count(out, `<div class="line"`); n != 19 {
			t.Errorf("%s: %d lines, want 19", lang, n)
		}
	}
}

func unescapeHTML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'").Replace(s)
}
