package morph

import (
	_ "embed"
	"strings"
)

// The word lists of words.txt, by name.
//
//go:embed words.txt
var wordsText string

var words = parseWords(wordsText)

func parseWords(text string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		name, list, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		set := map[string]bool{}
		for _, w := range strings.Fields(list) {
			set[w] = true
		}
		out[strings.TrimSpace(name)] = set
	}
	return out
}
