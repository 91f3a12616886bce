//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package proc

import "errors"

func pidfdOpen(int) (int, error) { return -1, errors.ErrUnsupported }
