package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/clauselint/clauselint/internal/check"
)

func readXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSX(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		r := testReport(t, lang)
		f := readXLSX(t, render(t, "xlsx", r))
		sheet := map[string]string{"ja": "確認表", "en": "Checklist"}[lang]
		if got := f.GetSheetList(); len(got) != 1 || got[0] != sheet {
			t.Fatalf("%s: sheets %q", lang, got)
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// The same table as the CSV, cell for cell.
		want := r.checklistTables()[0]
		if len(rows) != len(want.Rows)+1 {
			t.Fatalf("%s: %d rows", lang, len(rows))
		}
		for j, h := range want.Header {
			if rows[0][j] != h {
				t.Errorf("%s: header %d = %q, want %q", lang, j, rows[0][j], h)
			}
		}
		for i, row := range want.Rows {
			for j, c := range row {
				got := ""
				if j < len(rows[i+1]) {
					got = rows[i+1][j]
				}
				if got != c {
					t.Errorf("%s: row %d col %d = %q, want %q", lang, i+1, j+1, got, c)
				}
			}
		}
		if lang == "ja" {
			for cell, want := range map[string]string{
				"A1": "項番", "E1": "初回確認", "H1": "完了日",
				"A2": "8", "C2": "個人情報の管理", "E2": "はい", "E3": "いいえ", "E6": "対象外", "H3": "",
				"F5": "該当条項なし", "B7": "Part2 システム導入契約",
			} {
				if got, err := f.GetCellValue(sheet, cell); err != nil || got != want {
					t.Errorf("%s = %q (%v), want %q", cell, got, err, want)
				}
			}
			if got, _ := f.GetCellValue(sheet, "F2"); !strings.Contains(got, "第2条第1項「乙は、甲から預託された個人情報について") {
				t.Errorf("F2 = %q", got)
			}
			// Cells are strings, never formulas.
			if formula, _ := f.GetCellFormula(sheet, "F4"); formula != "" {
				t.Errorf("F4 has a formula %q", formula)
			}
			dvs, err := f.GetDataValidations(sheet)
			if err != nil || len(dvs) != 1 || dvs[0].Sqref != "E2:E7" {
				t.Errorf("data validation %v %v", dvs, err)
			}
			panes, err := f.GetPanes(sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("panes %+v %v", panes, err)
			}
		}
	}
}

func TestXLSXSeveralTargets(t *testing.T) {
	r := testReport(t, "ja")
	second := &check.Target{Files: []string{"other/契約:書[2].txt"}, Format: "text", Items: r.Targets[0].Items[:2]}
	third := &check.Target{Files: []string{"more/契約:書[2].txt"}, Format: "text", Items: r.Targets[0].Items[:1]}
	r.Targets = append(r.Targets, second, third)
	f := readXLSX(t, render(t, "xlsx", r))
	got := f.GetSheetList()
	want := []string{"保守 契約書 v2.md", "契約_書_2_.txt", "契約_書_2_.txt (2)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if rows, _ := f.GetRows(want[1]); len(rows) != 3 {
		t.Errorf("second sheet has %d rows", len(rows))
	}
	// The CSV names the file in a first column instead.
	out := string(render(t, "checklist", r))
	if !strings.HasPrefix(out, "\ufeffファイル,項番,") || !strings.Contains(out, "other/契約:書[2].txt,8,") {
		t.Errorf("several targets in CSV:\n%s", out)
	}
}
