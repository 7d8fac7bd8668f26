#!/usr/bin/env bash
# Two monitors, as a laptop with a projector on its HDMI port: an X server with Xorg's dummy
# driver (RandR outputs DUMMY0..15; one connects once xrandr gives it a mode), the laptop's
# 1280×720 screen as DUMMY0 and the projector's beside it as DUMMY1. Samling, started with no
# --presenter, opens both windows by itself: the presenter on the primary monitor, the projector
# full screen on the other. J typed into the presenter (xdotool) brings the join QR code onto
# the projector's monitor. The projector's cable pulled (xrandr --off): its window leaves, the
# presenter stays. Plugged back in: the projector's window is full screen on it again and shows
# the room, with no key touched. Xvfb cannot do this: it has one RandR output.
# Usage: two_monitors_test.sh SAMLING_BIN ARTIFACT_DIR   (as root: Xorg opens its own server)
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "two_monitors_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || fail "usage: $0 SAMLING_BIN ARTIFACT_DIR"
samling=$1 artifacts=$2
for tool in Xorg xrandr xdotool xwininfo curl import zbarimg; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
say() { echo "two_monitors_test: $*"; }

work=$(mktemp -d) xorg_pid="" app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null
    [[ -n $xorg_pid ]] && kill "$xorg_pid" 2>/dev/null && wait "$xorg_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# --- the X server: two 1280×720 monitors side by side ------------------------------------------
cat >"$work/xorg.conf" <<'CONF'
Section "Device"
    Identifier "card"
    Driver "dummy"
    VideoRam 64000
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0-1000.0
    VertRefresh 5.0-200.0
    Modeline "1280x720" 74.25 1280 1390 1430 1650 720 725 730 750 +hsync +vsync
EndSection
Section "Screen"
    Identifier "screen"
    Device "card"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Modes "1280x720"
        Virtual 2560 720
    EndSubSection
EndSection
Section "ServerFlags"
    Option "AutoAddDevices" "false"
EndSection
CONF
n=40
while [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]]; do ((++n)); done
Xorg ":$n" -config "$work/xorg.conf" -noreset -nolisten tcp -novtswitch -sharevts \
    -logfile "$work/xorg.log" >/dev/null 2>&1 &
xorg_pid=$!
export DISPLAY=":$n"
for _ in $(seq 100); do xrandr >/dev/null 2>&1 && break; sleep 0.1; done
xrandr >/dev/null 2>&1 || { tail -20 "$work/xorg.log" >&2; fail "Xorg with the dummy driver did not start"; }
plug() { xrandr --output DUMMY1 --mode 1280x720 --right-of DUMMY0; }
xrandr --addmode DUMMY1 1280x720
plug
[[ $(xrandr --listmonitors | head -1) == "Monitors: 2" ]] || fail "two monitors expected: $(xrandr --listmonitors)"
say "an X server with two monitors: $(xrandr --listmonitors | tail -n +2 | awk '{print $2, $3}' | tr '\n' ' ')"

# --- Samling on it, as a facilitator starts it -------------------------------------------------
dir=$work/data
"$samling" --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" >"$work/out" 2>"$work/err" &
app_pid=$!
# shellcheck source=control_surface.sh
source "$(dirname "$0")/control_surface.sh"
read_control "$dir" "$work/err"
join_url=$(sed -nE 's/^samling: participants join at (.*)$/\1/p' "$work/out")
projector=$(xdotool search --sync --onlyvisible --name '^Samling$' | head -1)
presenter=$(xdotool search --sync --onlyvisible --name '^Samling – presentatørvisning$' | head -1)
[[ -n $projector && -n $presenter ]] || fail "two windows expected with two monitors and no --presenter"

# "X,Y WxH" of a window, and whether it is mapped.
place() { xwininfo -id "$1" | awk '/Absolute upper-left X/{x=$NF} /Absolute upper-left Y/{y=$NF} /Width/{w=$NF} /Height/{h=$NF} END{print x "," y " " w "x" h}'; }
mapped() { xwininfo -id "$1" | grep -q 'Map State: IsViewable'; }
wait_for() {  # WHAT COMMAND...: polls for 5 s
    local what=$1
    shift
    for _ in $(seq 50); do "$@" && return 0; sleep 0.1; done
    fail "$what"
}
at() { [[ $(place "$1") == "$2" ]]; }
wait_for "the presenter on the laptop's monitor (0,0 1280x720), not $(place "$presenter")" at "$presenter" "0,0 1280x720"
wait_for "the projector full screen on the other monitor (1280,0 1280x720), not $(place "$projector")" at "$projector" "1280,0 1280x720"
say "presenter at $(place "$presenter"), projector at $(place "$projector")"

# What the projector's monitor shows, and the QR code in it.
screen_of_projector() {
    sleep 0.6
    import -window root -crop 1280x720+1280+0 +repage "$1"
    zbarimg --raw -q "$1" 2>/dev/null || true
}
[[ -z $(screen_of_projector "$work/clean.png") ]] || fail "the projector shows a QR code before J"
xdotool windowfocus --sync "$presenter"
xdotool key j
decoded=$(screen_of_projector "$artifacts/two-monitors-projector.png")
[[ $decoded == "$join_url" ]] || fail "after J the projector's monitor shows '$decoded', not the join code $join_url"
import -window root "$artifacts/two-monitors.png"
say "J typed into the presenter put the join QR code on the projector's monitor"

# --- the projector's cable pulled, then plugged back in ----------------------------------------
xrandr --output DUMMY1 --off
not_mapped() { ! mapped "$1"; }
wait_for "the projector's window still shown with its monitor gone" not_mapped "$projector"
mapped "$presenter" || fail "the presenter window went with the projector's monitor"
say "cable pulled: the projector's window left, the presenter stayed"
plug
wait_for "the projector's window not shown again on its monitor" mapped "$projector"
wait_for "the projector not full screen again (1280,0 1280x720), but $(place "$projector")" at "$projector" "1280,0 1280x720"
decoded=$(screen_of_projector "$artifacts/two-monitors-replugged.png")
[[ $decoded == "$join_url" ]] || fail "plugged back in, the projector's monitor shows '$decoded', not the room"
say "plugged back in: the projector is full screen on its monitor and shows the room again"

kill -INT "$app_pid"
status=0
wait "$app_pid" || status=$?
app_pid=""
((status == 0)) || { cat "$work/err" >&2; fail "samling exited with $status after SIGINT"; }
say "ok"
