//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestStressLeaksNothing makes 2,000 System calls, 2,000 waits and 500
// cancelled waits, and counts descriptors, goroutines and zombie children
// before and after.
func TestStressLeaksNothing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts children through /proc")
	}
	n := 2000
	if testing.Short() {
		n = 200
	}
	before := countResources(t)
	var wrong atomic.Int64
	var wg sync.WaitGroup
	work := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range work {
				if st, err := System(fmt.Sprintf("exit %d", i%256)); err != nil || st.ExitStatus() != i%256 {
					wrong.Add(1)
				}
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	for batch := 0; batch < n; batch += 100 {
		pids := make([]int, 0, 100)
		for i := range 100 {
			pids = append(pids, spawn(t, fmt.Sprintf("exit %d", i), nil))
		}
		for i, pid := range pids {
			var (
				wp  int
				st  WaitStatus
				err error
			)
			if i%2 == 0 {
				wp, st, err = WaitPid(pid, 0)
			} else {
				wp, st, err = WaitPidContext(context.Background(), pid, 0)
			}
			if err != nil || wp != pid || st.ExitStatus() != i {
				wrong.Add(1)
			}
		}
	}
	for batch := 0; batch < n/4; batch += 50 {
		pids := make([]int, 50)
		for i := range pids {
			pids[i] = spawn(t, "exec sleep 60", nil)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		for i, pid := range pids {
			p := pid
			if i%5 == 0 {
				p = -1
			}
			wg.Go(func() {
				if _, _, err := WaitPidContext(ctx, p, 0); !errors.Is(err, context.DeadlineExceeded) {
					wrong.Add(1)
				}
			})
		}
		wg.Wait()
		cancel()
		for _, pid := range pids {
			syscall.Kill(pid, syscall.SIGKILL)
			if wp, _, err := WaitPid(pid, 0); wp != pid || err != nil {
				wrong.Add(1)
			}
		}
	}
	if wrong.Load() != 0 {
		t.Fatalf("%d calls gave a wrong result", wrong.Load())
	}
	after := settle(t, before)
	if after.fds > before.fds || after.goroutines > before.goroutines || after.zombies > before.zombies {
		t.Errorf("leaked: before %+v, after %+v", before, after)
	}
}

func init() {
	helpers["bad-pids"] = func() int {
		var failed []string
		expect := func(name string, err error, want error) {
			if !errors.Is(err, want) {
				failed = append(failed, fmt.Sprintf("%s: %v, want %v", name, err, want))
			}
		}
		// A child that has been reaped already.
		pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "exit 0"}, &syscall.ProcAttr{})
		if err != nil {
			fmt.Println(err)
			return 1
		}
		if _, _, err := WaitPid(pid, 0); err != nil {
			fmt.Println(err)
			return 1
		}
		bg := context.Background()
		for _, p := range []struct {
			name string
			pid  int
		}{
			{"reaped", pid}, {"not a child", os.Getppid()}, {"zero", 0},
			{"no such group", -99999}, {"minus one", -1}, {"init", 1},
		} {
			_, _, err := WaitPid(p.pid, 0)
			expect("WaitPid "+p.name, err, syscall.ECHILD)
			_, _, err = WaitPid(p.pid, WNOHANG)
			expect("WaitPid WNOHANG "+p.name, err, syscall.ECHILD)
			_, _, _, err = Wait4(p.pid, 0)
			expect("Wait4 "+p.name, err, syscall.ECHILD)
			_, _, err = WaitPidContext(bg, p.pid, 0)
			expect("WaitPidContext "+p.name, err, syscall.ECHILD)
			_, _, err = WaitPidContext(bg, p.pid, WUNTRACED)
			expect("WaitPidContext WUNTRACED "+p.name, err, syscall.ECHILD)
		}
		if _, err := WaitID(P_PID, pid, WEXITED); !errors.Is(err, errors.ErrUnsupported) {
			expect("WaitID reaped", err, syscall.ECHILD)
			_, err = WaitID(P_PID, 1, WEXITED)
			expect("WaitID init", err, syscall.ECHILD)
			_, err = WaitID(P_PGID, 99999, WEXITED)
			expect("WaitID no such group", err, syscall.ECHILD)
			for _, id := range []int{0, -5} {
				if _, err := WaitID(P_PID, id, WEXITED); err == nil {
					failed = append(failed, fmt.Sprintf("WaitID(P_PID, %d): no error", id))
				}
			}
		}
		if len(failed) > 0 {
			fmt.Println(strings.Join(failed, "\n"))
			return 1
		}
		fmt.Println("all rejected")
		return 0
	}
}

// TestBadPids passes every call pids that name no child, in a helper
// process with no other children.
func TestBadPids(t *testing.T) {
	out, err := runHelper(t, "bad-pids")
	if err != nil || !strings.Contains(out, "all rejected") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
}
