#!/usr/bin/env bash
# A note flagged as personal data in the real projector window under Xvfb: a phone's note that
# names a child (sent with "Send likevel"), saved in the project log with its board picture,
# double-clicked on the board, the popup's red
# "Personopplysninger – slett for godt" and its question clicked with xdotool. Then the note is
# gone from the board, the phones, the board picture and the store file itself (sqlite3 and its
# raw bytes, WAL too, while Samling runs and after it stops); Ctrl+Z does not bring it back. The control
# surface only seeds (reveal) and reads.
# Usage: flag_personal_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "flag_personal_test: FAIL: $*" >&2
    [[ -n ${DISPLAY:-} ]] && import -window root "${artifacts:-/tmp}/flag-personal-failed.png" 2>/dev/null
    exit 1
}
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import sqlite3; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
who=flag_personal_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 1280x720

secret='Per (7) i 2B venter på PPT'
kept='Informasjonsflyten mellom skole og PPT er for treg'
join() {
    curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":$1}" "$base/api/join" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
post() {
    curl -sS --fail -o /dev/null -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
        -d "{\"client_id\":\"$2\",\"text\":\"$3\",\"confirm_personal\":true}" "$base/api/notes"
}
kari=$(join 1)
ola=$(join 2)
post "$kari" k1 "$secret"
post "$ola" o1 "$kept"
control '{"command":"reveal","group":1}' >/dev/null
# Saved in the project log: the window pictures the board, the note on it.
control '{"command":"conclude_run","group":1}' >/dev/null
run=$(state "s['groups'][0]['run']['id']")
picture="$dir/snapshots/run-$run.png"
for _ in $(seq 50); do [[ -s $picture ]] && break; sleep 0.1; done
[[ -s $picture ]] || fail "no board picture of the concluded run at $picture"
# The note's bytes, counted in the store's files: the database and its write-ahead log.
in_files() { cat "$dir"/samling.sqlite3* 2>/dev/null | grep -c -a -F "$1" || true; }
(($(in_files "$secret") > 0)) || fail "the seeded note is not in the store file"
phone_notes() {
    curl -sS --fail -H "Authorization: Bearer $1" "$base/api/state" |
        python3 -c 'import json, sys; print([n["text"] for n in json.load(sys.stdin)["notes"]])'
}
[[ $(phone_notes "$kari") == "['$secret']" ]] || fail "Kari's phone does not show her note"

# The board of group 1: its one card, in the observations zone's colour.
xdotool key 1
sleep 0.8
shot() { sleep 0.6; import -window root "$work/$1.png"; cp "$work/$1.png" "$artifacts/"; }
# "X Y" of the middle of a colour's pixels on screen; fails unless at least MIN of them.
find_colour() {
    local n x y
    read -r n x y <<<"$("$png_colour" "$work/$1.png" "$2")"
    ((n >= $3)) || fail "$4: only $n pixels of #$2"
    echo "$x $y"
}
shot flag-personal-board
read -r cx cy <<<"$(find_colour flag-personal-board FFE27A 2000 "the note's card")"
xdotool mousemove "$cx" "$cy" click --repeat 2 --delay 80 1
shot flag-personal-popup
read -r bx by <<<"$(find_colour flag-personal-popup B3261E 300 "the popup's red button")"
xdotool mousemove "$bx" "$by" click 1
shot flag-personal-question
read -r qx qy <<<"$(find_colour flag-personal-question B3261E 200 "the question's red button")"
expect "[n['text'] for n in s['groups'][0]['run']['notes']]" "['$secret']" "asking first changes nothing"
xdotool mousemove "$qx" "$qy" click 1

expect "[n['text'] for n in s['groups'][0]['run']['notes']]" "[]" "the flagged note left the board"
expect "[n['text'] for n in s['groups'][1]['run']['notes']]" "['$kept']" "the other group's note stays"
[[ $(phone_notes "$kari") == "[]" ]] || fail "Kari's phone still shows the flagged note"
echo "flag_personal_test: the phone no longer shows it"
shot flag-personal-after
read -r n _ _ <<<"$("$png_colour" "$work/flag-personal-after.png" FFE27A)"
((n < 2000)) || fail "a card is still drawn on group 1's board ($n pixels)"
[[ $(sqlite3 "file:$dir/samling.sqlite3?mode=ro" "SELECT count(*) FROM notes WHERE text LIKE '%Per (7)%'") == 0 ]] ||
    fail "the store still has a row with the text"
(($(in_files "$secret") == 0)) || fail "the text's bytes are still in the store's files while Samling runs"
echo "flag_personal_test: the store file no longer holds the text (sqlite3 and raw bytes, WAL too)"
[[ ! -e $picture ]] || fail "the board picture that shows the note is still there for the log and exports"
echo "flag_personal_test: the board picture that showed it is gone"

xdotool key ctrl+z
sleep 0.8
expect "[n['text'] for n in s['groups'][0]['run']['notes']]" "[]" "Ctrl+Z does not bring it back"
stop_projector
(($(in_files "Per (7)") == 0)) || fail "the text's bytes are in the store's files after Samling stopped"
echo "flag_personal_test: gone after Samling stopped too"
