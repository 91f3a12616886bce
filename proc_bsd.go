//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package proc

import "golang.org/x/sys/unix"

// newExitSet returns a kqueue for the watcher of ending children.
func newExitSet() (int, error) {
	kq, err := unix.Kqueue()
	if err == nil {
		unix.CloseOnExec(kq)
	}
	return kq, err
}

// watchExit asks the kqueue to report, once, when pid ends. Its key is the
// pid: waits for the same pid share one registration.
func watchExit(set, pid int) (key int, err error) {
	var ev [1]unix.Kevent_t
	unix.SetKevent(&ev[0], pid, unix.EVFILT_PROC, unix.EV_ADD|unix.EV_ONESHOT)
	ev[0].Fflags = unix.NOTE_EXIT
	err = ignoringEINTR(func() error {
		_, err := unix.Kevent(set, ev[:], nil, nil)
		return err
	})
	if err != nil {
		return -1, err // ESRCH: ended already (a zombie, on some systems), or no such process
	}
	return pid, nil
}

// unwatchExit takes pid out of the kqueue; a registration that has fired
// is gone already.
func unwatchExit(set, key int) {
	var ev [1]unix.Kevent_t
	unix.SetKevent(&ev[0], key, unix.EVFILT_PROC, unix.EV_DELETE)
	ignoringEINTR(func() error {
		_, err := unix.Kevent(set, ev[:], nil, nil)
		return err
	})
}

// readyExits appends the pids whose end the kqueue reports, without
// waiting.
func readyExits(set int, keys []int) ([]int, error) {
	var events [64]unix.Kevent_t
	var zero unix.Timespec
	for {
		n, err := unix.Kevent(set, nil, events[:], &zero)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return keys, err
		}
		for _, ev := range events[:n] {
			keys = append(keys, int(ev.Ident))
		}
		if n < len(events) {
			return keys, nil
		}
	}
}

// reapExited reaps the child pid, whose key is pid, if it has ended.
func reapExited(_, pid int) (int, WaitStatus, error) {
	return waitNoHang(pid, 0)
}

// waitNoHang is wait4(pid, options|WNOHANG).
func waitNoHang(pid, options int) (int, WaitStatus, error) {
	wp, status, _, err := wait4(pid, options|WNOHANG, false)
	return wp, status, err
}
