// Command clauselint checks Japanese contracts against security checklists
// (first of all the MHLW/METI/MIC 2024 確認表 for medical information
// systems) and reports, per item, whether the contract satisfies it.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitCode carries a status out of a command without printing anything more.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

func main() {
	root := newRoot()
	err := root.Execute()
	var code exitCode
	switch {
	case err == nil:
		os.Exit(exitOK)
	case errors.As(err, &code):
		os.Exit(int(code))
	default:
		fmt.Fprintln(os.Stderr, "clauselint:", err)
		os.Exit(exitError)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "clauselint",
		Short: "Check Japanese contracts against security checklists",
		Long: `clauselint checks Japanese contracts (.md, .txt, .docx, PDF text) against the items of
「医療情報システムの契約における当事者間の役割分担等に関する確認表」 (MHLW/METI/MIC, 2024)
and reports, per item, satisfied / partial / missing / contradicted with the clause that decides it.

It checks conformance to the checklist; it does not give legal advice.
It never modifies the files it reads and never uses the network.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCheckCmd(), newRulesCmd(), newTokensCmd(), newEvalCmd(), newInitCmd(), newVersionCmd())
	return root
}
