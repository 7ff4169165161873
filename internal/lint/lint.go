// Package lint owns a run: it expands the paths the user named into input
// files, loads and segments them in parallel, evaluates them with the engine
// (each file alone, or all as one agreement with --bundle) and returns the
// results in input order with every input error named.
package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/document"
	"github.com/clauselint/clauselint/internal/structure"
)

// Extensions read when a folder is named.
var Extensions = []string{".md", ".markdown", ".txt", ".docx", ".pdf"}

// Stdin is the path that means standard input.
const Stdin = "-"

// Expand turns files and folders into the list of files to check. Folders
// are walked recursively for the known extensions, skipping hidden folders;
// files named explicitly are taken whatever their extension.
func Expand(paths []string) ([]string, error) {
	var out []string
	var errs []error
	for _, p := range paths {
		if p == Stdin {
			out = append(out, p)
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &document.Error{Path: p, Msg: "no such file or folder"})
			continue
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			for _, e := range Extensions {
				if ext == e {
					found = append(found, path)
					break
				}
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		if len(found) == 0 && err == nil {
			errs = append(errs, &document.Error{Path: p, Msg: "folder has no .md, .txt, .docx or .pdf files"})
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, errors.Join(errs...)
}

// Load reads and segments files with up to jobs workers; stdin is read from r.
// Documents come back in input order; each failed input is one error.
func Load(paths []string, r io.Reader, jobs int) ([]*structure.Document, error) {
	docs := make([]*structure.Document, len(paths))
	errs := make([]error, len(paths))
	jobs = max(1, jobs)
	var wg sync.WaitGroup
	next := make(chan int)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], errs[i] = load(paths[i], r)
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var ok []*structure.Document
	for _, d := range docs {
		if d != nil {
			ok = append(ok, d)
		}
	}
	return ok, errors.Join(errs...)
}

func load(path string, r io.Reader) (d *structure.Document, err error) {
	defer func() {
		// A reader bug must name the file, not take the whole run down.
		if p := recover(); p != nil {
			d, err = nil, &document.Error{Path: path, Msg: fmt.Sprintf("internal error while reading: %v", p)}
		}
	}()
	var doc *document.Document
	if path == Stdin {
		data, rerr := io.ReadAll(io.LimitReader(r, document.MaxSize+1))
		if rerr != nil {
			return nil, &document.Error{Path: "<stdin>", Msg: rerr.Error()}
		}
		if len(data) > document.MaxSize {
			return nil, &document.Error{Path: "<stdin>", Msg: "input is larger than the limit"}
		}
		doc, err = document.Parse("<stdin>", data)
	} else {
		doc, err = document.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	d = structure.Parse(doc)
	if len(d.Errors) > 0 {
		return nil, errors.Join(d.Errors...)
	}
	return d, nil
}

// Check evaluates documents: one target per document, or one for all with bundle.
func Check(e *check.Engine, docs []*structure.Document, bundle bool, jobs int) []*check.Target {
	if bundle {
		if len(docs) == 0 {
			return nil
		}
		return []*check.Target{e.Check(docs)}
	}
	out := make([]*check.Target, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, jobs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = e.Check([]*structure.Document{docs[i]})
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
