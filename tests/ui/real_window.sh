# Shared by the setup screen's real-window tests (source it; the caller defines fail): starts
# Samling in a real window under Xvfb with the control surface, and reads the room back.
# Needs xvfb-run, xdotool, curl and python3; never acts on the window itself.

work="" dir="" app_pid="" runner_pid="" window=""

# The caller's trap calls this.
stop_window_now() {
    if [[ -n $app_pid ]]; then kill -KILL "$app_pid" 2>/dev/null || true; fi
    if [[ -n $runner_pid ]]; then wait "$runner_pid" 2>/dev/null || true; fi
    if [[ -n $work ]]; then rm -rf "$work"; fi
}

# start_window WIDTHxHEIGHT SAMLING_BIN [ARGS...]: a fresh data folder, the window focused.
start_window() {
    local screen=$1 samling=$2
    shift 2
    work=$(mktemp -d)
    dir="$work/data"
    xvfb-run -a -f "$work/xauth" -s "-screen 0 ${screen}x24" \
        sh -c 'echo "$DISPLAY" >"$0.display"; echo $$ >"$0.pid"; exec "$@"' "$work/app" \
        "$samling" --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" "$@" >"$work/out" 2>"$work/err" &
    runner_pid=$!
    for _ in $(seq 300); do [[ -s $dir/control.json && -s $work/app.pid ]] && break; sleep 0.1; done
    [[ -s $dir/control.json ]] || { cat "$work/err" >&2; fail "the window run did not start"; }
    app_pid=$(cat "$work/app.pid")
    export DISPLAY XAUTHORITY="$work/xauth"
    DISPLAY=$(cat "$work/app.display")
    # shellcheck source=control_surface.sh
    source "$(dirname "${BASH_SOURCE[0]}")/control_surface.sh"
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

# Polls until `state EXPR` prints WANT (the window acts on its next frames).
expect() {
    local expr=$1 want=$2 what=$3 got=""
    for _ in $(seq 80); do
        got=$(state "$expr")
        [[ $got == "$want" ]] && { echo "$(basename "$0"): $what"; return 0; }
        sleep 0.1
    done
    fail "$what: expected $want, got $got"
}

# SIGINT, and a clean exit.
stop_window() {
    kill -INT "$app_pid"
    local status=0
    wait "$runner_pid" || status=$?
    app_pid="" runner_pid=""
    [[ $status -eq 0 ]] || { cat "$work/err" >&2; fail "samling exited with $status after SIGINT"; }
}
