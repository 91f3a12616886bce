package proc

// An independent reference for the wait status macros of each supported
// Unix, written directly from that system's <sys/wait.h> and kept apart from
// the package's own decoders so that tests can compare the two.
//
// Every macro is transliterated with C semantics on a 32-bit int: right
// shifts of a signed value are arithmetic (as with every compiler these
// systems ship), "(unsigned)x >> 8" is a logical shift, "(signed char)" wraps
// modulo 256, and octal constants are written as Go octal (0o177 == 0x7f,
// 0o200 == 0x80, 0o177777 == 0xffff). The _W_INT(x) wrapper that some headers
// use only reinterprets a "union wait" as an int; on an int it is x itself.

import (
	"fmt"
	"testing"
)

// refStatus is what one OS's <sys/wait.h> macros say about a status word.
type refStatus struct {
	Exited     bool // WIFEXITED
	ExitStatus int  // WEXITSTATUS
	Signaled   bool // WIFSIGNALED
	TermSig    int  // WTERMSIG
	CoreDump   bool // WCOREDUMP
	Stopped    bool // WIFSTOPPED
	StopSig    int  // WSTOPSIG
	Continued  bool // WIFCONTINUED
}

// refGOOS lists the systems refDecode and refExitCode know.
var refGOOS = []string{"linux", "darwin", "freebsd", "dragonfly", "openbsd", "netbsd"}

// refDecode applies the macros of goos ("linux", "darwin", "freebsd",
// "dragonfly", "openbsd", "netbsd") to x as the C int it is. It panics for any
// other goos.
func refDecode(goos string, x int32) refStatus {
	switch goos {
	case "linux":
		return refDecodeLinux(x)
	case "darwin":
		return refDecodeDarwin(x)
	case "freebsd":
		return refDecodeFreeBSD(x)
	case "dragonfly":
		return refDecodeDragonFly(x)
	case "openbsd":
		return refDecodeOpenBSD(x)
	case "netbsd":
		return refDecodeNetBSD(x)
	}
	panic("refDecode: no reference macros for GOOS " + goos)
}

// refDecodeLinux: glibc, bits/waitstatus.h (repository bminor/glibc), which
// <sys/wait.h> uses for the public W* macros:
//
//	#define __WEXITSTATUS(status)  (((status) & 0xff00) >> 8)
//	#define __WTERMSIG(status)     ((status) & 0x7f)
//	#define __WSTOPSIG(status)     __WEXITSTATUS(status)
//	#define __WIFEXITED(status)    (__WTERMSIG(status) == 0)
//	#define __WIFSIGNALED(status) \
//	  (((signed char) (((status) & 0x7f) + 1) >> 1) > 0)
//	#define __WIFSTOPPED(status)   (((status) & 0xff) == 0x7f)
//	#define __WIFCONTINUED(status) ((status) == __W_CONTINUED)
//	#define __WCOREDUMP(status)    ((status) & __WCOREFLAG)
//	#define __W_CONTINUED          0xffff
//	#define __WCOREFLAG            0x80
func refDecodeLinux(x int32) refStatus {
	wexitstatus := (x & 0xff00) >> 8
	wtermsig := x & 0x7f
	// The cast binds tighter than the shift: ((signed char)(...)) >> 1,
	// with the signed char promoted back to int before shifting.
	wifsignaled := int32(int8((x&0x7f)+1))>>1 > 0
	return refStatus{
		Exited:     wtermsig == 0,
		ExitStatus: int(wexitstatus),
		Signaled:   wifsignaled,
		TermSig:    int(wtermsig),
		CoreDump:   x&0x80 != 0,
		Stopped:    x&0xff == 0x7f,
		StopSig:    int(wexitstatus),
		Continued:  x == 0xffff,
	}
}

