#!/usr/bin/env bash
# One projector screenshot per board layout (columns with parking lot, fishbone, rings, grid)
# and one of what a later exercise builds on (evaluation under the measures planned before),
# each with believable Norwegian notes: seeded through the loopback control surface of a
# headless run, then rendered by a real window under Xvfb and checked not to be blank.
# Usage: layout_screenshots.sh SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR
set -euo pipefail

fail() { echo "layout_screenshots: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR"
samling=$1 png_check=$2 artifacts=$3
mkdir -p "$artifacts"
work=$(mktemp -d)
server_pid=""
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=control_surface.sh
source "$(dirname "$0")/control_surface.sh"
note() { control "{\"command\":\"add_note\",\"group\":1,\"text\":\"$1\",\"zone\":\"$2\"${3:+,\"parent\":$3}}"; }

start_server() {
    local dir=$1
    "$samling" --headless --demo --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" \
        >"$dir.out" 2>"$dir.err" &
    server_pid=$!
    read_control "$dir" "$dir.err"
}

stop_server() {
    kill -INT "$server_pid"
    wait "$server_pid" || fail "the headless run did not stop cleanly"
    server_pid=""
}

shoot() {
    local dir=$1 name=$2
    local png="$artifacts/layout-$name.png"
    timeout 120 xvfb-run -a -s "-screen 0 1280x720x24" "$samling" --data-dir "$dir" --port 0 \
        --screenshot "$png" >/dev/null 2>"$dir.shot.err" || { cat "$dir.shot.err" >&2; fail "screenshot of $name"; }
    "$png_check" "$png" 1280 720 || fail "$name: the screenshot looks blank"
    echo "layout_screenshots: $name: $png"
}

# Columns: observations in themes, a premature solution in the parking lot.
dir="$work/columns"; start_server "$dir"
a=$(note "Foreldre får ulike beskjeder fra skole og helsestasjon" observations)
b=$(note "Beskjeder mellom tjenestene blir borte" observations)
note "Vi oppdager utfordringene for sent" observations >/dev/null
note "Ingen har oversikt over hele familien" observations >/dev/null
note "Barnehagen involveres først når krisen har rammet" observations >/dev/null
c=$(note "Vi bør lage en felles app for alle tjenestene" observations)
control '{"command":"go_to_step","group":1,"step":2}' >/dev/null
control "{\"command\":\"make_cluster\",\"group\":1,\"zone\":\"observations\",\"name\":\"Informasjonsflyt\",\"notes\":[$a,$b]}" >/dev/null
control "{\"command\":\"place_note\",\"note\":$c,\"zone\":\"parking\"}" >/dev/null
stop_server; shoot "$dir" columns

# Fishbone: the head from the group's problem statement, causes on bones, a 5-whys chain.
dir="$work/fishbone"; start_server "$dir"
control '{"command":"set_conclusion","group":1,"field":"statement","text":"Familier med sammensatte behov får hjelp for sent"}' >/dev/null
control '{"command":"start_exercise","group":1,"exercise":"root_cause"}' >/dev/null
control '{"command":"go_to_step","group":1,"step":4}' >/dev/null
root=$(note "Ingen eier helheten rundt familien" structural)
why=$(note "Ansvaret er delt mellom sektorene" structural "$root")
note "Budsjettene følger sektorene" structural "$why" >/dev/null
note "Vi kjenner ikke hverandres tjenester" relational >/dev/null
note "Taushetsplikt brukes som grunn til ikke å dele" cultural >/dev/null
note "Lite kunnskap om tidlige tegn" competence >/dev/null
note "Ingen felles rutine for overganger" resources >/dev/null
note "Familien må fortelle historien sin mange ganger" context >/dev/null
stop_server; shoot "$dir" fishbone

# Rings: the system around the child.
dir="$work/rings"; start_server "$dir"
control '{"command":"start_exercise","group":1,"exercise":"stakeholder_system"}' >/dev/null
note "Eleven (14 år)" child >/dev/null
note "Mor og far" family >/dev/null
note "Besteforeldre" family >/dev/null
note "Kontaktlærer" daily >/dev/null
note "Helsesykepleier" daily >/dev/null
note "PPT" specialist >/dev/null
note "Barnevernet" specialist >/dev/null
note "BUP" specialist >/dev/null
note "Kommunalsjef oppvekst" leadership >/dev/null
control '{"command":"go_to_step","group":1,"step":1}' >/dev/null
stop_server; shoot "$dir" rings

# Grid: influence and interest, continuous positions.
dir="$work/grid"; start_server "$dir"
control '{"command":"start_exercise","group":1,"exercise":"stakeholder_grid"}' >/dev/null
place() { control "{\"command\":\"place_note\",\"note\":$1,\"zone\":\"$2\",\"x\":$3,\"y\":$4}" >/dev/null; }
control '{"command":"go_to_step","group":1,"step":1}' >/dev/null
place "$(note "Rektor" keep_satisfied)" manage_closely 0.82 0.78
place "$(note "Kommunalsjef oppvekst" keep_satisfied)" keep_satisfied 0.25 0.9
place "$(note "Foreldrerådet" keep_satisfied)" keep_informed 0.85 0.3
place "$(note "Helsesykepleier" keep_satisfied)" manage_closely 0.7 0.6
place "$(note "Lokalavisen" keep_satisfied)" monitor 0.2 0.15
note "NAV-kontoret" keep_satisfied >/dev/null
stop_server; shoot "$dir" grid

# Evaluation at a later gathering: the band over the board carries the goal, the measures
# planned (owner, start date) and the experiment; the silent round is still face down.
dir="$work/evaluation"; start_server "$dir"
control '{"command":"start_exercise","group":1,"exercise":"goals_measures"}' >/dev/null
control '{"command":"go_to_step","group":1,"step":2}' >/dev/null
measure() { control "{\"command\":\"add_note\",\"group\":1,\"text\":\"$1\",\"zone\":\"measures\",\"fields\":$2}" >/dev/null; }
measure "Felles overgangsmøte for barnehage, skole og PPT" '{"owner":"Per Ek","start":"2027-03-15"}'
measure "Én koordinator for hver familie" '{"owner":"Kari Holm","start":"2027-02-01"}'
measure "Hospitering mellom tjenestene" '{"owner":"Ola"}'
control '{"command":"set_conclusion","group":1,"field":"goal","text":"Ingen familie skal måtte fortelle historien sin mer enn én gang"}' >/dev/null
control '{"command":"set_conclusion","group":1,"field":"experiment","text":"Overgangsmøter i to barnehager før jul"}' >/dev/null
control '{"command":"conclude_run","group":1}' >/dev/null
control '{"command":"start_exercise","group":1,"exercise":"evaluation"}' >/dev/null
note "Foreldrene sier de slipper å gjenta seg" worked >/dev/null
note "Møtene krever en fast ordstyrer" adjust >/dev/null
stop_server; shoot "$dir" evaluation
