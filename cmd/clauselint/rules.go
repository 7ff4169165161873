package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/report"
)

func newRulesCmd() *cobra.Command {
	var f ruleFlags
	cmd := &cobra.Command{Use: "rules", Short: "List, show and test rules"}
	cmd.PersistentFlags().StringSliceVar(&f.dirs, "rules", nil, "extra rule folder(s), beside the built-in rules")
	list := &cobra.Command{
		Use: "list", Short: "List the rules and their elements", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, _, err := loadRules(f, nil, "")
			if err != nil {
				return usageErr("%v", err)
			}
			w := cmd.OutOrStdout()
			for _, r := range set.Rules {
				fmt.Fprintf(w, "%-14s %-8s %-8s %s (%s)\n", r.ID.Value, r.Severity.Value, r.Coverage, r.Title, strings.Join(r.Contracts, ","))
				for _, e := range r.Elements {
					fmt.Fprintf(w, "  %-32s %s\n", r.ID.Value+"/"+e.ID.Value, e.Label)
				}
			}
			return nil
		},
	}
	show := &cobra.Command{
		Use: "show ID", Short: "Show one rule: its text, elements, patterns and suggested clauses", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, _, err := loadRules(f, nil, "")
			if err != nil {
				return usageErr("%v", err)
			}
			r, ok := set.Rule(args[0])
			if !ok {
				return usageErr("unknown rule ID %q (see clauselint rules list)", args[0])
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s %s\n  file: %s\n  severity: %s, coverage: %s, contracts: %s\n", r.ID.Value, r.Title, r.File, r.Severity.Value, r.Coverage, strings.Join(r.Contracts, ", "))
			fmt.Fprintf(w, "  summary: %s\n  risk: %s\n  references: %s\n", r.Summary, r.Risk, strings.Join(r.References, "、"))
			for _, e := range r.Elements {
				fmt.Fprintf(w, "\n  %s — %s (party: %s, scope: %s)\n", e.ID.Value, e.Label, e.Party.Value, e.Scope.Value)
				for _, p := range e.Satisfy {
					fmt.Fprintf(w, "    satisfy:    %s\n", p.String())
				}
				for _, p := range e.Contradict {
					fmt.Fprintf(w, "    contradict: %s\n", p.String())
				}
				fmt.Fprintf(w, "    suggest: %s\n", e.Suggest)
			}
			fmt.Fprintf(w, "\n  %d examples\n", len(r.Examples))
			return nil
		},
	}
	test := &cobra.Command{
		Use: "test [DIR…]", Short: "Run every rule's examples (built-in, --rules folders and DIRs)",
		RunE: func(cmd *cobra.Command, args []string) error {
			f.dirs = append(f.dirs, args...)
			set, an, err := loadRules(f, nil, "")
			if err != nil {
				return usageErr("%v", err)
			}
			engine := check.New(set, an, check.Options{})
			w := cmd.OutOrStdout()
			pass, fail := 0, 0
			for _, r := range set.Rules {
				for _, res := range engine.RunExamples(r) {
					if res.Passed() {
						pass++
						continue
					}
					fail++
					fmt.Fprintf(w, "FAIL %s:%d %s\n     %s\n", res.File, res.Line, res.Rule, report.Clip(res.Text, 100))
					for _, m := range res.Fails {
						fmt.Fprintf(w, "     %s\n", m)
					}
				}
			}
			fmt.Fprintf(w, "%d passed, %d failed\n", pass, fail)
			if fail > 0 {
				return exitCode(exitFindings)
			}
			return nil
		},
	}
	cmd.AddCommand(list, show, test)
	return cmd
}
