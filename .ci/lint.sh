#!/usr/bin/env bash
# Static checks for the module.
#
# Usage:
#   bash .ci/lint.sh
#
# Runs, from the repository root:
#   - gofmt: every .go file must be formatted;
#   - go mod tidy -diff: go.mod and go.sum must be tidy;
#   - staticcheck ./... for GOOS linux, darwin, windows and freebsd;
#   - actionlint on .github/workflows/ci.yml.
#
# staticcheck and actionlint are installed with `go install` into
# $(go env GOPATH)/bin, at the versions pinned below, when they are missing
# there or report another version. Every check runs even if an earlier one fails; the script
# exits non-zero if any of them failed.
set -uo pipefail

staticcheck_version=v0.8.2 # honnef.co/go/tools
actionlint_version=v1.7.12 # github.com/rhysd/actionlint

log() { printf 'lint.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

ci_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$ci_dir/.." && pwd)
cd "$repo_root" || die "cannot cd to $repo_root"

command -v go >/dev/null 2>&1 || die "go is not on PATH"

gobin=$(go env GOPATH)/bin

# tool NAME PACKAGE VERSION: the path of NAME in $gobin, installing
# PACKAGE@VERSION there first if it is missing or reports another version.
tool() {
    local name=$1 pkg=$2 version=$3
    local bin=$gobin/$name
    if [ ! -x "$bin" ] || ! has_version "$bin" "$version"; then
        log "installing $pkg@$version"
        GOBIN=$gobin go install "$pkg@$version" >&2 || return 1
    fi
    printf '%s\n' "$bin"
}

# has_version BIN VERSION: whether BIN -version mentions VERSION.
# staticcheck prints "staticcheck 2026.2.2 (0.8.2)", actionlint "v1.7.12".
has_version() {
    local out
    out=$("$1" -version 2>/dev/null) || return 1
    case $out in
    *"$2"* | *"(${2#v})"*) return 0 ;;
    esac
    return 1
}

staticcheck=$(tool staticcheck honnef.co/go/tools/cmd/staticcheck "$staticcheck_version") \
    || die "cannot install staticcheck $staticcheck_version"
actionlint=$(tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$actionlint_version") \
    || die "cannot install actionlint $actionlint_version"

failed=()

# check NAME COMMAND...: runs COMMAND and records NAME if it fails.
check() {
    local name=$1
    shift
    printf '==== %s\n' "$name"
    if ! "$@"; then
        failed+=("$name")
    fi
}

gofmt_check() {
    local files
    files=$(gofmt -l .) || return 1
    if [ -n "$files" ]; then
        printf 'these files are not gofmt-formatted (run gofmt -w):\n%s\n' "$files"
        return 1
    fi
}

tidy_check() {
    if ! go mod tidy -diff; then
        printf 'go.mod or go.sum is not tidy (run go mod tidy)\n'
        return 1
    fi
}

check gofmt gofmt_check
check "go mod tidy" tidy_check
for goos in linux darwin windows freebsd; do
    check "staticcheck ($goos)" env GOOS="$goos" "$staticcheck" ./...
done
check actionlint "$actionlint" .github/workflows/ci.yml

if [ "${#failed[@]}" -ne 0 ]; then
    printf '\n'
    for name in "${failed[@]}"; do
        log "FAILED: $name"
    done
    exit 1
fi
log "all checks passed"
