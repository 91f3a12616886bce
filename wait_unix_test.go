//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestWaitPidEnds waits for children that exit and that signals kill, with
// each wait call.
func TestWaitPidEnds(t *testing.T) {
	tests := []struct {
		name     string
		script   string
		exited   bool
		exit     int
		signal   syscall.Signal
		exitCode int
		str      string
	}{
		{"exit 0", "exit 0", true, 0, 0, 0, "exit status 0"},
		{"exit 42", "exit 42", true, 42, 0, 42, "exit status 42"},
		{"exit 255", "exit 255", true, 255, 0, 255, "exit status 255"},
		{"SIGKILL", "kill -KILL $$", false, 0, syscall.SIGKILL, -int(syscall.SIGKILL), "signal: killed"},
		{"SIGTERM", "kill -TERM $$", false, 0, syscall.SIGTERM, -int(syscall.SIGTERM), "signal: terminated"},
	}
	calls := map[string]func(pid int) (int, WaitStatus, error){
		"WaitPid": func(pid int) (int, WaitStatus, error) { return WaitPid(pid, 0) },
		"Wait4": func(pid int) (int, WaitStatus, error) {
			wp, st, _, err := Wait4(pid, 0)
			return wp, st, err
		},
		"Wait": func(int) (int, WaitStatus, error) { return Wait() },
		"Wait3": func(int) (int, WaitStatus, error) {
			wp, st, _, err := Wait3(0)
			return wp, st, err
		},
		"WaitPidContext": func(pid int) (int, WaitStatus, error) {
			return WaitPidContext(context.Background(), pid, 0)
		},
		"WaitPidContext any": func(pid int) (int, WaitStatus, error) {
			return WaitPidContext(context.Background(), -1, 0)
		},
		// The way taken where the kernel has no pidfds.
		"waitOnSIGCHLD": func(pid int) (int, WaitStatus, error) {
			return waitOnSIGCHLD(context.Background(), pid, 0)
		},
	}
	for callName, call := range calls {
		for _, tt := range tests {
			t.Run(callName+"/"+tt.name, func(t *testing.T) {
				pid := spawn(t, tt.script, nil)
				wp, st, err := call(pid)
				if err != nil || wp != pid {
					t.Fatalf("wait = %d, %v, %v; want pid %d", wp, st, err, pid)
				}
				if st.Exited() != tt.exited || st.Signaled() == tt.exited {
					t.Fatalf("status %#x: Exited %v, Signaled %v", int64(st), st.Exited(), st.Signaled())
				}
				if tt.exited && st.ExitStatus() != tt.exit {
					t.Errorf("ExitStatus = %d, want %d", st.ExitStatus(), tt.exit)
				}
				if !tt.exited && (st.Signal() != tt.signal || st.CoreDump()) {
					t.Errorf("Signal = %v, CoreDump %v; want %v, no core", st.Signal(), st.CoreDump(), tt.signal)
				}
				if st.Stopped() || st.Continued() {
					t.Errorf("status %#x reads as stopped or continued", int64(st))
				}
				if code, err := WaitStatusToExitCode(st); err != nil || code != tt.exitCode {
					t.Errorf("WaitStatusToExitCode = %d, %v; want %d", code, err, tt.exitCode)
				}
				if st.String() != tt.str {
					t.Errorf("String = %q, want %q", st.String(), tt.str)
				}
			})
		}
	}
}

// TestWaitIDEnds waits with WaitID for children that exit or are killed.
func TestWaitIDEnds(t *testing.T) {
	skipWithoutWaitID(t)
	tests := []struct {
		script       string
		code, status int
	}{
		{"exit 0", CLD_EXITED, 0},
		{"exit 42", CLD_EXITED, 42},
		{"exit 255", CLD_EXITED, 255},
		{"kill -KILL $$", CLD_KILLED, int(syscall.SIGKILL)},
		{"kill -TERM $$", CLD_KILLED, int(syscall.SIGTERM)},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			pid := spawn(t, tt.script, nil)
			r, err := WaitID(P_PID, pid, WEXITED)
			if err != nil || r == nil {
				t.Fatalf("WaitID = %+v, %v", r, err)
			}
			want := WaitIDResult{Pid: pid, UID: os.Getuid(), Signo: int(syscall.SIGCHLD), Status: tt.status, Code: tt.code}
			if *r != want {
				t.Errorf("WaitID = %+v, want %+v", *r, want)
			}
		})
	}
}

