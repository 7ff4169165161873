package report

// The hospital's checklist, filled in: one row per item with the columns
// the MHLW 確認表 has (項番, 区分, 項目, 内容, 初回確認, 根拠, 推奨される対応,
// 完了日). 初回確認 is はい when the item is satisfied, いいえ otherwise and
// 対象外 when it does not apply; 根拠 cites the first clause per element (or
// 該当条項なし); 推奨される対応 lists the clauses to add (none for a waived
// item, whose reason is given under 根拠); 完了日 is left blank for the
// hospital to fill in when a いいえ is settled. The `checklist` format writes CSV (UTF-8
// with a BOM and CRLF line ends, so that Excel opens it as UTF-8); the
// `xlsx` format (xlsx.go) writes the same table as a workbook.

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
)

func init() { Register("checklist", FormatterFunc(writeChecklistCSV)) }

// checklistTable is the filled-in checklist of one target.
type checklistTable struct {
	File   string
	Header []string
	Rows   [][]string
}

// Column positions in checklistTable rows.
const (
	colNo = iota
	colDivision
	colTitle
	colSummary
	colFirstCheck
	colEvidence
	colAction
	colDone
	checklistCols
)

func (r *Report) checklistHeader() []string {
	if r.en() {
		return []string{"No.", "Part/section", "Item", "Description", "First check", "Evidence", "Recommended action", "Completed"}
	}
	return []string{"項番", "区分", "項目", "内容", "初回確認", "根拠", "推奨される対応", "完了日"}
}

// checklistTables fills the checklist in for every target.
func (r *Report) checklistTables() []checklistTable {
	var out []checklistTable
	for _, t := range r.Targets {
		tb := checklistTable{File: strings.Join(t.Files, " + "), Header: r.checklistHeader()}
		for i := range t.Items {
			tb.Rows = append(tb.Rows, r.checklistRow(&t.Items[i]))
		}
		out = append(out, tb)
	}
	return out
}

func (r *Report) checklistRow(it *check.ItemResult) []string {
	row := make([]string, checklistCols)
	row[colNo] = itemNo(it)
	row[colDivision] = division(it)
	row[colTitle] = r.Title(it)
	row[colSummary] = r.Summary(it)
	switch it.Status {
	case check.Satisfied:
		row[colFirstCheck] = r.word("はい", "Yes")
	case check.NotApplicable:
		row[colFirstCheck] = r.word("対象外", "N/A")
		return row
	default:
		row[colFirstCheck] = r.word("いいえ", "No")
	}
	var ev, act []string
	if it.Waiver != "" {
		ev = append(ev, r.word("免除: ", "waived: ")+it.Waiver)
	}
	many := len(it.Elements) > 1
	for j := range it.Elements {
		el := &it.Elements[j]
		var s string
		switch {
		case el.Status == check.NotApplicable:
			s = r.StatusWord(el.Status)
		case el.Status == check.Waived:
			s = r.StatusWord(el.Status)
			if el.Waiver != "" {
				s += r.word("(", " (") + el.Waiver + ")"
			}
		case len(el.Evidence) > 0:
			s = r.evidenceRef(&el.Evidence[0], 100)
			if el.Status == check.Contradicted {
				s = r.StatusWord(el.Status) + " " + s
			}
		default:
			s = r.word("該当条項なし", "no clause found")
		}
		if many {
			s = r.Label(it, el) + ": " + s
		}
		ev = append(ev, s)
		if (el.Status == check.Missing || el.Status == check.Contradicted) && it.Status != check.Waived {
			if sg := r.Suggest(it, el); sg != "" {
				if many {
					sg = r.Label(it, el) + ": " + sg
				}
				act = append(act, sg)
			}
		}
	}
	row[colEvidence] = strings.Join(ev, "\n")
	row[colAction] = strings.Join(act, "\n")
	return row
}

func writeChecklistCSV(w io.Writer, r *Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	tables := r.checklistTables()
	many := len(tables) > 1
	header := r.checklistHeader()
	if many {
		header = append([]string{r.word("ファイル", "File")}, header...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, tb := range tables {
		for _, row := range tb.Rows {
			if many {
				row = append([]string{tb.File}, row...)
			}
			out := make([]string, len(row))
			for i, c := range row {
				out[i] = csvSafe(c)
			}
			if err := cw.Write(out); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula: a cell that
// starts with = + - @ or a control character gets a leading apostrophe
// (the usual defence against CSV injection). Contract text is the user's,
// and a quoted clause could start with any of these.
func csvSafe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
