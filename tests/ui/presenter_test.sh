#!/usr/bin/env bash
# The presenter window beside the projector's, under Xvfb (--presenter on one wide screen: Xvfb
# has one RandR output, so GLFW sees one monitor): both windows exist; J typed into the
# presenter window (xdotool) brings the join panel's QR code onto the projector window, O its
# overview, and a step key typed there moves the group; the remote's pairing QR code is in the
# presenter window only; during a vote with hidden totals a phone's dots show as
# the totals' bars in the presenter window and nowhere on the projector's. The control surface
# seeds the room and reads it back; each window is grabbed on its own (ImageMagick's import).
# Usage: presenter_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "presenter_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import zbarimg; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=presenter_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 2560x720 --presenter
projector=$window
presenter=$(xdotool search --sync --onlyvisible --name '^Samling – presentatørvisning$' | head -1)
[[ -n $presenter ]] || fail "no presenter window (\"Samling – presentatørvisning\")"
[[ $presenter != "$projector" ]] || fail "the presenter and the projector are one window"
echo "presenter_test: two windows, the projector ($projector) and the presenter ($presenter)"

# Each window as it is on the screen (they stand side by side, neither covers the other).
shot() {
    sleep 0.6
    import -window "$1" "$2"
    cp "$2" "$artifacts/"
}
qr() { zbarimg --raw -q "$1" 2>/dev/null || true; }
bars() { read -r n _ _ <<<"$("$png_colour" "$1" B48CFF)"; echo "$n"; }  # hidden_totals_colour

# 1. The projector starts clean: no join panel. J, typed into the presenter window, shows it there.
shot "$projector" "$work/presenter-projector-clean.png"
[[ -z $(qr "$work/presenter-projector-clean.png") ]] || fail "the projector shows a QR code before J"
xdotool windowfocus --sync "$presenter"
xdotool key j
shot "$projector" "$work/presenter-projector-join.png"
decoded=$(qr "$work/presenter-projector-join.png")
[[ $decoded == "$base/?room=$code" ]] || fail "after J in the presenter, the projector's QR code says '$decoded', not '$base/?room=$code'"
echo "presenter_test: J typed into the presenter window put the join QR code ($decoded) on the projector"
xdotool key j
shot "$projector" "$work/presenter-projector-clean-again.png"
[[ -z $(qr "$work/presenter-projector-clean-again.png") ]] || fail "J again did not take the join panel off the projector"
# The facilitator may have clicked the projector's window last: its keys reach the same view.
xdotool windowfocus --sync "$projector"
xdotool key j
shot "$projector" "$work/presenter-projector-join-own.png"
[[ $(qr "$work/presenter-projector-join-own.png") == "$base/?room=$code" ]] || fail "J typed into the projector window did nothing"
xdotool key j
xdotool windowfocus --sync "$presenter"
echo "presenter_test: J typed into the projector window works as well"

