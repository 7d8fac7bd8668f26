#!/usr/bin/env bash
# Typing the programme into F2 at full xdotool speed with Tab between the fields: every
# character lands in the field it was typed for, none in a neighbour, none lost (ImGui 1.86 reads
# characters and keys apart; a Tab and the letters after it could arrive in one frame).
# The stored names and dates are read back from the control surface, which only seeds the room.
# Usage: setup_typing_test.sh SAMLING_BIN
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "setup_typing_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 1 ]] || fail "usage: $0 SAMLING_BIN"
for tool in xvfb-run xdotool curl python3; do command -v $tool >/dev/null || fail "$tool is missing"; done
who=setup_typing_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$1" 1280x720
control '{"command":"name_programme","name":"HeLU Nordvik"}' >/dev/null
control '{"command":"save_gathering","title":"Oppstart","date":"2026-09-14"}' >/dev/null

# F2 opens with the programme's name selected: what is typed replaces it. One xdotool run at a
# millisecond a key: a Tab and the characters around it reach the window between two frames.
# Not --delay 0: GLFW 3.3 drops a key press stamped with the same X server millisecond as the
# previous press of that key (its filter for XIM's duplicates), and a fast machine typed two
# Tabs ten characters apart within one millisecond. No hand types that fast.
xdotool key F2
sleep 0.5
# xdotool types a tab character with the Tab key (a newline it types as Linefeed, no key here).
xdotool type --delay 1 $'HeLU Valler 2027\tValler samling 1\tValler skole\t2027-01-20\tSamling to\t2027-03-02'
sleep 0.3  # another xdotool's keys may reach the X server in the middle of the first one's
xdotool key Return
expect "s['programme']" "HeLU Valler 2027" "the programme's name is exactly what was typed"
expect "s['room']['name']" "Valler samling 1" "the room's name is exactly what was typed"
expect "sorted((g['title'], g['date']) for g in s['gatherings'])" \
    "[('Samling to', '2027-03-02'), ('Valler skole', '2027-01-20')]" \
    "the gathering's title and date, and the new gathering, are exactly what was typed"

# The groups: a click in the paste field, then Tab into the first group's name, its services
# and its project, and on into the next group's name.
xdotool mousemove --window "$window" 680 150 click 1
sleep 0.3
xdotool type --delay 1 $'\tOppvekst Valler\tskole, barnehage, helsestasjon\t'
sleep 0.3
xdotool type --delay 5 $'Tidlig innsats\tBarnevern og PPT Valler\t'
group_fields="[(g['name'], g['services'], g['project']) for g in sorted(s['groups'], key=lambda g: g['id'])][:2]"
expect "$group_fields" \
    "[('Oppvekst Valler', 'skole, barnehage, helsestasjon', 'Tidlig innsats'), ('Barnevern og PPT Valler', '', '')]" \
    "two groups' names, services and project are exactly what was typed"

stop_projector
echo "setup_typing_test: OK"
