#!/usr/bin/env bash
# A paired facilitator remote revoked in the real window: Q opens the pairing panel, a click on
# "Koble fra" beside the remote (xdotool, found by the button's colour) asks first, Enter says
# yes; then the remote's token is refused (401) on /api/remote/state and /api/remote/commands.
# The control surface pairs the remote; the revoking goes through the window.
# Usage: remote_revoke_test.sh SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() { echo "remote_revoke_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_COLOUR_BIN ARTIFACT_DIR"
samling=$1 png_colour=$2 artifacts=$3
for tool in xvfb-run xdotool curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

who=remote_revoke_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
start_projector "$samling" 1280x720

pairing=$(curl -sS --fail -H "Authorization: Bearer $token" "$url/control/remote" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
remote=$(curl -sS --fail -H 'Content-Type: application/json' -d "{\"pairing\":\"$pairing\",\"name\":\"Kari\"}" \
    "$base/api/remote/pair" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
status() { curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $remote" "$@"; }
[[ $(status "$base/api/remote/state") == 200 ]] || fail "the paired remote cannot read the overview"
expect "[r['name'] for r in s['remotes']]" "['Kari']" "Kari's remote is paired"

# Q: the pairing panel lists Kari with "Koble fra", the one button in the overlay's colour
# (theme::panel_hover) while the panel is open.
xdotool key q
shot() { sleep 0.6; import -window "$window" "$work/$1.png"; cp "$work/$1.png" "$artifacts/"; }
shot remote-revoke-panel
read -r n bx by <<<"$("$png_colour" "$work/remote-revoke-panel.png" 1E3557)"
((n >= 500)) || fail "no \"Koble fra\" button in the pairing panel ($n pixels of its colour)"
xdotool mousemove "$bx" "$by" click 1
sleep 0.6
expect "[r['name'] for r in s['remotes']]" "['Kari']" "the click asks first: Kari is still paired"
xdotool key Return
expect "[r['name'] for r in s['remotes']]" "[]" "Enter revoked Kari's remote"

for _ in $(seq 50); do [[ $(status "$base/api/remote/state") == 401 ]] && break; sleep 0.1; done
got=$(status "$base/api/remote/state")
[[ $got == 401 ]] || fail "the revoked remote's GET /api/remote/state answers $got, not 401"
got=$(status -H 'Content-Type: application/json' -d '{"command":"reveal","group":1}' "$base/api/remote/commands")
[[ $got == 401 ]] || fail "the revoked remote's POST /api/remote/commands answers $got, not 401"
echo "remote_revoke_test: the revoked remote's token is refused (401) on its state and its commands"
stop_projector
echo "remote_revoke_test: ok"
