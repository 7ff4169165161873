package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
)

func init() { Register("text", FormatterFunc(writeText)) }

const (
	cReset  = "\x1b[0m"
	cBold   = "\x1b[1m"
	cDim    = "\x1b[2m"
	cRed    = "\x1b[31m"
	cGreen  = "\x1b[32m"
	cYellow = "\x1b[33m"
	cMag    = "\x1b[35m"
)

func statusColor(s check.Status) string {
	switch s {
	case check.Satisfied:
		return cGreen
	case check.Partial:
		return cYellow
	case check.Missing:
		return cRed
	case check.Contradicted:
		return cMag
	}
	return cDim
}

// writeText renders the report people read: grouped by item, with evidence,
// what is missing, the clause to add and the guideline it comes from.
func writeText(w io.Writer, r *Report) error {
	c := func(code, s string) string {
		if !r.Color {
			return s
		}
		return code + s + cReset
	}
	ja := !r.en()
	word := func(j, e string) string {
		if ja {
			return j
		}
		return e
	}
	for ti, t := range r.Targets {
		if ti > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s\n", c(cBold, strings.Join(t.Files, " + ")), c(cDim, "("+t.Format+", "+t.Encoding+")"))
		for _, n := range t.Notes {
			fmt.Fprintf(w, "  %s\n", c(cDim, n))
		}
		for i := range t.Items {
			it := &t.Items[i]
			head := fmt.Sprintf("%s %s %s — %s", Symbol(it.Status), it.ID, r.Title(it), r.StatusWord(it.Status))
			if it.Coverage == "partial" {
				head += word("(項目の一部のみ確認)", " (row known only in part)")
			}
			fmt.Fprintf(w, "%s %s\n", c(statusColor(it.Status)+cBold, head), c(cDim, "["+it.Severity+"]"))
			if it.Status == check.NotApplicable {
				continue
			}
			if it.Waiver != "" {
				fmt.Fprintf(w, "    %s%s\n", word("免除理由: ", "waived: "), it.Waiver)
			}
			for j := range it.Elements {
				el := &it.Elements[j]
				fmt.Fprintf(w, "  %s %s %s\n", c(statusColor(el.Status), Symbol(el.Status)), r.Label(it, el), c(cDim, "("+el.ID+")"))
				for k, ev := range el.Evidence {
					if k == 3 {
						fmt.Fprintf(w, "      %s\n", c(cDim, fmt.Sprintf(word("…ほか%d件", "… %d more"), len(el.Evidence)-3)))
						break
					}
					loc := fmt.Sprintf("%s:%d:%d", ev.File, ev.Line, ev.Column)
					if ev.LineUnit == "paragraph" {
						loc = fmt.Sprintf(word("%s 段落%d", "%s paragraph %d"), ev.File, ev.Line)
					}
					if ev.Label != "" {
						loc = ev.Label + " " + loc
					}
					fmt.Fprintf(w, "      %s %s\n", c(cDim, loc), Clip(ev.Text, 120))
					if r.Explain || el.Status == check.Contradicted {
						fmt.Fprintf(w, "        %s%s\n", word("理由: ", "why: "), explainEvidence(r, ev))
					}
				}
				if el.Waiver != "" {
					fmt.Fprintf(w, "      %s%s\n", word("免除理由: ", "waived: "), el.Waiver)
				}
				if el.Status == check.Missing || el.Status == check.Contradicted {
					if r.Explain && len(el.Evidence) == 0 {
						fmt.Fprintf(w, "        %s%s\n", word("理由: ", "why: "), el.Why)
					}
					if s := r.Suggest(it, el); s != "" {
						s = strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n        ")
						fmt.Fprintf(w, "      %s%s\n", c(cBold, word("追加を推奨: ", "suggested clause: ")), s)
					}
				}
			}
			if it.Status != check.Satisfied && it.Status != check.Waived {
				if risk := r.Risk(it); risk != "" {
					fmt.Fprintf(w, "    %s%s\n", word("リスク: ", "risk: "), risk)
				}
				if len(it.References) > 0 {
					fmt.Fprintf(w, "    %s%s\n", word("根拠: ", "reference: "), strings.Join(it.References, "、"))
				}
			}
		}
		fmt.Fprintf(w, "%s\n", summaryLine(r, t.Counts))
	}
	if len(r.Targets) > 1 {
		fmt.Fprintf(w, "\n%s %s\n", word("合計:", "total:"), summaryLine(r, r.Counts()))
	}
	fmt.Fprintln(w, c(cDim, r.Disclaimer()))
	return nil
}

func summaryLine(r *Report, n check.Counts) string {
	if r.en() {
		s := fmt.Sprintf("%d satisfied, %d partial, %d missing, %d contradicted", n.Satisfied, n.Partial, n.Missing, n.Contradicted)
		if n.NotApplicable > 0 {
			s += fmt.Sprintf(", %d not applicable", n.NotApplicable)
		}
		if n.Waived > 0 {
			s += fmt.Sprintf(", %d waived", n.Waived)
		}
		return s
	}
	s := fmt.Sprintf("充足 %d、一部充足 %d、欠落 %d、矛盾 %d", n.Satisfied, n.Partial, n.Missing, n.Contradicted)
	if n.NotApplicable > 0 {
		s += fmt.Sprintf("、対象外 %d", n.NotApplicable)
	}
	if n.Waived > 0 {
		s += fmt.Sprintf("、免除 %d", n.Waived)
	}
	return s
}

func explainEvidence(r *Report, ev check.Evidence) string {
	if !r.en() {
		return ev.Why + "; 一致語: " + strings.Join(ev.Terms, "、")
	}
	return fmt.Sprintf("key %q is %s (main predicate: %s); matched: %s", ev.Key, ev.KeyStatus, ev.Modality, strings.Join(ev.Terms, ", "))
}

// Clip shortens a sentence to n characters for one-line display.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
