// Package rules holds the built-in rules: one YAML file per checklist item of
// 「医療情報システムの契約における当事者間の役割分担等に関する確認表」 and the
// shared lexicon, embedded in the binary. See docs/rules.md for the format.
package rules

import (
	"embed"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/rule"
)

// FS is the built-in rule folder.
//
//go:embed *.yaml
var FS embed.FS

// Version is the version of the built-in rule set, reported by
// `clauselint version`. Bump it when a rule's meaning changes.
const Version = "2026.11.0"

// Load reads the built-in rules (and any extra folders after them) with the
// given analyzer; tests and commands share it.
func Load(an *morph.Analyzer, extra ...rule.Source) (*rule.Set, error) {
	return rule.Load(an, append([]rule.Source{{Name: "rules", FS: FS}}, extra...), nil, "")
}
