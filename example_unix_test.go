//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package proc_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os/exec"
	"syscall"
	"time"

	"github.com/seed2fd11edd/proc"
)

func ExampleWaitStatus() {
	status, err := proc.System("kill -TERM $$")
	if err != nil {
		log.Fatal(err)
	}
	switch {
	case status.Exited():
		fmt.Println("exited with", status.ExitStatus())
	case status.Signaled():
		fmt.Println("killed by", status.Signal(), "core dumped:", status.CoreDump())
	}
	fmt.Println(status)
	code, _ := proc.WaitStatusToExitCode(status)
	fmt.Println("exit code", code)
	// Output:
	// killed by terminated core dumped: false
	// signal: terminated
	// exit code -15
}

func ExampleWaitPid() {
	cmd := exec.Command("/bin/sh", "-c", "exit 7")
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	pid := cmd.Process.Pid
	cmd.Process.Release() // proc reaps the child, not os/exec

	wpid, status, err := proc.WaitPid(pid, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(wpid == pid, status.ExitStatus())
	// Output: true 7
}

// A wait that gives up after a while, leaving the child to be waited for
// later.
func ExampleWaitPidContext() {
	cmd := exec.Command("/bin/sleep", "10")
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	pid := cmd.Process.Pid
	cmd.Process.Release()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, _, err := proc.WaitPidContext(ctx, pid, 0)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))

	syscall.Kill(pid, syscall.SIGKILL)
	_, status, err := proc.WaitPid(pid, 0)
	fmt.Println(status, err)
	// Output:
	// true
	// signal: killed <nil>
}

// A command with a time limit: when it runs out, the shell and everything
// it started are killed.
func ExampleSystemContext() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := proc.SystemContext(ctx, "sleep 10 & sleep 10; wait")
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

func ExampleWaitID() {
	cmd := exec.Command("/bin/sh", "-c", "exit 3")
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	pid := cmd.Process.Pid
	cmd.Process.Release()

	info, err := proc.WaitID(proc.P_PID, pid, proc.WEXITED)
	if errors.Is(err, errors.ErrUnsupported) {
		proc.WaitPid(pid, 0) // macOS, OpenBSD
		fmt.Println("exited 3")
		return
	}
	if err != nil {
		log.Fatal(err)
	}
	if info.Code == proc.CLD_EXITED {
		fmt.Println("exited", info.Status)
	}
	// Output: exited 3
}
