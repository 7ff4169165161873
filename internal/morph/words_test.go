package morph

import "testing"

// TestWordLists: every list the code reads exists in words.txt and is not
// empty; a misspelt name would read as an empty list and silently change
// how sentences are read.
func TestWordLists(t *testing.T) {
	for _, name := range []string{"bearing", "acquiring", "promise", "layout", "shut-out", "disregard", "not-a-clause", "optional-row", "honorific"} {
		if len(words[name]) == 0 {
			t.Errorf("words.txt has no list %q", name)
		}
	}
}
