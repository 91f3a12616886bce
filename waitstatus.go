package proc

import (
	"errors"
	"strconv"
)

// WaitStatus is a raw wait status word, as [wait4(2)] stores it and as
// Python's os.waitpid returns it. Its methods are the C macros of the
// system the program runs on (WIFEXITED, WEXITSTATUS, ...), applied to the
// bits exactly as Python's os.W* functions apply them; each is meaningful
// only when its predicate (Exited, Signaled, Stopped) holds.
//
// On Unix a status is a C int; a value outside the int range is not a
// status, and every predicate reports false for it. On Windows a status is
// the process's exit code shifted left by eight bits, as Python's
// os.waitpid returns it there: Exited reports true for every such value,
// ExitStatus is the whole 32-bit exit code, and the signal predicates
// report false.
//
// Unlike [syscall.WaitStatus], a WaitStatus keeps every bit: Signal and
// StopSignal return what the macros return, not -1, and the stopped and
// continued encodings of macOS and the BSDs are decoded as those systems
// define them.
//
// [wait4(2)]: https://man7.org/linux/man-pages/man2/wait4.2.html
type WaitStatus int64

// Exited reports whether the process exited normally (WIFEXITED).
func (w WaitStatus) Exited() bool { return host.exited(w) }

// ExitStatus returns the exit status that the process passed to exit(2)
// (WEXITSTATUS). It is meaningful only when Exited reports true. On Linux,
// OpenBSD, NetBSD and macOS it is the low eight bits; FreeBSD and DragonFly
// do not mask it; on Windows it is the whole 32-bit exit code.
func (w WaitStatus) ExitStatus() int { return host.exitStatus(w) }

// Signaled reports whether the process was ended by a signal (WIFSIGNALED).
func (w WaitStatus) Signaled() bool { return host.signaled(w) }

// CoreDump reports whether the core-dump bit is set (WCOREDUMP). It is
// meaningful only when Signaled reports true.
func (w WaitStatus) CoreDump() bool { return host.coreDump(w) }

// Stopped reports whether the process is stopped (WIFSTOPPED), as a wait
// with WUNTRACED reports it.
func (w WaitStatus) Stopped() bool { return host.stopped(w) }

// Continued reports whether the process was resumed by SIGCONT
// (WIFCONTINUED), as a wait with WCONTINUED reports it.
func (w WaitStatus) Continued() bool { return host.continued(w) }

// String describes the status as os.ProcessState does: "exit status 3",
// "signal: killed", "signal: segmentation fault (core dumped)",
// "stop signal: stopped (signal)", "continued", or "invalid wait status N".
func (w WaitStatus) String() string {
	switch {
	case w.Exited():
		return "exit status " + strconv.Itoa(w.ExitStatus())
	case w.Signaled():
		s := "signal: " + signalName(host.termSig(w))
		if w.CoreDump() {
			s += " (core dumped)"
		}
		return s
	case w.Stopped():
		return "stop signal: " + signalName(host.stopSig(w))
	case w.Continued():
		return "continued"
	}
	return "invalid wait status " + strconv.FormatInt(int64(w), 10)
}

// ErrInvalidStatus is the error that every error of [WaitStatusToExitCode]
// matches with [errors.Is].
var ErrInvalidStatus = errors.New("invalid wait status")

// statusError is an error of WaitStatusToExitCode: Python's message, and
// [ErrInvalidStatus] as what it is.
type statusError struct{ msg string }

func (e *statusError) Error() string        { return e.msg }
func (e *statusError) Is(target error) bool { return target == ErrInvalidStatus }

func invalidStatus(what string, n int64) error {
	return &statusError{what + strconv.FormatInt(n, 10)}
}

// WaitStatusToExitCode converts a wait status to an exit code, as Python's
// os.waitstatus_to_exitcode does.
//
// If the process exited, it returns the exit status; if a signal ended it,
// it returns minus the signal number. A stopped process is an error
// ("process stopped by delivery of signal N"), and so is any other value
// ("invalid wait status: N"), a value outside the C int range on Unix
// included.
//
// On Windows it returns status >> 8, the whole 32-bit exit code; a negative
// status, or one whose code does not fit 32 bits, is an error. Since
// [System], [WaitPid] and [Wait4] encode a Windows exit code that way too,
// WaitStatusToExitCode(st) gives the same answer for the same exit on every
// system.
//
// On 32-bit Windows an int cannot hold codes of 1<<31 and above (NTSTATUS
// values such as 0xC0000005): they come back negative, and uint32(code)
// recovers them.
//
// Every error matches [ErrInvalidStatus].
func WaitStatusToExitCode(status WaitStatus) (int, error) {
	return host.exitCode(status)
}

// exitCode is CPython's os.waitstatus_to_exitcode for the codec.
func (c codec) exitCode(w WaitStatus) (int, error) {
	if c == codecWindows {
		if w < 0 {
			return 0, invalidStatus("invalid wait status: ", int64(w))
		}
		code, ok := windowsCode(w)
		if !ok {
			return 0, invalidStatus("invalid exit code: ", int64(w>>8))
		}
		return int(code), nil
	}
	if _, ok := word(w); !ok {
		return 0, invalidStatus("invalid wait status: ", int64(w))
	}
	switch {
	case c.exited(w):
		code := c.exitStatus(w)
		if code < 0 {
			return 0, invalidStatus("invalid WEXITSTATUS: ", int64(code))
		}
		return code, nil
	case c.signaled(w):
		sig := c.termSig(w)
		if sig <= 0 {
			return 0, invalidStatus("invalid WTERMSIG: ", int64(sig))
		}
		return -sig, nil
	case c.stopped(w):
		return 0, invalidStatus("process stopped by delivery of signal ", int64(c.stopSig(w)))
	}
	return 0, invalidStatus("invalid wait status: ", int64(w))
}
