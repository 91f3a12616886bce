//go:build !darwin && !dragonfly && !freebsd && !netbsd && !openbsd

package proc

// The values of Linux and glibc. Windows and the systems without the calls
// take them too: there the calls reject every option but WNOHANG (Windows)
// or return errors.ErrUnsupported.
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
