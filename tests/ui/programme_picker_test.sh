#!/usr/bin/env bash
# Two programmes on one laptop, switched in the real window: F2 twice opens the programme
# picker, a new programme is made by typing its name on a Norwegian keymap (æøå) and opened
# with Enter, a phone joins it and writes, then ↑ Enter switches back, and the first programme's
# room and every one of its notes are there. The control surface only seeds groups and runs;
# the notes come from phones, the switching from xdotool.
# Usage: programme_picker_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit
# shellcheck source=window_session.sh
source "$(dirname "$0")/window_session.sh"
window_test programme_picker_test "$@"

work=$(mktemp -d)
export XDG_DATA_HOME="$work/xdg"  # the data folder: $XDG_DATA_HOME/samling, several programmes
data="$XDG_DATA_HOME/samling"
xvfb-run -a -f "$work/xauth" -s "-screen 0 1280x720x24" \
    sh -c 'echo "$DISPLAY" >"$0.display"; echo $$ >"$0.pid"; exec "$@"' "$work/app" \
    "$samling" --host 127.0.0.1 --port 0 --control-port 0 >"$work/out" 2>"$work/err" &
runner_pid=$!
for _ in $(seq 300); do [[ -s $work/app.pid && -s $work/app.display ]] && break; sleep 0.1; done
app_pid=$(cat "$work/app.pid")
export XAUTHORITY="$work/xauth"
DISPLAY=$(cat "$work/app.display")
export DISPLAY

