package proc_test

import (
	"fmt"
	"log"

	"github.com/seed2fd11edd/proc"
)

// System returns the raw status; WaitStatusToExitCode turns it into the
// exit code the same way on every system.
func ExampleSystem() {
	status, err := proc.System("exit 3")
	if err != nil {
		log.Fatal(err)
	}
	code, err := proc.WaitStatusToExitCode(status)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("exit code", code)
	// Output: exit code 3
}

func ExampleWaitStatusToExitCode() {
	for _, status := range []proc.WaitStatus{0, 42 << 8, 255 << 8} {
		code, err := proc.WaitStatusToExitCode(status)
		fmt.Println(code, err)
	}
	// Output:
	// 0 <nil>
	// 42 <nil>
	// 255 <nil>
}

func ExampleTimes() {
	before, err := proc.Times()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := proc.System("exit 0"); err != nil {
		log.Fatal(err)
	}
	after, err := proc.Times()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("real", after.Elapsed-before.Elapsed,
		"user", after.ChildrenUser-before.ChildrenUser,
		"sys", after.ChildrenSystem-before.ChildrenSystem)
}