# The remote's pairing QR code — the url GET /control/remote gives — is in the presenter window;
# none of the projector's grabs above (clean, with the join panel) holds it.
pairing=$(curl -sS --fail -H "Authorization: Bearer $token" "$url/control/remote" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')
[[ $pairing == "$base/remote.html#pair="* ]] || fail "GET /control/remote gives '$pairing'"
shot "$presenter" "$work/presenter-pairing.png"
decoded=$(qr "$work/presenter-pairing.png")
grep -qxF "$pairing" <<<"$decoded" || fail "the presenter window shows no pairing QR code for $pairing (decoded: '$decoded')"
for png in clean join clean-again join-own; do
    if grep -qF /remote.html <<<"$(qr "$work/presenter-projector-$png.png")"; then
        fail "the projector window ($png) shows the remote's pairing QR code"
    fi
done
echo "presenter_test: the pairing QR code ($pairing) is in the presenter window, not on the projector"

# 2. A command key in the presenter window: → moves the focused group (the first) a step on.
group=$(state "sorted(g['id'] for g in s['groups'])[0]")
run_of="[g for g in s['groups'] if g['id'] == $group][0]['run']"
expect "${run_of}['step']" 0 "group 1 writes"
xdotool key Right
expect "${run_of}['step']" 1 "→ typed into the presenter window moved group 1 to its next step"

# O in the presenter window opens the overview on the projector too: its tiles (the panel colour
# 152742) fill most of the projector's grab, where the board's frame has only its timer box.
tiles() { read -r n _ _ <<<"$("$png_colour" "$1" 152742)"; echo "$n"; }
shot "$projector" "$work/presenter-projector-board.png"
board_tiles=$(tiles "$work/presenter-projector-board.png")
xdotool key o
shot "$projector" "$work/presenter-projector-overview.png"
overview_tiles=$(tiles "$work/presenter-projector-overview.png")
((board_tiles < 100000 && overview_tiles > 300000)) ||
    fail "O in the presenter: the projector's panel-coloured pixels went from $board_tiles to $overview_tiles, not to an overview"
echo "presenter_test: O typed into the presenter window opened the overview on the projector ($board_tiles -> $overview_tiles tile pixels)"
xdotool key o
shot "$projector" "$work/presenter-projector-board-again.png"
(($(tiles "$work/presenter-projector-board-again.png") < 100000)) || fail "O again did not close the projector's overview"

# 3. A vote with hidden totals: three notes, revealed, a phone spends its three dots.
for text in "Beskjeder blir borte" "Vi ser det for sent" "Ingen eier saken"; do
    control "{\"command\":\"add_note\",\"group\":$group,\"text\":\"$text\",\"zone\":\"observations\"}" >/dev/null
done
control "{\"command\":\"reveal\",\"group\":$group}" >/dev/null
control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":3}" >/dev/null
expect "${run_of}['step_kind']" vote "group 1 votes"
shot "$presenter" "$work/presenter-vote-none.png"
((n = $(bars "$work/presenter-vote-none.png"), n == 0)) || fail "totals' bars drawn before anyone voted ($n pixels)"
phone=$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"group\":$group}" "$base/api/join" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
read -r first second _ < <(state "' '.join(str(n['id']) for n in ${run_of}['notes'])")
for note in "$first" "$first" "$second"; do
    curl -sS --fail -o /dev/null -H "Authorization: Bearer $phone" -H 'Content-Type: application/json' \
        -d "{\"note\":$note}" "$base/api/votes"
done
expect "sorted(n['dots'] for n in ${run_of}['notes'])" "[0, 1, 2]" "the phone's three dots are cast"
shot "$presenter" "$work/presenter-vote.png"
shot "$projector" "$work/presenter-vote-projector.png"
in_presenter=$(bars "$work/presenter-vote.png")
in_projector=$(bars "$work/presenter-vote-projector.png")
((in_presenter > 100)) || fail "the presenter window shows no hidden totals ($in_presenter pixels of their bars)"
((in_projector == 0)) || fail "the projector window shows the hidden totals ($in_projector pixels of their bars)"
echo "presenter_test: the hidden totals are in the presenter window ($in_presenter pixels of bars), not on the projector (0)"

# 4. The same room with 27 groups, rendered by --screenshot and --screenshot-presenter (group 1
# still voting): the presenter's column holds every group, the projector no totals.
for i in $(seq 4 27); do control "{\"command\":\"add_group\",\"name\":\"Ledergruppe $i\"}" >/dev/null; done
expect "len(s['groups'])" 27 "27 groups"
# Past the vote, the column holds the 27 rows and, below them, a pairing code a phone reads.
control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":4}" >/dev/null
expect "${run_of}['step']" 4 "group 1 past its vote"
shot "$presenter" "$work/presenter-27-live.png"
cp "$work/presenter-27-live.png" "$artifacts/"
grep -qxF "$(curl -sS --fail -H "Authorization: Bearer $token" "$url/control/remote" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["url"])')" <<<"$(qr "$work/presenter-27-live.png")" ||
    fail "27 groups: the presenter's column shows no readable pairing QR code"
echo "presenter_test: 27 groups: the presenter's column holds every row and the pairing QR code"
control "{\"command\":\"go_to_step\",\"group\":$group,\"step\":3}" >/dev/null
expect "${run_of}['step']" 3 "group 1 votes again"
stop_projector
status=0
xvfb-run -a -s "-screen 0 2560x720x24" "$samling" --data-dir "$dir" --host 127.0.0.1 --port 0 \
    --screenshot "$artifacts/presenter-27-projector.png" --screenshot-presenter "$artifacts/presenter-27.png" \
    >/dev/null 2>"$work/err" || status=$?
((status == 0)) || { cat "$work/err" >&2; fail "--screenshot-presenter exited with $status"; }
in_presenter=$(bars "$artifacts/presenter-27.png")
in_projector=$(bars "$artifacts/presenter-27-projector.png")
((in_presenter > 100 && in_projector == 0)) ||
    fail "27 groups: hidden totals' bars in the presenter $in_presenter, on the projector $in_projector pixels"
echo "presenter_test: --screenshot-presenter with 27 groups: totals in the presenter ($in_presenter pixels), none on the projector"
# 27 groups with one voting leave the column no room for a readable code (it says Q shows it): whatever
# the presenter draws, the projector's screenshot holds no pairing code.
if grep -qF /remote.html <<<"$(qr "$artifacts/presenter-27-projector.png")"; then
    fail "27 groups: the projector's screenshot shows the pairing QR code"
fi
echo "presenter_test: ok"
