package report

// The filled-in checklist as an Excel workbook (github.com/xuri/excelize/v2):
// the same table as the `checklist` CSV, one sheet per checked agreement,
// with a bold frozen header row, an autofilter, wrapped text, a はい/いいえ/
// 対象外 drop-down on 初回確認, a date format on 完了日 (blank, for the
// hospital to fill in) and an A4 landscape page set-up fitted to the width.
// Cells are written as strings, so contract text is never read as a formula.

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func init() { Register("xlsx", FormatterFunc(writeXLSX)) }

// xlsxCellLimit is Excel's limit on the characters in a cell.
const xlsxCellLimit = 32767

func writeXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: toolName(r), Title: r.word("医療情報システム契約 確認表", "Medical information system contract checklist"),
		Language: langOr(r.Lang), Version: r.Version,
		// A fixed date keeps the workbook the same from run to run.
		Created: "2024-06-10T00:00:00Z", Modified: "2024-06-10T00:00:00Z",
	}); err != nil {
		return err
	}
	tables := r.checklistTables()
	if len(tables) == 0 {
		tables = []checklistTable{{Header: r.checklistHeader()}}
	}
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true},
		Border:    xlsxBorders(),
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border:    xlsxBorders(),
	})
	if err != nil {
		return err
	}
	dateFmt := "yyyy/mm/dd"
	date, err := f.NewStyle(&excelize.Style{
		Alignment:    &excelize.Alignment{Vertical: "top"},
		Border:       xlsxBorders(),
		CustomNumFmt: &dateFmt,
	})
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for i, tb := range tables {
		name := sheetName(r, tb.File, i, len(tables) > 1, used)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSheet(f, r, name, tb, head, body, date); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

func writeSheet(f *excelize.File, r *Report, sheet string, tb checklistTable, head, body, date int) error {
	header := make([]any, len(tb.Header))
	for i, h := range tb.Header {
		header[i] = h
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	for i, row := range tb.Rows {
		cells := make([]any, len(row))
		for j, c := range row {
			if utf8.RuneCountInString(c) > xlsxCellLimit {
				c = string([]rune(c)[:xlsxCellLimit-1]) + "…"
			}
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			return err
		}
	}
	last := len(tb.Rows) + 1
	lastCol, _ := excelize.ColumnNumberToName(checklistCols)
	if err := f.SetCellStyle(sheet, "A1", lastCol+"1", head); err != nil {
		return err
	}
	if last > 1 {
		if err := f.SetCellStyle(sheet, "A2", fmt.Sprintf("%s%d", lastCol, last), body); err != nil {
			return err
		}
	}
	doneCol, _ := excelize.ColumnNumberToName(colDone + 1)
	// The date style reaches well below the rows, for items added by hand.
	if err := f.SetCellStyle(sheet, doneCol+"2", fmt.Sprintf("%s%d", doneCol, max(last, 2)), date); err != nil {
		return err
	}
	widths := []float64{8, 14, 24, 40, 10, 50, 50, 12}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, wd); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, max(last, 2)), nil); err != nil {
		return err
	}
	if last > 1 {
		checkCol, _ := excelize.ColumnNumberToName(colFirstCheck + 1)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s2:%s%d", checkCol, checkCol, last))
		if err := dv.SetDropList([]string{r.word("はい", "Yes"), r.word("いいえ", "No"), r.word("対象外", "N/A")}); err != nil {
			return err
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$1:$1", Scope: sheet,
	})
}

func xlsxBorders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return out
}

// sheetName makes a valid, unique sheet name (at most 31 characters, none
// of : \ / ? * [ ] ') from a file's base name when there are several
// agreements; a single agreement's sheet is 確認表 / Checklist.
func sheetName(r *Report, file string, i int, many bool, used map[string]bool) string {
	base := r.word("確認表", "Checklist")
	if many {
		if slash := strings.LastIndexAny(file, `/\`); slash >= 0 {
			file = file[slash+1:]
		}
		base = strings.Map(func(c rune) rune {
			if strings.ContainsRune(`:\/?*[]'`, c) {
				return '_'
			}
			return c
		}, file)
		if strings.TrimSpace(base) == "" {
			base = fmt.Sprintf("%s %d", r.word("確認表", "Checklist"), i+1)
		}
	}
	name := truncRunes(base, 31)
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = truncRunes(base, 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func truncRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n])
	}
	return s
}

func langOr(l string) string {
	if l == "" {
		return "ja"
	}
	return l
}
