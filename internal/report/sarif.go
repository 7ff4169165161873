package report

// SARIF 2.1.0 output, as GitHub code scanning reads it.
//
// One run holds every target. The driver lists one reporting descriptor per
// checklist element (P2-COMMON-10/prior-consent), and each missing or
// contradicted element is one result. A contradicted element points at the
// contradicting sentence; a missing one has no line of its own, so it points
// at line 1 of the document and its message says so. Waived findings are
// kept as results with an external suppression, so that the record of what
// was waived, and why, travels with the log.
//
// The types below are this package's own rather than a SARIF library's: they
// carry only what clauselint writes, in a fixed field order, so the output is
// byte-stable for golden tests and diffs. The test validates the output
// against the SARIF 2.1.0 JSON schema.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/clauselint/clauselint/internal/check"
)

func init() { Register("sarif", FormatterFunc(writeSARIF)) }

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// fingerprintKey names clauselint's partial fingerprint; bump its
	// version if what goes into the hash changes.
	fingerprintKey = "clauselint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool      `json:"tool"`
	Results    []sarifResult  `json:"results"`
	ColumnKind string         `json:"columnKind"`
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version,omitempty"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	InformationURI  string            `json:"informationUri"`
	Language        string            `json:"language"`
	Rules           []sarifDescriptor `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifDescriptor struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifMultiformat `json:"help"`
	DefaultConfiguration sarifConfig      `json:"defaultConfiguration"`
	Properties           sarifRuleProps   `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags     []string `json:"tags"`
	Item     string   `json:"item"`
	Severity string   `json:"severity"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []sarifSuppress   `json:"suppressions,omitempty"`
	Properties          sarifResultProps  `json:"properties"`
}

type sarifResultProps struct {
	Status     string `json:"status"`
	ItemStatus string `json:"itemStatus"`
	Label      string `json:"label,omitempty"` // 第3条第2項 of the evidence
}

type sarifSuppress struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysical         `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLoction `json:"logicalLocations,omitempty"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifLogicalLoction struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine,omitempty"`
	EndColumn   int        `json:"endColumn,omitempty"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

func writeSARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName(r), Version: r.Version, SemanticVersion: semver(r.Version),
			InformationURI: infoURI, Language: langOr(r.Lang), Rules: []sarifDescriptor{},
		}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	// One descriptor per element, in the order the items come.
	index := map[string]int{}
	for _, t := range r.Targets {
		for i := range t.Items {
			it := &t.Items[i]
			for j := range it.Elements {
				el := &it.Elements[j]
				id := ruleID(it, el)
				if _, ok := index[id]; ok {
					continue
				}
				index[id] = len(run.Tool.Driver.Rules)
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, r.sarifDescriptor(it, el))
			}
		}
	}
	for _, f := range findings(r, true) {
		run.Results = append(run.Results, r.sarifResult(f, index[ruleID(f.it, f.el)]))
	}
	props := map[string]any{"counts": r.Counts()}
	if r.RulesVersion != "" {
		props["rulesVersion"] = r.RulesVersion
	}
	run.Properties = props
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func (r *Report) sarifDescriptor(it *check.ItemResult, el *check.ElementResult) sarifDescriptor {
	var text, md []string
	if s := r.Suggest(it, el); s != "" {
		text = append(text, r.word("推奨される条項: ", "Suggested clause: ")+s)
		md = append(md, "**"+r.word("推奨される条項", "Suggested clause")+"**\n\n> "+mdEscape(s))
	}
	if risk := r.Risk(it); risk != "" {
		text = append(text, r.word("リスク: ", "Risk: ")+risk)
		md = append(md, "**"+r.word("リスク", "Risk")+"**: "+mdEscape(risk))
	}
	if len(it.References) > 0 {
		refs := strings.Join(it.References, r.word("、", "; "))
		text = append(text, r.word("根拠: ", "References: ")+refs)
		md = append(md, "**"+r.word("根拠", "References")+"**: "+mdEscape(refs))
	}
	if len(text) == 0 {
		text = append(text, r.Summary(it))
		md = append(md, mdEscape(r.Summary(it)))
	}
	var tags []string
	seen := map[string]bool{}
	for _, tag := range []string{"clauselint", "contract", it.ID, it.Part, it.Section} {
		if tag != "" && !seen[tag] {
			seen[tag] = true
			tags = append(tags, tag)
		}
	}
	return sarifDescriptor{
		ID:                   ruleID(it, el),
		Name:                 pascal(it.ID + "-" + el.ID),
		ShortDescription:     sarifText{Text: r.Label(it, el)},
		FullDescription:      sarifText{Text: r.Title(it) + ": " + r.Summary(it)},
		Help:                 sarifMultiformat{Text: strings.Join(text, "\n"), Markdown: strings.Join(md, "\n\n")},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(it.Severity)},
		Properties:           sarifRuleProps{Tags: tags, Item: it.ID, Severity: it.Severity},
	}
}

func (r *Report) sarifResult(f finding, ruleIndex int) sarifResult {
	msg := append([]string{r.findingHead(f)}, r.findingDetail(f)...)
	res := sarifResult{
		RuleID: ruleID(f.it, f.el), RuleIndex: ruleIndex, Level: sarifLevel(f.it.Severity),
		Message: sarifText{Text: strings.Join(msg, "\n")},
		Properties: sarifResultProps{
			Status: string(f.status), ItemStatus: string(f.it.Status),
		},
	}
	fp := []string{res.RuleID, displayPath(f.file()), string(f.status)}
	if ev := f.evidence(); ev != nil {
		res.Locations = []sarifLocation{sarifEvidence(ev)}
		res.Properties.Label = ev.Label
		fp = append(fp, strings.Join(strings.Fields(ev.Text), " "))
		for k := 1; k < len(f.el.Evidence) && k <= 10; k++ {
			loc := sarifEvidence(&f.el.Evidence[k])
			id := k
			loc.ID = &id
			loc.Message = &sarifText{Text: r.evidenceRef(&f.el.Evidence[k], 60)}
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
	} else {
		uri, base := sarifURI(f.file())
		res.Locations = []sarifLocation{{
			PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
				Region:           sarifRegion{StartLine: 1},
			},
			Message: &sarifText{Text: r.word("該当する条項がないため文書の先頭を指しています", "no clause to point at: the start of the document")},
		}}
	}
	sum := sha256.Sum256([]byte(strings.Join(fp, "\x00")))
	res.PartialFingerprints = map[string]string{fingerprintKey: hex.EncodeToString(sum[:16])}
	if f.waiver != "" {
		res.Suppressions = []sarifSuppress{{Kind: "external", Status: "accepted", Justification: f.waiver}}
	}
	return res
}

func sarifEvidence(ev *check.Evidence) sarifLocation {
	uri, base := sarifURI(ev.File)
	loc := sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base},
		Region: sarifRegion{
			StartLine: max(ev.Line, 1), StartColumn: max(ev.Column, 1),
			EndLine: max(ev.EndLine, ev.Line, 1), EndColumn: max(ev.EndColumn, 1),
			Snippet: &sarifText{Text: ev.Text},
		},
	}}
	if ev.EndLine == ev.Line && ev.EndColumn <= ev.Column {
		loc.PhysicalLocation.Region.EndColumn = 0
	}
	if ev.Label != "" {
		loc.LogicalLocations = []sarifLogicalLoction{{Name: ev.Label, Kind: "section"}}
	}
	return loc
}

func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "info":
		return "note"
	}
	return "warning"
}

// sarifURI makes a relative URI against %SRCROOT% of a path (absolute paths
// outside the working folder become file: URIs). Everything but unreserved
// characters and / is percent-encoded, so spaces and Japanese names are
// valid URI references.
func sarifURI(p string) (uri, base string) {
	p = displayPath(p)
	abs := strings.HasPrefix(p, "/")
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	if abs {
		return "file://" + b.String(), ""
	}
	return b.String(), "%SRCROOT%"
}

var reSemver = regexp.MustCompile(`^v?([0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.+-]+)?)$`)

// semver is the version as SARIF's semanticVersion wants it, or "" when the
// version is not semantic (a development build).
func semver(v string) string {
	if m := reSemver.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	return ""
}

// pascal turns P2-COMMON-10-prior-consent into P2Common10PriorConsent, the
// identifier-like name SARIF suggests for a rule.
func pascal(s string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(strings.ToLower(part))
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	return b.String()
}
