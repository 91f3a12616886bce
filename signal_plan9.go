package proc

import "strconv"

// Plan 9 has notes, not signals, and its syscall package no syscall.Signal:
// there Signal and StopSignal return the bare number.

// Signal returns the signal that ended the process (WTERMSIG). It is
// meaningful only when Signaled reports true.
func (w WaitStatus) Signal() int { return host.termSig(w) }

// StopSignal returns the signal that stopped the process (WSTOPSIG). It is
// meaningful only when Stopped reports true.
func (w WaitStatus) StopSignal() int { return host.stopSig(w) }

// signalName is the name of signal n.
func signalName(n int) string { return "signal " + strconv.Itoa(n) }
