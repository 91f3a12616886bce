//go:build darwin || openbsd

package proc

// waitID: macOS and OpenBSD have waitid only in libc, which needs cgo.
func waitID(IDType, int, int) (*WaitIDResult, error) {
	return nil, errUnsupported("waitid")
}
