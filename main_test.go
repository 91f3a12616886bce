package proc

import (
	"fmt"
	"os"
	"testing"
)

// helpers are the programs that the test binary runs when it is run again
// with PROC_TEST_HELPER set: each runs in a process of its own, so that it
// can have no children, or take signals, without touching the tests.
var helpers = map[string]func() int{}

// helperEnv names the helper that a re-run test binary runs.
const helperEnv = "PROC_TEST_HELPER"

func TestMain(m *testing.M) {
	if name := os.Getenv(helperEnv); name != "" {
		h, ok := helpers[name]
		if !ok {
			fmt.Fprintf(os.Stderr, "no helper %q\n", name)
			os.Exit(2)
		}
		os.Exit(h())
	}
	os.Exit(m.Run())
}
