package proc

import (
	"testing"

	"golang.org/x/sys/unix"
)

// TestConstantsLinux checks the constants against x/sys, which reads them
// from the kernel's headers.
func TestConstantsLinux(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"WNOHANG", WNOHANG, unix.WNOHANG},
		{"WUNTRACED", WUNTRACED, unix.WUNTRACED},
		{"WSTOPPED", WSTOPPED, unix.WSTOPPED},
		{"WCONTINUED", WCONTINUED, unix.WCONTINUED},
		{"WEXITED", WEXITED, unix.WEXITED},
		{"WNOWAIT", WNOWAIT, unix.WNOWAIT},
		{"P_ALL", int(P_ALL), unix.P_ALL},
		{"P_PID", int(P_PID), unix.P_PID},
		{"P_PGID", int(P_PGID), unix.P_PGID},
		{"P_PIDFD", int(P_PIDFD), unix.P_PIDFD},
		{"CLOCK_MONOTONIC", clockMonotonic, unix.CLOCK_MONOTONIC},
	} {
		if c.got != c.want {
			t.Errorf("%s = %#x, want %#x", c.name, c.got, c.want)
		}
	}
}
