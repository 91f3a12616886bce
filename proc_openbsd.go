package proc

import "golang.org/x/sys/unix"

// The values of OpenBSD's <sys/wait.h>.
const (
	wNOHANG    = 0x1
	wUNTRACED  = 0x2
	wSTOPPED   = 0x2
	wEXITED    = 0x4
	wCONTINUED = 0x8
	wNOWAIT    = 0x10

	pALL   = 0
	pPID   = 2
	pPGID  = 1
	pPIDFD = -1 // no such idtype: rejected

	clockMonotonic = unix.CLOCK_MONOTONIC
)
