package proc

import "golang.org/x/sys/unix"

// The values of macOS's <sys/wait.h>.
const (
	wNOHANG    = 0x1
	wUNTRACED  = 0x2
	wEXITED    = 0x4
	wSTOPPED   = 0x8
	wCONTINUED = 0x10
	wNOWAIT    = 0x20

	pALL   = 0
	pPID   = 1
	pPGID  = 2
	pPIDFD = -1 // no such idtype: rejected

	clockMonotonic = unix.CLOCK_MONOTONIC
)
