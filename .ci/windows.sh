#!/usr/bin/env bash
# Run the Go test suite for windows/amd64 under Wine on Debian 12 (amd64).
#
# Usage:
#   bash .ci/windows.sh [go test args...]      e.g. bash .ci/windows.sh -count=1 ./...
#
# With no arguments it runs `go test ./...`. Tests run from the repository
# root, or from $PROC_WINDOWS_DIR when that is set (any Go module directory).
#
# One-time setup, skipped when already done:
#   - installs the Debian packages wine, wine64 and gcc-mingw-w64-x86-64-win32
#     (needs root, or sudo);
#   - creates a dedicated 64-bit Wine prefix, $WINEPREFIX
#     (default: $HOME/.wine-proc);
#   - builds .ci/bcryptprimitives.c into that prefix's system32, because Go
#     binaries need bcryptprimitives.dll (ProcessPrng), which Wine 8.0 lacks.
#
# The exit status is that of `go test`.
set -euo pipefail

log() { printf 'windows.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source=.ci/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$ci_dir/.." && pwd)
test_dir=${PROC_WINDOWS_DIR:-$repo_root}
[ -d "$test_dir" ] || die "PROC_WINDOWS_DIR=$test_dir is not a directory"

[ "$(uname -s)" = Linux ] || die "this script runs on Linux only"
[ "$(uname -m)" = x86_64 ] || die "this script needs an x86_64 host (found $(uname -m))"
command -v go >/dev/null 2>&1 || die "go is not on PATH"

# ---------------------------------------------------------------- packages
packages=(wine wine64 gcc-mingw-w64-x86-64-win32)

missing=()
for pkg in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
done

if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
fi

# ------------------------------------------------------------ wine binaries
# Debian's /usr/bin/wine prefers the 32-bit loader (wine32:i386), which is not
# installed here, so use the 64-bit loader directly.
wine=
for cand in "$(command -v wine64 2>/dev/null || true)" /usr/lib/wine/wine64 /usr/lib64/wine/wine64; do
    if [ -n "$cand" ] && [ -x "$cand" ] && "$cand" --version >/dev/null 2>&1; then
        wine=$cand
        break
    fi
done
[ -n "$wine" ] || die "no working wine64 loader found (tried wine64 on PATH and /usr/lib/wine/wine64)"

wineserver=
for cand in "$(dirname "$wine")/wineserver" "$(command -v wineserver 2>/dev/null || true)"; do
    if [ -n "$cand" ] && [ -x "$cand" ]; then
        wineserver=$cand
        break
    fi
done
[ -n "$wineserver" ] || die "wineserver not found"

command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || die "x86_64-w64-mingw32-gcc not found"

# ------------------------------------------------------------- wine prefix
: "${HOME:?windows.sh: HOME is not set}"
export WINEPREFIX=${WINEPREFIX:-$HOME/.wine-proc}
export WINEARCH=win64
export WINEDEBUG=-all
# Skip the Mono and Gecko installers, which would otherwise prompt.
export WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY

system32=$WINEPREFIX/drive_c/windows/system32

if [ ! -f "$WINEPREFIX/system.reg" ] || [ ! -d "$system32" ]; then
    log "creating Wine prefix $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    boot_log=$(mktemp)
    if ! timeout 300 "$wine" wineboot --init </dev/null >"$boot_log" 2>&1 \
        || ! timeout 300 "$wineserver" -w; then
        cat "$boot_log" >&2
        rm -f "$boot_log"
        die "wineboot --init failed for $WINEPREFIX"
    fi
    rm -f "$boot_log"
    [ -d "$system32" ] || die "wineboot did not create $system32"
fi

# ------------------------------------------------- bcryptprimitives.dll
dll_src=("$ci_dir/bcryptprimitives.c" "$ci_dir/bcryptprimitives.def")
dll_dst=$system32/bcryptprimitives.dll
dll_stamp=$WINEPREFIX/.bcryptprimitives.sha256
want_stamp=$(cat "${dll_src[@]}" | sha256sum | cut -d' ' -f1)

if [ ! -f "$dll_dst" ] || [ "$(cat "$dll_stamp" 2>/dev/null || true)" != "$want_stamp" ]; then
    log "building bcryptprimitives.dll into $system32"
    build_dir=$(mktemp -d)
    if ! x86_64-w64-mingw32-gcc -shared -O2 -Wall -s \
        -o "$build_dir/bcryptprimitives.dll" "${dll_src[@]}" -lbcrypt; then
        rm -rf "$build_dir"
        die "building bcryptprimitives.dll failed"
    fi
    cp "$build_dir/bcryptprimitives.dll" "$dll_dst"
    rm -rf "$build_dir"
    printf '%s\n' "$want_stamp" >"$dll_stamp"
fi

# -------------------------------------------------------------- go test
if [ "$#" -eq 0 ]; then
    set -- ./...
fi

# Shut the wineserver down on exit (this also ends any other Wine program
# using this prefix). Under Wine 8 os.RemoveAll fails, so t.TempDir leaves its
# directories behind: clear the prefix's temp folders so they do not pile up.
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    "$wineserver" -k >/dev/null 2>&1 || true
    local tmp
    for tmp in "$WINEPREFIX"/drive_c/users/*/Temp; do
        if [ -d "$tmp" ]; then
            find "$tmp" -mindepth 1 -delete 2>/dev/null || true
        fi
    done
}
trap cleanup EXIT

# Start the wineserver and Wine's background services (services.exe,
# plugplay.exe, ...) now, detached from our output, and keep them for the whole
# run. Otherwise the first test binary starts them and they inherit its stderr,
# so `go test` keeps waiting on that binary's output while other packages still
# run, and fails it with "Test I/O incomplete".
"$wineserver" -p </dev/null >/dev/null 2>&1 || true
"$wine" cmd.exe /c exit 0 </dev/null >/dev/null 2>&1 || die "wine cannot run cmd.exe in $WINEPREFIX"

log "go test (windows/amd64, $("$wine" --version)) in $test_dir: $*"
cd "$test_dir"
rc=0
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -exec "$wine" "$@" </dev/null || rc=$?
log "go test exited with status $rc"
exit "$rc"
