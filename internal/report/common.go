package report

// Helpers shared by the CI and document formats (sarif, github, rdjson,
// markdown, html, checklist): which elements are findings, how a finding is
// worded, how a path is shown, and how evidence is quoted.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/rule"
)

// infoURI is the project's home, named by the SARIF and rdjson formats.
const infoURI = "https://github.com/clauselint/clauselint"

// finding is an element that CI formats annotate: one that is missing or
// contradicted. Partial items contribute their missing elements; satisfied
// and not-applicable elements never are findings.
type finding struct {
	t  *check.Target
	it *check.ItemResult
	el *check.ElementResult
	// status is missing or contradicted. A waived element keeps the status it
	// had before the waiver: contradicted when it has evidence (only a
	// contradicting clause gives a non-satisfied element evidence), missing
	// otherwise.
	status check.Status
	// waiver is the reason when the item or the element was waived; only
	// SARIF reports those (as suppressed results).
	waiver string
}

// findings lists the findings of every target in report order. With
// waived, waived ones are included (their waiver set).
func findings(r *Report, waived bool) []finding {
	var out []finding
	for _, t := range r.Targets {
		for i := range t.Items {
			it := &t.Items[i]
			if it.Status == check.NotApplicable || it.Status == check.Satisfied {
				continue
			}
			for j := range it.Elements {
				el := &it.Elements[j]
				f := finding{t: t, it: it, el: el, status: el.Status}
				switch el.Status {
				case check.Missing, check.Contradicted:
				case check.Waived:
					f.status, f.waiver = check.Missing, el.Waiver
					if len(el.Evidence) > 0 {
						f.status = check.Contradicted
					}
				default:
					continue
				}
				if it.Status == check.Waived && f.waiver == "" {
					f.waiver = it.Waiver
				}
				if f.waiver != "" && !waived {
					continue
				}
				out = append(out, f)
			}
		}
	}
	return out
}

// ruleID names an element for machines: P2-COMMON-10/prior-consent.
func ruleID(it *check.ItemResult, el *check.ElementResult) string { return it.ID + "/" + el.ID }

// evidence is the clause a finding points at: the first contradicting
// sentence of a contradicted element, nil for a missing one.
func (f finding) evidence() *check.Evidence {
	if f.status != check.Contradicted || len(f.el.Evidence) == 0 {
		return nil
	}
	return &f.el.Evidence[0]
}

// file is the document a finding is reported against: the evidence's file,
// or for a missing clause the target's first file.
func (f finding) file() string {
	if ev := f.evidence(); ev != nil {
		return ev.File
	}
	if len(f.t.Files) > 0 {
		return f.t.Files[0]
	}
	return ""
}

// word picks the Japanese or English wording.
func (r *Report) word(ja, en string) string {
	if r.en() {
		return en
	}
	return ja
}

// quote renders a bracketed quotation in the report's language.
func (r *Report) quote(s string) string {
	if r.en() {
		return "“" + s + "”"
	}
	return "「" + s + "」"
}

// findingHead is a finding's one-line message: status, item, element and
// where (or that there is no clause to point at).
func (r *Report) findingHead(f finding) string {
	st := "[" + r.StatusWord(f.status) + "] " + r.Title(f.it) + ": "
	if ev := f.evidence(); ev != nil {
		where := ev.Label
		if where == "" {
			where = r.word("この条項", "this clause")
		}
		return st + r.word(where+"が"+r.quote(r.Label(f.it, f.el))+"と反対の趣旨を定めています。",
			where+" says the opposite of "+r.quote(r.Label(f.it, f.el))+".")
	}
	return st + r.word(r.quote(r.Label(f.it, f.el))+"を定めた条項が見つかりません(該当する条項がないため、文書の先頭を指しています)。",
		"no clause provides "+r.quote(r.Label(f.it, f.el))+" (there is no clause to point at, so this points at the start of the document).")
}

// findingDetail is what follows the head: why a clause contradicts, the
// clause to add, and the waiver if any.
func (r *Report) findingDetail(f finding) []string {
	var out []string
	if ev := f.evidence(); ev != nil {
		out = append(out, r.word("理由: ", "why: ")+explainEvidence(r, *ev))
	}
	if s := r.Suggest(f.it, f.el); s != "" {
		out = append(out, r.word("追加を推奨: ", "suggested clause: ")+s)
	}
	if f.waiver != "" {
		out = append(out, r.word("免除理由: ", "waived: ")+f.waiver)
	}
	return out
}

// displayPath is a path as CI tools want it: relative to the working
// folder when it lies inside it, with forward slashes.
func displayPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(p), "./")
}

// itemNo is an item's 項番 as the checklist prints it, or its ID.
func itemNo(it *check.ItemResult) string {
	if it.Number != "" {
		return it.Number
	}
	return it.ID
}

// division is the checklist's 区分: Part and section.
func division(it *check.ItemResult) string {
	return strings.TrimSpace(it.Part + " " + it.Section)
}

// evidenceRef cites a sentence: 第3条第2項「…」 (or file:line when it has no label).
func (r *Report) evidenceRef(ev *check.Evidence, n int) string {
	where := ev.Label
	if where == "" {
		where = r.word(ev.File+" "+strconv.Itoa(ev.Line)+"行", ev.File+" line "+strconv.Itoa(ev.Line))
	}
	return where + r.word("", " ") + r.quote(Clip(ev.Text, n))
}

// topSeverity is the most severe severity among findings.
func topSeverity(fs []finding) string {
	best := ""
	for _, f := range fs {
		if rule.SeverityRank(f.it.Severity) > rule.SeverityRank(best) {
			best = f.it.Severity
		}
	}
	return best
}
