package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/clauselint/clauselint/internal/lint"
	"github.com/clauselint/clauselint/internal/morph"
)

func newTokensCmd() *cobra.Command {
	var terms []string
	cmd := &cobra.Command{
		Use:   "tokens [file|-]",
		Short: "Show sentences, labels, tokens, lemmas and modality: for rule authors",
		Long: `Show how clauselint reads a document: each sentence with its label (第N条第M項), role
(clause, title, commentary), the modality of its main predicate, and its tokens as
surface[lemma|POS|inflection]. With --term, also what each sentence does with that word
(required, forbidden, permitted, waived, none).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := lint.Stdin
			if len(args) == 1 {
				path = args[0]
			}
			docs, err := lint.Load([]string{path}, cmd.InOrStdin(), 1)
			if err != nil {
				return usageErr("%v", err)
			}
			an, err := morph.Shared()
			if err != nil {
				return usageErr("%v", err)
			}
			w := cmd.OutOrStdout()
			for _, d := range docs {
				for _, s := range d.Sentences {
					line, col := d.Doc.Position(s.Start)
					toks := an.Tokens(s.Text())
					m := morph.SentenceModality(toks)
					fmt.Fprintf(w, "%d:%d %s %s [%s]\n  %s\n  %s\n", line, col, s.Label(), s.Role, m, s.Text(), morph.Explain(toks))
					for _, t := range terms {
						for _, r := range termRanges(an, toks, t) {
							fmt.Fprintf(w, "  %s: %s\n", t, morph.TermStatus(toks, r[0], r[1], m))
						}
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&terms, "term", nil, "word(s) whose status to show in each sentence")
	return cmd
}

// termRanges finds a word's lemma sequence in tokens.
func termRanges(an *morph.Analyzer, toks []morph.Token, term string) [][2]int {
	var want []string
	for _, t := range an.Tokens(term) {
		want = append(want, t.Lemma)
	}
	var out [][2]int
	for i := 0; i+len(want) <= len(toks); i++ {
		ok := true
		for k := range want {
			if toks[i+k].Lemma != want[k] {
				ok = false
				break
			}
		}
		if ok && len(want) > 0 {
			out = append(out, [2]int{i, i + len(want)})
		}
	}
	return out
}
