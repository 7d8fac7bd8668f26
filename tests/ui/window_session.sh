# Shared by the real-window test scripts (source it, then window_test, or define fail first): starts
# Samling's window under Xvfb on a screen of WxH and reads the room back through the control surface.
# The control surface only seeds and reads; the actions under test are xdotool keys and clicks.
# shellcheck shell=bash

# shellcheck source=control_surface.sh
source "$(dirname "${BASH_SOURCE[0]}")/control_surface.sh"

work="" dir="" app_pid="" runner_pid="" window=""

# window_test NAME "$@": the head of a test taking SAMLING_BIN ARTIFACT_DIR: fail() named for
# the test, the tools a keymap-typing, screen-reading test needs, the artifact folder.
window_test() {
    test_name=$1
    shift
    fail() { echo "$test_name: FAIL: $*" >&2; exit 1; }
    [[ $# -eq 2 ]] || fail "usage: $test_name SAMLING_BIN ARTIFACT_DIR"
    samling=$1 artifacts=$2
    for tool in xvfb-run xdotool curl python3 setxkbmap convert import; do
        command -v $tool >/dev/null || fail "$tool is missing"
    done
    mkdir -p "$artifacts"
}
session_cleanup() {
    [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null
    [[ -n $runner_pid ]] && wait "$runner_pid" 2>/dev/null
    [[ -n $work ]] && rm -rf "$work"
    return 0
}

# start_window SAMLING_BIN [ARGS...]: a --demo room in a fresh data folder, window focused.
# SCREEN (default 1280x720) is the Xvfb screen; the window opens at 1280x720.
start_window() {
    local samling=$1
    shift
    work=$(mktemp -d)
    dir="$work/data"
    trap session_cleanup EXIT
    xvfb-run -a -f "$work/xauth" -s "-screen 0 ${SCREEN:-1280x720}x24" \
        sh -c 'echo "$DISPLAY" >"$0.display"; echo $$ >"$0.pid"; exec "$@"' "$work/app" \
        "$samling" --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" "$@" \
        >"$work/out" 2>"$work/err" &
    runner_pid=$!
    for _ in $(seq 300); do [[ -s $dir/control.json && -s $work/app.pid ]] && break; sleep 0.1; done
    [[ -s $dir/control.json ]] || { cat "$work/err" >&2; fail "the window run did not start"; }
    app_pid=$(cat "$work/app.pid")
    export DISPLAY XAUTHORITY="$work/xauth"
    DISPLAY=$(cat "$work/app.display")
    read_control "$dir" "$work/err"
    window=$(xdotool search --sync --onlyvisible --name '^Samling$' | head -1)
    [[ -n $window ]] || fail "no window named Samling"
    xdotool windowfocus --sync "$window"
}

# The value of a Python expression over the control surface's state `s`.
state() {
    curl -sS --fail -H "Authorization: Bearer $token" "$url/control/state" |
        python3 -c "import json, sys; s = json.load(sys.stdin); print($1)"
}

# Polls until `state EXPR` prints WANT (the window handles a key on its next frame).
expect() {
    local expr=$1 want=$2 what=$3 got=""
    for _ in $(seq 50); do
        got=$(state "$expr")
        [[ $got == "$want" ]] && { echo "${0##*/}: $what"; return 0; }
        sleep 0.1
    done
    fail "$what: expected $want, got $got"
}

# Waits until the window has drawn a few frames after the last input.
settle() { sleep "${1:-0.3}"; }

# The whole screen as a PNG (the window is at the screen's origin; no window manager).
grab() { import -window root "$1"; }

# Stops the app with SIGINT and checks it exits 0.
stop_window() {
    kill -INT "$app_pid"
    local status=0
    wait "$runner_pid" || status=$?
    app_pid="" runner_pid=""
    [[ $status -eq 0 ]] || { cat "$work/err" >&2; fail "samling exited with $status after SIGINT"; }
}
