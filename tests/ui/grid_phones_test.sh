#!/usr/bin/env bash
# Phones' notes on the influence/interest grid, in a real projector window under Xvfb: notes
# written through the participant API with a quadrant (no position) are drawn at once in their
# quadrants, and one dragged with xdotool lands where it was dropped. Seen in screenshots of
# the live window (each quadrant's card colour, before and after), read back from /control/state.
# Usage: grid_phones_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "grid_phones_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=grid_phones_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
# The screen is the window's size, so a grab of the root window is the projector as seen.
start_projector "$samling" 1280x720
group1="s['groups'][0]['run']"

grab() { sleep 0.6; import -window root "$1"; cp "$1" "$artifacts/"; }
# "COUNT X Y" of one card colour (the quadrant's zone colour, light enough to be the card's).
colour() { "$png_colour" "$1" "$2"; }

# Seeded: the first group starts the stakeholder grid (writing step).
control '{"command":"start_exercise","group":1,"exercise":"stakeholder_grid"}' >/dev/null
expect "${group1}['exercise']" stakeholder_grid "group 1 runs the stakeholder grid"
declare -A hex=([keep_satisfied]=BFD7EA [manage_closely]=FFE27A [monitor]=E3E3E3 [keep_informed]=BFE3C6)
quadrants=(keep_satisfied manage_closely monitor keep_informed)  # top left, top right, bottom left, bottom right

# Before: the empty grid (no card colour but the quadrants' names).
grab "$work/grid-before.png"
for q in "${quadrants[@]}"; do
    read -r n _ _ <<<"$(colour "$work/grid-before.png" "${hex[$q]}")"
    ((n < 2000)) || fail "a $q card is drawn before any note is written ($n pixels)"
done

# A phone joins group 1 and writes one stakeholder per quadrant, as the phone page sends them.
phone=$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":1}" "$base/api/join" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
i=0
for q in "${quadrants[@]}"; do
    i=$((i + 1))
    curl -sS --fail -o /dev/null -H "Authorization: Bearer $phone" -H 'Content-Type: application/json' \
        -d "{\"client_id\":\"p$i\",\"text\":\"Aktør $i\",\"zone\":\"$q\"}" "$base/api/notes"
done
expect "[(n['zone'], n['x'], n['y']) for n in ${group1}['notes']]" \
    "[('keep_satisfied', -1.0, -1.0), ('manage_closely', -1.0, -1.0), ('monitor', -1.0, -1.0), ('keep_informed', -1.0, -1.0)]" \
    "the phone's four notes have a quadrant and no position"
# This step shows notes as they come (it is not a silent one): they are on the board at once.

grab "$work/grid-phones.png"
declare -A cx cy
for q in "${quadrants[@]}"; do
    read -r n x y <<<"$(colour "$work/grid-phones.png" "${hex[$q]}")"
    ((n >= 3000)) || fail "the $q note is not drawn: $n pixels of ${hex[$q]}"
    cx[$q]=$x cy[$q]=$y
    echo "grid_phones_test: the $q card is drawn ($n pixels around $x,$y)"
done
# Each in its own quadrant: left ones left of right ones, top ones above bottom ones, none in
# the tray under the plane.
((cx[keep_satisfied] < cx[manage_closely] && cx[monitor] < cx[keep_informed])) || fail "left/right quadrants mixed up"
((cy[keep_satisfied] < cy[monitor] && cy[manage_closely] < cy[keep_informed])) || fail "top/bottom quadrants mixed up"
((cy[monitor] - cy[keep_satisfied] > 60)) || fail "the cards sit in one row (a tray?), not in quadrants"
echo "grid_phones_test: each phone note is in its own quadrant"

# The plane, from where the top-left and bottom-right cards sit (the middles of their quadrants).
read -r left top width height <<<"$(python3 -c "
tl = (${cx[keep_satisfied]}, ${cy[keep_satisfied]}); br = (${cx[keep_informed]}, ${cy[keep_informed]})
w = 2 * (br[0] - tl[0]); h = 2 * (br[1] - tl[1])
print(round(tl[0] - w / 4), round(tl[1] - h / 4), round(w), round(h))")"
# Drag the bottom-left card by its middle to high interest, fairly high influence (top right).
read -r to_x to_y <<<"$(python3 -c "print(round($left + 0.85 * $width), round($top + 0.4 * $height))")"
xdotool mousemove "${cx[monitor]}" "${cy[monitor]}"
sleep 0.2
xdotool mousedown 1
for t in 0.2 0.4 0.6 0.8 1.0; do
    sleep 0.1
    xdotool mousemove "$(python3 -c "print(round(${cx[monitor]} + $t * ($to_x - ${cx[monitor]})))")" \
        "$(python3 -c "print(round(${cy[monitor]} + $t * ($to_y - ${cy[monitor]})))")"
done
sleep 0.2
xdotool mouseup 1
monitor_note="[n for n in ${group1}['notes'] if n['text'] == 'Aktør 3'][0]"
expect "${monitor_note}['zone']" manage_closely "the dragged card moved into the top-right quadrant"
read -r x y <<<"$(state "${monitor_note}['x'], ${monitor_note}['y']" | tr -d '(),')"
python3 -c "import sys; sys.exit(0 if abs($x - 0.85) < 0.03 and abs($y - 0.6) < 0.03 else 1)" ||
    fail "dropped at (0.85, 0.60) of the plane, stored at ($x, $y)"
echo "grid_phones_test: stored where it was dropped: ($x, $y)"
grab "$work/grid-dragged.png"
# It takes its new quadrant's colour; around the drop point there is now one such card.
read -r n x y <<<"$("$png_colour" "$work/grid-dragged.png" "${hex[manage_closely]}" $((to_x - 90)) $((to_y - 45)) \
    $((to_x + 90)) $((to_y + 45)))"
((n >= 3000 && x - to_x < 15 && to_x - x < 15 && y - to_y < 15 && to_y - y < 15)) ||
    fail "no card drawn where it was dropped ($to_x,$to_y): $n pixels around $x,$y"
read -r n _ _ <<<"$(colour "$work/grid-dragged.png" "${hex[monitor]}")"
((n < 2000)) || fail "the dragged card is still drawn in the bottom-left quadrant too ($n pixels)"
echo "grid_phones_test: the card is drawn where it was dropped ($x,$y for $to_x,$to_y)"

stop_projector
echo "grid_phones_test: OK"
