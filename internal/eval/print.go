package eval

import (
	"fmt"
	"io"
	"sort"
)

// Print writes the figures as a table people read.
func Print(w io.Writer, r *Result, misses bool) {
	fmt.Fprintf(w, "%s: %d clauses, %d contracts, %d element decisions\n", r.Dir, r.Clauses, r.Contracts, r.Overall.Cases)
	fmt.Fprintf(w, "%-48s %6s %6s %6s %6s %6s %5s\n", "element", "cases", "sat-P", "sat-R", "con-P", "con-R", "c→s")
	var ids []string
	for id := range r.Elements {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	line := func(name string, s Scores) {
		fmt.Fprintf(w, "%-48s %6d %6.3f %6.3f %6.3f %6.3f %5d\n", name, s.Cases, s.SatisfiedPrecision, s.SatisfiedRecall, s.ContradictedPrecision, s.ContradictedRecall, s.ContradictedAsSatisfied)
	}
	for _, id := range ids {
		line(id, r.Elements[id])
	}
	line("overall", r.Overall)
	fmt.Fprintf(w, "\nconfusion matrix (rows: label, columns: clauselint)\n%-14s", "")
	for _, p := range Statuses {
		fmt.Fprintf(w, "%14s", p)
	}
	fmt.Fprintln(w)
	for _, g := range Statuses {
		fmt.Fprintf(w, "%-14s", g)
		for _, p := range Statuses {
			fmt.Fprintf(w, "%14d", r.Overall.Matrix[g][p])
		}
		fmt.Fprintln(w)
	}
	if r.PartiesAll > 0 {
		fmt.Fprintf(w, "\nparty roles found: %d of %d contracts\n", r.PartiesOK, r.PartiesAll)
	}
	if misses && len(r.Misses) > 0 {
		fmt.Fprintf(w, "\ndisagreements (%d):\n", len(r.Misses))
		for _, m := range r.Misses {
			fmt.Fprintf(w, "  %s %s: label %s, clauselint %s — %s\n", m.Case, m.Element, m.Gold, m.Pred, m.Why)
		}
	}
}
