package proc

import (
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
	r := hostSiginfo.decode(b, hostBigEndian)
	if r.Pid == 0 {
		return nil, nil
	}
	return &r, nil
}

// newExitSet returns an epoll set for the watcher of ending children.
func newExitSet() (int, error) {
	return unix.EpollCreate1(unix.EPOLL_CLOEXEC)
}

// watchExit adds a pidfd for pid to the set, to be reported once, when the
// process ends. Its key is the pidfd. It makes raw system calls, which
// never block: a burst of waiters then starts no threads.
func watchExit(set, pid int) (key int, err error) {
	fd, _, errno := unix.RawSyscall(unix.SYS_PIDFD_OPEN, uintptr(pid), 0, 0)
	if errno != 0 {
		return -1, errno // ENOSYS before Linux 5.3; ESRCH: no such process
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLONESHOT, Fd: int32(fd)}
	_, _, errno = unix.RawSyscall6(unix.SYS_EPOLL_CTL, uintptr(set), unix.EPOLL_CTL_ADD, fd,
		uintptr(unsafe.Pointer(&ev)), 0, 0)
	if errno != 0 {
		unix.RawSyscall(unix.SYS_CLOSE, fd, 0, 0)
		return -1, errno
	}
	return int(fd), nil
}

// unwatchExit takes the pidfd key out of the set and closes it.
func unwatchExit(set, key int) {
	unix.RawSyscall6(unix.SYS_EPOLL_CTL, uintptr(set), unix.EPOLL_CTL_DEL, uintptr(key), 0, 0, 0)
	unix.RawSyscall(unix.SYS_CLOSE, uintptr(key), 0, 0)
}

// readyExits appends the keys of the pidfds that are ready, without
// waiting.
func readyExits(set int, keys []int) ([]int, error) {
	var events [64]unix.EpollEvent
	for {
		n, err := unix.EpollWait(set, events[:], 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return keys, err
		}
		for _, ev := range events[:n] {
			keys = append(keys, int(ev.Fd))
		}
		if n < len(events) {
			return keys, nil
		}
	}
}

// reapExited reaps the child watched through the pidfd key if it has
// ended, with waitid on the pidfd: the status is then that of the process
// the pidfd was opened for, even if another wait reaped it and its number
// went to a new child meanwhile (that gives ECHILD). Linux 5.3 has pidfds
// but no P_PIDFD for waitid; there it waits for pid.
func reapExited(key, pid int) (int, WaitStatus, error) {
	var info unix.Siginfo // zeroed: si_pid stays 0 while the child runs
	for {
		_, _, errno := unix.RawSyscall6(unix.SYS_WAITID, unix.P_PIDFD, uintptr(key),
			uintptr(unsafe.Pointer(&info)), unix.WEXITED|unix.WNOHANG, 0, 0)
		switch errno {
		case 0:
			b := unsafe.Slice((*byte)(unsafe.Pointer(&info)), unsafe.Sizeof(info))
			r := hostSiginfo.decode(b, hostBigEndian)
			return r.Pid, exitStatus(r.Code, r.Status), nil
		case unix.EINTR:
			continue
		case unix.EINVAL:
			return waitNoHang(pid, 0)
		}
		return 0, 0, os.NewSyscallError("waitid", errno)
	}
}

// exitStatus encodes, as wait4 would, the end of a child that waitid
// reported with si_code code and si_status status.
func exitStatus(code, status int) WaitStatus {
	switch code {
	case CLD_EXITED:
		return WaitStatus(status&0xff) << 8
	case CLD_KILLED:
		return WaitStatus(status & 0x7f)
	case CLD_DUMPED:
		return WaitStatus(status&0x7f | 0x80)
	}
	return 0
}

// waitNoHang is wait4(pid, options|WNOHANG) as a raw system call, which
// never blocks: the runtime then has no reason to start a thread.
func waitNoHang(pid, options int) (int, WaitStatus, error) {
	var ws int32
	for {
		r, _, errno := unix.RawSyscall6(unix.SYS_WAIT4, uintptr(pid), uintptr(unsafe.Pointer(&ws)), uintptr(options|WNOHANG), 0, 0, 0)
		switch errno {
		case 0:
			if r == 0 {
				return 0, 0, nil
			}
			return int(r), WaitStatus(ws), nil
		case unix.EINTR:
			continue
		}
		return 0, 0, os.NewSyscallError("wait4", errno)
	}
}
