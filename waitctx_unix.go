//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
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

// waitReadable waits for the child pid to end, where the descriptor fd
// (a pidfd, or a kqueue watching the child) becomes readable when it does.
// It takes fd over and closes it. The readiness comes through the runtime's
// poller, so no thread is held while it waits; each time it is signalled,
// wait4 with WNOHANG looks at the child.
func waitReadable(ctx context.Context, pid, fd int, name string) (int, WaitStatus, error) {
	f := os.NewFile(uintptr(fd), name)
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return 0, 0, err
	}
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	var (
		wp     int
		status WaitStatus
		werr   error
	)
	err = rc.Read(func(uintptr) bool {
		wp, status, _, werr = wait4(pid, WNOHANG, false)
		return wp != 0 || werr != nil
	})
	if err == nil {
		return wp, status, werr
	}
	if cerr := ctx.Err(); cerr != nil {
		return 0, 0, cerr
	}
	return 0, 0, err
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
		wp, status, _, err := wait4(pid, options|WNOHANG, false)
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
