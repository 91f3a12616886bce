package proc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// statusSeeds are the status words at the edges of every encoding, as
// int64 so that they reach past the C int range too.
var statusSeeds = []int64{
	0, 1, 0x7f, 0x80, 0x81, 0xff, 0x100, 0x13, 0x93, 0x137f, 0x13ff, 0x117f,
	0xffff, 0x1ffff, 0x10000, 0x2a00, 0xff00, 0x8b,
	-1, -256, -0x81,
	math.MaxInt32, math.MinInt32, math.MaxInt32 + 1, math.MinInt32 - 1,
	1 << 31, 1 << 32, 1 << 40, math.MaxInt64, math.MinInt64,
	0xffffffff << 8, 0xffffffff<<8 | 0xff, 0x100000000 << 8,
	0xC0000005 << 8, 259 << 8,
}

// FuzzCodecs compares every Unix codec with the <sys/wait.h> reference for
// any int64 status, and the exported WaitStatus methods with the codec of
// the host.
func FuzzCodecs(f *testing.F) {
	for _, x := range statusSeeds {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x int64) {
		w := WaitStatus(x)
		fits := x >= math.MinInt32 && x <= math.MaxInt32
		for _, goos := range refGOOS {
			c := codecFor(goos)
			if fits {
				checkCodec(t, goos, c, int32(x))
				continue
			}
			// Outside the C int range a status is no status at all.
			if c.exited(w) || c.signaled(w) || c.coreDump(w) || c.stopped(w) || c.continued(w) {
				t.Fatalf("%s: status %d outside the int range: decoded %+v, want every predicate false",
					goos, x, decodeWith(c, w))
			}
			code, err := c.exitCode(w)
			want := "invalid wait status: " + strconv.FormatInt(x, 10)
			if err == nil || err.Error() != want || !errors.Is(err, ErrInvalidStatus) {
				t.Fatalf("%s: exit code of %d = %d, %v; want error %q matching ErrInvalidStatus",
					goos, x, code, err, want)
			}
		}
		checkExported(t, w)
	})
}

// checkExported checks that the exported methods of w are the host codec's
// macros, and that String describes w as the predicates do.
func checkExported(t *testing.T, w WaitStatus) {
	t.Helper()
	got := refStatus{
		Exited:     w.Exited(),
		ExitStatus: w.ExitStatus(),
		Signaled:   w.Signaled(),
		TermSig:    int(w.Signal()),
		CoreDump:   w.CoreDump(),
		Stopped:    w.Stopped(),
		StopSig:    int(w.StopSignal()),
		Continued:  w.Continued(),
	}
	if want := decodeWith(host, w); got != want {
		t.Fatalf("status %d: methods give %+v, host codec %+v", int64(w), got, want)
	}

	code, err := WaitStatusToExitCode(w)
	wantCode, wantErr := host.exitCode(w)
	if code != wantCode || fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("WaitStatusToExitCode(%d) = %d, %v; host codec gives %d, %v", int64(w), code, err, wantCode, wantErr)
	}
	if err != nil && !errors.Is(err, ErrInvalidStatus) {
		t.Fatalf("WaitStatusToExitCode(%d): error %v does not match ErrInvalidStatus", int64(w), err)
	}

	s := w.String()
	var ok bool
	switch {
	case s == "":
		ok = false
	case got.Exited:
		ok = s == "exit status "+strconv.Itoa(got.ExitStatus)
	case got.Signaled:
		ok = strings.HasPrefix(s, "signal: ") && strings.HasSuffix(s, " (core dumped)") == got.CoreDump
	case got.Stopped:
		ok = strings.HasPrefix(s, "stop signal: ")
	case got.Continued:
		ok = s == "continued"
	default:
		ok = s == "invalid wait status "+strconv.FormatInt(int64(w), 10)
	}
	if !ok {
		t.Fatalf("WaitStatus(%d).String() = %q, which does not describe %+v", int64(w), s, got)
	}
}

// FuzzWindowsCodec compares the Windows codec, a status being the exit
// code shifted left by eight bits, with CPython's Windows branch of
// os.waitstatus_to_exitcode.
func FuzzWindowsCodec(f *testing.F) {
	for _, x := range statusSeeds {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x int64) {
		w := WaitStatus(x)
		code, err := codecWindows.exitCode(w)
		wantCode, wantMsg := refExitCodeWindows(x)

		switch {
		case (err != nil) != (wantMsg != ""):
			t.Fatalf("exitCode(%d) = %d, %v; CPython gives %d, %q", x, code, err, wantCode, wantMsg)
		case err == nil && int64(uint32(code)) != wantCode: // uint32: an int is 32 bits on 386
			t.Fatalf("exitCode(%d) = %d; CPython gives %d", x, code, wantCode)
		case err != nil && !errors.Is(err, ErrInvalidStatus):
			t.Fatalf("exitCode(%d): error %v does not match ErrInvalidStatus", x, err)
		case err != nil && x < 0:
			// CPython raises OverflowError here; the package reports the
			// status itself, as it does on Unix.
			if want := "invalid wait status: " + strconv.FormatInt(x, 10); err.Error() != want {
				t.Fatalf("exitCode(%d) error %q, want %q", x, err, want)
			}
		case err != nil && err.Error() != wantMsg:
			t.Fatalf("exitCode(%d) error %q, CPython says %q", x, err, wantMsg)
		}

		got := decodeWith(codecWindows, w)
		if got.Exited != (err == nil) {
			t.Fatalf("status %d: exited = %v, but exitCode error = %v", x, got.Exited, err)
		}
		if got.Exited && got.ExitStatus != code {
			t.Fatalf("status %d: exitStatus = %d, exitCode = %d", x, got.ExitStatus, code)
		}
		if got.Signaled || got.Stopped || got.Continued || got.CoreDump {
			t.Fatalf("status %d: decoded %+v, want no signal predicate", x, got)
		}
		if err == nil {
			// The exit code encodes back to a status with the same code.
			back, berr := codecWindows.exitCode(WaitStatus(int64(uint32(code)) << 8))
			if berr != nil || back != code {
				t.Fatalf("exit code %d encoded as %d decodes as %d, %v", code, int64(code)<<8, back, berr)
			}
		}
	})
}

