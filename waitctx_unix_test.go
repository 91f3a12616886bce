//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestWaitPidContextCancel cancels blocked waits, by deadline and by
// cancel, on every wait path, and checks that the child stays waitable.
func TestWaitPidContextCancel(t *testing.T) {
	for _, tt := range []struct {
		name    string
		pid     func(child int) int
		options int
		wait    func(ctx context.Context, pid, options int) (int, WaitStatus, error)
	}{
		{"pid", func(c int) int { return c }, 0, WaitPidContext},
		{"any child", func(int) int { return -1 }, 0, WaitPidContext},
		{"WUNTRACED", func(c int) int { return c }, WUNTRACED, WaitPidContext},
		// The way taken where the kernel has no pidfds.
		{"pid on SIGCHLD", func(c int) int { return c }, 0, waitOnSIGCHLD},
	} {
		for _, how := range []string{"deadline", "cancel"} {
			t.Run(tt.name+"/"+how, func(t *testing.T) {
				child := spawn(t, "exec sleep 60", nil)
				var ctx context.Context
				var cancel context.CancelFunc
				if how == "deadline" {
					ctx, cancel = context.WithTimeout(context.Background(), 30*time.Millisecond)
				} else {
					ctx, cancel = context.WithCancel(context.Background())
					time.AfterFunc(30*time.Millisecond, cancel)
				}
				defer cancel()
				start := time.Now()
				wp, st, err := tt.wait(ctx, tt.pid(child), tt.options)
				if wp != 0 || st != 0 || !errors.Is(err, ctx.Err()) || ctx.Err() == nil {
					t.Fatalf("WaitPidContext = %d, %v, %v; want 0, 0, %v", wp, st, err, ctx.Err())
				}
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("the cancelled wait took %v", d)
				}
				// Not reaped: the child is still there to be waited for.
				syscall.Kill(child, syscall.SIGKILL)
				wp, st, err = WaitPid(child, 0)
				if err != nil || wp != child || st.Signal() != syscall.SIGKILL {
					t.Fatalf("WaitPid after the cancel = %d, %v, %v", wp, st, err)
				}
			})
		}
	}
	t.Run("done before", func(t *testing.T) {
		child := spawn(t, "exit 1", nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, _, err := WaitPidContext(ctx, child, 0); !errors.Is(err, context.Canceled) {
			t.Fatalf("WaitPidContext(done ctx) error = %v", err)
		}
		if wp, _, err := WaitPid(child, 0); wp != child || err != nil {
			t.Fatalf("WaitPid = %d, %v", wp, err)
		}
	})
}

// TestWaitPidContextReapedElsewhere lets a plain WaitPid race a blocked
// WaitPidContext for the same child: exactly one of them reports it, and
// the other ends with ECHILD rather than hang.
func TestWaitPidContextReapedElsewhere(t *testing.T) {
	for i := range 20 {
		child := spawn(t, "exec sleep 60", nil)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		type result struct {
			pid int
			st  WaitStatus
			err error
		}
		done := make(chan result, 1)
		go func() {
			wp, st, err := WaitPidContext(ctx, child, 0)
			done <- result{wp, st, err}
		}()
		time.Sleep(time.Duration(i%4) * 5 * time.Millisecond) // before the watch, or after
		syscall.Kill(child, syscall.SIGKILL)
		wp, st, err := WaitPid(child, 0)
		other := <-done
		cancel()
		if errors.Is(other.err, context.DeadlineExceeded) {
			t.Fatalf("WaitPidContext hung after WaitPid = %d, %v, %v", wp, st, err)
		}
		winners := 0
		for _, r := range []result{{wp, st, err}, other} {
			switch {
			case r.err == nil && r.pid == child && r.st.Signal() == syscall.SIGKILL:
				winners++
			case r.pid == 0 && errors.Is(r.err, syscall.ECHILD):
			default:
				t.Fatalf("round %d: a wait reported %d, %v, %v", i, r.pid, r.st, r.err)
			}
		}
		if winners != 1 {
			t.Fatalf("round %d: %d waits reported the child, want exactly 1", i, winners)
		}
	}
}

