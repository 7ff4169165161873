package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/config"
	"github.com/clauselint/clauselint/internal/rule"
)

// loadConfig reads --config, or .clauselint.yaml found upward; nil when none.
func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		path = config.Find(".")
		if path == "" {
			return nil, nil
		}
	} else if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: configuration file not found", path)
	}
	return config.Load(path)
}

// applyConfig merges the configuration under the flags: a flag the user set
// wins; lists from both are joined.
func applyConfig(cmd *cobra.Command, f *checkFlags, c *config.Config) {
	if c == nil {
		return
	}
	fl := cmd.Flags()
	if !fl.Changed("profile") && len(c.Profile) > 0 {
		f.profile = c.Profile
	}
	if !fl.Changed("lang") && c.Lang != "" {
		f.lang = c.Lang
	}
	if !fl.Changed("fail-on") && c.FailOn != "" {
		f.failOn = c.FailOn
	}
	if !fl.Changed("hospital") && c.Hospital != "" {
		f.hospital = c.Hospital
	}
	f.dirs = append(append([]string{}, c.Rules...), f.dirs...)
	if !fl.Changed("only") {
		for _, id := range c.Only {
			f.only = append(f.only, id.Value)
		}
	}
	for _, id := range c.Disable {
		f.disable = append(f.disable, id.Value)
	}
}

// configOptions checks every ID the configuration names against the rules
// (an unknown one is an error at its position) and returns the severity
// overrides and waivers.
func configOptions(c *config.Config, set *rule.Set, now time.Time) (map[string]string, []check.Waiver, error) {
	if c == nil {
		return nil, nil, nil
	}
	var errs []error
	at := func(line, col int, err error) {
		errs = append(errs, &config.Error{Path: c.Path, Line: line, Col: col, Msg: err.Error()})
	}
	for _, list := range [][]config.ID{c.Only, c.Disable} {
		for _, id := range list {
			if err := knownID(set, id.Value); err != nil {
				at(id.Line, id.Col, err)
			}
		}
	}
	sev := map[string]string{}
	for id, s := range c.Severity {
		line, col := c.KeyPos("severity", id)
		if err := knownID(set, id); err != nil {
			at(line, col, err)
			continue
		}
		if rule.SeverityRank(s) == 0 {
			at(line, col, fmt.Errorf("severity %q: use error, warning or info", s))
			continue
		}
		sev[id] = s
	}
	var waivers []check.Waiver
	for _, w := range c.Waivers {
		if err := knownID(set, w.ID.Value); err != nil {
			at(w.ID.Line, w.ID.Col, err)
			continue
		}
		waivers = append(waivers, check.Waiver{
			ID: w.ID.Value, Reason: w.Reason, Expires: w.Expires, Expired: w.Expired(now),
			Source: fmt.Sprintf("%s:%d:%d", c.Path, w.ID.Line, w.ID.Col),
		})
	}
	for _, p := range c.Profile {
		if p != "all" && !slices.Contains(rule.Profiles, p) {
			errs = append(errs, &config.Error{Path: c.Path, Line: 1, Col: 1, Msg: fmt.Sprintf("profile %q: use all or %v", p, rule.Profiles)})
		}
	}
	return sev, waivers, errors.Join(errs...)
}

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented " + config.FileName + " in the working folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := os.Stat(config.FileName); err == nil && !force {
				return usageErr("%s already exists (--force to overwrite)", config.FileName)
			}
			if err := os.WriteFile(config.FileName, []byte(config.Template), 0o644); err != nil {
				return usageErr("%v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
