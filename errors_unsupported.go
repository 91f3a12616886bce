//go:build !linux

package proc

import (
	"errors"
	"os"
)

// errUnsupported returns the error of a call that the system lacks.
func errUnsupported(call string) error {
	return &os.SyscallError{Syscall: call, Err: errors.ErrUnsupported}
}
