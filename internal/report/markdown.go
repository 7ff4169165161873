package report

// Markdown for a pull-request comment (and the GitHub job summary): a
// summary line, the checklist as a table (項番 | 項目 | 判定 | 根拠), then,
// for each item that is not satisfied, its elements with the suggested
// clause in a blockquote, the risk and the references. The first line is an
// HTML comment that bots can look for to update their earlier comment.

import (
	"fmt"
	"io"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
)

func init() { Register("markdown", FormatterFunc(writeMarkdown)) }

// MarkdownMarker starts every Markdown report, so that a CI job can find
// and replace the comment it posted before.
const MarkdownMarker = "<!-- clauselint -->"

func writeMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	b.WriteString(MarkdownMarker + "\n")
	fmt.Fprintf(&b, "## %s\n\n", r.word("clauselint 契約書チェック結果", "clauselint contract check"))
	fmt.Fprintf(&b, "**%s**\n", summaryLine(r, r.Counts()))
	for _, t := range r.Targets {
		b.WriteString("\n")
		fmt.Fprintf(&b, "### %s\n\n", mdEscape(strings.Join(t.Files, " + ")))
		if len(r.Targets) > 1 {
			fmt.Fprintf(&b, "%s\n\n", summaryLine(r, t.Counts))
		}
		for _, n := range t.Notes {
			fmt.Fprintf(&b, "> %s\n\n", mdEscape(n))
		}
		if len(t.Items) == 0 {
			fmt.Fprintf(&b, "%s\n", r.word("確認した項目はありません。", "No item was checked."))
			continue
		}
		fmt.Fprintf(&b, "| %s |\n| --- | --- | --- | --- |\n", strings.Join([]string{
			r.word("項番", "No."), r.word("項目", "Item"), r.word("判定", "Result"), r.word("根拠", "Evidence"),
		}, " | "))
		for i := range t.Items {
			it := &t.Items[i]
			fmt.Fprintf(&b, "| %s | %s<br>`%s` | %s %s | %s |\n",
				mdCell(itemNo(it)), mdCell(r.Title(it)), strings.ReplaceAll(it.ID, "|", "\\|"),
				Symbol(it.Status), mdCell(r.StatusWord(it.Status)), r.mdEvidenceCell(it))
		}
		first := true
		for i := range t.Items {
			it := &t.Items[i]
			if it.Status == check.Satisfied || it.Status == check.NotApplicable {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n#### %s\n", r.word("要対応の項目", "Items to address"))
				first = false
			}
			r.mdDetails(&b, it)
		}
	}
	fmt.Fprintf(&b, "\n---\n%s\n", mdEscape(r.Disclaimer()))
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEvidenceCell lists, per element, the first evidence (label and a short
// quote) or that there is none.
func (r *Report) mdEvidenceCell(it *check.ItemResult) string {
	if it.Status == check.NotApplicable {
		return "—"
	}
	var parts []string
	if it.Status == check.Waived && it.Waiver != "" {
		parts = append(parts, mdCell(r.word("免除: ", "waived: ")+it.Waiver))
	}
	for j := range it.Elements {
		el := &it.Elements[j]
		var s string
		switch {
		case el.Status == check.NotApplicable:
			s = r.StatusWord(el.Status)
		case len(el.Evidence) > 0:
			s = r.evidenceRef(&el.Evidence[0], 40)
			if el.Status == check.Contradicted {
				s = r.StatusWord(el.Status) + ": " + s
			}
			if n := len(el.Evidence) - 1; n > 0 {
				s += r.word(fmt.Sprintf(" ほか%d件", n), fmt.Sprintf(" and %d more", n))
			}
		default:
			s = r.word("該当条項なし", "no clause found")
		}
		if len(it.Elements) > 1 {
			s = r.Label(it, el) + ": " + s
		}
		parts = append(parts, mdCell(s))
	}
	return strings.Join(parts, "<br>")
}

func (r *Report) mdDetails(b *strings.Builder, it *check.ItemResult) {
	fmt.Fprintf(b, "\n**%s %s %s** (`%s`) — %s\n\n", Symbol(it.Status), mdEscape(itemNo(it)), mdEscape(r.Title(it)), it.ID, mdEscape(r.StatusWord(it.Status)))
	if it.Waiver != "" {
		fmt.Fprintf(b, "%s%s\n\n", r.word("免除理由: ", "Waived: "), mdEscape(it.Waiver))
	}
	for j := range it.Elements {
		el := &it.Elements[j]
		line := fmt.Sprintf("- %s %s — %s", Symbol(el.Status), mdEscape(r.Label(it, el)), mdEscape(r.StatusWord(el.Status)))
		switch {
		case el.Status == check.Missing:
			line += r.word(": 該当する条項が見つかりません", ": no clause found")
		case len(el.Evidence) > 0:
			line += ": " + mdEscape(r.evidenceRef(&el.Evidence[0], 80))
		}
		b.WriteString(line + "\n")
		if el.Waiver != "" {
			fmt.Fprintf(b, "  %s%s\n", r.word("免除理由: ", "waived: "), mdEscape(el.Waiver))
		}
		if (el.Status == check.Missing || el.Status == check.Contradicted) && it.Status != check.Waived {
			if s := r.Suggest(it, el); s != "" {
				fmt.Fprintf(b, "\n  %s\n\n  > %s\n", r.word("追加を推奨する条項:", "Suggested clause:"), mdEscape(s))
			}
		}
	}
	var tail []string
	if risk := r.Risk(it); risk != "" {
		tail = append(tail, "**"+r.word("リスク", "Risk")+"**: "+mdEscape(risk))
	}
	if len(it.References) > 0 {
		tail = append(tail, "**"+r.word("参照", "References")+"**: "+mdEscape(strings.Join(it.References, r.word("、", "; "))))
	}
	if len(tail) > 0 {
		fmt.Fprintf(b, "\n%s\n", strings.Join(tail, "<br>\n"))
	}
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdEscape makes text inert in Markdown: emphasis, links, HTML, and table
// pipes are escaped and line breaks become spaces.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

// mdCell escapes text for a table cell.
func mdCell(s string) string { return mdEscape(s) }
