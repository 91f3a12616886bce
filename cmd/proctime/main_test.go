package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seed2fd11edd/proc"
)

// skipUnlessShell skips tests that run POSIX shell commands where there is
// no /bin/sh behind proc.System.
func skipUnlessShell(t *testing.T) {
	t.Helper()
	switch runtime.GOOS {
	case "windows", "js", "wasip1", "plan9":
		t.Skipf("the commands are POSIX shell; proc.System on %s runs another shell or none", runtime.GOOS)
	}
}

// runArgs calls run with args and returns its exit code and what it wrote.
func runArgs(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	code := run(args, &stderr)
	return code, stderr.String()
}

// jsonReport is the report that run writes with -json, decoded.
type jsonReport struct {
	Command       string   `json:"command"`
	ExitCode      *int     `json:"exit_code"`
	Signal        *int     `json:"signal"`
	SignalName    *string  `json:"signal_name"`
	CoreDumped    *bool    `json:"core_dumped"`
	Status        *int64   `json:"status"`
	RealSeconds   *float64 `json:"real_seconds"`
	UserSeconds   *float64 `json:"user_seconds"`
	SystemSeconds *float64 `json:"system_seconds"`
}

// runJSON runs command with -json and decodes the report, which must be
// the only output and hold every field.
func runJSON(t *testing.T, command string) (int, jsonReport) {
	t.Helper()
	code, out := runArgs(t, "-json", "--", command)
	if !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
		t.Fatalf("output is not one line: %q", out)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var rep jsonReport
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if rep.CoreDumped == nil || rep.Status == nil || rep.RealSeconds == nil ||
		rep.UserSeconds == nil || rep.SystemSeconds == nil {
		t.Fatalf("output %q lacks a field", out)
	}
	if rep.Command != command {
		t.Errorf("command = %q, want %q", rep.Command, command)
	}
	return code, rep
}

// skipUnlessSystem skips tests where proc.System runs nothing.
func skipUnlessSystem(t *testing.T) {
	t.Helper()
	switch runtime.GOOS {
	case "js", "wasip1", "plan9":
		t.Skipf("proc.System runs no command on %s", runtime.GOOS)
	}
}

// TestExitStatus runs "exit N", which sh and cmd.exe both understand.
func TestExitStatus(t *testing.T) {
	skipUnlessSystem(t)
	tests := []int{0, 3}
	if runtime.GOOS == "windows" {
		tests = append(tests, 1000) // passed on whole
	}
	for _, n := range tests {
		code, out := runArgs(t, "--", "exit "+strconv.Itoa(n))
		if code != n {
			t.Errorf("exit %d: exit code %d", n, code)
		}
		if want := "proctime: exit status " + strconv.Itoa(n) + "\nreal "; !strings.HasPrefix(out, want) {
			t.Errorf("exit %d: output %q, want it to start with %q", n, out, want)
		}
	}
}

func TestKilled(t *testing.T) {
	skipUnlessShell(t)
	code, out := runArgs(t, "kill -9 $$")
	if code != 128+9 {
		t.Errorf("exit code %d, want %d", code, 128+9)
	}
	if !strings.HasPrefix(out, "proctime: signal 9 (killed)\n") {
		t.Errorf("output %q, want it to report signal 9 (killed)", out)
	}
}

// TestArgs checks that several arguments make one command line, as
// sh -c "$*", and that "--" is optional.
func TestArgs(t *testing.T) {
	skipUnlessSystem(t)
	for _, args := range [][]string{{"--", "exit", "5"}, {"exit", "5"}, {"exit 5"}} {
		code, out := runArgs(t, args...)
		if code != 5 || !strings.HasPrefix(out, "proctime: exit status 5\n") {
			t.Errorf("run(%q) = %d, output %q; want 5 and exit status 5", args, code, out)
		}
	}
	if _, rep := runJSON(t, "exit 4"); rep.Command != "exit 4" {
		t.Errorf("command = %q, want %q", rep.Command, "exit 4")
	}
}

func TestJSONExited(t *testing.T) {
	skipUnlessSystem(t)
	code, rep := runJSON(t, "exit 3")
	if code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	if rep.ExitCode == nil || *rep.ExitCode != 3 {
		t.Errorf("exit_code = %v, want 3", rep.ExitCode)
	}
	if rep.Signal != nil || rep.SignalName != nil || *rep.CoreDumped {
		t.Errorf("signal = %v, signal_name = %v, core_dumped = %v; want null, null, false",
			rep.Signal, rep.SignalName, *rep.CoreDumped)
	}
	if st := proc.WaitStatus(*rep.Status); !st.Exited() || st.ExitStatus() != 3 {
		t.Errorf("status = %d (%v), want exit status 3", *rep.Status, st)
	}
}

func TestJSONSignaled(t *testing.T) {
	skipUnlessShell(t)
	code, rep := runJSON(t, "kill -9 $$")
	if code != 128+9 {
		t.Errorf("exit code %d, want %d", code, 128+9)
	}
	if rep.ExitCode != nil {
		t.Errorf("exit_code = %d, want null", *rep.ExitCode)
	}
	if rep.Signal == nil || *rep.Signal != 9 {
		t.Errorf("signal = %v, want 9", rep.Signal)
	}
	if rep.SignalName == nil || *rep.SignalName != "killed" {
		t.Errorf("signal_name = %v, want %q", rep.SignalName, "killed")
	}
	if st := proc.WaitStatus(*rep.Status); !st.Signaled() || int(st.Signal()) != 9 {
		t.Errorf("status = %d (%v), want killed", *rep.Status, st)
	}
}

