package proc

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// decodeWith applies every macro of codec c to w.
func decodeWith(c codec, w WaitStatus) refStatus {
	return refStatus{
		Exited:     c.exited(w),
		ExitStatus: c.exitStatus(w),
		Signaled:   c.signaled(w),
		TermSig:    c.termSig(w),
		CoreDump:   c.coreDump(w),
		Stopped:    c.stopped(w),
		StopSig:    c.stopSig(w),
		Continued:  c.continued(w),
	}
}

// interestingWords are status words at the edges of every encoding.
var interestingWords = []int32{
	0, 1, 0x7f, 0x80, 0x81, 0xff, 0x100, 0x13, 0x93, 0x137f, 0x13ff, 0x117f,
	0x1300, 0x2a00, 0xff00, 0xffff, 0x1ffff, 0x10000, 0x7fff, 0x8000, 0x807f,
	-1, -256, -255, -0x80, -0x81, math.MaxInt32, math.MinInt32, 0x7fffff7f,
}

// TestCodecsMatchReference compares every system's codec with the macros of
// its <sys/wait.h>, on the edge words and on many random ones.
func TestCodecsMatchReference(t *testing.T) {
	words := append([]int32(nil), interestingWords...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		words = append(words, int32(r.Uint32()), int32(r.Uint32()&0xffff), int32(r.Uint32()&0xff))
	}
	for _, goos := range refGOOS {
		c := codecFor(goos)
		for _, x := range words {
			checkCodec(t, goos, c, x)
		}
	}
}

func checkCodec(t *testing.T, goos string, c codec, x int32) {
	t.Helper()
	w := WaitStatus(x)
	if got, want := decodeWith(c, w), refDecode(goos, x); got != want {
		t.Fatalf("%s: status %#x: decoded %+v, <sys/wait.h> says %+v", goos, uint32(x), got, want)
	}
	code, err := c.exitCode(w)
	wantCode, wantMsg := refExitCode(goos, x)
	switch {
	case wantMsg == "" && (err != nil || code != wantCode):
		t.Fatalf("%s: exit code of %#x = %d, %v; Python gives %d", goos, uint32(x), code, err, wantCode)
	case wantMsg != "" && (err == nil || err.Error() != wantMsg):
		t.Fatalf("%s: exit code of %#x = %d, %v; Python raises %q", goos, uint32(x), code, err, wantMsg)
	case err != nil && !errors.Is(err, ErrInvalidStatus):
		t.Fatalf("%s: error %v does not match ErrInvalidStatus", goos, err)
	}
}

// TestPerOSEncodings pins the encodings that differ between systems.
func TestPerOSEncodings(t *testing.T) {
	type want struct {
		exited, signaled, stopped, continued, core bool
		exit, sig, stop                            int
	}
	tests := []struct {
		name   string
		goos   string
		status int32
		want   want
	}{
		{"linux exit 42", "linux", 0x2a00, want{exited: true, exit: 42, stop: 42}},
		{"linux killed", "linux", 9, want{signaled: true, sig: 9}},
		{"linux core", "linux", 0x8b, want{signaled: true, core: true, sig: 11}},
		{"linux 0x80 exits with core bit", "linux", 0x80, want{exited: true, core: true}},
		{"linux stopped 0x137f", "linux", 0x137f, want{stopped: true, sig: 127, exit: 0x13, stop: 0x13}},
		{"linux continued", "linux", 0xffff, want{continued: true, sig: 127, exit: 255, stop: 255, core: true}},
		{"darwin continued", "darwin", 0x137f, want{continued: true, sig: 127, exit: 0x13, stop: 0x13}},
		{"darwin stopped", "darwin", 0x117f, want{stopped: true, sig: 127, exit: 0x11, stop: 0x11}},
		{"darwin 0xffff is stopped", "darwin", 0xffff, want{stopped: true, sig: 127, core: true, exit: 255, stop: 255}},
		{"darwin stop signal unmasked", "darwin", -0x81, want{stopped: true, sig: 127, exit: 255, stop: -1}},
		{"freebsd continued", "freebsd", 0x13, want{continued: true, sig: 0x13}},
		{"dragonfly 0x13 also signaled", "dragonfly", 0x13, want{continued: true, signaled: true, sig: 0x13}},
		{"freebsd exit unmasked", "freebsd", -256, want{exited: true, exit: -1, stop: -1}},
		{"freebsd 0xffff stopped", "freebsd", 0xffff, want{stopped: true, sig: 127, core: true, exit: 255, stop: 255}},
		{"openbsd continued", "openbsd", 0x1ffff, want{continued: true, sig: 127, core: true, exit: 255, stop: 255}},
		{"netbsd continued exactly", "netbsd", 0xffff, want{continued: true, sig: 127, core: true, exit: 255, stop: 255}},
		{"netbsd 0x1ffff stopped", "netbsd", 0x1ffff, want{stopped: true, sig: 127, core: true, exit: 255, stop: 255}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, w := codecFor(tt.goos), WaitStatus(tt.status)
			got := want{
				exited: c.exited(w), signaled: c.signaled(w), stopped: c.stopped(w),
				continued: c.continued(w), core: c.coreDump(w),
				exit: c.exitStatus(w), sig: c.termSig(w), stop: c.stopSig(w),
			}
			if got != tt.want {
				t.Errorf("status %#x on %s: got %+v, want %+v", uint32(tt.status), tt.goos, got, tt.want)
			}
		})
	}
}

