package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFindUpward(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %s before writing one", got)
	}
	want := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(want, []byte("lang: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, yaml, err string
	}{
		{"template", Template, ""},
		{"empty", "", ""},
		{"unknown key", "profile: [保守]\nwaiver: []\n", ":2:1: field waiver not found"},
		{"wrong type", "profile: 保守\n", ":1:1: cannot unmarshal"},
		{"no reason", "waivers:\n  - id: P2-COMMON-12\n", "a reason is required"},
		{"bad date", "waivers:\n  - id: P2-COMMON-12\n    reason: x\n    expires: 2027/03/31\n", "is not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".yaml")
			if err := os.WriteFile(p, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Fatalf("error %v, want %q", err, tt.err)
			}
		})
	}
}

func TestRulesRelativeToTheFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("rules: [./ours]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules[0] != filepath.Join(dir, "ours") {
		t.Errorf("rules folder %q", c.Rules[0])
	}
}

func TestExpired(t *testing.T) {
	day := time.Date(2027, 3, 31, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		expires string
		want    bool
	}{
		{"", false},
		{"2027-03-31", false}, // valid through its last day
		{"2027-03-30", true},
		{"2028-01-01", false},
	}
	for _, tt := range tests {
		if got := (Waiver{Expires: tt.expires}).Expired(day); got != tt.want {
			t.Errorf("Expired(%q) = %v, want %v", tt.expires, got, tt.want)
		}
	}
}