func TestRealTime(t *testing.T) {
	skipUnlessShell(t)
	_, rep := runJSON(t, "sleep 0.2")
	if *rep.RealSeconds < 0.2 || *rep.RealSeconds > 10 {
		t.Errorf("real_seconds = %v, want at least 0.2", *rep.RealSeconds)
	}
}

func TestUserTime(t *testing.T) {
	skipUnlessShell(t)
	_, rep := runJSON(t, "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done")
	if *rep.UserSeconds <= 0 {
		t.Errorf("user_seconds = %v, want more than 0", *rep.UserSeconds)
	}
	if *rep.SystemSeconds < 0 {
		t.Errorf("system_seconds = %v, want at least 0", *rep.SystemSeconds)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"--"}, {"-json"}, {"-json", "--"}, {"-nosuchflag", "true"}} {
		code, out := runArgs(t, args...)
		if code != 2 || !strings.Contains(out, "usage: proctime") {
			t.Errorf("run(%q) = %d, output %q; want 2 and the usage", args, code, out)
		}
	}
	code, out := runArgs(t, "-h")
	if code != 0 || !strings.Contains(out, "usage: proctime") {
		t.Errorf("run(-h) = %d, output %q; want 0 and the usage", code, out)
	}
}

func TestSystemError(t *testing.T) {
	for _, args := range [][]string{{"echo a\x00b"}, {"-json", "echo a\x00b"}} {
		code, out := runArgs(t, args...)
		if code != 127 {
			t.Errorf("run(%q) = %d, want 127", args, code)
		}
		if !strings.HasPrefix(out, "proctime: ") || strings.Count(out, "\n") != 1 || len(out) < len("proctime: x\n") {
			t.Errorf("run(%q) output %q, want one line of error", args, out)
		}
	}
}

func TestFormat(t *testing.T) {
	r := result{
		command: "true && exit 3",
		status:  3 << 8,
		real:    1203117 * time.Microsecond,
		user:    1500 * time.Microsecond,
		sys:     0,
	}
	want := "proctime: exit status 3\nreal 1.203s  user 0.002s  sys 0.000s\n"
	if got := format(r, false); got != want {
		t.Errorf("format(%v) = %q, want %q", r, got, want)
	}
	want = `{"command":"true && exit 3","exit_code":3,"signal":null,"signal_name":null,"core_dumped":false,` +
		`"status":768,"real_seconds":1.203117,"user_seconds":0.0015,"system_seconds":0}` + "\n"
	if got := format(r, true); got != want {
		t.Errorf("format(%v, json) = %q, want %q", r, got, want)
	}
}

func TestFormatSignal(t *testing.T) {
	switch runtime.GOOS {
	case "windows", "js", "wasip1", "plan9":
		t.Skipf("statuses on %s hold no signal", runtime.GOOS)
	}
	const segv = 11 // SIGSEGV on every system
	r := result{command: "kill -SEGV $$", status: 0x80 | segv}
	want := "proctime: signal " + strconv.Itoa(segv) + " (segmentation fault), core dumped\n" +
		"real 0.000s  user 0.000s  sys 0.000s\n"
	if got := format(r, false); got != want {
		t.Errorf("format(%v) = %q, want %q", r, got, want)
	}
	want = `{"command":"kill -SEGV $$","exit_code":null,"signal":` + strconv.Itoa(segv) +
		`,"signal_name":"segmentation fault","core_dumped":true,"status":` + strconv.Itoa(0x80|segv) +
		`,"real_seconds":0,"user_seconds":0,"system_seconds":0}` + "\n"
	if got := format(r, true); got != want {
		t.Errorf("format(%v, json) = %q, want %q", r, got, want)
	}
	if got := r.exitCode(); got != 128+segv {
		t.Errorf("exit code %d, want %d", got, 128+segv)
	}
}

// TestBinary builds proctime and runs it, to check what run cannot: the
// exit code of the process, and that SIGINT does not end proctime while
// the command runs.
func TestBinary(t *testing.T) {
	skipUnlessShell(t)
	if testing.Short() {
		t.Skip("builds the command")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build proctime with")
	}
	bin := filepath.Join(t.TempDir(), "proctime")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(build.Environ(), "GOOS="+runtime.GOOS, "GOARCH="+runtime.GOARCH)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string // a prefix
	}{
		{[]string{"--", "echo hello; exit 3"}, 3, "hello\n", "proctime: exit status 3\nreal "},
		{[]string{"kill -9 $$"}, 137, "", "proctime: signal 9 (killed)\nreal "},
		{[]string{"-json", "--", "exit", "7"}, 7, "", `{"command":"exit 7","exit_code":7,`},
		// SIGINT to proctime alone, as from kill(1): ignored while the command runs.
		{[]string{"kill -INT $PPID; sleep 0.1; exit 5"}, 5, "", "proctime: exit status 5\n"},
		// SIGINT to proctime and the command, as from a Ctrl-C at the terminal.
		{[]string{"kill -INT $PPID $$; sleep 1"}, 128 + 2, "", "proctime: signal 2 (interrupt)\n"},
		{nil, 2, "", "usage: proctime"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if exit := (*exec.ExitError)(nil); errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			if strings.Contains(err.Error(), "exec format error") {
				// The test runs under an emulator (go test -exec
				// qemu-aarch64) that does not run the binaries it starts.
				t.Skipf("cannot run the built binary: %v", err)
			}
			t.Fatalf("proctime %q: %v", tt.args, err)
		}
		if code != tt.code || stdout.String() != tt.stdout || !strings.HasPrefix(stderr.String(), tt.stderr) {
			t.Errorf("proctime %q: exit code %d, stdout %q, stderr %q; want %d, %q, %q...",
				tt.args, code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
		}
	}
}
