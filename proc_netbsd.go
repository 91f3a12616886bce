package proc

// The values of NetBSD's <sys/wait.h>.
const (
	wNOHANG    = 0x1
	wUNTRACED  = 0x2
	wSTOPPED   = 0x2 // WUNTRACED: 0x7f is the status marker, not the option
	wCONTINUED = 0x10
	wEXITED    = 0x20
	wNOWAIT    = 0x10000

	pALL   = 0
	pPID   = 1
	pPGID  = 4
	pPIDFD = -1 // no such idtype: rejected

	sysWAIT6       = 481 // not in x/sys for NetBSD
	clockMonotonic = 3   // CLOCK_MONOTONIC, not in x/sys for NetBSD
)
