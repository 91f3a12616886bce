package proc

import (
	"math"
	"runtime"
)

// A codec is one operating system's encoding of a wait status word: the
// arithmetic of its <sys/wait.h> macros. The codecs are plain arithmetic and
// carry no build constraint, so the tests check every system's table on
// any machine.
type codec uint8

const (
	codecLinux     codec = iota // Linux (glibc, musl, bionic); also Solaris, illumos, AIX
	codecDarwin                 // macOS, iOS
	codecFreeBSD                // FreeBSD
	codecDragonFly              // DragonFly BSD
	codecOpenBSD                // OpenBSD
	codecNetBSD                 // NetBSD
	codecWindows                // Windows: exit code << 8
)

// codecFor returns the codec of the operating system goos.
func codecFor(goos string) codec {
	switch goos {
	case "darwin", "ios":
		return codecDarwin
	case "freebsd":
		return codecFreeBSD
	case "dragonfly":
		return codecDragonFly
	case "openbsd":
		return codecOpenBSD
	case "netbsd":
		return codecNetBSD
	case "windows":
		return codecWindows
	}
	return codecLinux
}

// host is the codec of the system the program runs on.
var host = codecFor(runtime.GOOS)

const (
	wStopped   = 0o177  // _WSTOPPED: the low seven bits of a stopped process's status
	wCoreFlag  = 0o200  // WCOREFLAG
	wContinued = 0xffff // the continued status on Linux, OpenBSD and NetBSD
	sigCONTBSD = 0x13   // SIGCONT on darwin and the BSDs: their continued marker
)

// word returns the status as the C int the macros take, and whether it is
// one. A status outside the int range is no status at all on Unix.
func word(w WaitStatus) (int32, bool) {
	if w < math.MinInt32 || w > math.MaxInt32 {
		return 0, false
	}
	return int32(w), true
}

// windowsCode returns the exit code that a Windows status holds, and
// whether it holds one: a status is code << 8 for a 32-bit code.
func windowsCode(w WaitStatus) (uint32, bool) {
	if w < 0 || w>>8 > math.MaxUint32 {
		return 0, false
	}
	return uint32(w >> 8), true
}

// exited is WIFEXITED.
func (c codec) exited(w WaitStatus) bool {
	if c == codecWindows {
		_, ok := windowsCode(w)
		return ok
	}
	x, ok := word(w)
	return ok && x&wStopped == 0
}

// exitStatus is WEXITSTATUS.
func (c codec) exitStatus(w WaitStatus) int {
	if c == codecWindows {
		code, _ := windowsCode(w)
		return int(code)
	}
	x, ok := word(w)
	if !ok {
		return 0
	}
	switch c {
	case codecFreeBSD, codecDragonFly:
		return int(x >> 8) // not masked: the sign is kept
	}
	return int((x >> 8) & 0xff)
}

// signaled is WIFSIGNALED.
func (c codec) signaled(w WaitStatus) bool {
	x, ok := word(w)
	if !ok {
		return false
	}
	switch c {
	case codecLinux:
		// ((signed char)((x & 0x7f) + 1) >> 1) > 0
		return int8((x&0x7f)+1)>>1 > 0
	case codecDarwin, codecOpenBSD, codecDragonFly:
		return x&wStopped != wStopped && x&wStopped != 0
	case codecFreeBSD:
		return x&wStopped != wStopped && x&wStopped != 0 && x != sigCONTBSD
	case codecNetBSD:
		return !c.stopped(w) && !c.continued(w) && !c.exited(w)
	}
	return false
}

// termSig is WTERMSIG.
func (c codec) termSig(w WaitStatus) int {
	x, ok := word(w)
	if !ok || c == codecWindows {
		return 0
	}
	return int(x & wStopped)
}

// coreDump is WCOREDUMP.
func (c codec) coreDump(w WaitStatus) bool {
	x, ok := word(w)
	return ok && c != codecWindows && x&wCoreFlag != 0
}

// stopped is WIFSTOPPED.
func (c codec) stopped(w WaitStatus) bool {
	x, ok := word(w)
	if !ok {
		return false
	}
	switch c {
	case codecLinux, codecOpenBSD:
		return x&0xff == wStopped
	case codecDarwin:
		return x&wStopped == wStopped && x>>8 != sigCONTBSD
	case codecFreeBSD, codecDragonFly:
		return x&wStopped == wStopped
	case codecNetBSD:
		return x&wStopped == wStopped && x != wContinued
	}
	return false
}

// stopSig is WSTOPSIG.
func (c codec) stopSig(w WaitStatus) int {
	x, ok := word(w)
	if !ok {
		return 0
	}
	switch c {
	case codecDarwin, codecFreeBSD, codecDragonFly:
		return int(x >> 8) // not masked: the sign is kept
	case codecWindows:
		return 0
	}
	return int((x >> 8) & 0xff)
}

// continued is WIFCONTINUED.
func (c codec) continued(w WaitStatus) bool {
	x, ok := word(w)
	if !ok {
		return false
	}
	switch c {
	case codecLinux, codecNetBSD:
		return x == wContinued
	case codecOpenBSD:
		return x&wContinued == wContinued
	case codecDarwin:
		return x&wStopped == wStopped && x>>8 == sigCONTBSD
	case codecFreeBSD, codecDragonFly:
		return x == sigCONTBSD
	}
	return false
}
