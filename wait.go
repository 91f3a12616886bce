package proc

import (
	"context"
	"time"
)

// Options for [WaitPid], [Wait3], [Wait4], [WaitID] and [WaitPidContext].
// Each has the value of the system's own <sys/wait.h>. On Windows only
// WNOHANG has a meaning; the others are given Linux's values there and the
// calls reject them with EINVAL.
const (
	// WNOHANG makes a wait return at once when no child is ready.
	WNOHANG = wNOHANG
	// WUNTRACED also reports children stopped by a signal.
	WUNTRACED = wUNTRACED
	// WCONTINUED also reports stopped children resumed by SIGCONT.
	WCONTINUED = wCONTINUED
	// WEXITED reports children that ended ([WaitID] only).
	WEXITED = wEXITED
	// WSTOPPED reports children stopped by a signal ([WaitID] only). On
	// NetBSD it is WUNTRACED, 2.
	WSTOPPED = wSTOPPED
	// WNOWAIT leaves the reported child waitable ([WaitID] only).
	WNOWAIT = wNOWAIT
)

// IDType selects what the id argument of [WaitID] names.
type IDType int

// Identifier types for [WaitID], with the values of the system's own
// <sys/wait.h>. P_PIDFD exists on Linux only (kernel 5.4 or later);
// elsewhere it is given a value no system uses, and WaitID rejects it with
// EINVAL.
const (
	P_PID   IDType = pPID   // id is a process ID
	P_PGID  IDType = pPGID  // id is a process group ID; 0 is the caller's group
	P_ALL   IDType = pALL   // any child; id is ignored
	P_PIDFD IDType = pPIDFD // id is a pidfd (Linux)
)

// Values of [WaitIDResult.Code], si_code of a SIGCHLD: 1 to 6 on every
// system.
const (
	CLD_EXITED    = 1 // the child exited; Status is its exit status
	CLD_KILLED    = 2 // a signal killed the child; Status is the signal
	CLD_DUMPED    = 3 // a signal killed the child and it dumped core
	CLD_TRAPPED   = 4 // a traced child has trapped
	CLD_STOPPED   = 5 // a signal stopped the child; Status is the signal
	CLD_CONTINUED = 6 // SIGCONT resumed the stopped child
)

// WaitIDResult is what [WaitID] reports of a child: the fields of the
// siginfo_t that waitid(2) fills, as Python's os.waitid_result holds them.
type WaitIDResult struct {
	Pid    int // si_pid: the child's process ID
	UID    int // si_uid: the child's real user ID
	Signo  int // si_signo: always SIGCHLD
	Status int // si_status: the exit status or the signal, as Code says
	Code   int // si_code: one of CLD_EXITED ... CLD_CONTINUED
}

// Rusage is the resource usage of a child, as [wait4(2)] reports it.
//
// [wait4(2)]: https://man7.org/linux/man-pages/man2/wait4.2.html
type Rusage struct {
	UserTime   time.Duration // user CPU time
	SystemTime time.Duration // system CPU time

	// MaxRSS is the peak resident set size in bytes on every system (Linux
	// and the BSDs report kibibytes, macOS bytes; proc converts). On Linux
	// a child started with vfork, as os/exec and System start them, reports
	// the parent's peak until it execs.
	MaxRSS int64

	IxRSS    int64 // integral shared memory size
	IdRSS    int64 // integral unshared data size
	IsRSS    int64 // integral unshared stack size
	MinFlt   int64 // page reclaims (soft page faults)
	MajFlt   int64 // page faults (hard page faults)
	NSwap    int64 // swaps
	InBlock  int64 // block input operations
	OuBlock  int64 // block output operations
	MsgSnd   int64 // IPC messages sent
	MsgRcv   int64 // IPC messages received
	NSignals int64 // signals received
	NVCSw    int64 // voluntary context switches
	NIVCSw   int64 // involuntary context switches
}

// Wait waits for any child to end and returns its process ID and status,
// as Python's os.wait does.
//
// With no child at all it fails with ECHILD. On Windows it returns an
// error matching [errors.ErrUnsupported].
func Wait() (pid int, status WaitStatus, err error) {
	pid, status, _, err = wait4(-1, 0, false)
	return pid, status, err
}

