//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

func waitPidContext(ctx context.Context, pid, options int) (int, WaitStatus, error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if options&WNOHANG != 0 {
		return WaitPid(pid, options) // it does not block
	}
	if pid > 0 && options == 0 {
		if wp, status, err, ok := waitExit(ctx, pid); ok {
			return wp, status, err
		}
	}
	return waitOnSIGCHLD(ctx, pid, options)
}

// waitExit waits for the child pid to end, or for ctx to be done. ok is
// false when the watcher cannot watch pid (no pidfds on this kernel, the
// process is gone already): the caller then waits another way, which also
// tells the right error.
func waitExit(ctx context.Context, pid int) (wp int, status WaitStatus, err error, ok bool) {
	w := exitWatcherFor()
	if w == nil {
		return 0, 0, nil, false
	}
	ready := make(chan struct{})
	key, err := w.add(pid, ready)
	if err != nil {
		return 0, 0, nil, false
	}
	defer w.remove(key, ready)
	// The child may have ended before it was watched.
	if wp, status, err = reapExited(key, pid); err != nil || wp != 0 {
		return wp, status, err, true
	}
	select {
	case <-ready:
	case <-ctx.Done():
		return 0, 0, ctx.Err(), true
	}
	if wp, status, err = reapExited(key, pid); err != nil || wp != 0 {
		return wp, status, err, true
	}
	// Reported as ended, yet not waitable: never seen, but wait the
	// general way rather than trust the report.
	wp, status, err = waitOnSIGCHLD(ctx, pid, 0)
	return wp, status, err, true
}

// An exitWatcher is one readiness set for the whole program — an epoll set
// of pidfds on Linux, a kqueue of EVFILT_PROC registrations on macOS and
// the BSDs — whose descriptor one goroutine reads through the runtime's
// poller. A waiter adds its child to the set and sleeps on a channel, so
// that waiting holds neither a thread nor a descriptor in the poller.
type exitWatcher struct {
	set int
	// mu orders the set's changes with the reading of it, so that a key
	// (a pidfd number, which the system reuses) never reaches a waiter
	// that did not ask for it.
	mu      sync.Mutex
	waiters map[int][]chan struct{}
	keys    []int
}

var (
	exitWatcherOnce sync.Once
	theExitWatcher  *exitWatcher
)

// exitWatcherFor returns the program's watcher, started on first use, or
// nil where the system's set cannot be read through the poller.
func exitWatcherFor() *exitWatcher {
	exitWatcherOnce.Do(func() {
		set, err := newExitSet()
		if err != nil {
			return
		}
		if err := unix.SetNonblock(set, true); err != nil {
			unix.Close(set)
			return
		}
		f := os.NewFile(uintptr(set), "exits")
		rc, err := f.SyscallConn()
		if err != nil || f.SetReadDeadline(time.Time{}) != nil { // not pollable
			f.Close()
			return
		}
		w := &exitWatcher{set: set, waiters: make(map[int][]chan struct{})}
		go w.run(f, rc)
		theExitWatcher = w
	})
	return theExitWatcher
}

// run wakes the waiters whose children ended, each time the set becomes
// readable, for the life of the program.
func (w *exitWatcher) run(f *os.File, rc syscall.RawConn) {
	rc.Read(func(uintptr) bool {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.keys, _ = readyExits(w.set, w.keys[:0])
		for _, key := range w.keys {
			for _, c := range w.waiters[key] {
				close(c)
			}
			delete(w.waiters, key)
		}
		return false
	})
	runtime.KeepAlive(f)
}

// add watches pid for ready, and returns the key to remove it by.
func (w *exitWatcher) add(pid int, ready chan struct{}) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	key, err := watchExit(w.set, pid)
	if err != nil {
		return -1, err
	}
	w.waiters[key] = append(w.waiters[key], ready)
	return key, nil
}

// remove forgets ready, and takes key out of the set when no one else
// waits on it.
func (w *exitWatcher) remove(key int, ready chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	list := slices.DeleteFunc(w.waiters[key], func(c chan struct{}) bool { return c == ready })
	if len(list) > 0 {
		w.waiters[key] = list
		return
	}
	delete(w.waiters, key)
	unwatchExit(w.set, key)
}

// waitOnSIGCHLD waits as WaitPid(pid, options) does, trying wait4 with
// WNOHANG again each time a SIGCHLD arrives, until it reports something or
// ctx is done.
func waitOnSIGCHLD(ctx context.Context, pid, options int) (int, WaitStatus, error) {
	tick := sigchld.subscribe()
	defer sigchld.unsubscribe()
	delay := time.Millisecond
	for {
		changed := tick()
		wp, status, err := waitNoHang(pid, options)
		if err != nil || wp != 0 {
			return wp, status, err
		}
		var (
			poll  <-chan time.Time
			timer *time.Timer
		)
		if changed == nil {
			// SIGCHLD is ignored: the system reaps and sends nothing to
			// wait for. Look again, less and less often.
			timer = time.NewTimer(delay)
			poll = timer.C
			delay = min(2*delay, 100*time.Millisecond)
		}
		select {
		case <-changed:
		case <-poll:
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return 0, 0, ctx.Err()
		}
	}
}

// sigchld turns SIGCHLD into a broadcast for the waiters.
var sigchld signalBroadcast

// A signalBroadcast turns SIGCHLD into a channel that is closed, and
// replaced, each time the signal arrives. It asks for the signal with
// signal.Notify only while someone waits; signal.Stop then leaves the
// program's own handling of it exactly as it was.
type signalBroadcast struct {
	mu      sync.Mutex
	users   int
	c       chan os.Signal // nil while the signal is not asked for
	changed chan struct{}
	stop    chan struct{}
}

// subscribe registers a waiter. It returns a function that gives the
// channel to watch, taken before each look at the children; the channel is
// nil where SIGCHLD is ignored and will not arrive.
func (b *signalBroadcast) subscribe() func() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.users++
	if b.users == 1 && !signal.Ignored(syscall.SIGCHLD) {
		b.c = make(chan os.Signal, 1)
		b.changed = make(chan struct{})
		b.stop = make(chan struct{})
		signal.Notify(b.c, syscall.SIGCHLD)
		go b.relay(b.c, b.stop)
	}
	return b.current
}

// current returns the channel that the next SIGCHLD closes.
func (b *signalBroadcast) current() <-chan struct{} {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.changed
}

func (b *signalBroadcast) unsubscribe() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.users--
	if b.users == 0 && b.c != nil {
		signal.Stop(b.c)
		close(b.stop)
		b.c, b.changed, b.stop = nil, nil, nil
	}
}

// relay closes the current channel for every signal on c until stop.
func (b *signalBroadcast) relay(c <-chan os.Signal, stop <-chan struct{}) {
	for {
		select {
		case <-c:
			b.mu.Lock()
			if b.changed != nil {
				close(b.changed)
				b.changed = make(chan struct{})
			}
			b.mu.Unlock()
		case <-stop:
			return
		}
	}
}
