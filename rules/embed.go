// Package rules holds the built-in rules: one YAML file per checklist item of
// 「医療情報システムの契約における当事者間の役割分担等に関する確認表」 and the
// shared lexicon, embedded in the binary. See docs/rules.md for the format.
package rules

import "embed"

// FS is the built-in rule folder.
//
//go:embed *.yaml
var FS embed.FS

// Version is the version of the built-in rule set, reported by
// `clauselint version`. Bump it when a rule's meaning changes.
const Version = "2026.11.0"