// refDecodeDarwin: xnu, bsd/sys/wait.h (repository
// apple-oss-distributions/xnu), with __DARWIN_UNIX03 set and _POSIX_C_SOURCE
// unset, which is what a default macOS compilation sees:
//
//	#define _W_INT(w)       (*(int *)&(w))  /* convert union wait to int */
//	#define WCOREFLAG       0200
//	#define _WSTATUS(x)     (_W_INT(x) & 0177)
//	#define _WSTOPPED       0177            /* _WSTATUS if process is stopped */
//	#define WEXITSTATUS(x)  ((_W_INT(x) >> 8) & 0x000000ff)   [__DARWIN_UNIX03]
//	#define WSTOPSIG(x)     (_W_INT(x) >> 8)
//	#define WIFCONTINUED(x) (_WSTATUS(x) == _WSTOPPED && WSTOPSIG(x) == 0x13)
//	#define WIFSTOPPED(x)   (_WSTATUS(x) == _WSTOPPED && WSTOPSIG(x) != 0x13)
//	#define WIFEXITED(x)    (_WSTATUS(x) == 0)
//	#define WIFSIGNALED(x)  (_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
//	#define WTERMSIG(x)     (_WSTATUS(x))
//	#define WCOREDUMP(x)    (_W_INT(x) & WCOREFLAG)
func refDecodeDarwin(x int32) refStatus {
	wstatus := x & 0o177
	wstopsig := x >> 8
	return refStatus{
		Exited:     wstatus == 0,
		ExitStatus: int((x >> 8) & 0x000000ff),
		Signaled:   wstatus != 0o177 && wstatus != 0,
		TermSig:    int(wstatus),
		CoreDump:   x&0o200 != 0,
		Stopped:    wstatus == 0o177 && wstopsig != 0x13,
		StopSig:    int(wstopsig),
		Continued:  wstatus == 0o177 && wstopsig == 0x13,
	}
}

// refDecodeFreeBSD: sys/sys/wait.h (repository freebsd/freebsd-src):
//
//	#define WCOREFLAG       0200
//	#define _W_INT(i)       (i)
//	#define _WSTATUS(x)     (_W_INT(x) & 0177)
//	#define _WSTOPPED       0177            /* _WSTATUS if process is stopped */
//	#define WIFSTOPPED(x)   (_WSTATUS(x) == _WSTOPPED)
//	#define WSTOPSIG(x)     (_W_INT(x) >> 8)
//	#define WIFSIGNALED(x)  (_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0 && (x) != 0x13)
//	#define WTERMSIG(x)     (_WSTATUS(x))
//	#define WIFEXITED(x)    (_WSTATUS(x) == 0)
//	#define WEXITSTATUS(x)  (_W_INT(x) >> 8)
//	#define WIFCONTINUED(x) (x == 0x13)     /* 0x13 == SIGCONT */
//	#define WCOREDUMP(x)    (_W_INT(x) & WCOREFLAG)
func refDecodeFreeBSD(x int32) refStatus {
	wstatus := x & 0o177
	return refStatus{
		Exited:     wstatus == 0,
		ExitStatus: int(x >> 8),
		Signaled:   wstatus != 0o177 && wstatus != 0 && x != 0x13,
		TermSig:    int(wstatus),
		CoreDump:   x&0o200 != 0,
		Stopped:    wstatus == 0o177,
		StopSig:    int(x >> 8),
		Continued:  x == 0x13,
	}
}

// refDecodeDragonFly: sys/sys/wait.h (repository DragonFlyBSD/DragonFlyBSD),
// the version that declares waitid and wait6:
//
//	#define WCOREFLAG       0200
//	#define _W_INT(i)       (i)
//	#define _WSTATUS(x)     (_W_INT(x) & 0177)
//	#define _WSTOPPED       0177            /* _WSTATUS if process is stopped */
//	#define WIFSTOPPED(x)   (_WSTATUS(x) == _WSTOPPED)
//	#define WSTOPSIG(x)     (_W_INT(x) >> 8)
//	#define WIFSIGNALED(x)  (_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
//	#define WTERMSIG(x)     (_WSTATUS(x))
//	#define WIFEXITED(x)    (_WSTATUS(x) == 0)
//	#define WEXITSTATUS(x)  (_W_INT(x) >> 8)
//	#define WIFCONTINUED(x) (x == 19)       /* 19 == SIGCONT */
//	#define WCOREDUMP(x)    (_W_INT(x) & WCOREFLAG)
//
// Unlike FreeBSD, WIFSIGNALED does not exclude 19, so the continued word is
// also "killed by signal 19".
func refDecodeDragonFly(x int32) refStatus {
	wstatus := x & 0o177
	return refStatus{
		Exited:     wstatus == 0,
		ExitStatus: int(x >> 8),
		Signaled:   wstatus != 0o177 && wstatus != 0,
		TermSig:    int(wstatus),
		CoreDump:   x&0o200 != 0,
		Stopped:    wstatus == 0o177,
		StopSig:    int(x >> 8),
		Continued:  x == 19,
	}
}