func skipWithoutWaitID(t *testing.T) {
	t.Helper()
	if _, err := WaitID(P_ALL, 0, WEXITED|WNOHANG); errors.Is(err, errors.ErrUnsupported) {
		t.Skipf("WaitID is not supported on %s/%s", runtime.GOOS, runtime.GOARCH)
	}
}

// TestCoreDump kills a child with SIGABRT where core dumps are enabled,
// and reads the status through WaitPid and WaitPidContext.
func TestCoreDump(t *testing.T) {
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &lim); err != nil || lim.Max == 0 {
		t.Skipf("core dumps are forbidden here (RLIMIT_CORE hard limit 0): %v", err)
	}
	if pattern, err := os.ReadFile("/proc/sys/kernel/core_pattern"); err == nil && strings.HasPrefix(string(pattern), "|") {
		t.Skipf("core_pattern pipes cores to %q, which may refuse them", strings.TrimSpace(string(pattern)))
	}
	waits := []struct {
		name string
		wait func(pid int) (int, WaitStatus, error)
	}{
		{"WaitPid", func(pid int) (int, WaitStatus, error) { return WaitPid(pid, 0) }},
		{"WaitPidContext", func(pid int) (int, WaitStatus, error) {
			return WaitPidContext(context.Background(), pid, 0)
		}},
	}
	for _, w := range waits {
		t.Run(w.name, func(t *testing.T) {
			dir := t.TempDir() // the core file lands here
			pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "ulimit -c unlimited 2>/dev/null || ulimit -c 100000; kill -ABRT $$"},
				&syscall.ProcAttr{Dir: dir, Files: []uintptr{devNull(t), 1, 2}})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { reapIfChild(pid) })
			wp, st, err := w.wait(pid)
			if err != nil || wp != pid {
				t.Fatalf("%s = %d, %v", w.name, wp, err)
			}
			if !st.Signaled() || st.Signal() != syscall.SIGABRT {
				t.Fatalf("status %v, want killed by SIGABRT", st)
			}
			if !st.CoreDump() {
				t.Skipf("the system wrote no core (status %v); nothing to check", st)
			}
			if !strings.HasSuffix(st.String(), "(core dumped)") {
				t.Errorf("String = %q, want it to say the core was dumped", st.String())
			}
			if code, err := WaitStatusToExitCode(st); err != nil || code != -int(syscall.SIGABRT) {
				t.Errorf("WaitStatusToExitCode = %d, %v", code, err)
			}
		})
	}
}

