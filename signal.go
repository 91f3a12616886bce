//go:build !plan9

package proc

import "syscall"

// Signal returns the signal that ended the process (WTERMSIG). It is
// meaningful only when Signaled reports true.
func (w WaitStatus) Signal() syscall.Signal { return syscall.Signal(host.termSig(w)) }

// StopSignal returns the signal that stopped the process (WSTOPSIG). It is
// meaningful only when Stopped reports true.
func (w WaitStatus) StopSignal() syscall.Signal { return syscall.Signal(host.stopSig(w)) }

// signalName is the name of signal n, as syscall.Signal gives it.
func signalName(n int) string { return syscall.Signal(n).String() }
