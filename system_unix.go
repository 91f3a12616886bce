//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"context"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
)

// shell is the path of the POSIX shell.
var shell = func() string {
	if runtime.GOOS == "android" {
		return "/system/bin/sh"
	}
	return "/bin/sh"
}()

// stdFiles are the descriptors the shell inherits.
var stdFiles = []uintptr{0, 1, 2}

// system runs command once runSystem has checked it.
func system(ctx context.Context, command string) (WaitStatus, error) {
	cancellable := ctx.Done() != nil
	holdInterrupts()
	defer releaseInterrupts()

	attr := &syscall.ProcAttr{Env: syscall.Environ(), Files: stdFiles}
	if cancellable {
		// A group of its own, so that the whole of it can be ended.
		attr.Sys = &syscall.SysProcAttr{Setpgid: true}
	}
	pid, err := syscall.ForkExec(shell, []string{"sh", "-c", command}, attr)
	if err != nil {
		return 0, &os.PathError{Op: "fork/exec", Path: shell, Err: err}
	}
	if !cancellable {
		_, status, _, err := wait4(pid, 0, false)
		return status, err
	}
	_, status, err := waitPidContext(ctx, pid, 0)
	if err == nil {
		return status, nil
	}
	if ctx.Err() == nil {
		return 0, err
	}
	// ctx is done: end the group and reap the shell.
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	if _, _, _, werr := wait4(pid, 0, false); werr != nil {
		return 0, werr
	}
	return 0, err
}

// interrupts keeps SIGINT and SIGQUIT from ending the program while System
// waits, as system(3) ignores them. Asking for them with signal.Notify
// makes the runtime catch them without ending the program, and leaves
// every channel the program asked for them on as it was; signal.Stop
// undoes exactly that. A signal that the program ignores is left alone.
var interrupts struct {
	sync.Mutex
	users  int  // System calls under way
	caught bool // whether c is registered
	c      chan os.Signal
}

func holdInterrupts() {
	interrupts.Lock()
	defer interrupts.Unlock()
	interrupts.users++
	if interrupts.users > 1 {
		return
	}
	var sigs []os.Signal
	for _, sig := range [...]os.Signal{syscall.SIGINT, syscall.SIGQUIT} {
		if !signal.Ignored(sig) {
			sigs = append(sigs, sig)
		}
	}
	if len(sigs) > 0 {
		if interrupts.c == nil {
			interrupts.c = make(chan os.Signal, 1)
		}
		signal.Notify(interrupts.c, sigs...)
		interrupts.caught = true
	}
}

func releaseInterrupts() {
	interrupts.Lock()
	defer interrupts.Unlock()
	interrupts.users--
	if interrupts.users == 0 && interrupts.caught {
		signal.Stop(interrupts.c)
		interrupts.caught = false
		select { // drop what arrived while System waited
		case <-interrupts.c:
		default:
		}
	}
}
