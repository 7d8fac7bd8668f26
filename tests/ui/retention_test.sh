#!/usr/bin/env bash
# The retention warning in the real window under Xvfb: a programme whose last gathering was
# 2024-03-14, kept 12 months (set with --retention-months, the facilitator's own flag), starts
# with the amber band across the top of the projector and one line on standard error; kept 36
# months, or not set, neither. Nothing is deleted. The control surface only seeds the gathering.
# Usage: retention_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "retention_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run curl; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
work=$(mktemp -d)
app_pid=""
trap '[[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null; rm -rf "$work"' EXIT
data="$work/data"
# shellcheck source=control_surface.sh
source "$(dirname "$0")/control_surface.sh"

# Seed: the demo's groups, a note, and a gathering held on 2024-03-14.
"$samling" --headless --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$data" >"$work/out" 2>"$work/err" &
app_pid=$!
read_control "$data" "$work/err"
control '{"command":"add_note","group":1,"text":"Lappen som skal bli liggende"}' >/dev/null
control '{"command":"save_gathering","title":"Samling 1","date":"2024-03-14"}' >/dev/null
kill -INT "$app_pid"
wait "$app_pid" || fail "the seeding Samling did not stop cleanly"
app_pid=""

# shot NAME [FLAGS...]: a projector screenshot of the data folder; its stderr in $work/NAME.err.
shot() {
    local name=$1
    shift
    timeout 120 xvfb-run -a -s "-screen 0 1280x720x24" "$samling" --data-dir "$data" --port 0 "$@" \
        --screenshot "$artifacts/retention-$name.png" >/dev/null 2>"$work/$name.err" ||
        { cat "$work/$name.err" >&2; fail "samling --screenshot ($name) failed"; }
}
# The band's amber (theme::accent, #FFC84A) in the top 30 rows: a band across the width has
# tens of thousands of such pixels, the top bar alone a few hundred at most.
band_pixels() { "$png_colour" "$artifacts/retention-$1.png" FFC84A 0 0 1280 30 | cut -d' ' -f1; }
line='retention time of this programme has passed: 12 months after the last gathering (2024-03-14) ended on 2025-03-14'

shot unset --retention-months 0
[[ $(band_pixels unset) -lt 2000 ]] || fail "a band with no retention set ($(band_pixels unset) amber pixels)"
! grep -q "retention time" "$work/unset.err" || fail "a retention line with none set: $(cat "$work/unset.err")"
echo "retention_test: no retention set: no band, no line"

shot later --retention-months 36
[[ $(band_pixels later) -lt 2000 ]] || fail "a band before the time has passed"
! grep -q "retention time" "$work/later.err" || fail "a retention line before the time has passed"
echo "retention_test: 36 months (until 2027-03-14): no band, no line"

shot passed --retention-months 12
grep -qF "$line" "$work/passed.err" || fail "no retention line at start; stderr: $(cat "$work/passed.err")"
[[ $(band_pixels passed) -gt 20000 ]] || fail "no band on the projector ($(band_pixels passed) amber pixels)"
echo "retention_test: 12 months: the band ($(band_pixels passed) amber pixels) and the line: ${line}"

# The setting is the programme's: kept in its store, so the next start warns again without the flag.
shot again
grep -qF "$line" "$work/again.err" || fail "the retention setting was not kept in the store"
[[ $(band_pixels again) -gt 20000 ]] || fail "no band on the next start"
echo "retention_test: the setting was kept: the next start warns again"

# Nothing was deleted: the seeded note is still in the store.
"$samling" --headless --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$data" >"$work/out" 2>"$work/err" &
app_pid=$!
read_control "$data" "$work/err"
curl -sS --fail -H "Authorization: Bearer $token" "$url/control/state" | grep -q "Lappen som skal bli liggende" ||
    fail "a note was deleted"
kill -INT "$app_pid"
wait "$app_pid" || fail "Samling did not stop cleanly"
app_pid=""
echo "retention_test: OK"
