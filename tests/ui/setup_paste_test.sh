#!/usr/bin/env bash
# A programme's 27 leader groups pasted into F2 from a spreadsheet, as a facilitator does it:
# the block on the X clipboard (xclip), a click in the paste field, Ctrl+V, Ctrl+Enter. Every
# group arrives with its services and project (read back from the control surface); then a
# semicolon CSV block with bad rows adds only its good rows. The surface never adds a group here.
# Usage: setup_paste_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "setup_paste_test: FAIL: $*" >&2
    [[ -n ${DISPLAY:-} ]] && import -window root "${artifacts:-/tmp}/setup-paste-failed.png" 2>/dev/null
    exit 1
}
[[ $# -eq 2 ]] || fail "usage: $0 SAMLING_BIN ARTIFACT_DIR"
samling=$1 artifacts=$2
for tool in xvfb-run xdotool xclip curl python3 import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"
who=setup_paste_test
# shellcheck source=projector_window.sh
source "$(dirname "$0")/projector_window.sh"
clip_pid=""
cleanup() {
    if [[ -n $clip_pid ]]; then kill "$clip_pid" 2>/dev/null || true; fi
    stop_window_on_exit
}
trap cleanup EXIT

# The X clipboard holds FILE's text until the next copy (xclip serves it from the foreground).
copy() {
    if [[ -n $clip_pid ]]; then kill "$clip_pid" 2>/dev/null || true; fi
    xclip -quiet -selection clipboard -t UTF8_STRING -i "$1" >/dev/null 2>&1 &
    clip_pid=$!
    sleep 0.3
}
# A click in the paste field, Ctrl+V, Ctrl+Enter.
paste_block() {
    xdotool mousemove --window "$window" 680 150 click 1
    sleep 0.3
    xdotool key ctrl+v
    sleep 0.3
    xdotool key ctrl+Return
}

# The demo room's three groups, then F2.
start_projector "$samling" 1280x720
expect "len(s['groups'])" 3 "the demo room has its three groups"
demo=$(state "[g['id'] for g in s['groups']]")
xdotool key F2
sleep 0.5

# 27 rows as a spreadsheet copies them: a header, tabs between cells, CRLF line ends.
block="$work/groups.tsv"
python3 - "$block" <<'PY'
import sys
places = ["Valler", "Strand", "Vik", "Åsen", "Bø", "Fjellstad", "Holmen", "Lia", "Moen"]
kinds = [("Oppvekst", "skole, barnehage, helsestasjon", "Tidlig innsats"),
         ("Barnevern og PPT", "barnevern, PPT", "Samhandling rundt barnet"),
         ("Helse og familie", "helsestasjon, familievern, NAV", "Familien i sentrum")]
rows = ["Navn\tTjenester\tProsjekt"]
for place in places:
    for kind, services, project in kinds:
        rows.append(f"{kind} {place}\t{services}\t{project} – {place}")
open(sys.argv[1], "w", encoding="utf-8").write("\r\n".join(rows) + "\r\n")
PY
copy "$block"
paste_block
groups="sorted((g['name'], g['services'], g['project']) for g in s['groups'] if g['id'] not in $demo)"
want=$(python3 - "$block" <<'PY'
import sys
rows = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")[1:-1]
print(sorted(tuple(r.split("\t")) for r in rows))
PY
)
expect "len(s['groups'])" 30 "Ctrl+V and Ctrl+Enter added the 27 pasted groups"
expect "$groups" "$want" "each of the 27 groups has its pasted services and project"

# Semicolon CSV with quotes: two good rows, and four the hub would refuse or that repeat.
bad="$work/bad.csv"
printf '%s\n' 'Ledergruppe;Tjenester;Prosjekt' \
    '"Kultur; idrett";"bibliotek, kulturskole";Møteplasser' \
    'Oppvekst Valler;skole;Dobbelt' \
    ';tjenester uten navn;' \
    'Teknisk drift med et navn som er altfor langt for en ledergruppe på projektoren;vei;vann' \
    'Eiendom;bygg;drift;en kolonne for mye' \
    'NAV Holmen;NAV;"Ut i arbeid"' >"$bad"
copy "$bad"
paste_block
expect "len(s['groups'])" 32 "the CSV block added its two good rows and none of the four bad ones"
expect "[(g['services'], g['project']) for g in s['groups'] if g['name'] in ('Kultur; idrett', 'NAV Holmen')]" \
    "[('bibliotek, kulturskole', 'Møteplasser'), ('NAV', 'Ut i arbeid')]" "the quoted cells kept their separators"
sleep 0.5
import -window root "$artifacts/setup-paste-refused.png"

stop_projector
echo "setup_paste_test: OK"