// refDecodeOpenBSD: sys/sys/wait.h (repository openbsd/src), revision 1.20:
//
//	#define _WSTATUS(x)     ((x) & 0177)
//	#define _WSTOPPED       0177            /* _WSTATUS if process is stopped */
//	#define _WCONTINUED     0177777         /* process has continued */
//	#define WIFSTOPPED(x)   (((x) & 0xff) == _WSTOPPED)
//	#define WSTOPSIG(x)     (int)(((unsigned)(x) >> 8) & 0xff)
//	#define WIFSIGNALED(x)  (_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
//	#define WTERMSIG(x)     (_WSTATUS(x))
//	#define WIFEXITED(x)    (_WSTATUS(x) == 0)
//	#define WEXITSTATUS(x)  (int)(((unsigned)(x) >> 8) & 0xff)
//	#define WIFCONTINUED(x) (((x) & _WCONTINUED) == _WCONTINUED)
//	#define WCOREFLAG       0200
//	#define WCOREDUMP(x)    ((x) & WCOREFLAG)
func refDecodeOpenBSD(x int32) refStatus {
	wstatus := x & 0o177
	byte1 := int32((uint32(x) >> 8) & 0xff)
	return refStatus{
		Exited:     wstatus == 0,
		ExitStatus: int(byte1),
		Signaled:   wstatus != 0o177 && wstatus != 0,
		TermSig:    int(wstatus),
		CoreDump:   x&0o200 != 0,
		Stopped:    x&0xff == 0o177,
		StopSig:    int(byte1),
		Continued:  x&0o177777 == 0o177777,
	}
}

// refDecodeNetBSD: sys/sys/wait.h (repository NetBSD/src), revision 1.38:
//
//	#define _WSTATUS(x)     (_W_INT(x) & 0177)
//	#define _WSTOPPED       0177            /* _WSTATUS if process is stopped */
//	#define _WCONTINUED     0xffffU
//	#define WIFSTOPPED(x)   (_WSTATUS(x) == _WSTOPPED && !WIFCONTINUED(x))
//	#define WIFCONTINUED(x) (_W_INT(x) == _WCONTINUED)
//	#define WSTOPSIG(x)     ((int)(((unsigned int)_W_INT(x)) >> 8) & 0xff)
//	#define WIFSIGNALED(x)  (!WIFSTOPPED(x) && !WIFCONTINUED(x) && !WIFEXITED(x))
//	#define WTERMSIG(x)     (_WSTATUS(x))
//	#define WIFEXITED(x)    (_WSTATUS(x) == 0)
//	#define WEXITSTATUS(x)  ((int)(((unsigned int)_W_INT(x)) >> 8) & 0xff)
//	#define WCOREFLAG       0200
//	#define WCOREDUMP(x)    (_W_INT(x) & WCOREFLAG)
//
// WIFCONTINUED compares an int with an unsigned constant, so x is converted
// to unsigned int first: only the word 0x0000ffff matches.
func refDecodeNetBSD(x int32) refStatus {
	wstatus := x & 0o177
	continued := uint32(x) == 0xffff
	exited := wstatus == 0
	stopped := wstatus == 0o177 && !continued
	byte1 := int32(uint32(x)>>8) & 0xff
	return refStatus{
		Exited:     exited,
		ExitStatus: int(byte1),
		Signaled:   !stopped && !continued && !exited,
		TermSig:    int(wstatus),
		CoreDump:   x&0o200 != 0,
		Stopped:    stopped,
		StopSig:    int(byte1),
		Continued:  continued,
	}
}