// TestStopContinue stops a child with SIGSTOP and resumes it with SIGCONT,
// seen through WaitPid, Wait4 and WaitID.
func TestStopContinue(t *testing.T) {
	t.Run("WaitPid", func(t *testing.T) {
		pid := spawn(t, "exec sleep 60", nil)
		syscall.Kill(pid, syscall.SIGSTOP)
		wp, st, err := WaitPid(pid, WUNTRACED)
		if err != nil || wp != pid || !st.Stopped() || st.StopSignal() != syscall.SIGSTOP {
			t.Fatalf("WaitPid(WUNTRACED) = %d, %v (%#x), %v; want stopped by SIGSTOP", wp, st, int64(st), err)
		}
		if st.Exited() || st.Signaled() || st.Continued() {
			t.Errorf("stopped status %#x reads as exited, signaled or continued", int64(st))
		}
		if _, err := WaitStatusToExitCode(st); err == nil || err.Error() != fmt.Sprintf("process stopped by delivery of signal %d", syscall.SIGSTOP) {
			t.Errorf("WaitStatusToExitCode(stopped) error = %v", err)
		}
		syscall.Kill(pid, syscall.SIGCONT)
		wp, st, _, err = Wait4(pid, WCONTINUED)
		if err != nil || wp != pid || !st.Continued() {
			t.Fatalf("Wait4(WCONTINUED) = %d, %v (%#x), %v; want continued", wp, st, int64(st), err)
		}
		if st.Stopped() || st.Exited() || st.Signaled() || st.String() != "continued" {
			t.Errorf("continued status %#x reads as %q", int64(st), st.String())
		}
		// Still alive after SIGCONT: a WNOHANG wait finds nothing.
		if wp, _, err := WaitPid(pid, WNOHANG); wp != 0 || err != nil {
			t.Errorf("WaitPid(WNOHANG) after SIGCONT = %d, %v", wp, err)
		}
	})
	t.Run("WaitPidContext", func(t *testing.T) {
		pid := spawn(t, "exec sleep 60", nil)
		go func() {
			time.Sleep(20 * time.Millisecond)
			syscall.Kill(pid, syscall.SIGSTOP)
		}()
		wp, st, err := WaitPidContext(context.Background(), pid, WUNTRACED)
		if err != nil || wp != pid || !st.Stopped() || st.StopSignal() != syscall.SIGSTOP {
			t.Fatalf("WaitPidContext(WUNTRACED) = %d, %v, %v", wp, st, err)
		}
		go func() {
			time.Sleep(20 * time.Millisecond)
			syscall.Kill(pid, syscall.SIGCONT)
		}()
		wp, st, err = WaitPidContext(context.Background(), pid, WCONTINUED)
		if err != nil || wp != pid || !st.Continued() {
			t.Fatalf("WaitPidContext(WCONTINUED) = %d, %v, %v", wp, st, err)
		}
	})
	t.Run("WaitID", func(t *testing.T) {
		skipWithoutWaitID(t)
		pid := spawn(t, "exec sleep 60", nil)
		syscall.Kill(pid, syscall.SIGSTOP)
		r, err := WaitID(P_PID, pid, WSTOPPED)
		if err != nil || r == nil || r.Pid != pid || r.Code != CLD_STOPPED || r.Status != int(syscall.SIGSTOP) {
			t.Fatalf("WaitID(WSTOPPED) = %+v, %v; want CLD_STOPPED by SIGSTOP", r, err)
		}
		syscall.Kill(pid, syscall.SIGCONT)
		r, err = WaitID(P_PID, pid, WCONTINUED)
		if err != nil || r == nil || r.Pid != pid || r.Code != CLD_CONTINUED || r.Status != int(syscall.SIGCONT) {
			t.Fatalf("WaitID(WCONTINUED) = %+v, %v; want CLD_CONTINUED by SIGCONT", r, err)
		}
		syscall.Kill(pid, syscall.SIGKILL)
		r, err = WaitID(P_PID, pid, WEXITED)
		if err != nil || r == nil || r.Code != CLD_KILLED || r.Status != int(syscall.SIGKILL) {
			t.Fatalf("WaitID(WEXITED) = %+v, %v; want CLD_KILLED by SIGKILL", r, err)
		}
	})
}

// TestWNOHANG checks every call on a live child: nothing to report.
func TestWNOHANG(t *testing.T) {
	pid := spawn(t, "exec sleep 60", nil)
	if wp, st, err := WaitPid(pid, WNOHANG); wp != 0 || st != 0 || err != nil {
		t.Errorf("WaitPid = %d, %v, %v; want 0, 0, nil", wp, st, err)
	}
	if wp, st, err := WaitPid(-1, WNOHANG); wp != 0 || st != 0 || err != nil {
		t.Errorf("WaitPid(-1) = %d, %v, %v; want 0, 0, nil", wp, st, err)
	}
	if wp, st, ru, err := Wait3(WNOHANG); wp != 0 || st != 0 || ru != (Rusage{}) || err != nil {
		t.Errorf("Wait3 = %d, %v, %+v, %v; want zeros", wp, st, ru, err)
	}
	if wp, st, ru, err := Wait4(pid, WNOHANG); wp != 0 || st != 0 || ru != (Rusage{}) || err != nil {
		t.Errorf("Wait4 = %d, %v, %+v, %v; want zeros", wp, st, ru, err)
	}
	if wp, st, err := WaitPidContext(context.Background(), pid, WNOHANG); wp != 0 || st != 0 || err != nil {
		t.Errorf("WaitPidContext = %d, %v, %v; want 0, 0, nil", wp, st, err)
	}
	if r, err := WaitID(P_PID, pid, WEXITED|WNOHANG); r != nil || (err != nil && !errors.Is(err, errors.ErrUnsupported)) {
		t.Errorf("WaitID = %+v, %v; want nil, nil", r, err)
	}
	if r, err := WaitID(P_ALL, 0, WEXITED|WNOHANG); r != nil || (err != nil && !errors.Is(err, errors.ErrUnsupported)) {
		t.Errorf("WaitID(P_ALL) = %+v, %v; want nil, nil", r, err)
	}
}

