# shellcheck shell=bash
# What the keyboard-and-screen real-window tests add to projector_window.sh (which starts, reads
# and stops the window): their common head (window_test), a pause for the window's frames, a
# screen grab. The control surface only seeds and reads; the actions under test are xdotool's.

# window_test NAME "$@": the head of a test taking SAMLING_BIN ARTIFACT_DIR: fail() and the
# lines it prints named for the test, the tools a keymap-typing, screen-reading test needs, the
# artifact folder, and projector_window.sh.
window_test() {
    who=$1
    shift
    fail() { echo "$who: FAIL: $*" >&2; exit 1; }
    [[ $# -eq 2 ]] || fail "usage: $who SAMLING_BIN ARTIFACT_DIR"
    samling=$1 artifacts=$2
    for tool in xvfb-run xdotool curl python3 setxkbmap convert import; do
        command -v $tool >/dev/null || fail "$tool is missing"
    done
    mkdir -p "$artifacts"
    # shellcheck source=projector_window.sh
    source "$(dirname "${BASH_SOURCE[0]}")/projector_window.sh"
}

# Waits until the window has drawn a few frames after the last input.
settle() { sleep "${1:-0.3}"; }

# The whole screen as a PNG (the window is at the screen's origin; no window manager).
grab() { import -window root "$1"; }
