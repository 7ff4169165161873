package report

// One self-contained HTML page: a header with the files and the counts, then
// for each agreement the checklist table (項番, 項目, 判定, 根拠) beside the
// contract text. The text (Target.Sources[i].Doc.Text) is shown line by line
// with line numbers, and every sentence that is evidence is wrapped in
// <mark id="ev-…" class="satisfied|contradicted">, which the table links to.
// Styles are inline, there is no script, and nothing is loaded from
// anywhere (a Content-Security-Policy says so to the browser); @media print
// lays it out for A4.
//
// A sentence that is evidence for several elements is marked once; it is
// marked contradicted when it contradicts any element it decides
// (Evidence.Contradicts), satisfied otherwise.

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/structure"
)

func init() { Register("html", FormatterFunc(writeHTML)) }

type htmlPage struct {
	Lang, Title, Tool, Version, RulesVersion string
	Files, Summary, Disclaimer               string
	Counts                                   []htmlCount
	L                                        map[string]string
	Targets                                  []htmlTarget
}

type htmlCount struct {
	Class, Text string
}

type htmlTarget struct {
	Files, Summary, Format, Encoding string
	Notes                            []string
	Rows                             []htmlRow
	Docs                             []htmlDoc
}

type htmlRow struct {
	No, Title, ID, Severity, Status, StatusText, Symbol, Waiver string
	Elements                                                    []htmlElement
}

type htmlElement struct {
	Label, Status, StatusText, Symbol, Suggest, Waiver string
	None                                               string // shown when there is no evidence
	Evidence                                           []htmlEvidence
	More                                               string
}

type htmlEvidence struct {
	Ref, Quote, Href string
}

type htmlDoc struct {
	Path, ID, Unit string
	Lines          []htmlLine
}

type htmlLine struct {
	No   int
	ID   string
	Text template.HTML
}

// htmlSpan is one evidence sentence in a document.
type htmlSpan struct {
	start, end int
	id, class  string
	titles     []string
}

func writeHTML(w io.Writer, r *Report) error {
	p := htmlPage{
		Lang: langOr(r.Lang), Tool: toolName(r), Version: r.Version, RulesVersion: r.RulesVersion,
		Title:      r.word("契約書チェック結果", "Contract check"),
		Summary:    summaryLine(r, r.Counts()),
		Disclaimer: r.Disclaimer(),
		L: map[string]string{
			"no": r.word("項番", "No."), "item": r.word("項目", "Item"), "result": r.word("判定", "Result"),
			"evidence": r.word("根拠", "Evidence"), "checklist": r.word("確認表", "Checklist"),
			"text": r.word("契約書本文", "Contract text"), "suggest": r.word("追加を推奨", "Suggested clause"),
			"waived": r.word("免除理由", "Waived"), "tool": r.word("ツール", "Tool"), "rules": r.word("ルール", "Rules"),
			"files": r.word("対象", "Files"), "notext": r.word("本文はこの形式では表示できません。", "The text is not available for this input."),
		},
	}
	c := r.Counts()
	for _, x := range []struct {
		class string
		n     int
		st    check.Status
	}{{"satisfied", c.Satisfied, check.Satisfied}, {"partial", c.Partial, check.Partial}, {"missing", c.Missing, check.Missing},
		{"contradicted", c.Contradicted, check.Contradicted}, {"not-applicable", c.NotApplicable, check.NotApplicable}, {"waived", c.Waived, check.Waived}} {
		if x.n > 0 || x.class == "satisfied" || x.class == "partial" || x.class == "missing" || x.class == "contradicted" {
			p.Counts = append(p.Counts, htmlCount{Class: x.class, Text: fmt.Sprintf("%s %s %d", Symbol(x.st), r.StatusWord(x.st), x.n)})
		}
	}
	var files []string
	for ti, t := range r.Targets {
		files = append(files, t.Files...)
		p.Targets = append(p.Targets, r.htmlTarget(ti, t))
	}
	p.Files = strings.Join(files, ", ")
	return htmlTmpl.Execute(w, p)
}