// refExitCode is CPython's os.waitstatus_to_exitcode on that OS (the
// non-Windows branch of os_waitstatus_to_exitcode_impl in
// Modules/posixmodule.c, repository python/cpython, evaluated with that OS's
// macros): the exit code, or the exact ValueError message. The C code is
//
//	if (WIFEXITED(wait_status)) {
//	    exitcode = WEXITSTATUS(wait_status);
//	    if (exitcode < 0) -> ValueError "invalid WEXITSTATUS: %i" (exitcode)
//	}
//	else if (WIFSIGNALED(wait_status)) {
//	    int signum = WTERMSIG(wait_status);
//	    if (signum <= 0) -> ValueError "invalid WTERMSIG: %i" (signum)
//	    exitcode = -signum;
//	} else if (WIFSTOPPED(wait_status)) {
//	    -> ValueError "process stopped by delivery of signal %i" (WSTOPSIG)
//	}
//	else -> ValueError "invalid wait status: %i" (status)
//
// The "invalid WEXITSTATUS" branch is reachable on FreeBSD and DragonFly,
// whose WEXITSTATUS keeps the sign (for example x = -256 gives -1).
func refExitCode(goos string, x int32) (code int, errMsg string) {
	s := refDecode(goos, x)
	switch {
	case s.Exited:
		if s.ExitStatus < 0 {
			return 0, fmt.Sprintf("invalid WEXITSTATUS: %d", s.ExitStatus)
		}
		return s.ExitStatus, ""
	case s.Signaled:
		if s.TermSig <= 0 {
			return 0, fmt.Sprintf("invalid WTERMSIG: %d", s.TermSig)
		}
		return -s.TermSig, ""
	case s.Stopped:
		return 0, fmt.Sprintf("process stopped by delivery of signal %d", s.StopSig)
	}
	return 0, fmt.Sprintf("invalid wait status: %d", x)
}

// refNegativeStatusMessage is what refExitCodeWindows reports for a negative
// status. CPython raises OverflowError (not ValueError) there, from
// PyLong_AsUnsignedLongLong, with this text.
const refNegativeStatusMessage = "can't convert negative int to unsigned"

// refExitCodeWindows is CPython's Windows branch of
// os_waitstatus_to_exitcode_impl for a status given as int64:
//
//	unsigned long long status = PyLong_AsUnsignedLongLong(status_obj);
//	unsigned long long exitcode = (status >> 8);
//	if (exitcode > UINT_MAX) -> ValueError "invalid exit code: %llu" (exitcode)
//	return exitcode;
//
// A negative status fails in PyLong_AsUnsignedLongLong, reported here as
// refNegativeStatusMessage.
func refExitCodeWindows(status int64) (code int64, errMsg string) {
	if status < 0 {
		return 0, refNegativeStatusMessage
	}
	exitcode := uint64(status) >> 8
	// exitcode > UINT_MAX, written as a shift: Go 1.26's s390x compiler
	// folds "x>>8 > 0xffffffff" to false (its CMPUconst-of-SRDconst rule
	// sign-extends the constant).
	if exitcode>>32 != 0 {
		return 0, fmt.Sprintf("invalid exit code: %d", exitcode)
	}
	return int64(exitcode), ""
}

