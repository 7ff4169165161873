package report

// reviewdog's Reviewdog Diagnostic Format, rdjson flavour (the
// DiagnosticResult message of reviewdog's proto/rdf/reviewdog.proto): one
// diagnostic per missing or contradicted element. Columns count UTF-8 bytes
// and range ends are exclusive, as rdf defines them; Evidence.ByteColumn and
// EndByteColumn are exactly that. A missing clause is reported on line 1 of
// the document with no column (a line-wise range). A contradicted clause in
// a text or Markdown file carries the suggested clause as a suggestion that
// replaces the contradicting sentence, which reviewdog's PR-review reporters
// show as a suggested change; it is a proposal for a person to accept.

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
)

func init() { Register("rdjson", FormatterFunc(writeRDJSON)) }

type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message        string         `json:"message"`
	Location       rdLocation     `json:"location"`
	Severity       string         `json:"severity"`
	Code           rdCode         `json:"code"`
	Suggestions    []rdSuggestion `json:"suggestions,omitempty"`
	OriginalOutput string         `json:"original_output,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

func writeRDJSON(w io.Writer, r *Report) error {
	fs := findings(r, false)
	out := rdResult{
		Source:      rdSource{Name: toolName(r), URL: infoURI},
		Severity:    rdSeverity(topSeverity(fs)),
		Diagnostics: []rdDiagnostic{},
	}
	if len(fs) == 0 {
		out.Severity = ""
	}
	for _, f := range fs {
		d := rdDiagnostic{
			Message:  strings.Join(append([]string{r.findingHead(f)}, r.findingDetail(f)...), "\n"),
			Location: rdLocation{Path: displayPath(f.file()), Range: rdRange{Start: rdPosition{Line: 1}}},
			Severity: rdSeverity(f.it.Severity),
			Code:     rdCode{Value: ruleID(f.it, f.el)},
		}
		if ev := f.evidence(); ev != nil {
			rg := rdRange{
				Start: rdPosition{Line: max(ev.Line, 1), Column: max(ev.ByteColumn, 1)},
				End:   &rdPosition{Line: max(ev.EndLine, ev.Line, 1), Column: max(ev.EndByteColumn, 1)},
			}
			d.Location.Range = rg
			if s := r.Suggest(f.it, f.el); s != "" && editable(f.t) {
				d.Suggestions = []rdSuggestion{{Range: rg, Text: s}}
			}
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// editable reports whether a target's lines are the file's own lines (text
// and Markdown), so that a suggested replacement can apply to them; in a
// .docx or PDF a line is a paragraph of extracted text.
func editable(t *check.Target) bool {
	return t.Format == "" || t.Format == "text" || t.Format == "markdown"
}

func rdSeverity(s string) string {
	switch s {
	case "error":
		return "ERROR"
	case "warning":
		return "WARNING"
	case "info":
		return "INFO"
	}
	return "UNKNOWN_SEVERITY"
}

func toolName(r *Report) string {
	if r.Tool == "" {
		return "clauselint"
	}
	return r.Tool
}
