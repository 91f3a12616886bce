// Package proc provides Python's process-control functions for Go: the
// equivalents of os.system, os.times, os.wait, os.waitpid, os.wait3,
// os.wait4, os.waitid, os.waitstatus_to_exitcode and the W* status macros
// with their constants, with Python's documented behaviour as the reference.
//
// It goes beyond Python where Go programs need more: [WaitStatusToExitCode]
// decodes an exit code the same way on every operating system (Windows
// included), [Times] reports microseconds rather than clock ticks, and
// [WaitPidContext] and [SystemContext] wait for a child cancellably without
// holding an operating-system thread per waiting goroutine, so a program can
// wait for tens of thousands of children at once.
//
// # Operating systems
//
// Every name is declared on every operating system; where a call has no
// meaning or no implementation it returns an error for which
// errors.Is(err, errors.ErrUnsupported) is true.
//
//	                 Linux   macOS   FreeBSD    OpenBSD  Windows   others
//	                                 DragonFly
//	                                 NetBSD
//	System           yes     yes     yes        yes      yes       -
//	SystemContext    yes     yes     yes        yes      yes       -
//	Times            yes     yes     yes        yes      yes       -
//	Wait, Wait3      yes     yes     yes        yes      -         -
//	WaitPid, Wait4   yes     yes     yes        yes      by PID    -
//	WaitID           yes     -       64-bit     -        -         -
//	WaitPidContext   pidfd   kqueue  kqueue     kqueue   wait      -
//	WaitStatus       yes     yes     yes        yes      yes       yes
//
// "others" are js/wasm, wasip1, plan9, Solaris, illumos and AIX, where
// only the status decoding works; "-" is an error matching
// errors.ErrUnsupported. Android and iOS are Linux and macOS. On Plan 9,
// which has notes rather than signals, Signal and StopSignal return an int.
//
// # Status words
//
// A [WaitStatus] holds the raw status word that [wait4(2)] stores, exactly as
// Python's os.waitpid returns it, and its methods are the platform's own
// W* macros. The encoding differs between operating systems (how a stopped
// or continued process is reported, whether the exit status is masked); the
// methods decode the encoding of the system the program runs on. On Windows
// a status is the process's exit code shifted left by eight bits, as
// Python's os.waitpid returns it there.
//
// # Errors
//
// A failed system call is returned as an [*os.SyscallError] naming the call,
// so errors.Is(err, syscall.ECHILD) and errors.Is(err, syscall.EINVAL) work.
// Calls interrupted by a signal are retried (PEP 475).
//
// [wait4(2)]: https://man7.org/linux/man-pages/man2/wait4.2.html
package proc