func (r *Report) htmlTarget(ti int, t *check.Target) htmlTarget {
	ht := htmlTarget{Files: strings.Join(t.Files, " + "), Summary: summaryLine(r, t.Counts), Format: t.Format, Encoding: t.Encoding, Notes: t.Notes}
	// Collect the evidence sentences of each document.
	spans := make([][]*htmlSpan, len(t.Sources))
	docOf := func(ev *check.Evidence) int {
		for di, d := range t.Sources {
			if d != nil && d.Doc != nil && d.Doc.Path == ev.File && ev.Offset >= 0 && ev.EndOffset <= len(d.Doc.Text) && ev.Offset < ev.EndOffset {
				return di
			}
		}
		return -1
	}
	type key struct{ di, start, end int }
	byKey := map[key]*htmlSpan{}
	for i := range t.Items {
		it := &t.Items[i]
		for j := range it.Elements {
			el := &it.Elements[j]
			for k := range el.Evidence {
				ev := &el.Evidence[k]
				di := docOf(ev)
				if di < 0 {
					continue
				}
				kk := key{di, ev.Offset, ev.EndOffset}
				s := byKey[kk]
				if s == nil {
					s = &htmlSpan{start: ev.Offset, end: ev.EndOffset, class: "satisfied"}
					byKey[kk] = s
					spans[di] = append(spans[di], s)
				}
				if ev.Contradicts {
					s.class = "contradicted"
				}
				s.titles = append(s.titles, fmt.Sprintf("%s %s: %s", it.ID, r.Label(it, el), r.StatusWord(el.Status)))
			}
		}
	}
	// Number the spans in text order; a span that overlaps an earlier one
	// (sentences do not overlap, but be safe) shares its mark.
	for di := range spans {
		sort.Slice(spans[di], func(a, b int) bool {
			x, y := spans[di][a], spans[di][b]
			if x.start != y.start {
				return x.start < y.start
			}
			return x.end > y.end
		})
		var kept []*htmlSpan
		for _, s := range spans[di] {
			if n := len(kept); n > 0 && s.start < kept[n-1].end {
				prev := kept[n-1]
				s.id = prev.id
				if s.class == "contradicted" {
					prev.class = s.class
				}
				prev.titles = append(prev.titles, s.titles...)
				continue
			}
			s.id = fmt.Sprintf("ev-%d-%d-%d", ti, di, len(kept)+1)
			kept = append(kept, s)
		}
		spans[di] = kept
	}
	for di, d := range t.Sources {
		if d == nil || d.Doc == nil {
			continue
		}
		ht.Docs = append(ht.Docs, htmlDocument(ti, di, d, spans[di]))
	}
	// The table.
	for i := range t.Items {
		it := &t.Items[i]
		row := htmlRow{
			No: itemNo(it), Title: r.Title(it), ID: it.ID, Severity: it.Severity,
			Status: string(it.Status), StatusText: r.StatusWord(it.Status), Symbol: Symbol(it.Status), Waiver: it.Waiver,
		}
		if it.Status != check.NotApplicable {
			for j := range it.Elements {
				el := &it.Elements[j]
				he := htmlElement{Label: r.Label(it, el), Status: string(el.Status), StatusText: r.StatusWord(el.Status), Symbol: Symbol(el.Status), Waiver: el.Waiver}
				for k := range el.Evidence {
					ev := &el.Evidence[k]
					if k == 3 {
						he.More = r.word(fmt.Sprintf("ほか%d件", len(el.Evidence)-3), fmt.Sprintf("%d more", len(el.Evidence)-3))
						break
					}
					hev := htmlEvidence{Ref: ev.Label, Quote: r.quote(Clip(ev.Text, 50))}
					if hev.Ref == "" {
						hev.Ref = r.word(fmt.Sprintf("%d行", ev.Line), fmt.Sprintf("line %d", ev.Line))
					}
					if di := docOf(ev); di >= 0 {
						for _, s := range spans[di] {
							if ev.Offset < s.end && s.start < ev.EndOffset {
								hev.Href = "#" + s.id
								break
							}
						}
					}
					he.Evidence = append(he.Evidence, hev)
				}
				if len(el.Evidence) == 0 && el.Status != check.NotApplicable && el.Status != check.Waived {
					he.None = r.word("該当条項なし", "no clause found")
				}
				if (el.Status == check.Missing || el.Status == check.Contradicted) && it.Status != check.Waived {
					he.Suggest = r.Suggest(it, el)
				}
				row.Elements = append(row.Elements, he)
			}
		}
		ht.Rows = append(ht.Rows, row)
	}
	return ht
}

