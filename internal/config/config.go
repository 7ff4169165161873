// Package config owns .clauselint.yaml: finding it (upward from the working
// folder, or --config), strict decoding (unknown keys are errors with
// file:line:column), and turning it into options for the run. IDs it names
// are checked against the loaded rules by Validate.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// FileName is the configuration file looked for.
const FileName = ".clauselint.yaml"

// Config is the content of .clauselint.yaml.
type Config struct {
	Profile  []string            `yaml:"profile"`
	Only     []ID                `yaml:"only"`
	Disable  []ID                `yaml:"disable"`
	Severity map[string]string   `yaml:"severity"`
	Rules    []string            `yaml:"rules"`
	Lexicon  map[string][]string `yaml:"lexicon"`
	Hospital string              `yaml:"hospital"`
	Lang     string              `yaml:"lang"`
	FailOn   string              `yaml:"fail-on"`
	Waivers  []Waiver            `yaml:"waivers"`

	Path string    `yaml:"-"`
	node yaml.Node // for positions of map keys
}

// ID is a rule or element ID with its position.
type ID struct {
	Value     string
	Line, Col int
}

// UnmarshalYAML keeps the position.
func (i *ID) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a rule ID", n.Line)
	}
	i.Value, i.Line, i.Col = n.Value, n.Line, n.Column
	return nil
}

// Waiver accepts an item or element with a written reason, until an
// optional expiry date.
type Waiver struct {
	ID      ID     `yaml:"id"`
	Reason  string `yaml:"reason"`
	Expires string `yaml:"expires"`
}

// Expired reports whether the waiver's date has passed on day now.
func (w Waiver) Expired(now time.Time) bool {
	if w.Expires == "" {
		return false
	}
	d, err := time.Parse("2006-01-02", w.Expires)
	return err == nil && now.After(d.Add(24*time.Hour))
}

// Error is a problem in the configuration file.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg) }

// Find looks for .clauselint.yaml in dir and its parents; "" if none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var reLine = regexp.MustCompile(`line ([0-9]+)(?:, column ([0-9]+))?: (.*)`)

// Load reads and decodes a configuration file strictly.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Line: 1, Col: 1, Msg: err.Error()}
	}
	c := &Config{Path: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	_ = yaml.Unmarshal(data, &c.node)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		var te *yaml.TypeError
		msgs := []string{strings.TrimPrefix(err.Error(), "yaml: ")}
		if errors.As(err, &te) {
			msgs = te.Errors
		}
		var errs []error
		for _, m := range msgs {
			e := &Error{Path: path, Line: 1, Col: 1, Msg: m}
			if g := reLine.FindStringSubmatch(m); g != nil {
				e.Line, _ = strconv.Atoi(g[1])
				e.Col, _ = strconv.Atoi(g[2])
				e.Msg = g[3]
				if e.Col == 0 {
					e.Col = c.column(e.Line)
				}
			}
			errs = append(errs, e)
		}
		return nil, errors.Join(errs...)
	}
	c.Path = path
	var errs []error
	for i, w := range c.Waivers {
		if strings.TrimSpace(w.Reason) == "" {
			errs = append(errs, &Error{path, w.ID.Line, w.ID.Col, fmt.Sprintf("waiver %d (%s): a reason is required", i+1, w.ID.Value)})
		}
		if w.Expires != "" {
			if _, err := time.Parse("2006-01-02", w.Expires); err != nil {
				errs = append(errs, &Error{path, w.ID.Line, w.ID.Col, fmt.Sprintf("waiver %d (%s): expires %q is not a date (YYYY-MM-DD)", i+1, w.ID.Value, w.Expires)})
			}
		}
	}
	for i, r := range c.Rules {
		if !filepath.IsAbs(r) {
			c.Rules[i] = filepath.Join(filepath.Dir(path), r)
		}
	}
	return c, errors.Join(errs...)
}

// column finds the column of the first node on a line.
func (c *Config) column(line int) int {
	var walk func(n *yaml.Node) int
	walk = func(n *yaml.Node) int {
		if n.Line == line && n.Kind == yaml.ScalarNode {
			return n.Column
		}
		for _, k := range n.Content {
			if col := walk(k); col > 0 {
				return col
			}
		}
		return 0
	}
	if col := walk(&c.node); col > 0 {
		return col
	}
	return 1
}

// KeyPos returns the position of a key of a top-level mapping (severity: {ID: …}).
func (c *Config) KeyPos(section, key string) (int, int) {
	if len(c.node.Content) == 0 {
		return 1, 1
	}
	m := c.node.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != section {
			continue
		}
		v := m.Content[i+1]
		for k := 0; k+1 < len(v.Content); k += 2 {
			if v.Content[k].Value == key {
				return v.Content[k].Line, v.Content[k].Column
			}
		}
		return m.Content[i].Line, m.Content[i].Column
	}
	return 1, 1
}

// Template is what `clauselint init` writes: every key, commented.
const Template = `# clauselint configuration. clauselint looks for this file in the working folder and
# its parents (or takes --config FILE). Unknown keys are errors.

# Contract type(s): rules for other types are reported as not applicable.
# One or more of 導入, 保守, クラウド, 運用; or all.
profile: [all]

# Check only these rules or elements (empty: all) / skip these.
# IDs: P2-COMMON-10, or P2-COMMON-10/prior-consent (see: clauselint rules list).
only: []
disable: []

# Severity per rule: error, warning or info (exit status follows --fail-on).
severity: {}
#  P2-COMMON-12: warning

# Your own rule folders (relative to this file), read beside the built-in rules.
rules: []
#  - ./rules

# Words to add to the lexicon's concepts (or new concepts for your rules).
lexicon: {}
#  承諾: [了承]

# The party that is the medical institution, when contracts do not define it (甲, 委託者, …).
hospital: ""

# Message language (ja or en) and the severity at which clauselint exits 1.
lang: ja
fail-on: error

# Accepted findings, each with a written reason and an optional expiry date.
# A waived item shows as waived with its reason; after the date it is a finding again.
waivers: []
#  - id: P2-COMMON-12
#    reason: セキュリティ対策の見直しは別途締結するSLAで定める
#    expires: 2027-03-31
`
