#!/usr/bin/env bash
# A group's pulses across gatherings on the projector, in a real window under Xvfb: the control
# surface only seeds the scene (gatherings 1 and 3, a pulse_safety run in each) and phones answer
# through the API (six at gathering 1, four at gathering 3); first the room's threshold is set
# with the mouse in setup (F2), - and +, never under 3; the result step's board shows the
# bars, and G, typed into the window with xdotool, opens the project log with "Endring" at its
# top: one bar per gathering per statement, shaded by the points chosen (7 in the accent), and
# "for få svar" for gathering 3. Screenshots go to ARTIFACT_DIR; the bars are measured in them.
# Usage: pulse_log_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "pulse_log_test: FAIL: $*" >&2
    [[ -n ${DISPLAY:-} ]] && import -window root "${artifacts:-/tmp}/pulse-log-failed.png" 2>/dev/null
    exit 1
}
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=pulse_log_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 1280x720

# The threshold in setup (F2), by mouse: + raises it, - lowers it, never under 3.
click() { xdotool mousemove --sync "$1" "$2" click 1; sleep 0.25; }
xdotool key F2
sleep 0.5
import -window root "$artifacts/pulse-setup-threshold.png"
click 120 366  # +
expect "s['pulse_threshold']" 6 "+ in setup raised the pulse threshold to 6"
for _ in 1 2 3 4; do click 53 366; done  # - four times: 5, 4, 3, and 3 again
expect "s['pulse_threshold']" 3 "- in setup lowered it to 3 and no further"
click 120 366
click 120 366
expect "s['pulse_threshold']" 5 "+ twice brought it back to 5"
xdotool key Escape
sleep 0.3

group=$(state "s['groups'][0]['id']")
# Phone answers: join, then every statement with the value given (a space-separated list).
answer() {
    local values=($1) tok statements i=0
    tok=$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":$group}" \
        "$base/api/join" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    statements=$(curl -sS --fail -H "Authorization: Bearer $tok" "$base/api/state" |
        python3 -c 'import json,sys; print(" ".join(s["id"] for s in json.load(sys.stdin)["activity"]["step"]["statements"]))')
    for s in $statements; do
        curl -sS --fail -o /dev/null -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
            -d "{\"statement\":\"$s\",\"value\":${values[$i]}}" "$base/api/answers"
        i=$((i + 1))
    done
}
# Answers of the accent's point, 7, to every statement from half the phones: wide accent bars.
pulse_at() {
    local gathering=$1 phones=$2
    control "{\"command\":\"open_gathering\",\"gathering\":$gathering}" >/dev/null
    control "{\"command\":\"start_exercise\",\"group\":$group,\"exercise\":\"pulse_safety\"}" >/dev/null
    for p in $(seq "$phones"); do
        if ((p % 2)); then answer "7 7 7 7 7 7 7"; else answer "3 4 5 2 4 5 6"; fi
    done
    control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":1}" >/dev/null
}

g1=$(control '{"command":"save_gathering","title":"Oppstart","date":"2026-09-14"}')
control '{"command":"save_gathering","title":"Underveis","date":"2026-11-02"}' >/dev/null
g3=$(control '{"command":"save_gathering","title":"Avslutning","date":"2027-01-20"}')
xdotool key 1  # the projector focuses the pulse's group
pulse_at "$g1" 6
expect "[g['run']['step'] for g in s['groups'] if g['id'] == $group][0]" 1 "gathering 1's pulse is in its result step"
sleep 0.5
import -window root "$artifacts/pulse-board-result.png"
read -r board_accent _ _ < <("$png_colour" "$artifacts/pulse-board-result.png" FFC84A)
echo "pulse_log_test: the result board has $board_accent accent pixels"
((board_accent > 3000)) || fail "the result board shows no bars of 7s ($board_accent accent pixels)"
control "{\"command\":\"conclude_run\",\"group\":$group}" >/dev/null
pulse_at "$g3" 4
control "{\"command\":\"conclude_run\",\"group\":$group}" >/dev/null

import -window root "$artifacts/pulse-log-before.png"
xdotool key g
sleep 0.8
import -window root "$artifacts/pulse-log.png"
# Where the log's bars go (right of the gathering labels, above the hint line): gathering 1's
# bars fill the accent where three of six chose 7. Before G the board there says only "for få
# svar" (gathering 3); a log card's picture would sit further down, at a card's right.
read -r before _ _ < <("$png_colour" "$artifacts/pulse-log-before.png" FFC84A 160 150 1030 580)
read -r after _ _ < <("$png_colour" "$artifacts/pulse-log.png" FFC84A 160 150 1030 580)
echo "pulse_log_test: accent pixels where the log's bars go: $before before G, $after after"
((before < 500)) || fail "the board before G already has accent bars there ($before)"
((after > 20000)) || fail "G opened no pulse chart in the project log ($after accent pixels)"
# Gathering 3 had four answers: its rows are outlined, empty, at the text colour of "for få svar".
read -r muted _ _ < <("$png_colour" "$artifacts/pulse-log.png" A9B8CE 0 90 700 720)
echo "pulse_log_test: muted pixels (point 1 and 'for få svar'): $muted"

xdotool key shift+g
sleep 0.8
import -window root "$artifacts/pulse-since-last-time.png"
stop_projector
echo "pulse_log_test: OK"
