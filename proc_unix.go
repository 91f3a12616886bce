//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc

import (
	"os"
	"runtime"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// maxRSSUnit is the unit of ru_maxrss in bytes: kibibytes everywhere but
// on macOS and iOS, which report bytes.
var maxRSSUnit = func() int64 {
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return 1
	}
	return 1024
}()

// ignoringEINTR calls fn until it fails with something other than EINTR.
func ignoringEINTR(fn func() error) error {
	for {
		err := fn()
		if err != syscall.EINTR {
			return err
		}
	}
}

// wait4 is wait4(2) retried on EINTR. It fills ru when asked for it.
func wait4(pid, options int, wantRusage bool) (int, WaitStatus, Rusage, error) {
	var (
		ws  unix.WaitStatus
		ru  unix.Rusage
		rup *unix.Rusage
		wp  int
	)
	if wantRusage {
		rup = &ru
	}
	err := ignoringEINTR(func() (err error) {
		wp, err = unix.Wait4(pid, &ws, options, rup)
		return err
	})
	if err != nil {
		return 0, 0, Rusage{}, os.NewSyscallError("wait4", err)
	}
	if wp == 0 {
		return 0, 0, Rusage{}, nil // WNOHANG: no child ready
	}
	var r Rusage
	if wantRusage {
		r = rusageOf(&ru)
	}
	return wp, WaitStatus(int32(ws)), r, nil
}

// rusageOf converts the system's struct rusage.
func rusageOf(ru *unix.Rusage) Rusage {
	return Rusage{
		UserTime:   time.Duration(ru.Utime.Nano()),
		SystemTime: time.Duration(ru.Stime.Nano()),
		MaxRSS:     int64(ru.Maxrss) * maxRSSUnit,
		IxRSS:      int64(ru.Ixrss),
		IdRSS:      int64(ru.Idrss),
		IsRSS:      int64(ru.Isrss),
		MinFlt:     int64(ru.Minflt),
		MajFlt:     int64(ru.Majflt),
		NSwap:      int64(ru.Nswap),
		InBlock:    int64(ru.Inblock),
		OuBlock:    int64(ru.Oublock),
		MsgSnd:     int64(ru.Msgsnd),
		MsgRcv:     int64(ru.Msgrcv),
		NSignals:   int64(ru.Nsignals),
		NVCSw:      int64(ru.Nvcsw),
		NIVCSw:     int64(ru.Nivcsw),
	}
}

func times() (ProcessTimes, error) {
	var self, children unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_SELF, &self); err != nil {
		return ProcessTimes{}, os.NewSyscallError("getrusage", err)
	}
	if err := unix.Getrusage(unix.RUSAGE_CHILDREN, &children); err != nil {
		return ProcessTimes{}, os.NewSyscallError("getrusage", err)
	}
	var now unix.Timespec
	if err := unix.ClockGettime(clockMonotonic, &now); err != nil {
		return ProcessTimes{}, os.NewSyscallError("clock_gettime", err)
	}
	return ProcessTimes{
		User:           time.Duration(self.Utime.Nano()),
		System:         time.Duration(self.Stime.Nano()),
		ChildrenUser:   time.Duration(children.Utime.Nano()),
		ChildrenSystem: time.Duration(children.Stime.Nano()),
		Elapsed:        time.Duration(now.Nano()),
	}, nil
}
