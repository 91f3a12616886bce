//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestSystem(t *testing.T) {
	tests := []struct {
		command string
		code    int
	}{
		{"true", 0},
		{"exit 42", 42},
		{"exit 255", 255},
		{"kill -KILL $$", -int(syscall.SIGKILL)},
		{"kill -TERM $$", -int(syscall.SIGTERM)},
		{"no-such-command-for-proc-tests 2>/dev/null", 127},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			st, err := System(tt.command)
			if err != nil {
				t.Fatal(err)
			}
			if code, err := WaitStatusToExitCode(st); err != nil || code != tt.code {
				t.Errorf("System(%q) = %v, exit code %d, %v; want %d", tt.command, st, code, err, tt.code)
			}
		})
	}
	if st, _ := System("exit 3"); st != 3<<8 {
		t.Errorf("System returns %#x, want the raw status 0x300", int64(st))
	}
}

// TestSystemInherits checks the environment, the directory and the
// standard output that the shell inherits.
func TestSystemInherits(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("PROC_TEST_VALUE", "it's inherited")
	st, err := System(`printf '%s|%s' "$PROC_TEST_VALUE" "$(pwd -P)" > out.txt`)
	if err != nil || st != 0 {
		t.Fatalf("System = %v, %v", st, err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	if want := "it's inherited|" + real; string(got) != want {
		t.Errorf("the shell saw %q, want %q", got, want)
	}
}

// TestSystemBadInput checks that a NUL byte and an over-long command run
// nothing and fail with an error.
func TestSystemBadInput(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	st, err := System("touch " + marker + "\x00; echo")
	if !errors.Is(err, syscall.EINVAL) || st != 0 {
		t.Errorf("System(NUL) = %v, %v; want EINVAL", st, err)
	}
	long := "touch " + marker + "; : " + strings.Repeat("x", 3<<20)
	st, err = System(long)
	if !errors.Is(err, syscall.E2BIG) || st != 0 {
		t.Errorf("System(3 MiB) = %v, %v; want E2BIG", st, err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("a rejected command ran")
	}
}

func TestSystemAuditHooks(t *testing.T) {
	// Hooks cannot be removed; these ones only act on commands that name
	// them, so they leave the other tests alone.
	var mu sync.Mutex
	var seen []string
	AddAuditHook(func(event string, args []any) error {
		if s, _ := args[0].(string); strings.Contains(s, "audit-test") {
			mu.Lock()
			seen = append(seen, fmt.Sprintf("first %s %v", event, args))
			mu.Unlock()
		}
		return nil
	})
	veto := errors.New("vetoed by the test hook")
	AddAuditHook(func(event string, args []any) error {
		if s, _ := args[0].(string); strings.Contains(s, "audit-test-veto") {
			return veto
		}
		return nil
	})
	AddAuditHook(nil) // ignored

	marker := filepath.Join(t.TempDir(), "ran")
	if st, err := System(": audit-test; exit 9"); err != nil || st.ExitStatus() != 9 {
		t.Fatalf("System = %v, %v", st, err)
	}
	st, err := System("touch " + marker + " # audit-test-veto")
	if err != veto || st != 0 {
		t.Errorf("vetoed System = %v, %v; want the hook's error", st, err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("a vetoed command ran")
	}
	st, err = SystemContext(context.Background(), "touch "+marker+" # audit-test-veto")
	if err != veto || st != 0 {
		t.Errorf("vetoed SystemContext = %v, %v; want the hook's error", st, err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []string{
		"first os.system [: audit-test; exit 9]",
		"first os.system [touch " + marker + " # audit-test-veto]",
		"first os.system [touch " + marker + " # audit-test-veto]",
	}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("hooks saw %q, want %q", seen, want)
	}
}

func TestSystemConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 64 {
		wg.Go(func() {
			st, err := System(fmt.Sprintf("sleep 0.0%d; exit %d", i%10, i))
			if err != nil || !st.Exited() || st.ExitStatus() != i {
				errs <- fmt.Errorf("System(exit %d) = %v, %v", i, st, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if interrupts.users != 0 || interrupts.caught {
		t.Errorf("after the calls: %d users, caught %v", interrupts.users, interrupts.caught)
	}
}

func init() {
	// Each helper runs System with a command that sends SIGINT and SIGQUIT
	// to the helper itself, then prints what it saw.
	const command = "kill -INT $PPID; kill -QUIT $PPID; sleep 0.2; exit 7"
	helpers["system-signals"] = func() int {
		st, err := System(command)
		fmt.Printf("status %d %v\n", st.ExitStatus(), err)
		// The handling must be as before: SIGINT now ends the program.
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		time.Sleep(5 * time.Second)
		fmt.Println("still alive after SIGINT")
		return 0
	}
	helpers["system-signals-notify"] = func() int {
		c := make(chan os.Signal, 4)
		signal.Notify(c, syscall.SIGINT, syscall.SIGQUIT)
		st, err := System(command)
		fmt.Printf("status %d %v\n", st.ExitStatus(), err)
		for range 2 {
			select {
			case sig := <-c:
				fmt.Println("got", sig)
			case <-time.After(5 * time.Second):
				fmt.Println("missed a signal")
			}
		}
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		select {
		case sig := <-c:
			fmt.Println("after: got", sig)
		case <-time.After(5 * time.Second):
			fmt.Println("after: missed")
		}
		return 0
	}
	helpers["system-signals-ignored"] = func() int {
		signal.Ignore(syscall.SIGINT)
		st, err := System("kill -INT $PPID; kill -INT $$; exit 8") // the shell inherits the ignored SIGINT
		fmt.Printf("status %d %v\n", st.ExitStatus(), err)
		fmt.Println("ignored after:", signal.Ignored(syscall.SIGINT))
		return 0
	}
}

// TestSystemSignals sends SIGINT and SIGQUIT to a program while System
// waits, in a helper process.
func TestSystemSignals(t *testing.T) {
	t.Run("default handling", func(t *testing.T) {
		out, err := runHelper(t, "system-signals")
		if !strings.Contains(out, "status 7 <nil>") {
			t.Fatalf("System did not survive SIGINT and SIGQUIT: %v\n%s", err, out)
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGINT || strings.Contains(out, "still alive") {
			t.Fatalf("after System, SIGINT did not end the program as before: %v\n%s", err, out)
		}
	})
	t.Run("notify channels", func(t *testing.T) {
		out, err := runHelper(t, "system-signals-notify")
		for _, want := range []string{"status 7 <nil>", "got interrupt", "got quit", "after: got interrupt"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q: %v\n%s", want, err, out)
			}
		}
	})
	t.Run("ignored", func(t *testing.T) {
		out, err := runHelper(t, "system-signals-ignored")
		for _, want := range []string{"status 8 <nil>", "ignored after: true"} {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q: %v\n%s", want, err, out)
			}
		}
	})
}

func BenchmarkSystem(b *testing.B) {
	b.Run("proc.System", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if st, err := System("true"); err != nil || st != 0 {
				b.Fatal(st, err)
			}
		}
	})
	// A program that handles Ctrl-C itself has SIGINT and SIGQUIT asked for
	// already; System's hold then costs next to nothing.
	b.Run("proc.System, program has signal.Notify", func(b *testing.B) {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGQUIT)
		defer signal.Stop(c)
		b.ReportAllocs()
		for range b.N {
			if st, err := System("true"); err != nil || st != 0 {
				b.Fatal(st, err)
			}
		}
	})
	b.Run("exec.Command", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if err := exec.Command("/bin/sh", "-c", "true").Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What System adds to ForkExec+wait4 to keep SIGINT and SIGQUIT from
	// ending the program: signal.Notify, then signal.Stop, of both.
	b.Run("signal hold", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			holdInterrupts()
			releaseInterrupts()
		}
	})
	b.Run("ForkExec+wait4", func(b *testing.B) {
		b.ReportAllocs()
		attr := &syscall.ProcAttr{Env: os.Environ(), Files: []uintptr{0, 1, 2}}
		for range b.N {
			pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "true"}, attr)
			if err != nil {
				b.Fatal(err)
			}
			var ws syscall.WaitStatus
			if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
