//go:build dragonfly || freebsd || linux || netbsd

package proc

import (
	"encoding/binary"
	"runtime"
)

// hostSiginfo is the layout of the system the program runs on, and
// hostBigEndian its byte order.
var (
	hostSiginfo   = siginfoFor(runtime.GOOS, runtime.GOARCH)
	hostBigEndian = binary.NativeEndian.Uint16([]byte{0, 1}) == 1
)
