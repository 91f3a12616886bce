# shellcheck shell=bash
# Sourced by the .ci scripts: apt_install installs Debian packages, with sudo
# when not root, and on failure shows the end of apt-get's output and stops
# through the caller's die.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "missing packages $*, and no apt-get to install them"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "missing packages $*; run as root or install them first"
        sudo=(sudo)
    fi
    log "installing $* (this can take a few minutes)"
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=600)
    local apt_log
    apt_log=$(mktemp)
    if ! "${apt[@]}" update >"$apt_log" 2>&1 \
        || ! "${apt[@]}" install "$@" >>"$apt_log" 2>&1; then
        tail -n 40 "$apt_log" >&2
        rm -f "$apt_log"
        die "apt-get failed to install $*"
    fi
    rm -f "$apt_log"
    log "installed $*"
}
