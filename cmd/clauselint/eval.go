package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/eval"
)

func newEvalCmd() *cobra.Command {
	var f ruleFlags
	var format string
	var misses bool
	cmd := &cobra.Command{
		Use:   "eval DIR…",
		Short: "Measure the rules on a labelled evaluation set (precision, recall, confusion matrix)",
		Long: `Run the rules on a labelled evaluation folder (clauses-*.yaml and contract-* files with
contract-*.want.yaml beside them; see testdata/eval/README.md) and print, per element and
overall, precision and recall of "satisfied" and of "contradicted", the confusion matrix, and
how many contradicted clauses were reported as satisfied.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageErr("--format %q: use text or json", format)
			}
			set, an, err := loadRules(f, nil, "")
			if err != nil {
				return usageErr("%v", err)
			}
			engines := func(hospital string) *check.Engine {
				return check.New(set, an, check.Options{Hospital: hospital})
			}
			var results []*eval.Result
			for _, dir := range args {
				r, err := eval.Run(dir, engines)
				if err != nil {
					return usageErr("%v", err)
				}
				results = append(results, r)
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(results)
			}
			for i, r := range results {
				if i > 0 {
					w.Write([]byte("\n"))
				}
				eval.Print(w, r, misses)
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&f.dirs, "rules", nil, "extra rule folder(s), beside the built-in rules")
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	cmd.Flags().BoolVar(&misses, "misses", false, "list every disagreement with the labels")
	return cmd
}
