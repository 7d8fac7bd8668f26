#!/usr/bin/env bash
# Card text height on the projector at 1280×720, 3 groups against 27: the README's board (six
# notes, a theme, the parking lot), a crowded board (18 observations) and a 5-whys chain, each
# shot in the real window under Xvfb as the room sees it: 3 groups; 27 groups; 27 with the join
# panel and strip hidden (J); 27 in focus mode (F); 27 with J at Ctrl + twice. Prints the median
# line pitch and ink height of the cards' text (card_text_height.py) per shot, and keeps the
# shots. Run by hand: tests/bench/card_text.sh build/samling [ARTIFACT_DIR]
# (SCENES="whys_chain" for one scene.)
set -euo pipefail
shopt -s inherit_errexit

here=$(cd "$(dirname "$0")" && pwd)
samling=$1 artifacts=${2:-build/artifacts/card-text}
# shellcheck source=../ui/window_session.sh
source "$here/../ui/window_session.sh"
window_test card_text "$samling" "$artifacts"

note() { control "{\"command\":\"add_note\",\"group\":1,\"text\":\"$1\",\"zone\":\"$2\"${3:+,\"parent\":$3}}"; }

readme_board() {
    local a b c
    a=$(note "Foreldre får ulike beskjeder fra skole og helsestasjon" observations)
    b=$(note "Beskjeder mellom tjenestene blir borte" observations)
    note "Vi oppdager utfordringene for sent" observations >/dev/null
    note "Ingen har oversikt over hele familien" observations >/dev/null
    note "Barnehagen involveres først når krisen har rammet" observations >/dev/null
    c=$(note "Vi bør lage en felles app for alle tjenestene" observations)
    control '{"command":"go_to_step","group":1,"step":2}' >/dev/null
    control "{\"command\":\"make_cluster\",\"group\":1,\"zone\":\"observations\",\"name\":\"Informasjonsflyt\",\"notes\":[$a,$b]}" >/dev/null
    control "{\"command\":\"place_note\",\"note\":$c,\"zone\":\"parking\"}" >/dev/null
}

crowded_board() {
    local texts=("Foreldre får ulike beskjeder fra skole og helsestasjon" "Beskjeder mellom tjenestene blir borte"
        "Vi oppdager utfordringene for sent" "Ingen har oversikt over hele familien"
        "Barnehagen involveres først når krisen har rammet" "Familien må fortelle historien sin mange ganger"
        "Ventetiden hos PPT er over et halvt år" "Lærerne vet ikke hvem de skal ringe"
        "Møtene handler om rutiner, ikke om barnet" "Helsesykepleier er bare på skolen én dag i uka"
        "Tolk bestilles for sent" "Vi deler ikke det vi vet før det er for sent")
    for t in "${texts[@]}" "${texts[@]:0:6}"; do note "$t" observations >/dev/null; done
    control '{"command":"go_to_step","group":1,"step":2}' >/dev/null
}

whys_chain() {
    control '{"command":"set_conclusion","group":1,"field":"statement","text":"Familier med sammensatte behov får hjelp for sent"}' >/dev/null
    control '{"command":"start_exercise","group":1,"exercise":"root_cause"}' >/dev/null
    control '{"command":"go_to_step","group":1,"step":4}' >/dev/null
    local p
    p=$(note "Ingen eier helheten rundt familien, så alle venter på at en annen skal ta det første steget" structural)
    p=$(note "Fordi vi er redd for å tråkke inn på andres fagområde og gjøre feil som noen andre må rydde opp i" structural "$p")
    p=$(note "Fordi ansvaret er delt mellom sektorene, og ingen avtale sier hvem som leder samarbeidet" structural "$p")
    p=$(note "Fordi budsjettene følger sektorene, og tid til samarbeid ikke er finansiert av noen av dem" structural "$p")
    note "Fordi ledelsen aldri har bedt om det, og ingen måler hvor lenge en familie venter" structural "$p" >/dev/null
    note "Vi kjenner ikke hverandres tjenester" relational >/dev/null
    note "Taushetsplikt brukes som grunn til ikke å dele" cultural >/dev/null
}

measure() { # LABEL FILE
    printf '%-34s %s\n' "$1" "$(python3 "$here/card_text_height.py" "$2")"
}

shots() { # SCENE GROUPS
    local scene=$1 groups=$2
    start_projector "$samling" 1280x720
    setxkbmap no
    "$scene"
    for i in $(seq 4 "$groups"); do control "{\"command\":\"add_group\",\"name\":\"Ledergruppe $i\"}" >/dev/null; done
    xdotool key 1
    settle 1.5
    grab "$artifacts/$scene-$groups.png"
    measure "$scene, $groups groups" "$artifacts/$scene-$groups.png"
    if [[ $groups -gt 3 ]]; then
        xdotool key j
        settle 1
        grab "$artifacts/$scene-$groups-j.png"
        measure "$scene, $groups groups, J" "$artifacts/$scene-$groups-j.png"
        xdotool key f
        settle 1
        grab "$artifacts/$scene-$groups-f.png"
        measure "$scene, $groups groups, F" "$artifacts/$scene-$groups-f.png"
        xdotool key Escape
        xdotool key ctrl+plus ctrl+plus
        settle 1
        grab "$artifacts/$scene-$groups-j-zoom.png"
        measure "$scene, $groups groups, J, Ctrl + x2" "$artifacts/$scene-$groups-j-zoom.png"
    fi
    stop_projector
    rm -rf "$work"
}

echo "card text at 1280×720 (pixels; pitch ≈ the card font's size)"
for scene in ${SCENES:-readme_board crowded_board whys_chain}; do
    shots "$scene" 3
    shots "$scene" 27
done
