package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/lint"
	"github.com/clauselint/clauselint/internal/report"
	"github.com/clauselint/clauselint/internal/rule"
	"github.com/clauselint/clauselint/rules"
)

type checkFlags struct {
	ruleFlags
	format, output, lang, failOn string
	only, disable, profile       []string
	jobs                         int
	bundle, explain              bool
	color                        string
	hospital                     string
	config                       string
}

func newCheckCmd() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [paths…|-]",
		Short: "Check contracts against the checklist",
		Long: `Check files, folders (recursively: .md, .txt, .docx, .pdf) or standard input (-).

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 on a usage,
configuration, rule or input error. Findings are checklist conformance, not legal advice.`,
		Example: `  clauselint check 保守契約書.md
  clauselint check --format json contracts/ > report.json
  cat 契約書.txt | clauselint check -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", "", "output format: "+strings.Join(report.Names(), ", ")+" (default text, or from the --output extension)")
	fl.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fl.StringVar(&f.lang, "lang", "ja", "message language: ja or en")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding has this severity or higher: error, warning, info or never")
	fl.StringSliceVar(&f.only, "only", nil, "check only these rule or rule/element IDs (comma-separated)")
	fl.StringSliceVar(&f.disable, "disable", nil, "skip these rule or rule/element IDs (comma-separated)")
	fl.StringSliceVar(&f.profile, "profile", nil, "contract type(s): 導入, 保守, クラウド, 運用 or all (default all)")
	fl.StringSliceVar(&f.dirs, "rules", nil, "extra rule folder(s), beside the built-in rules")
	fl.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "files checked in parallel")
	fl.BoolVar(&f.bundle, "bundle", false, "read all inputs as one agreement (contract + SLA + 特記事項)")
	fl.BoolVar(&f.explain, "explain", false, "say for every finding which words matched and why it was decided")
	fl.StringVar(&f.config, "config", "", "configuration file (default: "+".clauselint.yaml found in the working folder or above)")
	fl.StringVar(&f.hospital, "hospital", "", "the name that stands for the medical institution (甲, 乙, 委託者, …) when the contract does not define it")
	fl.StringVar(&f.color, "color", "auto", "colour: auto (on a terminal, unless NO_COLOR is set), always or never")
	return cmd
}

func usageErr(format string, args ...any) error {
	fmt.Fprintf(os.Stderr, "clauselint: "+format+"\n", args...)
	return exitCode(exitError)
}

func runCheck(cmd *cobra.Command, f checkFlags, args []string) error {
	cfg, err := loadConfig(f.config)
	if err != nil {
		return usageErr("%v", err)
	}
	applyConfig(cmd, &f, cfg)
	if f.lang != "ja" && f.lang != "en" {
		return usageErr("--lang %q: use ja or en", f.lang)
	}
	threshold := 0
	switch f.failOn {
	case "never":
		threshold = 99
	case rule.SevError, rule.SevWarning, rule.SevInfo:
		threshold = rule.SeverityRank(f.failOn)
	default:
		return usageErr("--fail-on %q: use error, warning, info or never", f.failOn)
	}
	format := f.format
	if format == "" {
		format = report.FormatForPath(f.output)
	}
	formatter, err := report.Get(format)
	if err != nil {
		return usageErr("--format: %v", err)
	}
	for _, p := range f.profile {
		if p != "all" && !slices.Contains(rule.Profiles, p) {
			return usageErr("--profile %q: use all or %s", p, strings.Join(rule.Profiles, ", "))
		}
	}
	paths, err := lint.Expand(args)
	if err != nil {
		return usageErr("%v", err)
	}
	var lexicon map[string][]string
	var lexName string
	if cfg != nil {
		lexicon, lexName = cfg.Lexicon, cfg.Path
	}
	set, an, err := loadRules(f.ruleFlags, lexicon, lexName)
	if err != nil {
		return usageErr("%v", err)
	}
	opt := check.Options{Profile: f.profile, Hospital: f.hospital}
	if opt.Severity, opt.Waivers, err = configOptions(cfg, set, time.Now()); err != nil {
		return usageErr("%v", err)
	}
	if opt.Only, err = idSet(set, f.only, "--only"); err != nil {
		return usageErr("%v", err)
	}
	if opt.Disable, err = idSet(set, f.disable, "--disable"); err != nil {
		return usageErr("%v", err)
	}
	engine := check.New(set, an, opt)

	docs, loadErr := lint.Load(paths, cmd.InOrStdin(), f.jobs)
	targets := lint.Check(engine, docs, f.bundle, f.jobs)

	rep := &report.Report{
		Tool: "clauselint", Version: toolVersion(), RulesVersion: rules.Version, Lang: f.lang,
		Explain: f.explain, Targets: targets, Rules: set,
	}
	var out io.Writer = cmd.OutOrStdout()
	var file *os.File
	if f.output != "" {
		if err := refuseInput(f.output, paths); err != nil {
			return usageErr("%v", err)
		}
		file, err = os.Create(f.output)
		if err != nil {
			return usageErr("%v", err)
		}
		out = file
	} else {
		rep.Color = useColor(f.color, os.Stdout)
	}
	if err := formatter.Format(out, rep); err != nil {
		return usageErr("writing the report: %v", err)
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return usageErr("%v", err)
		}
	}
	if loadErr != nil {
		for _, e := range strings.Split(loadErr.Error(), "\n") {
			fmt.Fprintln(os.Stderr, "clauselint:", e)
		}
		return exitCode(exitError)
	}
	for _, t := range targets {
		for _, it := range t.Items {
			if report.Severe(it.Status) && rule.SeverityRank(it.Severity) >= threshold {
				return exitCode(exitFindings)
			}
		}
	}
	return nil
}

// refuseInput keeps --output from overwriting a contract being checked.
func refuseInput(output string, inputs []string) error {
	o, err := filepath.Abs(output)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		if a, err := filepath.Abs(in); err == nil && a == o {
			return fmt.Errorf("--output %s is one of the inputs; clauselint never writes to a contract", output)
		}
	}
	return nil
}

func useColor(mode string, f *os.File) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
