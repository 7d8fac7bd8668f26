#!/usr/bin/env bash
# A status round on the projector, in a real window under Xvfb: the control surface seeds the
# scene (a group's goals and measures with three measures, concluded, then status_round) and
# two phones report through the API (one done, one stopped); the focused group's board shows a
# status chip per measure in its colour, and O, typed into the window with xdotool, shows the
# overview with a square per measure; V opens a number field on the board where the
# facilitator types a measure's indicator figure; and G shows each measure's status in the log. Screenshots go to ARTIFACT_DIR; the colours
# are counted.
# Usage: status_board_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "status_board_test: FAIL: $*" >&2
    [[ -n ${DISPLAY:-} ]] && import -window root "${artifacts:-/tmp}/status-board-failed.png" 2>/dev/null
    exit 1
}
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=status_board_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 1280x720

group=$(state "s['groups'][0]['id']")
join() {
    curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":$group,\"name\":\"$1\"}" \
        "$base/api/join" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
post() { curl -sS --fail -o /dev/null -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3" "$base$2"; }

control "{\"command\":\"start_exercise\",\"group\":$group,\"exercise\":\"goals_measures\"}" >/dev/null
control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":2}" >/dev/null
kari=$(join Kari)
for m in "Ukentlig tverrfaglig møte|Ola|" "Felles kartlegging av 5-åringer|Kari|" "Ny rutine for overganger|Siri|Andel med vedtak"; do
    IFS='|' read -r text owner indicator <<<"$m"
    post "$kari" /api/notes "{\"client_id\":\"$text\",\"text\":\"$text\",\"zone\":\"measures\",\"fields\":{\"owner\":\"$owner\",\"start\":\"2026-09-01\",\"indicator\":\"$indicator\"}}"
done
control "{\"command\":\"conclude_run\",\"group\":$group}" >/dev/null
control "{\"command\":\"start_exercise\",\"group\":$group,\"exercise\":\"status_round\"}" >/dev/null
notes=$(curl -sS --fail -H "Authorization: Bearer $kari" "$base/api/state" |
    python3 -c 'import json,sys; print(" ".join(str(m["note"]) for m in json.load(sys.stdin)["activity"]["measures"]))')
read -r first second _ <<<"$notes"
post "$kari" /api/status "{\"note\":$first,\"status\":\"done\",\"text\":\"Alle skolene er med\"}"
post "$(join Ola)" /api/status "{\"note\":$second,\"status\":\"stopped\",\"text\":\"Erstattet av nettverket\"}"

xdotool key 1  # focus the group
sleep 0.6
import -window root "$artifacts/projector-status-board.png"
read -r done_px _ _ < <("$png_colour" "$artifacts/projector-status-board.png" 8FD6A2)
read -r stopped_px _ _ < <("$png_colour" "$artifacts/projector-status-board.png" F2A098)
echo "status_board_test: the board has $done_px done-green and $stopped_px stopped-red pixels"
((done_px > 500 && stopped_px > 500)) || fail "the board shows no chips for done and stopped"

# The facilitator's own figure: V on the board opens the number field of the chosen measure
# (the only one with an indicator), typed with a Norwegian comma, Enter sends it.
xdotool key v
sleep 0.3
xdotool type --delay 60 "16,5"
import -window root "$artifacts/projector-status-indicator-entry.png"
xdotool key Return
figure() {
    curl -sS --fail -H "Authorization: Bearer $kari" "$base/api/state" | python3 -c \
        'import json,sys; print([m["indicator"]["value"] for m in json.load(sys.stdin)["activity"]["measures"] if "indicator" in m][0])'
}
for _ in $(seq 50); do [[ $(figure) == 16.5 ]] && break; sleep 0.1; done
[[ $(figure) == 16.5 ]] || fail "the figure typed on the board is not the measure's value (it is $(figure))"
echo "status_board_test: the board's number field stored 16.5"
sleep 0.3
import -window root "$artifacts/projector-status-indicator.png"

xdotool key o
sleep 0.6
import -window root "$artifacts/projector-status-overview.png"
read -r square_px _ _ < <("$png_colour" "$artifacts/projector-status-overview.png" 8FD6A2)
echo "status_board_test: the overview has $square_px done-green pixels"
((square_px > 50)) || fail "the overview shows no square for the done measure"

# The project log (G) after the round: "Endring" lists each measure with a chip in its newest
# status's colour and its trail, and the indicator's figure as a bar.
xdotool key o
control "{\"command\":\"conclude_run\",\"group\":$group}" >/dev/null
xdotool key g
sleep 0.6
import -window root "$artifacts/projector-log-measures.png"
read -r log_done _ _ < <("$png_colour" "$artifacts/projector-log-measures.png" 8FD6A2)
read -r log_stopped _ _ < <("$png_colour" "$artifacts/projector-log-measures.png" F2A098)
echo "status_board_test: the log has $log_done done-green and $log_stopped stopped-red pixels"
((log_done > 100 && log_stopped > 100)) || fail "the project log shows no status chips for the measures"
# "Since last time" (Shift+G): the measures with their newest status, the indicator's line and chart.
xdotool key g shift+g
sleep 0.6
import -window root "$artifacts/projector-since-measures.png"
stop_projector
echo "status_board_test: ok"
