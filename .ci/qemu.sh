#!/usr/bin/env bash
# Run the Go test suite for other Linux architectures under qemu-user on a
# Linux host.
#
# Usage:
#   bash .ci/qemu.sh [go test args...]      e.g. bash .ci/qemu.sh -count=1 ./...
#
# With no arguments it runs `go test ./...`. For each of linux/arm64,
# linux/s390x, linux/riscv64 and linux/ppc64le it cross-compiles the tests
# (CGO_ENABLED=0, so the binaries are static) and runs them with
# `go test -exec qemu-<arch>`. Flags such as -short or -v are the caller's.
#
# Installs the Debian package qemu-user when qemu-aarch64 is missing (needs
# root, or sudo). Tests that run the test binary again as a helper process
# skip themselves here: qemu-user runs the first binary, but the kernel
# cannot exec a foreign binary without binfmt_misc. Children started through
# /bin/sh are native and run normally.
#
# Every architecture runs even if an earlier one fails; the script prints a
# summary and exits non-zero if any of them failed.
set -euo pipefail

# qemu-user allocates with GLib's slice allocator, which is not fork-safe
# (before GLib 2.76): a child forked while another thread holds its lock
# hangs before it can exec, and so does the test that started it. Plain
# malloc is fork-safe. Newer GLib ignores the variable.
export G_SLICE=always-malloc

log() { printf 'qemu.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source=.ci/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$ci_dir/.." && pwd)

[ "$(uname -s)" = Linux ] || die "this script runs on Linux only"
command -v go >/dev/null 2>&1 || die "go is not on PATH"

# GOARCH and the qemu-user binary that runs it.
targets=(
    "arm64 qemu-aarch64"
    "s390x qemu-s390x"
    "riscv64 qemu-riscv64"
    "ppc64le qemu-ppc64le"
)

# ---------------------------------------------------------------- packages
if ! command -v qemu-aarch64 >/dev/null 2>&1; then
    apt_install qemu-user
fi

for target in "${targets[@]}"; do
    read -r _ emu <<<"$target"
    command -v "$emu" >/dev/null 2>&1 || die "$emu not found (is qemu-user fully installed?)"
done

# -------------------------------------------------------------- go test
if [ "$#" -eq 0 ]; then
    set -- ./...
fi

cd "$repo_root"

results=()
failed=0
for target in "${targets[@]}"; do
    read -r arch emu <<<"$target"
    printf '\n==== linux/%s (%s) : go test %s\n' "$arch" "$emu" "$*"
    start=$SECONDS
    rc=0
    GOOS=linux GOARCH=$arch CGO_ENABLED=0 go test -exec "$emu" "$@" </dev/null || rc=$?
    took=$((SECONDS - start))
    if [ "$rc" -eq 0 ]; then
        results+=("$(printf '%-14s ok    %4ds' "linux/$arch" "$took")")
    else
        results+=("$(printf '%-14s FAIL  %4ds  (go test exited %d)' "linux/$arch" "$took" "$rc")")
        failed=$((failed + 1))
    fi
done

printf '\n==== summary\n'
printf '%s\n' "${results[@]}"
if [ "$failed" -ne 0 ]; then
    log "$failed of ${#targets[@]} architectures failed"
    exit 1
fi
log "all ${#targets[@]} architectures passed"
