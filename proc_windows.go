package proc

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	kernel32                        = windows.NewLazySystemDLL("kernel32.dll")
	ntdll                           = windows.NewLazySystemDLL("ntdll.dll")
	procQueryPerformanceCounter     = kernel32.NewProc("QueryPerformanceCounter")
	procQueryPerformanceFrequency   = kernel32.NewProc("QueryPerformanceFrequency")
	procK32GetProcessMemoryInfo     = kernel32.NewProc("K32GetProcessMemoryInfo")
	procRegisterWaitForSingleObject = kernel32.NewProc("RegisterWaitForSingleObject")
	procUnregisterWaitEx            = kernel32.NewProc("UnregisterWaitEx")
	procNtResumeProcess             = ntdll.NewProc("NtResumeProcess")
)

// processMemoryCounters is PROCESS_MEMORY_COUNTERS.
type processMemoryCounters struct {
	cb                         uint32
	pageFaultCount             uint32
	peakWorkingSetSize         uintptr
	workingSetSize             uintptr
	quotaPeakPagedPoolUsage    uintptr
	quotaPagedPoolUsage        uintptr
	quotaPeakNonPagedPoolUsage uintptr
	quotaNonPagedPoolUsage     uintptr
	pagefileUsage              uintptr
	peakPagefileUsage          uintptr
}

// openForWait opens the process pid for waiting. extra adds access rights.
func openForWait(pid int, extra uint32) (windows.Handle, error) {
	if pid <= 0 {
		return 0, os.NewSyscallError("OpenProcess", syscall.EINVAL)
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION|windows.SYNCHRONIZE|extra, false, uint32(pid))
	if err != nil {
		return 0, fmt.Errorf("proc: process %d: %w", pid, os.NewSyscallError("OpenProcess", err))
	}
	return h, nil
}

func wait4(pid, options int, wantRusage bool) (int, WaitStatus, Rusage, error) {
	return waitProcess(context.Background(), pid, options, wantRusage)
}

// waitProcess is WaitPid and Wait4: it opens pid, waits for it to end (or,
// with WNOHANG, looks whether it has) and returns its exit code << 8.
func waitProcess(ctx context.Context, pid, options int, wantRusage bool) (int, WaitStatus, Rusage, error) {
	if pid == -1 {
		return 0, 0, Rusage{}, errUnsupported("wait4") // any child: Windows has no such wait
	}
	if options&^WNOHANG != 0 {
		return 0, 0, Rusage{}, os.NewSyscallError("wait4", syscall.EINVAL)
	}
	h, err := openForWait(pid, 0)
	if err != nil {
		return 0, 0, Rusage{}, err
	}
	defer windows.CloseHandle(h)
	if options&WNOHANG != 0 {
		ev, err := windows.WaitForSingleObject(h, 0)
		if err != nil {
			return 0, 0, Rusage{}, os.NewSyscallError("WaitForSingleObject", err)
		}
		if ev == uint32(windows.WAIT_TIMEOUT) {
			return 0, 0, Rusage{}, nil
		}
	} else if err := waitHandle(ctx, h); err != nil {
		return 0, 0, Rusage{}, err
	}
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return 0, 0, Rusage{}, os.NewSyscallError("GetExitCodeProcess", err)
	}
	var ru Rusage
	if wantRusage {
		ru = rusageOf(h)
	}
	return pid, WaitStatus(uint64(code) << 8), ru, nil
}

// rusageOf reads the times and the peak working set of the process h.
func rusageOf(h windows.Handle) Rusage {
	var ru Rusage
	var creation, exit, kernel, user windows.Filetime
	if windows.GetProcessTimes(h, &creation, &exit, &kernel, &user) == nil {
		ru.UserTime = filetimeDuration(user)
		ru.SystemTime = filetimeDuration(kernel)
	}
	if procK32GetProcessMemoryInfo.Find() == nil {
		pmc := processMemoryCounters{cb: uint32(unsafe.Sizeof(processMemoryCounters{}))}
		r, _, _ := procK32GetProcessMemoryInfo.Call(uintptr(h), uintptr(unsafe.Pointer(&pmc)), uintptr(pmc.cb))
		if r != 0 {
			ru.MaxRSS = int64(pmc.peakWorkingSetSize)
			ru.MajFlt = int64(pmc.pageFaultCount)
		}
	}
	return ru
}

// filetimeDuration converts a FILETIME span, in 100 ns units.
func filetimeDuration(ft windows.Filetime) time.Duration {
	return time.Duration(int64(ft.HighDateTime)<<32|int64(ft.LowDateTime)) * 100
}

// waitHandle waits for h to be signalled, or for ctx to be done. A ctx
// that can be done is waited for with RegisterWaitForSingleObject: the
// system's wait threads watch many handles each, so no thread is held for
// the wait.
func waitHandle(ctx context.Context, h windows.Handle) error {
	if ctx.Done() == nil || procRegisterWaitForSingleObject.Find() != nil {
		_, err := windows.WaitForSingleObject(h, windows.INFINITE)
		if err != nil {
			return os.NewSyscallError("WaitForSingleObject", err)
		}
		return nil
	}
	signalled := make(chan struct{})
	id := waiters.add(signalled)
	defer waiters.remove(id)
	const wtExecuteOnlyOnce = 0x8
	var wh windows.Handle
	r, _, err := procRegisterWaitForSingleObject.Call(uintptr(unsafe.Pointer(&wh)), uintptr(h),
		waitCallback, id, windows.INFINITE, wtExecuteOnlyOnce)
	if r == 0 {
		return os.NewSyscallError("RegisterWaitForSingleObject", err)
	}
	var result error
	select {
	case <-signalled:
	case <-ctx.Done():
		result = ctx.Err()
	}
	// INVALID_HANDLE_VALUE: return once the callback, if it runs, is done.
	procUnregisterWaitEx.Call(uintptr(wh), uintptr(windows.InvalidHandle))
	return result
}

