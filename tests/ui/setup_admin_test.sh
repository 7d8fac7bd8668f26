#!/usr/bin/env bash
# F2's housekeeping clicked in the real window: the room's language and name (what the phones
# get from GET /api/state), archiving a gathering and bringing it back, deleting it and a group (each asks first: Esc leaves it,
# Enter does it), moving a participant to another group, removing one (its token stops working),
# archiving a group and bringing it back. The control surface only seeds; phones join by HTTP.
# Usage: setup_admin_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "setup_admin_test: FAIL: $*" >&2
    [[ -n ${DISPLAY:-} ]] && import -window root "${artifacts:-/tmp}/setup-admin-failed.png" 2>/dev/null
    exit 1
}
[[ $# -eq 2 ]] || fail "usage: $0 SAMLING_BIN ARTIFACT_DIR"
samling=$1 artifacts=$2
for tool in xvfb-run xdotool curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
who=setup_admin_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 1280x720
# A phone joins group 1 and prints its token.
join() {
    curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":1,\"name\":\"$1\"}" \
        "$base/api/join" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
kari=$(join Kari)
per=$(join Per)
# What a phone sees: a Python expression over GET /api/state's `p`; HTTP status on failure.
phone() {
    local body status
    body=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $1" "$base/api/state")
    status=${body##*$'\n'}
    [[ $status == 200 ]] || { echo "$status"; return 0; }
    python3 -c "import json, sys; p = json.loads(sys.argv[1]); print($2)" "${body%$'\n'*}"
}
expect_phone() {
    local token=$1 expr=$2 want=$3 what=$4 got=""
    for _ in $(seq 80); do
        got=$(phone "$token" "$expr")
        [[ $got == "$want" ]] && { echo "setup_admin_test: $what"; return 0; }
        sleep 0.1
    done
    fail "$what: expected $want, got $got"
}
control '{"command":"save_gathering","title":"Oppstart","date":"2026-09-14"}' >/dev/null
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 0.4; }

xdotool key F2
sleep 0.8
expect_phone "$kari" "p['room']['language']" nb "the phones start in bokmål"
click 280 292  # English
expect_phone "$kari" "p['room']['language']" en "a click on English in F2 reaches the phones"
click 240 219  # the room's name
xdotool type --delay 20 "Valler samling 1"
xdotool key Return
expect_phone "$kari" "p['room']['name']" "Valler samling 1" "the room's name typed in F2 reaches the phones"

# The gathering archived, set apart, and brought back.
click 90 500  # under the pulse threshold's row
expect "[g['archived'] for g in s['gatherings']]" "[True]" "Arkiver archived the gathering"
sleep 0.5
import -window root "$artifacts/setup-admin-gathering-archived.png"
click 78 526  # "Hent tilbake", under "Arkivert" in the gatherings
expect "[g['archived'] for g in s['gatherings']]" "[False]" "Hent tilbake brought the gathering back"

# The gathering's delete asks first.
click 167 500
xdotool key Escape
sleep 0.4
expect "len(s['gatherings'])" 1 "Esc on the question left the gathering"
expect "s['groups'][0]['name'] != ''" True "Esc answered the question and left F2 open"
click 167 500
xdotool key Return
expect "len(s['gatherings'])" 0 "Enter on the question deleted the gathering"

# Group 2 has written nothing: it can be deleted, after the question. A phone joined it under a
# name that must not stay in the store's files (the WAL beside it included) once it is gone.
curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":2,\"name\":\"Zelda Slettesen\"}" \
    "$base/api/join" >/dev/null
grep -qa "Zelda Slettesen" "$dir"/samling.sqlite3* || fail "the joined name is not in the store's files"
click 638 591
xdotool key Escape
sleep 0.4
expect "len(s['groups'])" 3 "Esc left group 2"
click 638 591
xdotool key Return
expect "[g['name'] for g in s['groups']]" "['Oppvekst Nordvik', 'Helse og familie Sørli']" "Enter deleted group 2"
for f in "$dir"/samling.sqlite3*; do
    ! grep -qa "Zelda Slettesen" "$f" || fail "the deleted group's phone's name is still in $(basename "$f")"
done
echo "$who: nothing of the deleted group's phone is left in the store or its WAL"

# Per moves to the other group from the list under group 1.
click 673 447
click 790 480  # the other group, in the list that opened
expect "[p['group'] for p in s['participants'] if p['name'] == 'Per']" "[3]" "Flytt til moved Per to the other group"
expect_phone "$per" "p['participant']['group']" 3 "Per's phone is in the other group now"

# Removing Kari asks first; then her phone's token is refused.
click 760 405
xdotool key Escape
expect_phone "$kari" "p['room']['name']" "Valler samling 1" "Esc kept Kari in the room"
click 760 405
xdotool key Return
expect_phone "$kari" "p" 401 "Enter removed Kari: her phone's token is refused"
sleep 0.5
import -window root "$artifacts/setup-admin-people.png"

# Archiving the other group sets it apart, greyed; "Hent tilbake" brings it back.
click 562 533
expect "[g['archived'] for g in s['groups']]" "[False, True]" "Arkiver archived the other group"
sleep 0.5
import -window root "$artifacts/setup-admin-archived.png"
click 539 481  # "Hent tilbake", under "Arkivert"
expect "[g['archived'] for g in s['groups']]" "[False, False]" "Hent tilbake brought it back"

stop_projector
echo "setup_admin_test: OK"
