//go:build dragonfly || freebsd || linux || netbsd

package proc

import "runtime"

// hostSiginfo is the layout of the system the program runs on.
var hostSiginfo = siginfoFor(runtime.GOOS, runtime.GOARCH)