// waiters maps the context value of a registered wait to the channel its
// callback closes.
var waiters waitRegistry

type waitRegistry struct {
	mu   sync.Mutex
	next uintptr
	m    map[uintptr]chan struct{}
}

func (r *waitRegistry) add(c chan struct{}) uintptr {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = make(map[uintptr]chan struct{})
	}
	r.next++
	r.m[r.next] = c
	return r.next
}

func (r *waitRegistry) remove(id uintptr) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.m, id)
}

func (r *waitRegistry) signal(id uintptr) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.m[id]; ok {
		close(c)
		delete(r.m, id)
	}
}

// waitCallback is the WAITORTIMERCALLBACK of every registered wait.
var waitCallback = windows.NewCallback(func(id, timedOut uintptr) uintptr {
	waiters.signal(id)
	return 0
})

func waitID(IDType, int, int) (*WaitIDResult, error) {
	return nil, errUnsupported("waitid")
}

func waitPidContext(ctx context.Context, pid, options int) (int, WaitStatus, error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	wp, status, _, err := waitProcess(ctx, pid, options, false)
	return wp, status, err
}

func times() (ProcessTimes, error) {
	var creation, exit, kernel, user windows.Filetime
	if err := windows.GetProcessTimes(windows.CurrentProcess(), &creation, &exit, &kernel, &user); err != nil {
		return ProcessTimes{}, os.NewSyscallError("GetProcessTimes", err)
	}
	elapsed, err := performanceCounter()
	if err != nil {
		return ProcessTimes{}, err
	}
	return ProcessTimes{
		User:    filetimeDuration(user),
		System:  filetimeDuration(kernel),
		Elapsed: elapsed,
	}, nil
}

// qpcFrequency is the performance counter's ticks per second.
var qpcFrequency = sync.OnceValues(func() (int64, error) {
	var f int64
	if r, _, err := procQueryPerformanceFrequency.Call(uintptr(unsafe.Pointer(&f))); r == 0 {
		return 0, os.NewSyscallError("QueryPerformanceFrequency", err)
	}
	return f, nil
})

// performanceCounter returns the performance counter, which counts from
// the boot, as a duration.
func performanceCounter() (time.Duration, error) {
	freq, err := qpcFrequency()
	if err != nil {
		return 0, err
	}
	var c int64
	if r, _, err := procQueryPerformanceCounter.Call(uintptr(unsafe.Pointer(&c))); r == 0 {
		return 0, os.NewSyscallError("QueryPerformanceCounter", err)
	}
	sec, rem := c/freq, c%freq
	return time.Duration(sec)*time.Second + time.Duration(rem*int64(time.Second)/freq), nil
}

// comspec returns the command interpreter, as the C runtime finds it.
func comspec() (string, error) {
	if s := os.Getenv("ComSpec"); s != "" {
		return s, nil
	}
	dir, err := windows.GetSystemDirectory()
	if err != nil {
		return "", os.NewSyscallError("GetSystemDirectory", err)
	}
	return dir + `\cmd.exe`, nil
}

// system runs command once runSystem has checked it.
func system(ctx context.Context, command string) (WaitStatus, error) {
	shell, err := comspec()
	if err != nil {
		return 0, err
	}
	// As _wsystem: "<ComSpec> /c <command>", the command not quoted.
	line := shell + " /c " + command
	if strings.ContainsAny(shell, " \t") {
		line = `"` + shell + `" /c ` + command
	}
	cancellable := ctx.Done() != nil
	sys := &syscall.SysProcAttr{CmdLine: line}
	if cancellable {
		// Suspended until it is in the job, so that nothing it starts
		// escapes the job.
		sys.CreationFlags = windows.CREATE_SUSPENDED
	}
	p, err := os.StartProcess(shell, nil, &os.ProcAttr{
		Files: []*os.File{os.Stdin, os.Stdout, os.Stderr},
		Sys:   sys,
	})
	if err != nil {
		return 0, err
	}
	defer p.Release()
	if !cancellable {
		st, err := p.Wait()
		if err != nil {
			return 0, err
		}
		return WaitStatus(uint64(st.Sys().(syscall.WaitStatus).ExitCode) << 8), nil
	}
	// abandon ends the suspended shell, which has run nothing yet.
	abandon := func(err error) (WaitStatus, error) {
		p.Kill()
		p.Wait()
		return 0, err
	}
	h, err := openForWait(p.Pid, windows.PROCESS_TERMINATE|windows.PROCESS_SET_QUOTA|windows.PROCESS_SUSPEND_RESUME)
	if err != nil {
		return abandon(err)
	}
	defer windows.CloseHandle(h)
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return abandon(os.NewSyscallError("CreateJobObject", err))
	}
	defer windows.CloseHandle(job)
	if err := windows.AssignProcessToJobObject(job, h); err != nil {
		return abandon(os.NewSyscallError("AssignProcessToJobObject", err))
	}
	if r, _, _ := procNtResumeProcess.Call(uintptr(h)); r != 0 {
		windows.TerminateJobObject(job, 1)
		p.Wait()
		return 0, fmt.Errorf("proc: NtResumeProcess: NTSTATUS %#x", uint32(r))
	}
	if err := waitHandle(ctx, h); err != nil {
		windows.TerminateJobObject(job, 1)
		windows.WaitForSingleObject(h, windows.INFINITE)
		return 0, err
	}
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return 0, os.NewSyscallError("GetExitCodeProcess", err)
	}
	return WaitStatus(uint64(code) << 8), nil
}
