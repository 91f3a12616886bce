package proc

import (
	"context"
	"encoding/binary"
	"os"
	"unsafe"

	"golang.org/x/sys/unix"
)

const clockMonotonic = unix.CLOCK_MONOTONIC

func waitID(idtype IDType, id, options int) (*WaitIDResult, error) {
	var info unix.Siginfo // zeroed: si_pid stays 0 when WNOHANG finds nothing
	err := ignoringEINTR(func() error {
		return unix.Waitid(int(idtype), id, &info, options, nil)
	})
	if err != nil {
		return nil, os.NewSyscallError("waitid", err)
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&info)), unsafe.Sizeof(info))
	r := hostSiginfo.decode(b, binary.NativeEndian)
	if r.Pid == 0 {
		return nil, nil
	}
	return &r, nil
}

// waitExit waits for the child pid to end, reading the readiness of a pidfd
// through the runtime's poller, so that no thread is held. ok is false where
// the kernel has no pidfd_open or no PIDFD_NONBLOCK (before 5.10): the
// caller then waits another way.
func waitExit(ctx context.Context, pid int) (wp int, status WaitStatus, err error, ok bool) {
	fd, err := unix.PidfdOpen(pid, unix.PIDFD_NONBLOCK)
	switch err {
	case nil:
	case unix.EINTR:
		return waitExit(ctx, pid)
	default:
		// ENOSYS, EINVAL: no pidfds here. ESRCH: no such process, which
		// the other way reports as ECHILD.
		return 0, 0, nil, false
	}
	wp, status, err = waitReadable(ctx, pid, fd, "pidfd")
	return wp, status, err, true
}
