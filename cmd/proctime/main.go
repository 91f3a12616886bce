// Command proctime runs a shell command and reports how it ended and how
// long it took, as time(1) does.
//
// Usage:
//
//	proctime [-json] [--] command [arg ...]
//
// The arguments are joined with spaces into one command line, which runs
// in the shell as [proc.System] runs it (/bin/sh -c on Unix, %ComSpec% /c
// on Windows), with proctime's standard input, output and error. When the
// command ends, proctime writes to its standard error how it ended (its
// exit status, or the signal that killed it and whether it dumped core),
// the real time it took, and the user and system CPU time of its processes:
//
//	$ proctime -- 'sleep 0.2; echo hello'
//	hello
//	proctime: exit status 0
//	real 0.203s  user 0.001s  sys 0.002s
//
// With -json the report is one line holding a JSON object instead:
//
//	$ proctime -json -- 'kill -9 $$'
//	{"command":"kill -9 $$","exit_code":null,"signal":9,"signal_name":"killed","core_dumped":false,"status":9,"real_seconds":0.001393,"user_seconds":0.000973,"system_seconds":0}
//
// exit_code is null when a signal ended the command; signal and
// signal_name are null when it exited; status is the raw wait status that
// proc.System returned; the times are in seconds, to the microsecond.
//
// The user and system times are those of the shell and of every process
// that was waited for under it, as [proc.Times] reports them for children;
// a process left running in the background is not counted. On Windows they
// are always zero, since proc.Times has no children's times there.
//
// # Exit status
//
// proctime exits with the command's exit code or, if a signal ended the
// command, with 128 plus the signal number, as shells do; on Windows the
// exit code is passed on whole, even above 255. It exits with 2 when it is
// given no command or a bad flag, and with 127 when the command could not be
// run at all (the shell could not be started, or the command holds a NUL
// byte), after writing "proctime: " and the error to standard error, as
// plain text even with -json. The shell itself also exits with 127 when it
// cannot find the command.
//
// While the command runs, SIGINT and SIGQUIT do not end proctime, so a
// Ctrl-C at the terminal ends the command and proctime still reports.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/seed2fd11edd/proc"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is proctime with the arguments args (without the program name),
// writing its report to stderr; it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("proctime", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "write the report as one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: proctime [-json] [--] command [arg ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}

	r, err := measure(strings.Join(fs.Args(), " "))
	if err != nil {
		fmt.Fprintf(stderr, "proctime: %v\n", err)
		return 127
	}
	io.WriteString(stderr, format(r, *asJSON))
	return r.exitCode()
}

// A result is what proctime reports of a command.
type result struct {
	command         string
	status          proc.WaitStatus
	real, user, sys time.Duration
}

// measure runs command with proc.System and times it.
func measure(command string) (result, error) {
	before, err := proc.Times()
	if err != nil {
		return result{}, err
	}
	status, err := proc.System(command)
	if err != nil {
		return result{}, err
	}
	after, err := proc.Times()
	if err != nil {
		return result{}, err
	}
	return result{
		command: command,
		status:  status,
		real:    after.Elapsed - before.Elapsed,
		user:    after.ChildrenUser - before.ChildrenUser,
		sys:     after.ChildrenSystem - before.ChildrenSystem,
	}, nil
}

// exitCode is the exit code that a shell gives for r's status: the exit
// status, or 128 plus the signal that ended the command.
func (r result) exitCode() int {
	switch {
	case r.status.Exited():
		return r.status.ExitStatus()
	case r.status.Signaled():
		return 128 + int(r.status.Signal())
	}
	return 127 // proc.System reports no other kind of status
}

// report is the JSON form of a result.
type report struct {
	Command       string  `json:"command"`
	ExitCode      *int    `json:"exit_code"`
	Signal        *int    `json:"signal"`
	SignalName    *string `json:"signal_name"`
	CoreDumped    bool    `json:"core_dumped"`
	Status        int64   `json:"status"`
	RealSeconds   float64 `json:"real_seconds"`
	UserSeconds   float64 `json:"user_seconds"`
	SystemSeconds float64 `json:"system_seconds"`
}

// format returns the report on r that proctime writes, ending in a newline:
// two lines of text, or one JSON object if asJSON is set.
func format(r result, asJSON bool) string {
	st := r.status
	if !asJSON {
		how := st.String()
		if st.Signaled() {
			how = fmt.Sprintf("signal %d (%s)", int(st.Signal()), signalName(st))
			if st.CoreDump() {
				how += ", core dumped"
			}
		}
		return fmt.Sprintf("proctime: %s\nreal %.3fs  user %.3fs  sys %.3fs\n",
			how, r.real.Seconds(), r.user.Seconds(), r.sys.Seconds())
	}

	rep := report{
		Command:       r.command,
		Status:        int64(st),
		RealSeconds:   seconds(r.real),
		UserSeconds:   seconds(r.user),
		SystemSeconds: seconds(r.sys),
	}
	switch {
	case st.Exited():
		code := st.ExitStatus()
		rep.ExitCode = &code
	case st.Signaled():
		sig, name := int(st.Signal()), signalName(st)
		rep.Signal, rep.SignalName = &sig, &name
		rep.CoreDumped = st.CoreDump()
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "a && b" readable
	if err := enc.Encode(rep); err != nil {
		panic(err) // a report always encodes
	}
	return b.String()
}

// signalName is the name of the signal that ended the command, such as
// "killed". fmt gives it on systems whose Signal is a syscall.Signal, and
// the number where it is a plain int (Plan 9).
func signalName(st proc.WaitStatus) string {
	return fmt.Sprint(st.Signal())
}

// seconds is d in seconds, rounded to the microsecond. Unlike
// d.Seconds(), it divides once, so 1.203117s is exactly 1.203117 in JSON.
func seconds(d time.Duration) float64 {
	return float64(d.Round(time.Microsecond)/time.Microsecond) / 1e6
}
