# shellcheck shell=bash
# Shared by the real-window test scripts (source it after defining fail and `who`, the name the
# script prints its lines under): a Samling projector window under Xvfb with its control
# surface, the room's state read back from it, and a clean stop. Uses control_surface.sh.

# shellcheck source=control_surface.sh
source "$(dirname "${BASH_SOURCE[0]}")/control_surface.sh"

who=${who:-samling_test}
work="" dir="" app_pid="" runner_pid="" window="" base="" code=""
stop_window_on_exit() {
    [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null
    [[ -n $runner_pid ]] && wait "$runner_pid" 2>/dev/null
    [[ -n $work ]] && rm -rf "$work"
}
trap stop_window_on_exit EXIT

# start_projector SAMLING_BIN WxH [ARG...]: the demo room in a window on a screen of that size
# (the ARGs added to samling's); sets DISPLAY, XAUTHORITY, url and token (control surface), base
# and code (phones), window.
start_projector() {
    local samling=$1 screen=$2
    shift 2
    work=$(mktemp -d)
    dir="$work/data"
    # xvfb-run keeps the X authority in a file of our choosing, so xdotool may talk to the server.
    xvfb-run -a -f "$work/xauth" -s "-screen 0 ${screen}x24" \
        sh -c 'echo "$DISPLAY" >"$0.display"; echo $$ >"$0.pid"; exec "$@"' "$work/app" \
        "$samling" --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" "$@" >"$work/out" 2>"$work/err" &
    runner_pid=$!
    for _ in $(seq 300); do [[ -s $dir/control.json && -s $work/app.pid && -s $work/out ]] && break; sleep 0.1; done
    [[ -s $work/out && -s $work/app.pid ]] || { cat "$work/err" >&2; fail "the window run did not start"; }
    app_pid=$(cat "$work/app.pid")
    export DISPLAY XAUTHORITY="$work/xauth"
    DISPLAY=$(cat "$work/app.display")
    read_control "$dir" "$work/err"
    local join_url
    join_url=$(sed -nE 's/^samling: participants join at (.*)$/\1/p' "$work/out")
    base=${join_url%%/\?*} code=${join_url##*room=}
    [[ -n $base && -n $code ]] || fail "no join URL in: $(cat "$work/out")"
    window=$(xdotool search --sync --onlyvisible --name '^Samling$' | head -1)
    [[ -n $window ]] || fail "no window named Samling"
    xdotool windowfocus --sync "$window"
}

# The value of a Python expression over the control surface's state `s`.
state() {
    curl -sS --fail -H "Authorization: Bearer $token" "$url/control/state" |
        python3 -c "import json, sys; s = json.load(sys.stdin); print($1)"
}

# Polls until `state EXPR` prints WANT (the window acts on its next frame).
expect() {
    local expr=$1 want=$2 what=$3 got=""
    for _ in $(seq 50); do
        got=$(state "$expr")
        [[ $got == "$want" ]] && { echo "$who: $what"; return 0; }
        sleep 0.1
    done
    fail "$what: expected $want, got $got"
}

# SIGINT, as a facilitator's Ctrl+C: samling must stop cleanly.
stop_projector() {
    kill -INT "$app_pid"
    local status=0
    wait "$runner_pid" || status=$?
    app_pid="" runner_pid=""
    [[ $status -eq 0 ]] || { cat "$work/err" >&2; fail "samling exited with $status after SIGINT"; }
}
