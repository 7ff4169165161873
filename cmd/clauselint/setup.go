package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/rules"
)

// ruleFlags are the flags every command that loads rules shares.
type ruleFlags struct {
	dirs []string
}

// loadRules loads the built-in rules and the user's folders.
func loadRules(f ruleFlags, extraLexicon map[string][]string, lexName string) (*rule.Set, *morph.Analyzer, error) {
	an, err := morph.Shared()
	if err != nil {
		return nil, nil, fmt.Errorf("loading the dictionary: %w", err)
	}
	var sources []rule.Source
	for _, d := range f.dirs {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() {
			return nil, nil, fmt.Errorf("%s: rule folder not found", d)
		}
		sources = append(sources, rule.Source{Name: d, FS: os.DirFS(d)})
	}
	set, err := rule.Load(an, append([]rule.Source{{Name: "rules", FS: rules.FS}}, sources...), extraLexicon, lexName)
	if err != nil {
		return nil, nil, err
	}
	return set, an, nil
}

// idSet parses comma-separated rule or rule/element IDs and checks that each exists.
func idSet(set *rule.Set, lists []string, flag string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, l := range lists {
		for _, id := range strings.Split(l, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if err := knownID(set, id); err != nil {
				return nil, fmt.Errorf("%s: %w", flag, err)
			}
			out[id] = true
		}
	}
	return out, nil
}

func knownID(set *rule.Set, id string) error {
	ruleID, elID, hasEl := strings.Cut(id, "/")
	r, ok := set.Rule(ruleID)
	if !ok {
		return fmt.Errorf("unknown rule ID %q (see clauselint rules list)", ruleID)
	}
	if hasEl {
		for _, e := range r.Elements {
			if e.ID.Value == elID {
				return nil
			}
		}
		return fmt.Errorf("rule %s has no element %q", ruleID, elID)
	}
	return nil
}
