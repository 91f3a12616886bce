package proc

import (
	"encoding/binary"
)

// A siginfoLayout gives the byte offsets, in a siginfo_t that waitid(2) or
// wait6(2) filled, of the fields a WaitIDResult holds. The layouts are
// plain data with no build constraint, so the tests check every one.
type siginfoLayout struct {
	signo, errno, code, pid, uid, status int
}

var (
	siginfoLinux64     = siginfoLayout{0, 4, 8, 16, 20, 24}
	siginfoLinux32     = siginfoLayout{0, 4, 8, 12, 16, 20}
	siginfoLinuxMIPS64 = siginfoLayout{0, 8, 4, 16, 20, 24} // si_code before si_errno
	siginfoLinuxMIPS32 = siginfoLayout{0, 8, 4, 12, 16, 20}
	siginfoFreeBSD     = siginfoLayout{0, 4, 8, 12, 16, 20} // also DragonFly and darwin
	siginfoNetBSD      = siginfoLayout{0, 8, 4, 16, 20, 24}
	siginfoOpenBSD     = siginfoLayout{0, 8, 4, 16, 20, 40}
)

// siginfoFor returns the layout of the system goos on the architecture
// goarch.
func siginfoFor(goos, goarch string) siginfoLayout {
	switch goos {
	case "linux", "android":
		mips := goarch == "mips" || goarch == "mipsle" || goarch == "mips64" || goarch == "mips64le"
		wide := is64bit(goarch)
		switch {
		case mips && wide:
			return siginfoLinuxMIPS64
		case mips:
			return siginfoLinuxMIPS32
		case wide:
			return siginfoLinux64
		}
		return siginfoLinux32
	case "netbsd":
		return siginfoNetBSD
	case "openbsd":
		return siginfoOpenBSD
	}
	return siginfoFreeBSD
}

// is64bit reports whether goarch has 64-bit pointers.
func is64bit(goarch string) bool {
	switch goarch {
	case "386", "arm", "mips", "mipsle":
		return false
	}
	return true
}

// decode reads the fields out of a siginfo_t, big-endian if big is true and
// little-endian if not. A buffer too short for the layout decodes as zero.
// The byte order is a bool, not a binary.ByteOrder, so that a siginfo_t
// the caller has on its stack stays there.
func (l siginfoLayout) decode(b []byte, big bool) WaitIDResult {
	field := func(off int) int {
		if off+4 > len(b) {
			return 0
		}
		if big {
			return int(int32(binary.BigEndian.Uint32(b[off:])))
		}
		return int(int32(binary.LittleEndian.Uint32(b[off:])))
	}
	return WaitIDResult{
		Pid:    field(l.pid),
		UID:    int(uint32(field(l.uid))), // uid_t is unsigned
		Signo:  field(l.signo),
		Status: field(l.status),
		Code:   field(l.code),
	}
}