// TestWaitPidContextSIGCHLDIgnored checks that waits end, never hang,
// when the program ignores SIGCHLD and the system reaps the children.
func TestWaitPidContextSIGCHLDIgnored(t *testing.T) {
	ignoreSIGCHLD(t)
	pid := spawn(t, "sleep 0.05", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, _, err := WaitPidContext(ctx, pid, 0); !errors.Is(err, syscall.ECHILD) {
		t.Errorf("WaitPidContext with SIGCHLD ignored: %v, want ECHILD", err)
	}
	pid = spawn(t, "sleep 0.05", nil)
	if _, _, err := WaitPidContext(ctx, -1, WUNTRACED); !errors.Is(err, syscall.ECHILD) {
		t.Errorf("WaitPidContext(-1) with SIGCHLD ignored: %v, want ECHILD", err)
	}
	if _, _, err := WaitPid(pid, 0); !errors.Is(err, syscall.ECHILD) {
		t.Errorf("WaitPid with SIGCHLD ignored: %v, want ECHILD", err)
	}
	if st, err := System("exit 3"); !errors.Is(err, syscall.ECHILD) {
		t.Errorf("System with SIGCHLD ignored = %v, %v; want ECHILD", st, err)
	}
}

// TestSystemContextKillsGroup cancels a command that started background
// children and checks that none of them is left.
func TestSystemContextKillsGroup(t *testing.T) {
	pids := filepath.Join(t.TempDir(), "pids")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// Cancel once both background sleeps have written their pids.
		for ctx.Err() == nil {
			if b, _ := os.ReadFile(pids); bytes.Count(b, []byte("\n")) >= 3 {
				cancel()
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	start := time.Now()
	st, err := SystemContext(ctx, "echo $$ >> "+pids+"; sleep 30 & echo $! >> "+pids+"; sleep 30 & echo $! >> "+pids+"; wait")
	if !errors.Is(err, context.Canceled) || st != 0 {
		t.Fatalf("SystemContext = %v, %v; want context.Canceled", st, err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("SystemContext took %v", d)
	}
	b, _ := os.ReadFile(pids)
	fields := strings.Fields(string(b))
	if len(fields) != 3 {
		t.Fatalf("pids file %q", b)
	}
	// The shell was reaped: it is no child any more.
	shell, _ := strconv.Atoi(fields[0])
	if _, _, err := WaitPid(shell, WNOHANG); !errors.Is(err, syscall.ECHILD) {
		t.Errorf("the shell is still a child: %v", err)
	}
	for _, f := range fields[1:] {
		pid, _ := strconv.Atoi(f)
		eventually(t, "background process "+f+" to end", func() bool { return !alive(pid) })
	}
}

// alive reports whether pid is a process that has not ended (a zombie has).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil {
		return false
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return runtime.GOOS != "linux"
	}
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || b[i+2] != 'Z'
}

func TestSystemContext(t *testing.T) {
	st, err := SystemContext(context.Background(), "exit 5")
	if err != nil || st.ExitStatus() != 5 {
		t.Errorf("SystemContext(Background) = %v, %v", st, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err = SystemContext(ctx, "exit 6")
	if err != nil || st.ExitStatus() != 6 {
		t.Errorf("SystemContext = %v, %v", st, err)
	}
	st, err = SystemContext(ctx, "kill -TERM $$")
	if err != nil || st.Signal() != syscall.SIGTERM {
		t.Errorf("SystemContext(kill) = %v, %v", st, err)
	}
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	marker := filepath.Join(t.TempDir(), "ran")
	if _, err := SystemContext(done, "touch "+marker); !errors.Is(err, context.Canceled) {
		t.Errorf("SystemContext(done) error = %v", err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("SystemContext ran a command with a done ctx")
	}
}

// resources counts what a leak would leave behind.
type resources struct{ fds, goroutines, zombies int }

func countResources(t *testing.T) resources {
	t.Helper()
	warmUp(t)
	var r resources
	entries, err := os.ReadDir("/dev/fd")
	if err != nil {
		t.Skipf("cannot count descriptors: %v", err)
	}
	r.fds = len(entries)
	r.goroutines = runtime.NumGoroutine()
	r.zombies = zombieChildren()
	return r
}

// warmUp starts what stays for the life of the program once used: the
// signal watcher of os/signal, the runtime's poller, the test's /dev/null.
func warmUp(t *testing.T) {
	t.Helper()
	if _, err := System("true"); err != nil {
		t.Fatal(err)
	}
	pid := spawn(t, "exit 0", nil)
	if _, _, err := WaitPidContext(context.Background(), pid, 0); err != nil {
		t.Fatal(err)
	}
}

// zombieChildren counts this process's children that ended unreaped.
func zombieChildren() int {
	n := 0
	for pid := range childPids() {
		if !alive(pid) {
			n++
		}
	}
	return n
}

// childPids lists this process's children (Linux /proc; empty elsewhere).
func childPids() map[int]bool {
	kids := map[int]bool{}
	dirs, _ := os.ReadDir("/proc")
	me := os.Getpid()
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) > 1 && f[1] == strconv.Itoa(me) {
			kids[pid] = true
		}
	}
	return kids
}

// settle waits for goroutines that are finishing to finish.
func settle(t *testing.T, before resources) resources {
	t.Helper()
	var after resources
	deadline := time.Now().Add(5 * time.Second)
	for {
		after = countResources(t)
		if after.goroutines <= before.goroutines && after.fds <= before.fds || time.Now().After(deadline) {
			return after
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestCancellationsLeakNothing cancels many concurrent waits and commands
// and counts descriptors, goroutines and zombies before and after.
func TestCancellationsLeakNothing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts children through /proc")
	}
	before := countResources(t)
	const n = 200
	pids := make([]int, n)
	for i := range pids {
		pids[i] = spawn(t, "exec sleep 60", nil)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var wrong atomic.Int64
	for i, pid := range pids {
		wg.Go(func() {
			p, opt := pid, 0
			if i%4 == 3 {
				p, opt = -1, 0 // the SIGCHLD path
			}
			if _, _, err := WaitPidContext(ctx, p, opt); !errors.Is(err, context.Canceled) {
				wrong.Add(1)
			}
		})
	}
	for range 20 {
		wg.Go(func() {
			if _, err := SystemContext(ctx, "sleep 30 & sleep 30; wait"); !errors.Is(err, context.Canceled) {
				wrong.Add(1)
			}
		})
	}
	time.Sleep(200 * time.Millisecond)
	cancel()
	wg.Wait()
	if wrong.Load() != 0 {
		t.Fatalf("%d calls did not end with context.Canceled", wrong.Load())
	}
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
		if wp, _, err := WaitPid(pid, 0); wp != pid || err != nil {
			t.Fatalf("WaitPid(%d) after the cancel = %d, %v", pid, wp, err)
		}
	}
	after := settle(t, before)
	if after.fds > before.fds || after.goroutines > before.goroutines || after.zombies > before.zombies {
		t.Errorf("leaked: before %+v, after %+v", before, after)
	}
	if sigchld.users != 0 || sigchld.c != nil {
		t.Errorf("SIGCHLD still asked for by %d users", sigchld.users)
	}
}

// osThreads reads the number of this process's threads (Linux).
func osThreads() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "Threads:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return -1
}

// waitMany starts n children that sleep, waits for each in a goroutine of
// its own, kills them once every waiter is blocked, and checks each status.
// It returns the OS threads counted while the waiters were blocked, and
// before they started (starting the children can add threads of its own).
func waitMany(tb testing.TB, n int) (blocked, started int) {
	pids := make([]int, n)
	attr := &syscall.ProcAttr{Files: []uintptr{devNull(tb), devNull(tb), 2}}
	for i := range pids {
		pid, err := syscall.ForkExec("/bin/sleep", []string{"sleep", "120"}, attr)
		if err != nil {
			tb.Fatalf("starting child %d: %v", i, err)
		}
		pids[i] = pid
	}
	tb.Cleanup(func() {
		for _, pid := range pids {
			reapIfChild(pid)
		}
	})
	started = osThreads()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var (
		wg      sync.WaitGroup
		entered atomic.Int64
		bad     atomic.Int64
	)
	for i, pid := range pids {
		wg.Go(func() {
			entered.Add(1)
			wp, st, err := WaitPidContext(ctx, pid, 0)
			want := syscall.SIGKILL
			if i%2 == 1 {
				want = syscall.SIGTERM
			}
			if err != nil || wp != pid || !st.Signaled() || st.Signal() != want {
				if bad.Add(1) == 1 {
					tb.Errorf("child %d: %d, %v, %v; want killed by %v", pid, wp, st, err, want)
				}
			}
		})
	}
	for entered.Load() < int64(n) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // let every waiter block
	blocked = osThreads()
	for i, pid := range pids {
		sig := syscall.SIGKILL
		if i%2 == 1 {
			sig = syscall.SIGTERM
		}
		syscall.Kill(pid, sig)
	}
	wg.Wait()
	if bad.Load() > 0 {
		tb.Fatalf("%d of %d waits wrong", bad.Load(), n)
	}
	return blocked, started
}

// TestWaitAtScale waits for 2,000 children at once and checks that the
// program holds no thread per waiter.
func TestWaitAtScale(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts threads through /proc/self/status")
	}
	if testing.Short() {
		t.Skip("starts 2,000 processes")
	}
	// Threads that earlier tests or the forks started stay; count what
	// waiting adds.
	threads, before := waitMany(t, 2000)
	t.Logf("%d OS threads while 2,000 goroutines waited (%d before)", threads, before)
	// No thread per waiter, and no burst of them: the waiters' system
	// calls are raw and never block. (A fresh process holds about 5 in all;
	// the bound is 64.)
	if threads > 64 && threads-before > 16 {
		t.Errorf("%d OS threads while 2,000 goroutines waited, %d before; want at most 64, or 16 more", threads, before)
	}
}

// BenchmarkWaitMany measures waiting for many children at once with
// WaitPidContext, beside os/exec's Wait. Run it with -benchtime=1x.
func BenchmarkWaitMany(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("counts threads through /proc/self/status")
	}
	sizes := []int{1000, 10000}
	if s := os.Getenv("PROC_BENCH_CHILDREN"); s != "" {
		n, _ := strconv.Atoi(s)
		sizes = []int{n}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("proc/%d", n), func(b *testing.B) {
			var threads int
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap := ms.TotalAlloc
			for range b.N {
				blocked, _ := waitMany(b, n)
				threads = max(threads, blocked)
			}
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(threads), "threads")
			b.ReportMetric(float64(ms.TotalAlloc-heap)/float64(b.N*n), "B/child")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/child")
		})
	}
	b.Run("os-exec/1000", func(b *testing.B) {
		const n = 1000
		var threads int
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap := ms.TotalAlloc
		for range b.N {
			cmds := make([]*exec.Cmd, n)
			for i := range cmds {
				cmds[i] = exec.Command("/bin/sleep", "120")
				if err := cmds[i].Start(); err != nil {
					b.Fatal(err)
				}
			}
			var wg sync.WaitGroup
			var entered atomic.Int64
			for _, c := range cmds {
				wg.Go(func() { entered.Add(1); c.Wait() })
			}
			for entered.Load() < n {
				time.Sleep(time.Millisecond)
			}
			time.Sleep(200 * time.Millisecond)
			threads = max(threads, osThreads())
			for _, c := range cmds {
				c.Process.Signal(syscall.SIGKILL)
			}
			wg.Wait()
		}
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(threads), "threads")
		b.ReportMetric(float64(ms.TotalAlloc-heap)/float64(b.N*n), "B/child")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/child")
	})
}

