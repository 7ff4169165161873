package report

// GitHub Actions output: one workflow command per missing or contradicted
// element (::error, ::warning or ::notice by the item's severity), then a
// summary line. When $GITHUB_STEP_SUMMARY names a file, the Markdown report
// (the same as the markdown format) is appended to it as the job summary.
//
// Escaping follows GitHub's toolkit (issueCommand): in the message % \r \n
// become %25 %0D %0A; in properties , and : also become %2C and %3A.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func init() { Register("github", FormatterFunc(writeGitHub)) }

func writeGitHub(w io.Writer, r *Report) error {
	for _, f := range findings(r, false) {
		props := []string{"file=" + ghProperty(displayPath(f.file()))}
		if ev := f.evidence(); ev != nil {
			props = append(props, fmt.Sprintf("line=%d", max(ev.Line, 1)), fmt.Sprintf("col=%d", max(ev.Column, 1)))
			if ev.EndLine > ev.Line {
				props = append(props, fmt.Sprintf("endLine=%d", ev.EndLine))
			} else if ev.EndColumn > ev.Column {
				// GitHub takes endColumn only on a one-line annotation.
				props = append(props, fmt.Sprintf("endColumn=%d", ev.EndColumn))
			}
		} else {
			props = append(props, "line=1")
		}
		title := "clauselint " + ruleID(f.it, f.el) + ": " + r.Title(f.it)
		props = append(props, "title="+ghProperty(title))
		msg := append([]string{r.findingHead(f)}, r.findingDetail(f)...)
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", ghCommand(f.it.Severity), strings.Join(props, ","), ghData(strings.Join(msg, "\n"))); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprintf(w, "clauselint: %s\n", summaryLine(r, r.Counts())); err != nil {
		return err
	}
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
		var buf bytes.Buffer
		if err := writeMarkdown(&buf, r); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return fmt.Errorf("job summary: %w", err)
		}
		if _, err := f.Write(buf.Bytes()); err != nil {
			f.Close()
			return fmt.Errorf("job summary: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("job summary: %w", err)
		}
	}
	return nil
}

func ghCommand(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "info":
		return "notice"
	}
	return "warning"
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