// htmlDocument renders a document's text line by line, HTML-escaped, with
// the evidence spans wrapped in <mark>. A span that runs over several lines
// is marked on each; only its first piece carries the id.
func htmlDocument(ti, di int, d *structure.Document, spans []*htmlSpan) htmlDoc {
	text := d.Doc.Text
	hd := htmlDoc{Path: d.Doc.Path, ID: fmt.Sprintf("t%d-d%d", ti, di), Unit: d.Doc.LineUnit}
	next := 0 // first span that may still touch the current line
	for n, ls := 1, 0; ls <= len(text); n++ {
		nl := strings.IndexByte(text[ls:], '\n')
		lineNext := len(text) + 1
		le := len(text)
		if nl >= 0 {
			le = ls + nl
			lineNext = le + 1
		}
		if le > ls && text[le-1] == '\r' {
			le--
		}
		var b strings.Builder
		pos := ls
		for k := next; k < len(spans); k++ {
			s := spans[k]
			if s.start >= lineNext {
				break
			}
			if s.end <= ls && s.start < ls {
				if k == next {
					next++
				}
				continue
			}
			a, e := clamp(s.start, pos, le), clamp(s.end, pos, le)
			b.WriteString(template.HTMLEscapeString(text[pos:a]))
			b.WriteString(`<mark class="` + s.class + `"`)
			if s.start >= ls {
				b.WriteString(` id="` + s.id + `"`)
			}
			b.WriteString(` title="` + template.HTMLEscapeString(strings.Join(s.titles, "\n")) + `">`)
			b.WriteString(template.HTMLEscapeString(text[a:e]))
			b.WriteString(`</mark>`)
			pos = e
		}
		b.WriteString(template.HTMLEscapeString(text[pos:le]))
		hd.Lines = append(hd.Lines, htmlLine{No: n, ID: fmt.Sprintf("%s-L%d", hd.ID, n), Text: template.HTML(b.String())})
		if nl < 0 {
			break
		}
		ls = lineNext
	}
	// A final newline does not start a line of its own.
	if k := len(hd.Lines); k > 1 && strings.HasSuffix(text, "\n") && hd.Lines[k-1].Text == "" {
		hd.Lines = hd.Lines[:k-1]
	}
	return hd
}

func clamp(x, lo, hi int) int {
	if hi < lo {
		hi = lo
	}
	return max(lo, min(x, hi))
}

