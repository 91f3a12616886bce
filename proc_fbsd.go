//go:build dragonfly || freebsd

package proc

import "golang.org/x/sys/unix"

// The values of FreeBSD's and DragonFly's <sys/wait.h>.
const (
	wNOHANG    = 0x1
	wUNTRACED  = 0x2
	wSTOPPED   = 0x2
	wCONTINUED = 0x4
	wNOWAIT    = 0x8
	wEXITED    = 0x10

	pPID   = 0
	pPGID  = 2
	pALL   = 7
	pPIDFD = -1 // no such idtype: rejected

	clockMonotonic = unix.CLOCK_MONOTONIC

	sysWAIT6 = unix.SYS_WAIT6
)