// TestAnyChildWaitsAtScale has 500 goroutines wait for any child while 500
// children end: each child is reported exactly once, and the SIGCHLD wake
// holds no thread per waiter.
func TestAnyChildWaitsAtScale(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts threads through /proc/self/status")
	}
	const n = 500
	pids := map[int]bool{}
	attr := &syscall.ProcAttr{Files: []uintptr{devNull(t), devNull(t), 2}}
	for range n {
		pid, err := syscall.ForkExec("/bin/sleep", []string{"sleep", "120"}, attr)
		if err != nil {
			t.Fatal(err)
		}
		pids[pid] = true
		t.Cleanup(func() { reapIfChild(pid) })
	}
	before := osThreads()
	var (
		mu      sync.Mutex
		got     = map[int]int{}
		wg      sync.WaitGroup
		entered atomic.Int64
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for range n {
		wg.Go(func() {
			entered.Add(1)
			wp, st, err := WaitPidContext(ctx, -1, 0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || st.Signal() != syscall.SIGKILL {
				got[-1]++
				return
			}
			got[wp]++
		})
	}
	for entered.Load() < n {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	threads := osThreads()
	for pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	wg.Wait()
	if got[-1] != 0 {
		t.Fatalf("%d waits failed", got[-1])
	}
	for pid := range pids {
		if got[pid] != 1 {
			t.Errorf("child %d reported %d times", pid, got[pid])
		}
	}
	if threads > 64 && threads-before > 16 {
		t.Errorf("%d OS threads while %d goroutines waited for any child (%d before)", threads, n, before)
	}
	t.Logf("%d OS threads while %d goroutines waited for any child (%d before)", threads, n, before)
}
