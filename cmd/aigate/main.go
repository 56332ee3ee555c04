// Command aigate checks Terraform, Bicep and ARM templates for insecure Azure AI settings.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"

	"github.com/aigate-dev/aigate/scan"
	"github.com/spf13/cobra"
)

const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// scanFunc is scan.Run, replaceable so tests can drive the exit codes with results of their choosing.
type scanFunc func(context.Context, scan.Options) (*scan.Result, error)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return runWith(ctx, scan.Run, args, stdout, stderr)
}

func runWith(ctx context.Context, scanner scanFunc, args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(scanner, stdout, stderr)
	root.SetArgs(withDefaultCommand(root, args))
	cmd, err := root.ExecuteContextC(ctx)
	var status exitStatus
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &status):
		return int(status)
	}
	fmt.Fprintf(stderr, "aigate: %v\n", err)
	if errors.As(err, new(usageError)) {
		fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return exitError
}

// exitStatus ends a command that has already said all it has to say.
type exitStatus int

func (s exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(s)) }

// usageError marks a mistake in the command line, which earns a pointer to the help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// usageArgs makes cobra's argument checks usage errors.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func newRootCommand(scanner scanFunc, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "aigate",
		Short: "Static security checks for Azure AI infrastructure code",
		Long: "aigate checks Terraform, Bicep and ARM templates for insecure Azure AI settings.\n\n" +
			"Without a command it scans: `aigate infra` is `aigate scan infra`.",
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newScanCommand(scanner, stdout, stderr),
		newRulesCommand(stdout),
		newExplainCommand(stdout),
		&cobra.Command{
			Use:   "version",
			Short: "Print the version",
			Args:  usageArgs(cobra.NoArgs),
			RunE: func(*cobra.Command, []string) error {
				_, err := fmt.Fprintf(stdout, "aigate %s built with %s\n", version(), runtime.Version())
				return err
			},
		},
	)
	return root
}

// withDefaultCommand makes scan the command when the first argument names none, so that the first
// command a user tries, `aigate .`, works.
func withDefaultCommand(root *cobra.Command, args []string) []string {
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "--help":
			return args
		}
		for _, cmd := range root.Commands() {
			if cmd.Name() == args[0] || cmd.HasAlias(args[0]) {
				return args
			}
		}
	}
	return append([]string{"scan"}, args...)
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