func init() {
	helpers["echild"] = func() int {
		var failed []string
		check := func(name string, err error) {
			if !errors.Is(err, syscall.ECHILD) {
				failed = append(failed, fmt.Sprintf("%s: %v", name, err))
			}
			var se *os.SyscallError
			if !errors.As(err, &se) {
				failed = append(failed, fmt.Sprintf("%s: %T is not an *os.SyscallError", name, err))
			}
		}
		_, _, err := Wait()
		check("Wait", err)
		_, _, err = WaitPid(-1, 0)
		check("WaitPid(-1, 0)", err)
		_, _, err = WaitPid(-1, WNOHANG)
		check("WaitPid(-1, WNOHANG)", err)
		_, _, err = WaitPid(os.Getppid(), 0)
		check("WaitPid(parent, 0)", err)
		_, _, _, err = Wait3(0)
		check("Wait3", err)
		_, _, _, err = Wait3(WNOHANG)
		check("Wait3(WNOHANG)", err)
		_, _, _, err = Wait4(-1, 0)
		check("Wait4", err)
		_, _, err = WaitPidContext(context.Background(), -1, 0)
		check("WaitPidContext(-1)", err)
		_, _, err = WaitPidContext(context.Background(), os.Getppid(), 0)
		check("WaitPidContext(parent)", err)
		if _, err := WaitID(P_ALL, 0, WEXITED); !errors.Is(err, errors.ErrUnsupported) {
			check("WaitID", err)
			_, err = WaitID(P_ALL, 0, WEXITED|WNOHANG)
			check("WaitID(WNOHANG)", err)
		}
		if len(failed) > 0 {
			fmt.Println(strings.Join(failed, "\n"))
			return 1
		}
		fmt.Println("all ECHILD")
		return 0
	}
}

// TestECHILD runs every call in a process with no children.
func TestECHILD(t *testing.T) {
	out, err := runHelper(t, "echild")
	if err != nil || !strings.Contains(out, "all ECHILD") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
}

// TestEINVAL passes options and idtypes that the system rejects.
func TestEINVAL(t *testing.T) {
	pid := spawn(t, "exec sleep 60", nil)
	if runtime.GOOS == "linux" {
		if _, _, err := WaitPid(pid, 0x100); !errors.Is(err, syscall.EINVAL) {
			t.Errorf("WaitPid(bad options) error = %v, want EINVAL", err)
		}
		if _, _, err := WaitPid(pid, WEXITED); !errors.Is(err, syscall.EINVAL) {
			t.Errorf("WaitPid(WEXITED) error = %v, want EINVAL", err)
		}
	}
	skipWithoutWaitID(t)
	for _, tt := range []struct {
		name    string
		idtype  IDType
		options int
	}{
		{"idtype 99", 99, WEXITED},
		{"idtype -5", -5, WEXITED},
		{"no event", P_PID, WNOHANG},
		{"unknown option", P_PID, WEXITED | 0x100},
	} {
		r, err := WaitID(tt.idtype, pid, tt.options)
		if !errors.Is(err, syscall.EINVAL) || r != nil {
			t.Errorf("%s: WaitID = %+v, %v; want EINVAL", tt.name, r, err)
		}
		var se *os.SyscallError
		if !errors.As(err, &se) {
			t.Errorf("%s: error %T is not an *os.SyscallError", tt.name, err)
		}
	}
	if runtime.GOOS != "linux" {
		if _, err := WaitID(P_PIDFD, 3, WEXITED); !errors.Is(err, syscall.EINVAL) {
			t.Errorf("WaitID(P_PIDFD) off Linux error = %v, want EINVAL", err)
		}
	}
}

