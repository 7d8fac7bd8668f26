#!/usr/bin/env bash
# A closed phone stops counting on the projector: four phones join group 1 in the real window
# under Xvfb, three say "done" and keep polling, the fourth is closed. Once the presence window
# (shortened to a few seconds here) has passed, the top bar and the strip change from
# "3 av 4 er ferdige" and "4 til stede" to "3 av 3" and "3 til stede" with no new revision:
# seen as a change of the window's pixels there and nowhere else that matters, in screenshots.
# Usage: presence_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "presence_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || fail "usage: $0 SAMLING_BIN ARTIFACT_DIR"
samling=$1 artifacts=$2
for tool in xvfb-run xdotool curl python3 import compare; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=presence_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
export SAMLING_PRESENCE_WINDOW_MS=4000
start_projector "$samling" 1280x720
pollers=()
stop_pollers() { for p in "${pollers[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap 'stop_pollers; stop_window_on_exit' EXIT

tokens=()
for _ in 1 2 3 4; do
    tokens+=("$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":1}" \
        "$base/api/join" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')")
done
for t in "${tokens[@]:0:3}"; do
    curl -sS --fail -o /dev/null -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -d '{"done":true}' \
        "$base/api/done"
    # An open phone polls about once a second.
    (while true; do curl -sS -o /dev/null -H "Authorization: Bearer $t" "$base/api/state" || true; sleep 0.5; done) &
    pollers+=($!)
done
group1="[g for g in s['groups'] if g['id'] == 1][0]"
expect "${group1}['present']" 4 "four phones are in the room (control state)"
sleep 1
import -window root "$work/presence-4.png"
cp "$work/presence-4.png" "$artifacts/"

# The fourth phone is closed: nothing from it any more. The window's own clock does the rest.
expect "${group1}['present']" 3 "the closed phone left the count (control state)"
revision=$(state "s['revision']")
sleep 1
import -window root "$work/presence-3.png"
cp "$work/presence-3.png" "$artifacts/"
[[ $(state "s['revision']") == "$revision" ]] || fail "the revision moved: the test would not show a redraw by time alone"
# What changed on screen: the top bar's count (the upper left) and the focused chip (the strip).
changed=$(compare -metric AE "$work/presence-4.png" "$work/presence-3.png" null: 2>&1 || true)
echo "presence_test: $changed pixels changed"
((changed > 50)) || fail "the projector still shows the closed phone ($changed pixels changed)"
convert "$work/presence-4.png" -crop 900x60+0+20 "$work/top-4.png"
convert "$work/presence-3.png" -crop 900x60+0+20 "$work/top-3.png"
top=$(compare -metric AE "$work/top-4.png" "$work/top-3.png" null: 2>&1 || true)
((top > 20)) || fail "the top bar's done count did not change ($top pixels)"
echo "presence_test: the top bar's done count changed ($top pixels)"

stop_pollers
stop_projector
echo "presence_test: OK"
