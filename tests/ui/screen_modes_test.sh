#!/usr/bin/env bash
# One projector for 27 groups, in the real window under Xvfb with keys typed by xdotool: J hides
# the join panel and the group strip, F gives the board the whole window (Esc leaves it), and
# the overview's T and Ctrl+Enter act on every group, or the ticked ones, after asking: Esc
# does nothing, Enter does it for all, Ctrl+Z takes it back as one step. The control surface
# only seeds the room and reads it. Usage: screen_modes_test.sh SAMLING_BIN PNG_COLOUR ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

here=$(dirname "$0")
png_colour=$2
set -- "$1" "$3"
# shellcheck source=window_session.sh
source "$here/window_session.sh"
window_test screen_modes_test "$@"

start_projector "$samling" 1280x720
setxkbmap no
for i in $(seq 4 27); do control "{\"command\":\"add_group\",\"name\":\"Ledergruppe $i\"}" >/dev/null; done
expect "len(s['groups'])" 27 "27 groups"
ids=$(state "' '.join(str(g['id']) for g in s['groups'])")
for g in $ids; do
    [[ $(state "[g['run'] is None for g in s['groups'] if g['id'] == $g][0]") == True ]] || continue
    control "{\"command\":\"start_exercise\",\"group\":$g,\"exercise\":\"problem_definition\"}" >/dev/null
done
expect "len([g for g in s['groups'] if g['run']])" 27 "every group has a run"
settle 0.5

# Pixels of one colour in a rectangle of a fresh grab.
count() { # COLOUR X0 Y0 X1 Y1
    grab "$work/screen.png"
    "$png_colour" "$work/screen.png" "$1" "$2" "$3" "$4" "$5" | cut -d' ' -f1
}
white_right() { count FFFFFF 930 30 1250 690; }          # the join panel's white card
chips() { count 152742 22 440 900 655; }                  # the group strip's chips (theme::panel)
pills() { count FFC84A 0 650 600 720; }                   # the step bar's yellow pill

# 1. J: the join panel and the strip go, and come back.
grab "$artifacts/screen-modes-27.png"
[[ $(white_right) -gt 20000 ]] || fail "no join panel before J"
[[ $(chips) -gt 20000 ]] || fail "no group strip before J"
xdotool key j
settle 0.5
grab "$artifacts/screen-modes-27-j.png"
[[ $(white_right) -lt 500 ]] || fail "J left the join panel on screen"
[[ $(chips) -lt 2000 ]] || fail "J left the group strip on screen"
[[ $(pills) -gt 500 ]] || fail "J took the step bar away too"
echo "screen_modes_test: J hid the join panel and the group strip, and kept the step bar"
xdotool key j
settle 0.5
[[ $(white_right) -gt 20000 && $(chips) -gt 20000 ]] || fail "a second J did not bring the panel and strip back"
echo "screen_modes_test: a second J brought them back"

# 2. F: the board alone; Esc leaves focus mode (the window is not full screen).
xdotool key f
settle 0.5
grab "$artifacts/screen-modes-focus.png"
[[ $(white_right) -lt 500 ]] || fail "F left the join panel on screen"
[[ $(pills) -lt 50 ]] || fail "F left the step bar on screen"
[[ $(count F5F7FB 22 60 700 160) -lt 50 ]] || fail "F left the prompt on screen"
echo "screen_modes_test: F showed the board alone"
xdotool key Escape
settle 0.5
[[ $(white_right) -gt 20000 && $(pills) -gt 500 ]] || fail "Esc did not leave focus mode"
echo "screen_modes_test: Esc left focus mode"

# 3. The overview's T asks first, for all 27; Esc does nothing; Enter starts every clock.
running="len([g for g in s['groups'] if g['run']['timer']['running']])"
xdotool key o
settle 0.5
xdotool key t
settle 0.5
grab "$artifacts/screen-modes-confirm-timer.png"
[[ $(state "$running") == 0 ]] || fail "T in the overview acted before it was answered"
xdotool key Escape
settle 0.5
[[ $(state "$running") == 0 ]] || fail "Esc after the overview's T started a clock"
echo "screen_modes_test: the overview's T asked, and Esc started nothing"
xdotool key t
settle 0.5
xdotool key Return
expect "$running" 27 "T, Enter in the overview started all 27 clocks"
xdotool key ctrl+z
expect "$running" 0 "Ctrl+Z stopped all 27 again, as one step"

# 4. Ctrl+click ticks two tiles: T, Enter starts those two only.
# At 1280×720 the overview lays 27 tiles out six to a row: the first two tiles' middles.
# A tick shows as accent pixels on the tile; wait for them to change, since a loaded machine
# may draw the next frame later than any fixed pause (a click into a closing dialog is lost).
tick() { # X of the tile's middle
    local before now
    before=$(count FFC84A $(($1 - 100)) 60 $(($1 + 100)) 240)
    xdotool mousemove "$1" 150 keydown ctrl click 1 keyup ctrl
    for _ in $(seq 50); do
        now=$(count FFC84A $(($1 - 100)) 60 $(($1 + 100)) 240)
        [[ $now != "$before" ]] && return
        sleep 0.1
    done
    fail "Ctrl+click on the tile at x=$1 did not change its tick"
}
tick 120
tick 330
settle 0.5
grab "$artifacts/screen-modes-ticked.png"
[[ $(state "$running") == 0 ]] || fail "Ctrl+click started a clock"
xdotool key t
settle 0.5
xdotool key Return
expect "$running" 2 "two ticked tiles: T, Enter started two clocks"
ticked=$(state "sorted(g['id'] for g in s['groups'] if g['run']['timer']['running'])")
first_two=$(state "sorted(g['id'] for g in s['groups'])[:2]")
[[ $ticked == "$first_two" ]] || fail "the clocks started are $ticked, not the ticked tiles $first_two"

# 5. Ctrl+Enter saves the ticked groups' runs after asking; with none ticked, all 27.
saved="len([g for g in s['groups'] if g['run']['concluded_at']])"
xdotool key ctrl+Return
settle 0.5
[[ $(state "$saved") == 0 ]] || fail "Ctrl+Enter in the overview saved before it was answered"
xdotool key Escape
settle 0.3
[[ $(state "$saved") == 0 ]] || fail "Esc after Ctrl+Enter saved a run"
tick 120
tick 330
xdotool key ctrl+Return
settle 0.5
grab "$artifacts/screen-modes-confirm-save.png"
xdotool key Return
expect "$saved" 27 "untick both, Ctrl+Enter, Enter saved all 27 runs in their logs"
xdotool key ctrl+z
expect "$saved" 0 "Ctrl+Z took all 27 saves back as one step"

# 6. X, the one key for exports, also writes a table card per group, each with its group's link.
xdotool key o
settle 0.3
xdotool key x
for _ in $(seq 100); do
    [[ $(find "$dir/exports/bordkort" -name '*.html' 2>/dev/null | wc -l) -eq 27 ]] && break
    sleep 0.2
done
[[ $(find "$dir/exports/bordkort" -name '*.html' | wc -l) -eq 27 ]] || fail "X did not write 27 table cards"
card=$(find "$dir/exports/bordkort" -name '27-*.html')
grep -q "Ledergruppe 27" "$card" || fail "the 27th card is not Ledergruppe 27's"
echo "screen_modes_test: X wrote 27 table cards into exports/bordkort"

stop_projector
echo "screen_modes_test: OK"