// TestWaitIDTypes waits by process group, for any child and by pidfd.
func TestWaitIDTypes(t *testing.T) {
	skipWithoutWaitID(t)
	t.Run("P_PGID", func(t *testing.T) {
		pid := spawn(t, "exit 3", &syscall.SysProcAttr{Setpgid: true})
		r, err := WaitID(P_PGID, pid, WEXITED)
		if err != nil || r == nil || r.Pid != pid || r.Code != CLD_EXITED || r.Status != 3 {
			t.Fatalf("WaitID(P_PGID) = %+v, %v", r, err)
		}
	})
	t.Run("WaitPid -pgid", func(t *testing.T) {
		pid := spawn(t, "exit 4", &syscall.SysProcAttr{Setpgid: true})
		wp, st, err := WaitPid(-pid, 0)
		if err != nil || wp != pid || st.ExitStatus() != 4 {
			t.Fatalf("WaitPid(-pgid) = %d, %v, %v", wp, st, err)
		}
	})
	t.Run("P_ALL", func(t *testing.T) {
		pid := spawn(t, "exit 5", nil)
		r, err := WaitID(P_ALL, 0, WEXITED)
		if err != nil || r == nil || r.Pid != pid || r.Status != 5 {
			t.Fatalf("WaitID(P_ALL) = %+v, %v", r, err)
		}
	})
	t.Run("P_PIDFD", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("pidfds are Linux's")
		}
		pid := spawn(t, "exit 6", nil)
		fd, err := pidfdOpen(pid)
		if err != nil {
			t.Skipf("no pidfd_open here (kernel older than 5.3): %v", err)
		}
		defer syscall.Close(fd)
		r, err := WaitID(P_PIDFD, fd, WEXITED)
		if errors.Is(err, syscall.EINVAL) {
			t.Skipf("waitid takes no P_PIDFD here (kernel older than 5.4): %v", err)
		}
		if err != nil || r == nil || r.Pid != pid || r.Status != 6 {
			t.Fatalf("WaitID(P_PIDFD) = %+v, %v", r, err)
		}
	})
	t.Run("WNOWAIT", func(t *testing.T) {
		pid := spawn(t, "exit 7", nil)
		r, err := WaitID(P_PID, pid, WEXITED|WNOWAIT)
		if err != nil || r == nil || r.Pid != pid || r.Status != 7 {
			t.Fatalf("WaitID(WNOWAIT) = %+v, %v", r, err)
		}
		wp, st, err := WaitPid(pid, 0) // still waitable
		if err != nil || wp != pid || st.ExitStatus() != 7 {
			t.Fatalf("WaitPid after WNOWAIT = %d, %v, %v", wp, st, err)
		}
	})
}

// TestWait4Rusage checks the resource usage of a CPU-bound child.
func TestWait4Rusage(t *testing.T) {
	pid := spawn(t, "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done", nil)
	wp, st, ru, err := Wait4(pid, 0)
	if err != nil || wp != pid || !st.Exited() || st.ExitStatus() != 0 {
		t.Fatalf("Wait4 = %d, %v, %v", wp, st, err)
	}
	if ru.UserTime+ru.SystemTime < time.Millisecond {
		t.Errorf("CPU time of a busy child = %v user + %v system, want some", ru.UserTime, ru.SystemTime)
	}
	var children unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_CHILDREN, &children); err != nil {
		t.Fatal(err)
	}
	// The kernel's own figure for the children that have been waited for
	// bounds the child's.
	if kernel := int64(children.Maxrss) * maxRSSUnit; ru.MaxRSS <= 0 || ru.MaxRSS > kernel {
		t.Errorf("MaxRSS = %d bytes; want > 0 and <= the children's peak %d", ru.MaxRSS, kernel)
	}
	if maxRSSUnit == 1024 && ru.MaxRSS%1024 != 0 {
		t.Errorf("MaxRSS = %d is not a whole number of KiB converted to bytes", ru.MaxRSS)
	}
	if ut := time.Duration(children.Utime.Nano()); ru.UserTime > ut {
		t.Errorf("child user time %v exceeds all children's %v", ru.UserTime, ut)
	}
}

