//go:build !darwin && !dragonfly && !freebsd && !linux && !netbsd && !openbsd && !windows

package proc

import "context"

// Systems without the calls (js/wasm, wasip1, plan9, Solaris, illumos,
// AIX, ...) take Linux's values; every call but the status decoding
// returns an error matching errors.ErrUnsupported.
const (
	wNOHANG    = 0x1
	wUNTRACED  = 0x2
	wSTOPPED   = 0x2
	wEXITED    = 0x4
	wCONTINUED = 0x8
	wNOWAIT    = 0x1000000

	pALL   = 0
	pPID   = 1
	pPGID  = 2
	pPIDFD = 3
)

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
