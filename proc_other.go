//go:build !darwin && !dragonfly && !freebsd && !linux && !netbsd && !openbsd && !windows

package proc

import "context"

// Systems without the calls (js/wasm, wasip1, plan9, Solaris, illumos,
// AIX, ...): every call but the status decoding returns an error matching
// errors.ErrUnsupported.

func wait4(int, int, bool) (int, WaitStatus, Rusage, error) {
	return 0, 0, Rusage{}, errUnsupported("wait4")
}

func waitID(IDType, int, int) (*WaitIDResult, error) {
	return nil, errUnsupported("waitid")
}

func waitPidContext(context.Context, int, int) (int, WaitStatus, error) {
	return 0, 0, errUnsupported("wait4")
}

func times() (ProcessTimes, error) {
	return ProcessTimes{}, errUnsupported("times")
}

func system(context.Context, string) (WaitStatus, error) {
	return 0, errUnsupported("system")
}
