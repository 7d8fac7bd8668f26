#!/usr/bin/env bash
# The facilitator's keyboard in a real projector window under Xvfb, typed with xdotool (XTEST,
# the same path as a USB keyboard): 2 focuses the second group, → moves its step, N opens the
# note popup and typed text becomes a note, R reveals, Ctrl+Enter saves the run into
# the project log with its board picture, F11 goes full screen. What each key did is read from
# the loopback control surface and the window's geometry, never from the app's own say-so.
# Usage: keys_test.sh SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "keys_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR"
samling=$1 png_check=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
# A screen larger than the window (1280x720), so full screen is a change one can measure.
screen_w=1600 screen_h=900

who=keys_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" "${screen_w}x${screen_h}"

geometry() { xdotool getwindowgeometry --shell "$window" | sed -nE 's/^(WIDTH|HEIGHT)=//p' | paste -sd x; }
expect_geometry() {
    local want=$1 what=$2 got=""
    for _ in $(seq 50); do
        got=$(geometry)
        [[ $got == "$want" ]] && { echo "keys_test: $what ($got)"; return 0; }
        sleep 0.1
    done
    fail "$what: window is $got, expected $want"
}
group2='[g for g in s["groups"] if g["id"] == 2][0]["run"]'

expect_geometry 1280x720 "the window opens at 1280x720"
expect "[g['run']['step'] for g in s['groups']]" "[0, 0, 0]" "every group starts at step 1"

xdotool key 2 Right
expect "[g['run']['step'] for g in s['groups']]" "[0, 1, 0]" "2 then → moved the second group's step only"
xdotool key Left
expect "$group2['step']" 0 "← moved it back"

# Plain ASCII: xdotool types a character that is not on the server's keymap (æ, ø, å on this
# US one) by remapping a spare key for it, and the client may read the key before the new
# mapping reaches it, so such text is lost at random. Typed æøå are the ui tests' to check.
note="Foreldrene moter en fast kontaktperson - 2 ganger i uka"
xdotool key n
sleep 0.3  # the popup's text field takes the keyboard on its first frame
xdotool type --delay 30 "$note"
xdotool key Return
expect "[n['text'] for n in $group2['notes']]" "['$note']" "N, typing and Enter added the note to group 2"

# A board worth a picture: the room's other notes, seeded as a script would, then R reveals all.
for text in "Beskjeder mellom tjenestene blir borte" "Vi oppdager utfordringene for sent" \
    "Ingen har oversikt over hele familien" "Barnehagen involveres først når krisen har rammet" \
    "Familien må fortelle historien sin mange ganger"; do
    control "{\"command\":\"add_note\",\"group\":2,\"text\":\"$text\",\"zone\":\"observations\"}" >/dev/null
done
xdotool key r
expect "all(n['revealed'] for n in $group2['notes']) and len($group2['notes'])" 6 "R revealed group 2's six notes"

run=$(state "$group2['id']")
xdotool key ctrl+Return
expect "$group2['concluded_at'] > 0" True "Ctrl+Enter saved group 2's run into its project log"
png="$dir/snapshots/run-$run.png"
for _ in $(seq 100); do [[ -s $png ]] && break; sleep 0.1; done
[[ -s $png ]] || { cat "$work/err" >&2; ls -la "$dir" "$dir/snapshots" >&2 || true; fail "no board picture at $png"; }
cp "$png" "$artifacts/keys-conclude.png"
"$png_check" --board "$png" 1280 720 || fail "the picture is not the board"

# Last: without a window manager, GLFW's full-screen window is override-redirect and keys sent
# to it no longer arrive under Xvfb, so leaving full screen (F11, Esc) cannot be typed here.
xdotool key F11
expect_geometry "${screen_w}x${screen_h}" "F11 made the window full screen"

stop_projector
echo "keys_test: OK"
