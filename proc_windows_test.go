package proc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

// underWine reports whether the tests run under Wine, whose
// GetProcessTimes reports the caller's times for any process.
var underWine = windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil

// tempDir is t.TempDir without os.RemoveAll, which Wine 8 cannot do.
func tempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "proc-test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.Remove(filepath.Join(dir, e.Name()))
		}
		os.Remove(dir)
	})
	return dir
}

func TestSystemWindows(t *testing.T) {
	for _, code := range []int{0, 3, 255, 256, 1000, 0x7fffffff} {
		st, err := System("exit " + strconv.Itoa(code))
		if err != nil {
			t.Fatal(err)
		}
		if st != WaitStatus(code)<<8 || !st.Exited() || st.ExitStatus() != code {
			t.Errorf("System(exit %d) = %#x (%v)", code, int64(st), st)
		}
		if got, err := WaitStatusToExitCode(st); err != nil || got != code {
			t.Errorf("WaitStatusToExitCode = %d, %v; want %d", got, err, code)
		}
	}
}

func TestSystemWindowsRedirectAndQuotes(t *testing.T) {
	dir := tempDir(t)
	out := filepath.Join(dir, "out file.txt")
	// cmd.exe parses the quotes itself: the line reaches it as written.
	st, err := System(`echo "quoted & kept"> "` + out + `"`)
	if err != nil || st != 0 {
		t.Fatalf("System = %v, %v", st, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); got != "\"quoted & kept\"\r\n" {
		t.Errorf("file holds %q", got)
	}
	st, err = System(`if "a b"=="a b" (exit 4) else (exit 5)`)
	if err != nil || st.ExitStatus() != 4 {
		t.Errorf("System(if) = %v, %v; want exit 4", st, err)
	}
	if _, err := System("exit 1\x00"); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("System(NUL) error = %v, want EINVAL", err)
	}
}

func TestExitCodesWindows(t *testing.T) {
	for _, code := range []uint32{0, 1, 259, 0xC0000005, 0xC000013A, 0xFFFFFFFF} {
		got, err := WaitStatusToExitCode(WaitStatus(uint64(code) << 8))
		if err != nil || uint32(got) != code {
			t.Errorf("WaitStatusToExitCode(%#x << 8) = %d, %v", code, got, err)
		}
	}
	for _, st := range []WaitStatus{-1, 1 << 40} {
		if _, err := WaitStatusToExitCode(st); !errors.Is(err, ErrInvalidStatus) {
			t.Errorf("WaitStatusToExitCode(%d) error = %v, want ErrInvalidStatus", int64(st), err)
		}
	}
}

func init() {
	helpers["sleep-exit"] = func() int {
		time.Sleep(300 * time.Millisecond)
		code, _ := strconv.Atoi(os.Getenv("PROC_TEST_CODE"))
		return code
	}
	helpers["sleep-long"] = func() int {
		if f := os.Getenv("PROC_TEST_PIDFILE"); f != "" {
			os.WriteFile(f, []byte(strconv.Itoa(os.Getpid())), 0o644)
		}
		time.Sleep(time.Minute)
		return 0
	}
}

// startHelper starts the test binary again as a helper and returns the
// command; the test's cleanup kills and waits for it.
func startHelper(t *testing.T, name string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+name), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd
}

func TestWaitPidWindows(t *testing.T) {
	cmd := startHelper(t, "sleep-exit", "PROC_TEST_CODE=7")
	pid := cmd.Process.Pid
	if wp, st, err := WaitPid(pid, WNOHANG); wp != 0 || st != 0 || err != nil {
		t.Errorf("WaitPid(WNOHANG) on a live process = %d, %v, %v", wp, st, err)
	}
	if wp, st, ru, err := Wait4(pid, WNOHANG); wp != 0 || st != 0 || ru != (Rusage{}) || err != nil {
		t.Errorf("Wait4(WNOHANG) on a live process = %d, %v, %+v, %v", wp, st, ru, err)
	}
	wp, st, ru, err := Wait4(pid, 0)
	if err != nil || wp != pid || st != 7<<8 {
		t.Fatalf("Wait4 = %d, %#x, %v; want %d, 0x700", wp, int64(st), err, pid)
	}
	if ru.MaxRSS < 0 || ru.UserTime < 0 || ru.SystemTime < 0 {
		t.Errorf("Rusage = %+v", ru)
	}

	cmd = startHelper(t, "sleep-exit", fmt.Sprintf("PROC_TEST_CODE=%d", uint32(0xC0000005)))
	wp, st, err = WaitPid(cmd.Process.Pid, 0)
	if err != nil || wp != cmd.Process.Pid {
		t.Fatalf("WaitPid = %d, %v", wp, err)
	}
	if code, err := WaitStatusToExitCode(st); err != nil || uint32(code) != 0xC0000005 {
		t.Errorf("exit code %#x, %v; want 0xC0000005", code, err)
	}
}

