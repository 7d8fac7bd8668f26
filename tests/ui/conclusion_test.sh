#!/usr/bin/env bash
# Writing a problem definition's conclusions on the projector, in the real window under Xvfb
# with xdotool on a Norwegian keymap: every field by mouse clicks (group 1), every field by
# keyboard only (group 2: Enter, Tab, Shift+Tab, Esc, Ctrl+Enter), and "Bruk i" on a phone's
# proposal (group 3). The control surface only reads the result back; the phone is a curl.
# Usage: conclusion_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

here=$(dirname "$0")
# shellcheck source=window_session.sh
source "$here/window_session.sh"
window_test conclusion_test "$@"

start_projector "$samling" 1280x720
# æ, ø and å are keys of this map, so xdotool types them as a Norwegian keyboard would.
setxkbmap no
fields=(affected happens matters known assumed statement)
run_of() { echo "[g for g in s['groups'] if g['id'] == $1][0]['run']"; }
to_conclude() {  # the focused group's → four times: write, reveal, organise, vote, conclude
    for _ in 1 2 3 4; do
        xdotool key Right
        settle 0.25
    done
    expect "$(run_of "$1")['step_kind']" conclude "group $1 is in its conclude step"
}
# The field the panel marks for the next text (accent outline), as "TOP BOTTOM" on the screen.
marked_field() {
    grab "$work/screen.png"
    python3 "$here/screen_find.py" "$work/screen.png" 16-30 180 600 FFC84A | cut -d' ' -f2-
}

# Group 1 by mouse: click the marked field, type, click outside the panel; six times.
mouse=("Barn i 5.–7. trinn og foreldrene deres"
    "Elever med høyt fravær blir sett først når fraværet er stort"
    "Tidlig innsats kommer for sent"
    "Fraværet øker etter jul; få saker går til PPT før våren"
    "Vi antar at foreldrene ikke vet hvem de skal ringe"
    "Barn med økende fravær får hjelp for sent, fordi ingen eier saken før den er stor")
to_conclude 1
for i in "${!fields[@]}"; do
    read -r top bottom < <(marked_field) || fail "no field is marked for ${fields[i]}"
    xdotool mousemove 300 $(((top + bottom) / 2)) click 1
    settle 0.3
    xdotool type --delay 25 "${mouse[i]}"
    settle 0.2
    xdotool mousemove 300 100 click 1  # the prompt above the panel: the field is left
    expect "$(run_of 1)['conclusion']['${fields[i]}']" "${mouse[i]}" "a click, typing and a click away wrote ${fields[i]}"
done
cp "$work/screen.png" "$artifacts/conclusion-mouse.png"
expect "$(run_of 1)['concluded_at']" 0 "writing the fields did not save the run into the log"

# Group 2 by keyboard only.
keys=("Familiene på Øvre Nordvik" "Beskjeder mellom barnehage og skole blir borte"
    "Barna må fortelle historien sin på nytt" "Tre av fem saker starter med en bekymring fra skolen"
    "At tjenestene vil samarbeide" "Ingen ser hele familien")
xdotool key 2
settle
to_conclude 2
xdotool key Return  # opens the first empty field
for i in "${!fields[@]}"; do
    settle 0.3
    xdotool type --delay 25 "${keys[i]}"
    settle 0.2
    ((i < ${#fields[@]} - 1)) && xdotool key Tab  # saves this field, opens the next
done
xdotool key Escape  # leaves the last field and keeps what was typed
for i in "${!fields[@]}"; do
    expect "$(run_of 2)['conclusion']['${fields[i]}']" "${keys[i]}" "Enter, typing, Tab and Esc wrote ${fields[i]}"
done
# Every field is written: Enter opens the first; Tab the second, Shift+Tab goes back to the first.
xdotool key Return
settle 0.3
xdotool key Tab
settle 0.3
xdotool key shift+Tab
settle 0.3
xdotool key End
xdotool type --delay 25 " og i Sørbyen"
settle 0.2
xdotool key ctrl+Return  # in a field: saves the field only
expect "$(run_of 2)['conclusion']['affected']" "${keys[0]} og i Sørbyen" "Shift+Tab went back; Ctrl+Enter saved the field"
settle 0.5
expect "$(run_of 2)['concluded_at']" 0 "Ctrl+Enter in a field did not save the run into the log"
xdotool key ctrl+Return  # no field open: the run goes into the project log
expect "$(run_of 2)['concluded_at'] > 0" True "Ctrl+Enter with no field open saved the run into the log"
[[ $(state "$(run_of 2)['conclusion']['happens']") == "${keys[1]}" ]] || fail "Tab and Shift+Tab changed happens"

# Group 3: a phone proposes a statement; "Bruk i" puts it in the marked field.
xdotool key 3
settle
to_conclude 3
group3=$(state "[g for g in s['groups'] if g['id'] == 3][0]['id']")
phone=$(curl -sS --fail-with-body -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"group\":$group3,\"name\":\"Kari\"}" "$base/api/join" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
proposal="Barn som strever får hjelp først når det har gått galt"
curl -sS --fail-with-body -H "Authorization: Bearer $phone" -H 'Content-Type: application/json' \
    -d "{\"client_id\":\"p1\",\"text\":\"$proposal\"}" "$base/api/notes" >/dev/null
settle 0.5
read -r before _ < <(marked_field)
# The button sits on the proposal's card in the right-hand column (panel_hover on yellow).
read -r bx btop bbottom < <(python3 "$here/screen_find.py" "$work/screen.png" 600-640 180 600 1E3557) ||
    fail "no Bruk i button on the proposal"
cp "$work/screen.png" "$artifacts/conclusion-proposal.png"
xdotool mousemove $((bx + 20)) $(((btop + bbottom) / 2)) click 1
expect "$(run_of 3)['conclusion']['affected']" "$proposal" "Bruk i put the proposal into the first empty field"
settle 0.5
read -r after _ < <(marked_field)
((after > before)) || fail "the marked field did not move on after Bruk i ($before -> $after)"
echo "conclusion_test: the panel marks the next field at once ($before -> $after)"
cp "$work/screen.png" "$artifacts/conclusion-picked.png"

stop_projector
echo "conclusion_test: OK"
