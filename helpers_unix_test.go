//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// spawn starts /bin/sh -c script as a child of the test and returns its
// process ID. A child that the test leaves unreaped is killed and reaped
// when the test ends; one that the test reaped is left alone, so a reused
// process ID is never signalled.
func spawn(t testing.TB, script string, attr *syscall.SysProcAttr) int {
	t.Helper()
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", script}, &syscall.ProcAttr{
		Dir:   os.TempDir(),
		Env:   os.Environ(),
		Files: []uintptr{devNull(t), 1, 2},
		Sys:   attr,
	})
	if err != nil {
		t.Fatalf("starting %q: %v", script, err)
	}
	t.Cleanup(func() { reapIfChild(pid) })
	return pid
}

// reapIfChild kills and reaps pid if it is still an unreaped child.
func reapIfChild(pid int) {
	var ws unix.WaitStatus
	wp, err := unix.Wait4(pid, &ws, unix.WNOHANG, nil)
	if err != nil || wp == pid {
		return // reaped already, or just now
	}
	syscall.Kill(pid, syscall.SIGKILL)
	for {
		if _, err := unix.Wait4(pid, &ws, 0, nil); err != syscall.EINTR {
			return
		}
	}
}

var devNullFd = -1

func devNull(t testing.TB) uintptr {
	if devNullFd < 0 {
		fd, err := syscall.Open(os.DevNull, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		devNullFd = fd
	}
	return uintptr(devNullFd)
}

// waitState polls /proc-free: it retries fn until it reports true or the
// deadline passes.
func eventually(t *testing.T, what string, fn func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !fn() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runHelper runs the test binary again as the helper name, and returns its
// output and exit error. It skips the test where the binary cannot be run
// again (under qemu-user without binfmt).
func runHelper(t *testing.T, name string, env ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+name), env...)
	out, err := cmd.CombinedOutput()
	var pe *os.PathError
	if errors.As(err, &pe) || errors.Is(err, syscall.ENOEXEC) || strings.Contains(string(out), "exec format error") {
		t.Skipf("cannot run the test binary again here (as under qemu-user): %v", err)
	}
	return string(out), err
}

// ignoreSIGCHLD makes the system reap the children for the rest of the
// test, and restores SIGCHLD after it (signal.Reset alone would not).
func ignoreSIGCHLD(t *testing.T) {
	t.Helper()
	signal.Ignore(syscall.SIGCHLD)
	t.Cleanup(func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGCHLD)
		signal.Reset(syscall.SIGCHLD)
		if signal.Ignored(syscall.SIGCHLD) {
			t.Errorf("SIGCHLD is still ignored")
		}
	})
}
