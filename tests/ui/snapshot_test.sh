#!/usr/bin/env bash
# A concluded run's board picture in the project log (DATA-DIR/snapshots/run-ID.png), taken by
# the real projector window under Xvfb whoever concluded the run: (1) the loopback control
# surface while the window is open; (2) a --headless run whose group then moved on to a fresh,
# empty board, the picture taken when the window opens later on the same data folder: it must
# be the concluded run's own board. Each PNG is checked to be the board alone, not blank.
# Usage: snapshot_test.sh SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit  # a failed command inside $(...) fails the script too

fail() { echo "snapshot_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR"
samling=$1 png_check=$2 artifacts=$3
[[ -x $samling ]] || fail "samling binary not found: $samling"
[[ -x $png_check ]] || fail "png_check binary not found: $png_check"
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (Debian package xvfb)"
command -v curl >/dev/null || fail "curl is missing"
mkdir -p "$artifacts"
window_w=1280 window_h=720

work=$(mktemp -d)
app_pid="" runner_pid=""  # samling itself, and what to wait for (xvfb-run for a window)

# SIGINT is the clean stop (Ctrl+C); a run that ignores it for 10 s is killed.
stop_app() {
    [[ -n $app_pid ]] || return 0
    kill -INT "$app_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$app_pid" 2>/dev/null; then kill -KILL "$app_pid" 2>/dev/null || true; fi
    local status=0
    wait "$runner_pid" || status=$?
    app_pid="" runner_pid=""
    return $status
}
cleanup() { stop_app || true; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=control_surface.sh
source "$(dirname "$0")/control_surface.sh"

start_headless() {
    local dir=$1
    "$samling" --headless --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" \
        >"$dir.out" 2>"$dir.err" &
    app_pid=$! runner_pid=$!
    read_control "$dir" "$dir.err"
}

# The real window; the shell in between writes samling's own pid, so SIGINT reaches samling and
# xvfb-run then takes its X server down.
start_window() {
    local dir=$1
    shift
    xvfb-run -a -s "-screen 0 ${window_w}x${window_h}x24" \
        sh -c 'echo $$ >"$0"; exec "$@"' "$dir.pid" "$samling" "$@" --data-dir "$dir" >"$dir.out" 2>"$dir.err" &
    runner_pid=$!
    for _ in $(seq 300); do [[ -s $dir.pid ]] && break; sleep 0.1; done
    [[ -s $dir.pid ]] || { cat "$dir.err" >&2; fail "the window run did not start"; }
    app_pid=$(cat "$dir.pid")
}

stop() { stop_app || { cat "$1.err" >&2; fail "samling did not stop cleanly on SIGINT"; }; }

note() { control "{\"command\":\"add_note\",\"group\":$1,\"text\":\"$2\",\"zone\":\"${3:-observations}\"}"; }

# A believable problem-definition board: six notes (the first two make the theme, the last is a
# parked solution) and the problem statement; left in the conclude step, where the room sees the
# conclusion panel instead of the board. Prints the concluded run's id.
fill_and_conclude() {
    local group=$1 theme=$2 statement=$3
    shift 3
    local ids=() text id
    for text in "$@"; do
        id=$(note "$group" "$text")
        ids+=("$id")
    done
    control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":2}" >/dev/null
    control "{\"command\":\"make_cluster\",\"group\":$group,\"zone\":\"observations\",\"name\":\"$theme\",\"notes\":[${ids[0]},${ids[1]}]}" >/dev/null
    control "{\"command\":\"place_note\",\"note\":${ids[-1]},\"zone\":\"parking\"}" >/dev/null
    control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":4}" >/dev/null
    control "{\"command\":\"set_conclusion\",\"group\":$group,\"field\":\"statement\",\"text\":\"$statement\"}" >/dev/null
    control "{\"command\":\"conclude_run\",\"group\":$group}"
}

# Waits up to 30 s for the run's picture, checks it is the board alone and keeps a copy.
expect_picture() {
    local dir=$1 run=$2 name=$3
    local png="$dir/snapshots/run-$run.png"
    for _ in $(seq 300); do [[ -s $png ]] && break; sleep 0.1; done
    [[ -s $png ]] || { cat "$dir.err" >&2; fail "$name: no picture at $png after 30 s"; }
    cp "$png" "$artifacts/snapshot-$name.png"
    "$png_check" --board "$png" "$window_w" "$window_h" || fail "$name: $png is not a picture of the board"
    local others
    others=$(find "$dir/snapshots" -name '*.png' ! -name "run-$run.png")
    [[ -z $others ]] || fail "$name: pictures of runs nobody concluded: $others"
    echo "snapshot_test: $name: $artifacts/snapshot-$name.png"
}

# 1. Concluded through the control surface while the window is open.
dir="$work/live"
start_window "$dir" --demo --host 127.0.0.1 --port 0 --control-port 0
read_control "$dir" "$dir.err"
run=$(fill_and_conclude 1 Informasjonsflyt "Familier med sammensatte behov får hjelp for sent" \
    "Foreldre får ulike beskjeder fra skole og helsestasjon" "Beskjeder mellom tjenestene blir borte" \
    "Vi oppdager utfordringene for sent" "Ingen har oversikt over hele familien" \
    "Familien må fortelle historien sin på nytt" "Vi bør lage en felles app for alle tjenestene")
expect_picture "$dir" "$run" control-surface
stop "$dir"
[[ ! -e $dir/control.json ]] || fail "control.json left behind after a clean stop"

# 2. Concluded with no window, and moved on: the picture is taken when the projector opens.
dir="$work/later"
start_headless "$dir"
run=$(fill_and_conclude 2 Tilbakemeldinger "Bekymringsmeldinger blir liggende uten svar til melderen" \
    "Skolen får ikke vite hva som skjer etter en melding" "Tilbakemelding til melder tar flere måneder" \
    "PPT har lang ventetid – opptil seks måneder" "Samtykke stopper samarbeidet før det starter" \
    "Ulike journalsystemer som ikke snakker sammen" "Vi trenger en egen koordinator")
# The group moves on before any picture: its current board is now empty, which png_check
# would call blank, so a passing picture is the concluded run's own board.
control '{"command":"start_exercise","group":2,"exercise":"problem_definition"}' >/dev/null
stop "$dir"
[[ ! -e $dir/snapshots/run-$run.png ]] || fail "a --headless run wrote a picture"
start_window "$dir" --host 127.0.0.1 --port 0
expect_picture "$dir" "$run" after-headless
cmp -s "$artifacts/snapshot-control-surface.png" "$artifacts/snapshot-after-headless.png" &&
    fail "the two groups' boards gave the same picture"
stop "$dir"

echo "snapshot_test: OK"
