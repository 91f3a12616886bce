//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package proc

import (
	"context"

	"golang.org/x/sys/unix"
)

// waitExit waits for the child pid to end with a kqueue watching it for
// NOTE_EXIT, read through the runtime's poller, so that no thread is held.
// ok is false when the kqueue cannot watch the child (it has already ended,
// or does not exist): the caller then asks wait4, which tells which.
func waitExit(ctx context.Context, pid int) (wp int, status WaitStatus, err error, ok bool) {
	kq, err := unix.Kqueue()
	if err != nil {
		return 0, 0, nil, false
	}
	unix.CloseOnExec(kq)
	if err := unix.SetNonblock(kq, true); err != nil {
		unix.Close(kq)
		return 0, 0, nil, false
	}
	var ev [1]unix.Kevent_t
	unix.SetKevent(&ev[0], pid, unix.EVFILT_PROC, unix.EV_ADD|unix.EV_ONESHOT)
	ev[0].Fflags = unix.NOTE_EXIT
	err = ignoringEINTR(func() error {
		_, err := unix.Kevent(kq, ev[:], nil, nil)
		return err
	})
	if err != nil {
		unix.Close(kq)
		return 0, 0, nil, false
	}
	wp, status, err = waitReadable(ctx, pid, kq, "kqueue")
	return wp, status, err, true
}