// TestExitCodeLikePython checks WaitStatusToExitCode's Linux results
// against what CPython's os.waitstatus_to_exitcode returns on Linux.
func TestExitCodeLikePython(t *testing.T) {
	tests := []struct {
		status  WaitStatus
		code    int
		message string
	}{
		{0, 0, ""},
		{0x2a00, 42, ""},
		{0xff00, 255, ""},
		{9, -9, ""},
		{0x8b, -11, ""},
		{0x7f, 0, "process stopped by delivery of signal 0"},
		{0x80, 0, ""},
		{0xff, 0, "invalid wait status: 255"},
		{0x137f, 0, "process stopped by delivery of signal 19"},
		{0xffff, 0, "invalid wait status: 65535"},
		{-1, 0, "invalid wait status: -1"},
		{-256, 255, ""},
		{math.MaxInt32, 0, "invalid wait status: 2147483647"},
		{math.MaxInt32 + 1, 0, "invalid wait status: 2147483648"},
		{math.MinInt32 - 1, 0, "invalid wait status: -2147483649"},
		{1 << 40, 0, "invalid wait status: 1099511627776"},
	}
	for _, tt := range tests {
		code, err := codecLinux.exitCode(tt.status)
		if tt.message == "" {
			if err != nil || code != tt.code {
				t.Errorf("exitCode(%#x) = %d, %v; want %d", int64(tt.status), code, err, tt.code)
			}
			continue
		}
		if err == nil || err.Error() != tt.message || !errors.Is(err, ErrInvalidStatus) {
			t.Errorf("exitCode(%#x) = %d, %v; want error %q matching ErrInvalidStatus", int64(tt.status), code, err, tt.message)
		}
	}
}

// TestWindowsEncoding checks the Windows status: code << 8.
func TestWindowsEncoding(t *testing.T) {
	for _, code := range []uint32{0, 1, 3, 255, 256, 259, 0xC0000005, 0xC000013A, 0xFFFFFFFF} {
		w := WaitStatus(uint64(code) << 8)
		got := decodeWith(codecWindows, w)
		if !got.Exited || uint32(got.ExitStatus) != code || got.Signaled || got.Stopped || got.Continued || got.CoreDump {
			t.Errorf("code %#x: decoded %+v", code, got)
		}
		c, err := codecWindows.exitCode(w)
		wantCode, wantMsg := refExitCodeWindows(int64(w))
		if err != nil || wantMsg != "" || int64(uint32(c)) != wantCode || uint32(c) != code {
			t.Errorf("code %#x: exitCode = %d, %v; want %d", code, c, err, code)
		}
	}
	for _, w := range []WaitStatus{-1, -256, 1 << 40, math.MaxInt64} {
		if _, err := codecWindows.exitCode(w); !errors.Is(err, ErrInvalidStatus) {
			t.Errorf("exitCode(%#x) error = %v, want ErrInvalidStatus", int64(w), err)
		}
		if codecWindows.exited(w) {
			t.Errorf("exited(%#x) = true for a status that holds no exit code", int64(w))
		}
	}
	if _, err := codecWindows.exitCode(1 << 40); err == nil || err.Error() != "invalid exit code: 4294967296" {
		t.Errorf("exitCode(1<<40) error = %v, want Python's %q", err, "invalid exit code: 4294967296")
	}
}

// TestSiginfoLayouts decodes a siginfo_t built field by field for every
// layout and byte order.
func TestSiginfoLayouts(t *testing.T) {
	layouts := map[string]siginfoLayout{
		"linux/amd64": siginfoLinux64, "linux/386": siginfoLinux32,
		"linux/mips64": siginfoLinuxMIPS64, "linux/mipsle": siginfoLinuxMIPS32,
		"freebsd/amd64": siginfoFreeBSD, "netbsd/amd64": siginfoNetBSD, "openbsd/amd64": siginfoOpenBSD,
	}
	for name, l := range layouts {
		goos, goarch, _ := cut(name)
		if got := siginfoFor(goos, goarch); got != l {
			t.Errorf("siginfoFor(%s) = %+v, want %+v", name, got, l)
		}
		for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			b := make([]byte, 128)
			put := func(off int, v uint32) { bo.PutUint32(b[off:], v) }
			put(l.signo, 17)
			put(l.errno, 0)
			put(l.code, CLD_KILLED)
			put(l.pid, 4242)
			put(l.uid, 60001)
			put(l.status, 9)
			want := WaitIDResult{Pid: 4242, UID: 60001, Signo: 17, Status: 9, Code: CLD_KILLED}
			if got := l.decode(b, bo == binary.BigEndian); got != want {
				t.Errorf("%s %v: decode = %+v, want %+v", name, bo, got, want)
			}
		}
		if got := l.decode(make([]byte, 8), false); got.Pid != 0 || got.Status != 0 {
			t.Errorf("%s: a short buffer decoded as %+v", name, got)
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == '/' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// TestStatusString checks the descriptions.
func TestStatusString(t *testing.T) {
	if host == codecWindows {
		if got := WaitStatus(3 << 8).String(); got != "exit status 3" {
			t.Errorf("String() = %q", got)
		}
		return
	}
	for w, want := range map[WaitStatus]string{
		0x300:   "exit status 3",
		9:       "signal: killed",
		0x86:    "signal: aborted (core dumped)",
		1 << 40: "invalid wait status 1099511627776",
	} {
		if got := w.String(); got != want {
			t.Errorf("WaitStatus(%#x).String() = %q, want %q", int64(w), got, want)
		}
	}
}

func BenchmarkWaitStatusToExitCode(b *testing.B) {
	b.ReportAllocs()
	var sink int
	for i := range b.N {
		code, _ := WaitStatusToExitCode(WaitStatus(i&0xff) << 8)
		sink += code
	}
	_ = sink
}