// WaitPid waits for a child to change state and returns its process ID and
// status, as Python's os.waitpid does.
//
// pid > 0 waits for that child; 0 for any child in the caller's process
// group; -1 for any child; < -1 for any child in the process group -pid.
// options is 0 or an OR of [WNOHANG], [WUNTRACED] and [WCONTINUED]. With
// WNOHANG and no child ready it returns 0 and a zero status. With no child
// to wait for it fails with ECHILD; bad options fail with EINVAL. A wait
// interrupted by a signal is retried.
//
// On Windows pid is a process ID (not a handle, as in Python): WaitPid
// opens the process, waits for it to end (or, with WNOHANG, returns 0 while
// it runs) and returns its exit code shifted left by eight bits. Any
// process that the caller may open can be waited for, child or not, while
// some handle to it keeps it known (os/exec holds one until its Wait);
// pid must be positive and options 0 or WNOHANG. pid -1 returns an error
// matching [errors.ErrUnsupported].
func WaitPid(pid, options int) (int, WaitStatus, error) {
	pid, status, _, err := wait4(pid, options, false)
	return pid, status, err
}

// Wait3 is [Wait] with options and resource usage, as Python's os.wait3.
// The options are those of [WaitPid]. With WNOHANG and no child ready it
// returns 0, a zero status and a zero Rusage.
//
// On Windows it returns an error matching [errors.ErrUnsupported].
func Wait3(options int) (int, WaitStatus, Rusage, error) {
	return wait4(-1, options, true)
}

// Wait4 is [WaitPid] with resource usage, as Python's os.wait4. With
// WNOHANG and no child ready it returns 0, a zero status and a zero Rusage.
//
// On Windows it works as WaitPid does there; its Rusage holds the user and
// kernel time of the process and its peak working set as MaxRSS.
func Wait4(pid, options int) (int, WaitStatus, Rusage, error) {
	return wait4(pid, options, true)
}

// WaitID waits for a child to change state as [waitid(2)] does, and returns
// what it reports, as Python's os.waitid does.
//
// idtype and id select the children ([P_PID], [P_PGID], [P_ALL],
// [P_PIDFD]); options is an OR of [WEXITED], [WSTOPPED], [WCONTINUED],
// [WNOHANG] and [WNOWAIT], and must hold at least one of the first three.
// With WNOHANG and no child ready it returns nil, nil. With no child at all
// it fails with ECHILD, WNOHANG or not; a bad idtype or options fail with
// EINVAL.
//
// WaitID uses waitid(2) on Linux and [wait6(2)] on 64-bit FreeBSD, DragonFly
// and NetBSD. On macOS, OpenBSD, 32-bit BSDs and Windows, where neither can
// be reached without cgo, it returns an error matching
// [errors.ErrUnsupported].
//
// [waitid(2)]: https://man7.org/linux/man-pages/man2/waitid.2.html
// [wait6(2)]: https://man.freebsd.org/cgi/man.cgi?query=wait6&sektion=2
func WaitID(idtype IDType, id, options int) (*WaitIDResult, error) {
	return waitID(idtype, id, options)
}

// WaitPidContext is [WaitPid] that gives up when ctx is done.
//
// If ctx is done before the child changes state, it returns 0, a zero status
// and an error for which errors.Is(err, ctx.Err()) is true, promptly, and
// the child is not reaped: it stays waitable. pid, options and the results
// are those of WaitPid.
//
// A waiting goroutine holds no operating-system thread: a program can wait
// for tens of thousands of children at once. A wait for one child to end
// (pid > 0, options 0) adds the child to one readiness set that the whole
// program shares — an epoll set of pidfds on Linux 5.3 and later, a kqueue
// on macOS and the BSDs, a registered wait on Windows — read by one
// goroutine through the runtime's poller. On Linux the child is then
// reaped with waitid on its pidfd, so that if another wait reaps it first
// the result is ECHILD even if its process ID has gone to a new child.
// Other waits (any child, a process group, WUNTRACED, WCONTINUED), and
// waits on older kernels, look again each time SIGCHLD arrives; if the
// program ignores SIGCHLD they look at growing intervals and end with
// ECHILD once the system has reaped the child.
func WaitPidContext(ctx context.Context, pid, options int) (int, WaitStatus, error) {
	return waitPidContext(ctx, pid, options)
}
