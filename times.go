package proc

import "time"

// ProcessTimes holds the CPU and real times that [Times] reports.
type ProcessTimes struct {
	User           time.Duration // user CPU time of this process, all threads
	System         time.Duration // system CPU time of this process, all threads
	ChildrenUser   time.Duration // user CPU time of the children that have been waited for
	ChildrenSystem time.Duration // system CPU time of the children that have been waited for
	Elapsed        time.Duration // real time since a fixed point in the past; monotonic
}

// Times returns the process times, as Python's os.times does.
//
// Unlike Python, whose figures come in clock ticks (10 ms), Times reports
// microseconds on Unix: User, System and the children's times come from
// [getrusage(2)], Elapsed from [clock_gettime(2)] with CLOCK_MONOTONIC, whose
// fixed point is the same for every process on the machine (usually the
// boot), so Elapsed of two processes can be compared. Only differences of
// Elapsed have a meaning.
//
// On Windows, User and System come from GetProcessTimes (100 ns units),
// the children's times are zero, and Elapsed is real time from the
// performance counter (Python reports 0 there).
//
// [getrusage(2)]: https://man7.org/linux/man-pages/man2/getrusage.2.html
// [clock_gettime(2)]: https://man7.org/linux/man-pages/man2/clock_gettime.2.html
func Times() (ProcessTimes, error) { return times() }

// Tuple returns the times in the order of Python's os.times() five-tuple:
// user, system, children_user, children_system, elapsed.
func (t ProcessTimes) Tuple() [5]time.Duration {
	return [5]time.Duration{t.User, t.System, t.ChildrenUser, t.ChildrenSystem, t.Elapsed}
}