func TestWaitPidWindowsErrors(t *testing.T) {
	for _, pid := range []int{0, -2, -100} {
		if _, _, err := WaitPid(pid, 0); !errors.Is(err, syscall.EINVAL) {
			t.Errorf("WaitPid(%d) error = %v, want EINVAL", pid, err)
		}
	}
	cmd := startHelper(t, "sleep-long")
	if _, _, err := WaitPid(cmd.Process.Pid, WUNTRACED); !errors.Is(err, syscall.EINVAL) {
		t.Errorf("WaitPid(WUNTRACED) error = %v, want EINVAL", err)
	}
	// A process ID that names no process.
	_, _, err := WaitPid(0x7ffffff0, 0)
	var se *os.SyscallError
	if err == nil || !errors.As(err, &se) || se.Syscall != "OpenProcess" {
		t.Errorf("WaitPid(no such process) error = %v, want OpenProcess's", err)
	}
	for name, err := range map[string]error{
		"Wait":        func() error { _, _, err := Wait(); return err }(),
		"Wait3":       func() error { _, _, _, err := Wait3(0); return err }(),
		"WaitID":      func() error { _, err := WaitID(P_ALL, 0, WEXITED); return err }(),
		"WaitPid(-1)": func() error { _, _, err := WaitPid(-1, 0); return err }(),
	} {
		if !errors.Is(err, errors.ErrUnsupported) {
			t.Errorf("%s error = %v, want ErrUnsupported", name, err)
		}
	}
}

func TestWaitPidContextWindows(t *testing.T) {
	cmd := startHelper(t, "sleep-long")
	pid := cmd.Process.Pid
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	wp, st, err := WaitPidContext(ctx, pid, 0)
	if wp != 0 || st != 0 || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WaitPidContext = %d, %v, %v; want the deadline", wp, st, err)
	}
	cmd.Process.Kill()
	wp, st, err = WaitPidContext(context.Background(), pid, 0)
	if err != nil || wp != pid || st != 1<<8 {
		t.Errorf("WaitPidContext after Kill = %d, %#x, %v; want exit code 1", wp, int64(st), err)
	}

	done := startHelper(t, "sleep-exit", "PROC_TEST_CODE=9")
	ctx2, cancel2 := context.WithTimeout(context.Background(), time.Minute)
	defer cancel2()
	wp, st, err = WaitPidContext(ctx2, done.Process.Pid, 0)
	if err != nil || st != 9<<8 {
		t.Errorf("WaitPidContext = %d, %#x, %v; want exit code 9", wp, int64(st), err)
	}
}

func TestSystemContextWindows(t *testing.T) {
	st, err := SystemContext(context.Background(), "exit 12")
	if err != nil || st != 12<<8 {
		t.Errorf("SystemContext(Background) = %#x, %v", int64(st), err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err = SystemContext(ctx, "exit 13")
	if err != nil || st != 13<<8 {
		t.Errorf("SystemContext = %#x, %v", int64(st), err)
	}
	// A command that starts a grandchild (the test binary, sleeping) and
	// waits for it: the cancel must end both.
	pidfile := filepath.Join(tempDir(t), "pid")
	t.Setenv(helperEnv, "sleep-long")
	t.Setenv("PROC_TEST_PIDFILE", pidfile)
	short, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	go func() {
		for short.Err() == nil {
			if b, _ := os.ReadFile(pidfile); len(b) > 0 {
				cancel2()
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	start := time.Now()
	st, err = SystemContext(short, `"`+os.Args[0]+`" -test.run=^$ & exit 0`)
	if !errors.Is(err, context.Canceled) || st != 0 {
		t.Fatalf("SystemContext(cancelled) = %#x, %v; want context.Canceled", int64(st), err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("SystemContext took %v", d)
	}
	b, _ := os.ReadFile(pidfile)
	pid, _ := strconv.Atoi(string(b))
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, uint32(pid))
	if err == nil {
		defer windows.CloseHandle(h)
		if ev, _ := windows.WaitForSingleObject(h, 5000); ev != windows.WAIT_OBJECT_0 {
			t.Errorf("the command's child %d still runs after the cancel", pid)
		}
	}
}

func TestTimesWindows(t *testing.T) {
	before, err := Times()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(100 * time.Millisecond)
	for x := 0; time.Now().Before(deadline); x++ {
		_ = x * x
	}
	after, err := Times()
	if err != nil {
		t.Fatal(err)
	}
	if d := after.User + after.System - before.User - before.System; d <= 0 {
		t.Errorf("CPU time grew by %v over a 100 ms busy loop", d)
	}
	if d := after.Elapsed - before.Elapsed; d < 90*time.Millisecond || d > time.Minute {
		t.Errorf("Elapsed grew by %v over 100 ms", d)
	}
	if after.ChildrenUser != 0 || after.ChildrenSystem != 0 {
		t.Errorf("children's times %v, %v; want zero on Windows", after.ChildrenUser, after.ChildrenSystem)
	}
	_ = underWine
}

// TestWaitPidContextManyWindows waits for many processes at once through
// registered waits, each with its own exit code.
func TestWaitPidContextManyWindows(t *testing.T) {
	const n = 24
	cmds := make([]*exec.Cmd, n)
	for i := range cmds {
		cmds[i] = startHelper(t, "sleep-exit", fmt.Sprintf("PROC_TEST_CODE=%d", 100+i))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	errs := make(chan error, n)
	for i, cmd := range cmds {
		go func() {
			wp, st, err := WaitPidContext(ctx, cmd.Process.Pid, 0)
			if err != nil || wp != cmd.Process.Pid || st.ExitStatus() != 100+i {
				errs <- fmt.Errorf("process %d: %d, %#x, %v; want exit code %d", i, wp, int64(st), err, 100+i)
				return
			}
			errs <- nil
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