// TestWaitSignalStorm waits while signals keep interrupting the program.
func TestWaitSignalStorm(t *testing.T) {
	c := make(chan os.Signal, 64)
	signal.Notify(c, syscall.SIGUSR1, syscall.SIGALRM)
	defer signal.Stop(c)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // drain
		defer wg.Done()
		for {
			select {
			case <-c:
			case <-stop:
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			syscall.Kill(os.Getpid(), syscall.SIGUSR1)
			syscall.Kill(os.Getpid(), syscall.SIGALRM)
			time.Sleep(200 * time.Microsecond)
		}
	}()
	defer func() { close(stop); wg.Wait() }()
	for i := range 10 {
		pid := spawn(t, fmt.Sprintf("sleep 0.05; exit %d", i), nil)
		var (
			wp  int
			st  WaitStatus
			err error
		)
		switch i % 3 {
		case 0:
			wp, st, err = WaitPid(pid, 0)
		case 1:
			wp, st, _, err = Wait4(pid, 0)
		case 2:
			wp, st, err = WaitPidContext(context.Background(), pid, 0)
		}
		if err != nil || wp != pid || st.ExitStatus() != i {
			t.Fatalf("wait %d under signals = %d, %v, %v", i, wp, st, err)
		}
	}
	if _, err := WaitID(P_ALL, 0, WEXITED|WNOHANG); err != nil && !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.ECHILD) {
		t.Errorf("WaitID under signals: %v", err)
	}
}

// TestTimes checks that the times grow with work and that a waited-for
// child's CPU time shows in the children's times.
func TestTimes(t *testing.T) {
	before, err := Times()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(50 * time.Millisecond)
	for x := 0; time.Now().Before(deadline); x++ {
		_ = x * x
	}
	pid := spawn(t, "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done", nil)
	if _, _, err := WaitPid(pid, 0); err != nil {
		t.Fatal(err)
	}
	after, err := Times()
	if err != nil {
		t.Fatal(err)
	}
	if d := after.User + after.System - before.User - before.System; d < 10*time.Millisecond {
		t.Errorf("CPU time grew by %v over a 50 ms busy loop", d)
	}
	if d := after.ChildrenUser + after.ChildrenSystem - before.ChildrenUser - before.ChildrenSystem; d <= 0 {
		t.Errorf("children's CPU time grew by %v after a busy child", d)
	}
	if d := after.Elapsed - before.Elapsed; d < 50*time.Millisecond || d > time.Minute {
		t.Errorf("Elapsed grew by %v over at least 50 ms", d)
	}
	// Elapsed is CLOCK_MONOTONIC: the same clock as another reading of it.
	var ts unix.Timespec
	unix.ClockGettime(clockMonotonic, &ts)
	if d := time.Duration(ts.Nano()) - after.Elapsed; d < 0 || d > time.Second {
		t.Errorf("Elapsed %v is %v away from CLOCK_MONOTONIC", after.Elapsed, d)
	}
	if tu := after.Tuple(); tu != [5]time.Duration{after.User, after.System, after.ChildrenUser, after.ChildrenSystem, after.Elapsed} {
		t.Errorf("Tuple = %v", tu)
	}
	// Microseconds, not clock ticks: some reading is not a multiple of 10 ms.
	fine := false
	for range 50 {
		tm, _ := Times()
		if tm.User%(10*time.Millisecond) != 0 || tm.System%(10*time.Millisecond) != 0 {
			fine = true
			break
		}
		for x := 0; x < 100000; x++ {
			_ = x * x
		}
	}
	if !fine {
		t.Errorf("every reading is a multiple of 10 ms: clock ticks, not microseconds")
	}
}

func BenchmarkTimes(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := Times(); err != nil {
			b.Fatal(err)
		}
	}
}
