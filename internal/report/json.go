package report

import (
	"encoding/json"
	"io"

	"github.com/clauselint/clauselint/internal/check"
)

// JSONSchemaVersion is the version of the JSON output (docs/json.md).
// It changes only when a field is removed or changes meaning.
const JSONSchemaVersion = "1"

type jsonReport struct {
	Schema       string          `json:"schema"`
	Tool         string          `json:"tool"`
	Version      string          `json:"version"`
	RulesVersion string          `json:"rulesVersion"`
	Lang         string          `json:"lang"`
	Targets      []*check.Target `json:"targets"`
	Counts       check.Counts    `json:"counts"`
}

func init() {
	Register("json", FormatterFunc(func(w io.Writer, r *Report) error {
		targets := r.Targets
		if targets == nil {
			targets = []*check.Target{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(jsonReport{
			Schema: "https://clauselint.dev/schema/report/v" + JSONSchemaVersion, Tool: r.Tool,
			Version: r.Version, RulesVersion: r.RulesVersion, Lang: r.Lang, Targets: targets, Counts: r.Counts(),
		})
	}))
}
