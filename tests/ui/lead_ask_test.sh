#!/usr/bin/env bash
# "First to ask takes it" in a real projector window under Xvfb: a phone of group 2 asks to lead
# its table (POST /api/lead/request, as the page's button does), the projector shows the ask in a
# band at the top, and the facilitator's A (typed with xdotool) makes that phone the lead; a
# phone of group 3 asks too, and Shift+A says no. What each key did is read from the control
# surface and the phones' own /api/state, never from the app's say-so.
# Usage: lead_ask_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit
# shellcheck source=window_session.sh
source "$(dirname "$0")/window_session.sh"
window_test lead_ask_test "$@"
start_projector "$samling" 1280x720

join() {  # join GROUP NAME -> the phone's token
    curl -sS --fail -H 'Content-Type: application/json' \
        -d "{\"code\":\"$code\",\"group\":$1,\"name\":\"$2\"}" "$base/api/join" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
ask() {  # ask TOKEN -> the HTTP status
    curl -sS -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
        -H 'Content-Type: application/json' -d '{}' "$base/api/lead/request"
}
phone() {  # phone TOKEN EXPR: EXPR over the phone's GET /api/state answer `v`
    curl -sS --fail -H "Authorization: Bearer $1" "$base/api/state" |
        python3 -c "import json, sys; v = json.load(sys.stdin); print($2)"
}
group() { echo "[g for g in s['groups'] if g['id'] == $1][0]"; }

kari=$(join 2 Kari) ola=$(join 2 Ola) per=$(join 3 Per)
kari_id=${kari%%.*} per_id=${per%%.*}

[[ $(ask "$kari") == 201 ]] || fail "Kari's ask was not taken"
[[ $(ask "$ola") == 409 ]] || fail "Ola asked after Kari and was not told the table is taken"
expect "$(group 2)['lead_asked']" "$kari_id" "Kari's ask waits for the facilitator"
[[ $(phone "$kari" "v['participant']['lead']") == False ]] || fail "Kari leads before the facilitator said yes"
settle 0.5
grab "$artifacts/lead-ask.png"

xdotool key a
expect "($(group 2)['lead'], $(group 2)['lead_asked'])" "($kari_id, None)" "A made Kari the lead of group 2"
[[ $(phone "$kari" "v['participant']['lead']") == True ]] || fail "Kari's phone does not say it leads"
[[ $(phone "$ola" "v['participant']['lead']") == False ]] || fail "Ola's phone says it leads"

[[ $(ask "$per") == 201 ]] || fail "Per's ask was not taken"
expect "$(group 3)['lead_asked']" "$per_id" "Per's ask waits"
xdotool key shift+a
expect "($(group 3)['lead'], $(group 3)['lead_asked'])" "(None, None)" "Shift+A said no to Per"
[[ $(phone "$per" "v['participant']['lead_asked']") == False ]] || fail "Per's phone still waits"
expect "$(group 2)['lead']" "$kari_id" "group 2 keeps its lead"
settle 0.5
grab "$artifacts/lead-ask-answered.png"

stop_projector
echo "lead_ask_test: OK"
