// Package check is the engine: for every rule element it finds the clauses
// that satisfy or contradict it, rolls elements up into an item status, and
// returns results that carry their evidence (file, 第N条第M項, position, the
// sentence, the matched terms, the modality and why).
package check

import "github.com/clauselint/clauselint/internal/structure"

// Status of an element or an item.
type Status string

// Statuses. An item is satisfied when all its elements are, contradicted when
// any is, missing when none is satisfied, partial otherwise.
const (
	Satisfied     Status = "satisfied"
	Partial       Status = "partial"
	Missing       Status = "missing"
	Contradicted  Status = "contradicted"
	NotApplicable Status = "not-applicable"
	Waived        Status = "waived"
)

// Evidence is a sentence that decides an element.
type Evidence struct {
	File          string   `json:"file"`
	Label         string   `json:"label,omitempty"` // 第3条第2項第1号
	Line          int      `json:"line"`            // 1-based; for .docx the paragraph number
	LineUnit      string   `json:"lineUnit"`        // "line", or "paragraph" for .docx
	Column        int      `json:"column"`          // 1-based, in characters
	EndLine       int      `json:"endLine"`
	EndColumn     int      `json:"endColumn"`
	ByteColumn    int      `json:"byteColumn"` // 1-based, in UTF-8 bytes (reviewdog)
	EndByteColumn int      `json:"endByteColumn"`
	Offset        int      `json:"offset"` // byte offsets of the sentence in the decoded text
	EndOffset     int      `json:"endOffset"`
	RuneOffset    int      `json:"runeOffset"`
	EndRuneOffset int      `json:"endRuneOffset"`
	Text          string   `json:"text"`  // the sentence as the user wrote it
	Terms         []string `json:"terms"` // the words that matched, as written
	Key           string   `json:"key"`   // the key term as written
	Modality      string   `json:"modality"`
	KeyStatus     string   `json:"keyStatus"`
	Party         string   `json:"party,omitempty"`     // who bears it, as written (乙, 当社)
	PartyRole     string   `json:"partyRole,omitempty"` // hospital, vendor, both, unknown
	Why           string   `json:"why"`
	// Contradicts is true for a clause that says the opposite of the
	// element, false for one that satisfies it.
	Contradicts bool `json:"contradicts"`
	// Limited is true when the clause covers only the whole or main part of
	// the work (全部又は主たる部分): the element is then only partial.
	Limited bool `json:"limited,omitempty"`
}

// ElementResult is the verdict on one element.
type ElementResult struct {
	ID       string     `json:"id"`
	Label    string     `json:"label"`
	Status   Status     `json:"status"`
	Evidence []Evidence `json:"evidence"`
	Suggest  string     `json:"suggest,omitempty"`
	Why      string     `json:"why"`
	Waiver   string     `json:"waiver,omitempty"`
}

// ItemResult is the verdict on one checklist item.
type ItemResult struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Part       string          `json:"part"`
	Section    string          `json:"section"`
	Number     string          `json:"number"`
	Mark       string          `json:"mark,omitempty"`
	Coverage   string          `json:"coverage"`
	Severity   string          `json:"severity"`
	Status     Status          `json:"status"`
	Summary    string          `json:"summary"`
	Risk       string          `json:"risk"`
	References []string        `json:"references"`
	Elements   []ElementResult `json:"elements"`
	Waiver     string          `json:"waiver,omitempty"`
}

// Counts of item statuses.
type Counts struct {
	Satisfied     int `json:"satisfied"`
	Partial       int `json:"partial"`
	Missing       int `json:"missing"`
	Contradicted  int `json:"contradicted"`
	NotApplicable int `json:"notApplicable"`
	Waived        int `json:"waived"`
}

// Add counts one item.
func (c *Counts) Add(s Status) {
	switch s {
	case Satisfied:
		c.Satisfied++
	case Partial:
		c.Partial++
	case Missing:
		c.Missing++
	case Contradicted:
		c.Contradicted++
	case NotApplicable:
		c.NotApplicable++
	case Waived:
		c.Waived++
	}
}

// Target is one checked agreement: a file, or with --bundle several files.
type Target struct {
	Files    []string     `json:"files"`
	Format   string       `json:"format"`
	Encoding string       `json:"encoding,omitempty"`
	Items    []ItemResult `json:"items"`
	Counts   Counts       `json:"counts"`
	Notes    []string     `json:"notes,omitempty"`
	Parties  []Parties    `json:"parties"`
	// Sources are the segmented documents, for formats that show the text.
	Sources []*structure.Document `json:"-"`
}

// Parties says which names a document uses for the medical institution and
// the vendor, and how that was found.
type Parties struct {
	File     string   `json:"file"`
	Hospital []string `json:"hospital"`
	Vendor   []string `json:"vendor"`
	Source   string   `json:"source"`
	Assumed  bool     `json:"assumed"`
}
