//go:build !linux

package proc

import "errors"

func pidfdOpen(int) (int, error) { return -1, errors.ErrUnsupported }