var htmlTmpl = template.Must(template.New("html").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="{{.Tool}} {{.Version}}">
<title>{{.Title}}: {{.Files}}</title>
<style>
:root { --ok: #1a7f37; --ok-bg: #dafbe1; --part: #9a6700; --part-bg: #fff8c5; --miss: #cf222e; --miss-bg: #ffebe9;
  --con: #8250df; --con-bg: #fbefff; --na: #59636e; --na-bg: #f6f8fa; --line: #d1d9e0; --dim: #59636e; }
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; background: #fff; line-height: 1.6; font-size: 14px;
  font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif; }
header { padding: 16px 24px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.4em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 0 0 8px; }
h3 { font-size: 1em; margin: 0 0 8px; }
.meta { color: var(--dim); margin: 0; }
.counts { margin: 8px 0 0; padding: 0; list-style: none; }
.counts li { display: inline-block; margin: 0 6px 4px 0; padding: 1px 10px; border-radius: 10px; font-weight: bold; }
.satisfied { color: var(--ok); } .partial { color: var(--part); } .missing { color: var(--miss); }
.contradicted { color: var(--con); } .not-applicable, .waived { color: var(--na); }
.counts .satisfied, td.satisfied { background: var(--ok-bg); } .counts .partial, td.partial { background: var(--part-bg); }
.counts .missing, td.missing { background: var(--miss-bg); } .counts .contradicted, td.contradicted { background: var(--con-bg); }
.counts .not-applicable, .counts .waived, td.not-applicable, td.waived { background: var(--na-bg); }
section.target { padding: 16px 24px; border-bottom: 1px solid var(--line); }
.notes { color: var(--dim); margin: 0 0 8px; padding-left: 1.2em; }
.layout { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 24px; align-items: start; }
@media (max-width: 1100px) { .layout { grid-template-columns: minmax(0, 1fr); } }
table.checklist { border-collapse: collapse; width: 100%; }
.checklist th, .checklist td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
.checklist thead th { background: #f6f8fa; white-space: nowrap; }
.checklist td.no, .checklist td.result { white-space: nowrap; }
.checklist td.result { font-weight: bold; }
.id { display: block; color: var(--dim); font-size: .85em; font-family: ui-monospace, Menlo, Consolas, monospace; }
.el { margin: 0 0 6px; }
.el:last-child { margin-bottom: 0; }
.el .label { font-weight: bold; }
.ev { display: block; }
.none { color: var(--miss); }
.suggest { margin: 2px 0 0; padding: 2px 8px; border-left: 3px solid var(--line); color: #31373d; background: #f6f8fa; }
.suggest b { font-weight: normal; color: var(--dim); }
a { color: #0969da; }
.source { position: sticky; top: 0; max-height: 100vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px 0; }
.source h3 { padding: 0 12px; }
.doc + .doc { margin-top: 16px; border-top: 1px solid var(--line); padding-top: 8px; }
.line { display: flex; min-height: 1.6em; }
.line .n { flex: 0 0 3.6em; padding-right: .8em; text-align: right; color: var(--dim); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; line-height: 1.9; user-select: none; }
.line .t { flex: 1 1 auto; min-width: 0; padding-right: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark.satisfied { background: #c7f0d2; }
mark.contradicted { background: #ecd8ff; text-decoration: underline wavy var(--con); }
mark:target { outline: 2px solid #0969da; }
footer { padding: 12px 24px; color: var(--dim); font-size: .9em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 9pt; }
  header, section.target, footer { padding: 0 0 8px; border: none; }
  .layout { display: block; }
  .source { position: static; max-height: none; overflow: visible; border: none; padding: 0; break-before: page; }
  .checklist thead { display: table-header-group; }
  .checklist tr, .line { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  section.target + section.target { break-before: page; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.L.files}}: {{.Files}}</p>
<p class="meta">{{.L.tool}}: {{.Tool}} {{.Version}}{{if .RulesVersion}} · {{.L.rules}}: {{.RulesVersion}}{{end}}</p>
<ul class="counts">{{range .Counts}}<li class="{{.Class}}">{{.Text}}</li>{{end}}</ul>
</header>
<main>
{{- range $ti, $t := .Targets}}
<section class="target">
<h2>{{$t.Files}}</h2>
<p class="meta">{{$t.Summary}}{{if $t.Format}} · {{$t.Format}}{{end}}{{if $t.Encoding}} · {{$t.Encoding}}{{end}}</p>
{{- if $t.Notes}}
<ul class="notes">{{range $t.Notes}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
<div class="layout">
<div class="table">
<h3>{{$.L.checklist}}</h3>
<table class="checklist">
<thead><tr><th>{{$.L.no}}</th><th>{{$.L.item}}</th><th>{{$.L.result}}</th><th>{{$.L.evidence}}</th></tr></thead>
<tbody>
{{- range $t.Rows}}
<tr>
<td class="no">{{.No}}</td>
<td>{{.Title}}<span class="id">{{.ID}} · {{.Severity}}</span></td>
<td class="result {{.Status}}">{{.Symbol}} {{.StatusText}}</td>
<td>
{{- if .Waiver}}<div class="el waived">{{$.L.waived}}: {{.Waiver}}</div>{{end}}
{{- range .Elements}}
<div class="el"><span class="{{.Status}}">{{.Symbol}}</span> <span class="label">{{.Label}}</span>
{{- range .Evidence}}
<span class="ev">{{if .Href}}<a href="{{.Href}}">{{.Ref}}</a>{{else}}{{.Ref}}{{end}} {{.Quote}}</span>
{{- end}}
{{- if .More}}<span class="ev">{{.More}}</span>{{end}}
{{- if .None}}<span class="ev none">{{.None}}</span>{{end}}
{{- if .Waiver}}<span class="ev">{{$.L.waived}}: {{.Waiver}}</span>{{end}}
{{- if .Suggest}}
<div class="suggest"><b>{{$.L.suggest}}:</b> {{.Suggest}}</div>
{{- end}}
</div>
{{- end}}
</td>
</tr>
{{- end}}
</tbody>
</table>
</div>
<div class="source">
<h3>{{$.L.text}}</h3>
{{- range $t.Docs}}
<div class="doc" id="{{.ID}}">
{{- if gt (len $t.Docs) 1}}
<h3>{{.Path}}</h3>
{{- end}}
{{- range .Lines}}
<div class="line" id="{{.ID}}"><span class="n">{{.No}}</span><span class="t">{{.Text}}</span></div>
{{- end}}
</div>
{{- else}}
<p class="meta">{{$.L.notext}}</p>
{{- end}}
</div>
</div>
</section>
{{- end}}
</main>
<footer>{{.Disclaimer}}</footer>
</body>
</html>
`))