# opened N: waits for the Nth join line (each programme opened prints one), then reads the
# new control surface and finds the new window; sets base, code, url, token, window.
opened() {
    local n=$1 line=""
    for _ in $(seq 300); do
        line=$({ grep -E '^samling: participants join at ' "$work/out" || true; } | sed -n "${n}p")
        [[ -n $line ]] && break
        sleep 0.1
    done
    [[ -n $line ]] || { cat "$work/err" >&2; fail "programme number $n did not open"; }
    local join_url=${line#samling: participants join at }
    base=${join_url%%/\?*} code=${join_url##*room=}
    local old_url=$url
    for _ in $(seq 300); do
        [[ -s $data/control.json ]] && read_control "$data" "$work/err" && [[ $url != "$old_url" ]] && break
        sleep 0.1
    done
    [[ $url != "$old_url" ]] || fail "no new control surface after opening programme $n"
    window=""
    for _ in $(seq 100); do
        window=$(xdotool search --onlyvisible --name '^Samling$' 2>/dev/null | head -1 || true)
        [[ -n $window ]] && break
        sleep 0.1
    done
    [[ -n $window ]] || fail "no window after opening programme $n"
    xdotool windowfocus --sync "$window"
    settle 0.5
}

# phone_writes GROUP TEXT...: a phone joins the group with the room's code and writes each note.
phone_writes() {
    local group=$1 phone i=0
    shift
    phone=$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":$group}" \
        "$base/api/join" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    for text in "$@"; do
        i=$((i + 1))
        curl -sS --fail -o /dev/null -H "Authorization: Bearer $phone" -H 'Content-Type: application/json' \
            -d "$(python3 -c 'import json, sys; print(json.dumps({"client_id": sys.argv[1], "text": sys.argv[2]}))' \
                "c$group-$i-$RANDOM" "$text")" "$base/api/notes"
    done
}

all_notes="sorted(n['text'] for g in s['groups'] if g.get('run') for n in g['run']['notes'])"
catalogue() { python3 -c "import json; c = json.load(open('$data/programmes.json')); print($1)"; }

# The first programme: a laptop's first start makes "Program 1"; two groups and their phones.
opened 1
first_code=$code
g1=$(control '{"command":"add_group","name":"Oppvekst Nordvik"}')
g2=$(control '{"command":"add_group","name":"Barnevern og PPT"}')
control "{\"command\":\"start_exercise\",\"group\":$g1,\"exercise\":\"problem_definition\"}" >/dev/null
control "{\"command\":\"start_exercise\",\"group\":$g2,\"exercise\":\"problem_definition\"}" >/dev/null
phone_writes "$g1" "Foreldre får beskjeder for sent" "Ingen eier overgangen barnehage–skole"
phone_writes "$g2" "Vi møtes bare når det brenner" "Saker blir liggende mellom tjenestene" "Få vet hvem som gjør hva"
first_notes=$(state "$all_notes")
expect "len($all_notes)" 5 "five notes from two phones in the first programme"

# A programme without groups opens on the setup screen (F2); F2 there is the programme
# picker, with the cursor in the new programme's field.
setxkbmap no
# This Xvfb keeps its US map whatever setxkbmap asks, so xdotool types å and ø by binding a spare
# keycode for each and unbinding it after the key's delay; a window that reads the map after the
# unbinding (as the process just started again in place can, busy with its first frames) gets no
# letter. A longer delay per key leaves it the time.
type_slowly() { xdotool type --delay 150 "$1"; }
grab "$artifacts/programme-setup.png"
xdotool key F2
settle 0.6
grab "$artifacts/programme-picker.png"
type_slowly 'Ålesund øst'
settle 0.3
xdotool key Return
for _ in $(seq 50); do [[ $(catalogue "[p['name'] for p in c['programmes']]") == "['Program 1', 'Ålesund øst']" ]] && break; sleep 0.1; done
[[ $(catalogue "[p['name'] for p in c['programmes']]") == "['Program 1', 'Ålesund øst']" ]] ||
    fail "typing «Ålesund øst» and Enter did not make that programme: $(catalogue "c['programmes']")"
echo "$who: «Ålesund øst» typed on the Norwegian keymap is a programme of its own"
settle 0.5
grab "$artifacts/programme-picker-made.png"
xdotool key Return  # the new row is chosen: Enter opens it

opened 2
[[ $code != "$first_code" ]] || fail "the new programme has the first one's room"
[[ $(state "s['programme']") == "Ålesund øst" ]] || fail "the window opened $(state "s['programme']"), not «Ålesund øst»"
[[ $(state "len(s['groups'])") == 0 ]] || fail "the new programme has the first one's groups"
[[ $(catalogue "c['last']") == "ålesund-øst" ]] || fail "the catalogue's last programme is $(catalogue "c['last']")"
echo "$who: Enter opened «Ålesund øst»: a room of its own, no groups"
a1=$(control '{"command":"add_group","name":"Helse Ålesund"}')
control "{\"command\":\"start_exercise\",\"group\":$a1,\"exercise\":\"problem_definition\"}" >/dev/null
phone_writes "$a1" "Tiltak stopper når prosjektpengene tar slutt"
expect "$all_notes" "['Tiltak stopper når prosjektpengene tar slutt']" "a phone joined «Ålesund øst» and wrote"

# Back: F2 (the new programme opened on its setup screen: it had no groups), ↑ to «Program 1»
# (the rows are in the order made), Enter.
xdotool key F2
settle 0.6
grab "$artifacts/programme-picker-second.png"
xdotool key Up
settle 0.3
xdotool key Return
opened 3
[[ $code == "$first_code" ]] || fail "switching back opened room $code, not the first programme's $first_code"
got=$(state "$all_notes")
[[ $got == "$first_notes" ]] || fail "the first programme's notes after switching back: $got, expected $first_notes"
echo "$who: back on «Program 1»: the same room $code and all five of its notes, none of «Ålesund øst»'s"
kill -0 "$app_pid" || fail "samling (the same process, started again in place) is not running after the switches"

# Its row's buttons, clicked: "Gi nytt navn" selects the name, typing replaces it, Enter keeps it;
# "Arkiver" hides the row (the folder stays), "Vis arkiverte" shows it again. (1280x720: the
# second row's buttons stand at y 166.)
xdotool key F2  # the setup screen (the first programme has groups: it did not open by itself)
settle 0.4
xdotool key F2
settle 0.6
xdotool mousemove --window "$window" 993 166 click 1
settle 0.4
type_slowly 'Sunnmøre sør'
settle 0.3
xdotool key Return
names="[(p['folder'], p['name'], p['archived']) for p in c['programmes']]"
want="[('program-1', 'Program 1', False), ('ålesund-øst', 'Sunnmøre sør', False)]"
for _ in $(seq 50); do [[ $(catalogue "$names") == "$want" ]] && break; sleep 0.1; done
[[ $(catalogue "$names") == "$want" ]] || fail "renaming by click and typing gave $(catalogue "$names")"
echo "$who: «Ålesund øst» renamed «Sunnmøre sør» in the picker; its folder stays"
settle 0.4
xdotool mousemove --window "$window" 1093 166 click 1
want="[('program-1', 'Program 1', False), ('ålesund-øst', 'Sunnmøre sør', True)]"
for _ in $(seq 50); do [[ $(catalogue "$names") == "$want" ]] && break; sleep 0.1; done
[[ $(catalogue "$names") == "$want" ]] || fail "a click on Arkiver gave $(catalogue "$names")"
settle 0.5
grab "$artifacts/programme-picker-archived.png"
echo "$who: a click on Arkiver archived «Sunnmøre sør»"
xdotool mousemove --window "$window" 75 233 click 1
settle 0.5
grab "$artifacts/programme-picker-shown.png"  # the archived row again, greyed, with "Hent fram"

# Deleting «Sunnmøre sør» asks first: Esc keeps it, Enter deletes its folder and its backups.
gone="$data/programmes/ålesund-øst"
[[ -d $gone/backups && -n $(ls "$gone/backups") ]] || fail "«Ålesund øst» has no backups to delete"
xdotool key Down
settle 0.3
xdotool key Delete
settle 0.5
grab "$artifacts/programme-picker-delete.png"
xdotool key Escape
settle 0.4
[[ -f $gone/samling.sqlite3 ]] || fail "Esc to the question deleted the programme"
echo "$who: Delete on «Sunnmøre sør» asked first; Esc kept it"
xdotool key Delete
settle 0.5
xdotool key Return
for _ in $(seq 50); do [[ ! -e $gone ]] && break; sleep 0.1; done
[[ ! -e $gone ]] || fail "Enter to the question left $gone"
[[ $(catalogue "[p['name'] for p in c['programmes']]") == "['Program 1']" ]] ||
    fail "the catalogue still lists $(catalogue "[p['name'] for p in c['programmes']]")"
grep -q 'deleted the programme "Sunnmøre sør"' "$work/err" || fail "the deletion was not said on the terminal"
grep -E 'deleted the programme "Sunnmøre sør".*with [1-9][0-9]* backups' "$work/err" >/dev/null ||
    fail "the deletion did not say how many backups went: $(grep deleted "$work/err")"
echo "$who: Enter deleted «Sunnmøre sør», its folder and backups, and said so"
got=$(state "$all_notes")
[[ $got == "$first_notes" ]] || fail "deleting the other programme touched this one's notes: $got"

stop_projector
[[ $(catalogue "c['last']") == "program-1" ]] || fail "the last programme is $(catalogue "c['last']") after switching back"
echo "$who: OK"
