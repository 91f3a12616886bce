package proc

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// System runs command in a shell and returns its wait status, as Python's
// os.system and C's [system(3)] do.
//
// On Unix the shell is /bin/sh -c command (/system/bin/sh on Android). It
// inherits the standard input, output and error, the environment and the
// working directory of the program. The result is the raw wait status: use
// [WaitStatusToExitCode] or the [WaitStatus] methods to read it; a shell
// that cannot find the command exits with status 127 (a status of 127<<8).
//
// As with system(3), SIGINT and SIGQUIT sent to the program while System
// waits (a Ctrl-C at the terminal, which the command receives too) do not
// end or stop the program, and afterwards its signal handling is exactly as
// it was. Unlike system(3), a program that asked for SIGINT or SIGQUIT
// with [os/signal.Notify] still receives them on its channels. A signal the
// program ignores stays ignored, in the command too. System is safe to call
// from many goroutines at once.
//
// Unlike C's system(3), which reports a shell that could not be started as
// status 127<<8, System returns an error for it (E2BIG for a command longer
// than the system's argument limit, EAGAIN, ENOMEM, ...). A command that
// holds a NUL byte runs nothing and fails with an error matching
// syscall.EINVAL. If the program ignores SIGCHLD, the system reaps the
// shell itself and System fails with ECHILD.
//
// Before anything runs, System calls every hook added with [AddAuditHook]
// with the event "os.system" and the arguments []any{command}, in the order
// they were added. If a hook returns an error, System runs nothing and
// returns that error.
//
// On Windows the shell is %ComSpec% /c command (cmd.exe in the system
// directory when ComSpec is unset), with the command line passed as the C
// runtime's _wsystem passes it, unquoted. The result is the exit code
// shifted left by eight bits, as [WaitPid] returns it there, so that
// WaitStatusToExitCode(st) gives the exit code on every system (Python's
// os.system returns the bare exit code on Windows).
//
// [system(3)]: https://man7.org/linux/man-pages/man3/system.3.html
func System(command string) (WaitStatus, error) {
	return runSystem(context.Background(), command)
}

// SystemContext is [System] that ends the command when ctx is done.
//
// If ctx is done before the command ends, SystemContext kills the shell and
// every process it started that is still in its process group (on Unix the
// shell runs in a process group of its own, so a Ctrl-C at the terminal
// does not reach it; on Windows the shell runs in a job object), reaps the
// shell, and returns an error for which errors.Is(err, ctx.Err()) is true.
// A ctx that is never done (context.Background) gives exactly System.
//
// System, like system(3), blocks a thread in wait4 while the command runs.
// SystemContext with a ctx that can be done waits as [WaitPidContext]
// does, holding no thread: use it to run thousands of commands at once.
func SystemContext(ctx context.Context, command string) (WaitStatus, error) {
	return runSystem(ctx, command)
}

// runSystem checks command, runs the audit hooks and, unless ctx is done
// already, hands the command to the system's own system.
func runSystem(ctx context.Context, command string) (WaitStatus, error) {
	if strings.IndexByte(command, 0) >= 0 {
		return 0, fmt.Errorf("proc: command holds a NUL byte: %w", syscall.EINVAL)
	}
	if err := audit("os.system", command); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return system(ctx, command)
}

// An AuditHook is called before an auditable action, as Python's audit
// hooks (sys.addaudithook) are: event names the action, args are its
// arguments. A hook that returns an error vetoes the action, which then
// returns that error.
type AuditHook func(event string, args []any) error

// auditHooks holds the hooks, replaced whole on every AddAuditHook so that
// a call reads them without a lock.
var (
	auditMu    sync.Mutex
	auditHooks atomic.Pointer[[]AuditHook]
)

// AddAuditHook adds hook to the hooks that [System] and [SystemContext]
// call with the event "os.system" before they run anything. Hooks are
// called in the order they were added, and cannot be removed, as in
// Python. A nil hook is ignored. It is safe to call from any goroutine.
func AddAuditHook(hook AuditHook) {
	if hook == nil {
		return
	}
	auditMu.Lock()
	defer auditMu.Unlock()
	var hooks []AuditHook
	if old := auditHooks.Load(); old != nil {
		hooks = slices.Clip(*old)
	}
	hooks = append(hooks, hook)
	auditHooks.Store(&hooks)
}

// audit calls the hooks for event and returns the first error. It boxes
// arg only when there is a hook to call.
func audit(event, arg string) error {
	hooks := auditHooks.Load()
	if hooks == nil {
		return nil
	}
	args := []any{arg}
	for _, hook := range *hooks {
		if err := hook(event, args); err != nil {
			return err
		}
	}
	return nil
}