func TestRefDecodeKnownValues(t *testing.T) {
	exited42 := refStatus{Exited: true, ExitStatus: 42, StopSig: 42}
	killed9 := refStatus{Signaled: true, TermSig: 9}
	dumped9 := refStatus{Signaled: true, TermSig: 9, CoreDump: true}
	for _, goos := range refGOOS {
		for _, c := range []struct {
			x    int32
			want refStatus
			code int
		}{
			{0x2a00, exited42, 42},
			{0x0009, killed9, -9},
			{0x0089, dumped9, -9},
			{0x0000, refStatus{Exited: true}, 0},
		} {
			if got := refDecode(goos, c.x); got != c.want {
				t.Errorf("%s: refDecode(%#x) = %+v, want %+v", goos, c.x, got, c.want)
			}
			if code, msg := refExitCode(goos, c.x); code != c.code || msg != "" {
				t.Errorf("%s: refExitCode(%#x) = %d, %q, want %d", goos, c.x, code, msg, c.code)
			}
		}
	}

	// Per-OS words whose meaning differs between systems.
	for _, c := range []struct {
		goos string
		x    int32
		want refStatus
		code int
		msg  string
	}{
		// Stopped by signal 0x13, and darwin's continued word.
		{"linux", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, Stopped: true, StopSig: 0x13}, 0, "process stopped by delivery of signal 19"},
		{"freebsd", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, Stopped: true, StopSig: 0x13}, 0, "process stopped by delivery of signal 19"},
		{"dragonfly", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, Stopped: true, StopSig: 0x13}, 0, "process stopped by delivery of signal 19"},
		{"openbsd", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, Stopped: true, StopSig: 0x13}, 0, "process stopped by delivery of signal 19"},
		{"netbsd", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, Stopped: true, StopSig: 0x13}, 0, "process stopped by delivery of signal 19"},
		{"darwin", 0x137f, refStatus{ExitStatus: 0x13, TermSig: 0x7f, StopSig: 0x13, Continued: true}, 0, "invalid wait status: 4991"},
		{"darwin", 0x13ff, refStatus{ExitStatus: 0x13, TermSig: 0x7f, CoreDump: true, StopSig: 0x13, Continued: true}, 0, "invalid wait status: 5119"},
		{"darwin", 0x117f, refStatus{ExitStatus: 0x11, TermSig: 0x7f, Stopped: true, StopSig: 0x11}, 0, "process stopped by delivery of signal 17"},

		// 0xffff: continued on Linux, OpenBSD, NetBSD; "stopped by 255" where
		// WIFSTOPPED only tests the low seven bits.
		{"linux", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, StopSig: 0xff, Continued: true}, 0, "invalid wait status: 65535"},
		{"openbsd", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, StopSig: 0xff, Continued: true}, 0, "invalid wait status: 65535"},
		{"netbsd", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, StopSig: 0xff, Continued: true}, 0, "invalid wait status: 65535"},
		{"darwin", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: 0xff}, 0, "process stopped by delivery of signal 255"},
		{"freebsd", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: 0xff}, 0, "process stopped by delivery of signal 255"},
		{"dragonfly", 0xffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: 0xff}, 0, "process stopped by delivery of signal 255"},
		// OpenBSD masks, so any word with the low 16 bits set is continued;
		// NetBSD wants exactly 0xffff.
		{"openbsd", 0x1ffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, StopSig: 0xff, Continued: true}, 0, "invalid wait status: 131071"},
		{"netbsd", 0x1ffff, refStatus{ExitStatus: 0xff, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: 0xff}, 0, "process stopped by delivery of signal 255"},

		// 0x13: continued on FreeBSD (and not signaled), continued and
		// signaled on DragonFly, killed by 19 elsewhere.
		{"freebsd", 0x13, refStatus{TermSig: 0x13, Continued: true}, 0, "invalid wait status: 19"},
		{"dragonfly", 0x13, refStatus{Signaled: true, TermSig: 0x13, Continued: true}, -19, ""},
		{"linux", 0x13, refStatus{Signaled: true, TermSig: 0x13}, -19, ""},
		{"darwin", 0x13, refStatus{Signaled: true, TermSig: 0x13}, -19, ""},
		{"openbsd", 0x13, refStatus{Signaled: true, TermSig: 0x13}, -19, ""},
		{"netbsd", 0x13, refStatus{Signaled: true, TermSig: 0x13}, -19, ""},

		// 0xff: neither stopped nor signaled where WIFSTOPPED tests 0xff;
		// "stopped by signal 0" where it tests 0177.
		{"linux", 0xff, refStatus{TermSig: 0x7f, CoreDump: true}, 0, "invalid wait status: 255"},
		{"openbsd", 0xff, refStatus{TermSig: 0x7f, CoreDump: true}, 0, "invalid wait status: 255"},
		{"netbsd", 0xff, refStatus{TermSig: 0x7f, CoreDump: true, Stopped: true}, 0, "process stopped by delivery of signal 0"},
		{"freebsd", 0xff, refStatus{TermSig: 0x7f, CoreDump: true, Stopped: true}, 0, "process stopped by delivery of signal 0"},

		// Negative words: FreeBSD and DragonFly keep the sign in WEXITSTATUS
		// and WSTOPSIG, darwin in WSTOPSIG only.
		{"linux", -256, refStatus{Exited: true, ExitStatus: 255, StopSig: 255}, 255, ""},
		{"darwin", -256, refStatus{Exited: true, ExitStatus: 255, StopSig: -1}, 255, ""},
		{"freebsd", -256, refStatus{Exited: true, ExitStatus: -1, StopSig: -1}, 0, "invalid WEXITSTATUS: -1"},
		{"dragonfly", -256, refStatus{Exited: true, ExitStatus: -1, StopSig: -1}, 0, "invalid WEXITSTATUS: -1"},
		{"openbsd", -256, refStatus{Exited: true, ExitStatus: 255, StopSig: 255}, 255, ""},
		{"netbsd", -256, refStatus{Exited: true, ExitStatus: 255, StopSig: 255}, 255, ""},
		{"linux", -1, refStatus{ExitStatus: 255, TermSig: 0x7f, CoreDump: true, StopSig: 255}, 0, "invalid wait status: -1"},
		{"darwin", -1, refStatus{ExitStatus: 255, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: -1}, 0, "process stopped by delivery of signal -1"},
		{"freebsd", -1, refStatus{ExitStatus: -1, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: -1}, 0, "process stopped by delivery of signal -1"},
		{"openbsd", -1, refStatus{ExitStatus: 255, TermSig: 0x7f, CoreDump: true, StopSig: 255, Continued: true}, 0, "invalid wait status: -1"},
		{"netbsd", -1, refStatus{ExitStatus: 255, TermSig: 0x7f, CoreDump: true, Stopped: true, StopSig: 255}, 0, "process stopped by delivery of signal 255"},
		{"linux", -2147483648, refStatus{Exited: true}, 0, ""},
		{"freebsd", -2147483648, refStatus{Exited: true, ExitStatus: -8388608, StopSig: -8388608}, 0, "invalid WEXITSTATUS: -8388608"},
	} {
		if got := refDecode(c.goos, c.x); got != c.want {
			t.Errorf("%s: refDecode(%#x) = %+v, want %+v", c.goos, c.x, got, c.want)
		}
		if code, msg := refExitCode(c.goos, c.x); code != c.code || msg != c.msg {
			t.Errorf("%s: refExitCode(%#x) = %d, %q, want %d, %q", c.goos, c.x, code, msg, c.code, c.msg)
		}
	}

	// The Linux expectations of CPython's own test_waitstatus_to_exitcode.
	for _, c := range []struct {
		x    int32
		code int
		msg  string
	}{
		{0x0000, 0, ""},
		{0x0100, 1, ""},
		{0xff00, 255, ""},
		{0x10000, 0, ""},
		{0x0001, -1, ""},
		{0x4201, -1, ""},
		{0x007e, -126, ""},
		{0x007f, 0, "process stopped by delivery of signal 0"},
		{0x017f, 0, "process stopped by delivery of signal 1"},
		{0xff7f, 0, "process stopped by delivery of signal 255"},
		{0x1007f, 0, "process stopped by delivery of signal 0"},
		{0x2a80, 42, ""},
		{0x428c, -12, ""},
		{0x00ff, 0, "invalid wait status: 255"},
		{-1, 0, "invalid wait status: -1"},
	} {
		if code, msg := refExitCode("linux", c.x); code != c.code || msg != c.msg {
			t.Errorf("linux: refExitCode(%#x) = %d, %q, want %d, %q", c.x, code, msg, c.code, c.msg)
		}
	}

	for _, c := range []struct {
		status int64
		code   int64
		msg    string
	}{
		{0, 0, ""},
		{42 << 8, 42, ""},
		{0xff, 0, ""},
		{0xffffffff << 8, 0xffffffff, ""},
		{0xffffffff<<8 | 0xff, 0xffffffff, ""},
		{0x100000000 << 8, 0, "invalid exit code: 4294967296"},
		{1<<63 - 1, 0, "invalid exit code: 36028797018963967"},
		{-1, 0, refNegativeStatusMessage},
	} {
		if code, msg := refExitCodeWindows(c.status); code != c.code || msg != c.msg {
			t.Errorf("refExitCodeWindows(%#x) = %d, %q, want %d, %q", c.status, code, msg, c.code, c.msg)
		}
	}
}
