package eval

import (
	"testing"

	"github.com/clauselint/clauselint/internal/check"
	"github.com/clauselint/clauselint/internal/morph"
	"github.com/clauselint/clauselint/rules"
)

func engines(t *testing.T) Engines {
	t.Helper()
	an, err := morph.Shared()
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Load(an)
	if err != nil {
		t.Fatal(err)
	}
	return func(hospital string) *check.Engine {
		return check.New(set, an, check.Options{Hospital: hospital})
	}
}

// TestBundledExamples: the three example contracts come out exactly as
// their .want.yaml says, element by element, and their parties are found.
func TestBundledExamples(t *testing.T) {
	r, err := Run("../../testdata/examples", engines(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Contracts != 3 {
		t.Fatalf("%d example contracts, want 3", r.Contracts)
	}
	for _, m := range r.Misses {
		t.Errorf("%s %s: want %s, got %s (%s)", m.Case, m.Element, m.Gold, m.Pred, m.Why)
	}
}

// TestTuneFloor guards the tuning part of the evaluation set against
// regressions: no contradicted clause may ever be reported as satisfied, and
// precision of satisfied stays at or above the floor. (The held-out part is
// only measured, never asserted: it is not tuned against.)
func TestTuneFloor(t *testing.T) {
	r, err := Run("../../testdata/eval/tune", engines(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Clauses < 100 || r.Contracts < 6 {
		t.Fatalf("tune set too small: %d clauses, %d contracts", r.Clauses, r.Contracts)
	}
	if n := r.Overall.ContradictedAsSatisfied; n != 0 {
		t.Errorf("%d contradicted clauses reported as satisfied", n)
	}
	if p := r.Overall.SatisfiedPrecision; p < 0.95 {
		t.Errorf("precision of satisfied %.3f, floor 0.95", p)
	}
	if rc := r.Overall.SatisfiedRecall; rc < 0.80 {
		t.Errorf("recall of satisfied %.3f, floor 0.80", rc)
	}
}

func TestScores(t *testing.T) {
	m := Matrix{}
	for range 9 {
		m.add(check.Satisfied, check.Satisfied)
	}
	m.add(check.Satisfied, check.Missing)
	m.add(check.Missing, check.Satisfied)
	m.add(check.Contradicted, check.Contradicted)
	m.add(check.Contradicted, check.Satisfied)
	s := scores(m)
	if s.Cases != 13 || s.SatisfiedPrecision != 9.0/11 || s.SatisfiedRecall != 0.9 || s.ContradictedRecall != 0.5 || s.ContradictedPrecision != 1 || s.ContradictedAsSatisfied != 1 {
		t.Errorf("scores %+v", s)
	}
}