// siginfoRef is a siginfo_t layout as each system's headers define it, kept
// apart from the package's own table: the byte offsets of si_signo,
// si_errno, si_code, si_pid, si_uid and si_status.
type siginfoRef struct {
	name                                 string
	layout                               siginfoLayout
	platforms                            []string // goos/goarch pairs that use it
	signo, errno, code, pid, uid, status int
}

var siginfoRefs = []siginfoRef{
	{"linux 64-bit", siginfoLinux64, []string{"linux/amd64", "linux/arm64", "linux/riscv64", "linux/s390x", "linux/ppc64le", "android/arm64"},
		0, 4, 8, 16, 20, 24},
	{"linux 32-bit", siginfoLinux32, []string{"linux/386", "linux/arm", "android/arm"},
		0, 4, 8, 12, 16, 20},
	{"linux mips64", siginfoLinuxMIPS64, []string{"linux/mips64", "linux/mips64le"},
		0, 8, 4, 16, 20, 24},
	{"linux mips", siginfoLinuxMIPS32, []string{"linux/mips", "linux/mipsle"},
		0, 8, 4, 12, 16, 20},
	{"freebsd", siginfoFreeBSD, []string{"freebsd/amd64", "freebsd/arm64", "dragonfly/amd64", "darwin/amd64", "darwin/arm64", "ios/arm64"},
		0, 4, 8, 12, 16, 20},
	{"netbsd", siginfoNetBSD, []string{"netbsd/amd64", "netbsd/arm64"},
		0, 8, 4, 16, 20, 24},
	{"openbsd", siginfoOpenBSD, []string{"openbsd/amd64", "openbsd/arm64"},
		0, 8, 4, 16, 20, 40},
}

// decode reads the fields the table names, four bytes each, as the C types
// they are: si_uid is a uid_t (unsigned), the others int or pid_t. A field
// the buffer does not hold entirely reads as zero.
func (r siginfoRef) decode(b []byte, bo binary.ByteOrder) WaitIDResult {
	i32 := func(off int) int {
		if len(b) < off+4 {
			return 0
		}
		return int(int32(bo.Uint32(b[off : off+4])))
	}
	u32 := func(off int) int {
		if len(b) < off+4 {
			return 0
		}
		return int(bo.Uint32(b[off : off+4]))
	}
	return WaitIDResult{
		Pid:    i32(r.pid),
		UID:    u32(r.uid),
		Signo:  i32(r.signo),
		Status: i32(r.status),
		Code:   i32(r.code),
	}
}

// FuzzSiginfo decodes any bytes, and every prefix of them, with every
// siginfo layout in both byte orders, and compares the fields with a plain
// read at the offsets of siginfoRefs.
func FuzzSiginfo(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{17, 0, 0})
	full := make([]byte, 48)
	for i := range full {
		full[i] = byte(i + 1)
	}
	f.Add(full)
	f.Add(bytes.Repeat([]byte{0xff}, 44))
	f.Add(bytes.Repeat([]byte{0x80}, 23))
	// A child killed by SIGKILL, as Linux amd64 stores it (little endian).
	killed := make([]byte, 128)
	binary.LittleEndian.PutUint32(killed[0:], 17)     // SIGCHLD
	binary.LittleEndian.PutUint32(killed[8:], 2)      // CLD_KILLED
	binary.LittleEndian.PutUint32(killed[16:], 4242)  // pid
	binary.LittleEndian.PutUint32(killed[20:], 60001) // uid
	binary.LittleEndian.PutUint32(killed[24:], 9)     // status
	f.Add(killed)

	for _, r := range siginfoRefs {
		for _, p := range r.platforms {
			goos, goarch, _ := strings.Cut(p, "/")
			if got := siginfoFor(goos, goarch); got != r.layout {
				f.Fatalf("siginfoFor(%q, %q) = %+v, want the %s layout %+v", goos, goarch, got, r.name, r.layout)
			}
		}
	}

	f.Fuzz(func(t *testing.T, b []byte) {
		orig := bytes.Clone(b)
		for _, r := range siginfoRefs {
			for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
				// Every prefix up to past the last field, then the whole.
				for n := 0; n <= len(b); n++ {
					if n > 48 && n < len(b) {
						n = len(b)
					}
					// The prefix keeps the capacity of b: what lies past
					// its length must not be read.
					p := b[:n]
					got := r.layout.decode(p, bo == binary.BigEndian)
					if want := r.decode(p, bo); got != want {
						t.Fatalf("%s %v: decode of %d bytes % x = %+v, want %+v", r.name, bo, n, p, got, want)
					}
				}
			}
		}
		if !bytes.Equal(b, orig) {
			t.Fatalf("decode changed its buffer: % x, was % x", b, orig)
		}
	})
}
