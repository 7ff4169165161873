package report

import (
	"path/filepath"
	"strings"
)

// FormatForPath picks the format from an output file's extension, for
// --output without --format: .json → json, .sarif → sarif, .html/.htm →
// html, .md/.markdown → markdown, .csv → checklist, .xlsx → xlsx, anything
// else text.
func FormatForPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".sarif":
		return "sarif"
	case ".html", ".htm":
		return "html"
	case ".md", ".markdown":
		return "markdown"
	case ".csv":
		return "checklist"
	case ".xlsx":
		return "xlsx"
	}
	return "text"
}
