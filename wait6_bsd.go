//go:build dragonfly || freebsd || netbsd

package proc

import (
	"os"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// waitID calls wait6(2), which these systems' libc waitid wraps.
func waitID(idtype IDType, id, options int) (*WaitIDResult, error) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		// A 64-bit id_t takes two words on 32-bit systems; not done here.
		return nil, errUnsupported("wait6")
	}
	if idtype == P_PIDFD {
		return nil, os.NewSyscallError("wait6", syscall.EINVAL)
	}
	var (
		status int32
		info   [32]uint64 // siginfo_t, 128 bytes at most on these systems
		r      uintptr
	)
	err := ignoringEINTR(func() error {
		var errno syscall.Errno
		r, _, errno = unix.Syscall6(sysWAIT6, uintptr(idtype), uintptr(id),
			uintptr(unsafe.Pointer(&status)), uintptr(options), 0, uintptr(unsafe.Pointer(&info)))
		if errno != 0 {
			return errno
		}
		return nil
	})
	if err != nil {
		return nil, os.NewSyscallError("wait6", err)
	}
	if r == 0 {
		return nil, nil // WNOHANG: no child ready
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&info)), unsafe.Sizeof(info))
	res := hostSiginfo.decode(b, hostBigEndian)
	return &res, nil
}
