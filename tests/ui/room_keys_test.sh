#!/usr/bin/env bash
# Nothing typed by mistake derails the room: the real window under Xvfb, 27 leader groups, a
# Norwegian keymap, keys typed with xdotool. A sentence full of command letters typed into a
# conclusion field and into the note popup changes nothing else in any group; Shift+S and
# Shift+→ ask first, Esc leaves every group as it was, Enter does it; 2, 0, Enter focuses group
# 20 and 2 alone (after a pause) group 2; Ctrl+Z takes Shift+S back as one step; a run left
# behind is reopened from G. The control surface only seeds the room and reads it.
# Usage: room_keys_test.sh SAMLING_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

here=$(dirname "$0")
# shellcheck source=window_session.sh
source "$here/window_session.sh"
window_test room_keys_test "$@"

start_projector "$samling" 1280x720
setxkbmap no
# The room: the demo's three groups and 24 more, a gathering open with root cause on its agenda.
for i in $(seq 4 27); do control "{\"command\":\"add_group\",\"name\":\"Ledergruppe $i\"}" >/dev/null; done
gathering=$(control '{"command":"save_gathering","title":"Samling 2","date":"2026-12-01"}')
control "{\"command\":\"open_gathering\",\"gathering\":$gathering}" >/dev/null
control "{\"command\":\"set_agenda\",\"gathering\":$gathering,\"exercises\":[\"root_cause\"]}" >/dev/null
for text in "Beskjeder blir borte" "Vi ser det for sent"; do
    control "{\"command\":\"add_note\",\"group\":2,\"text\":\"$text\",\"zone\":\"observations\"}" >/dev/null
done
expect "len(s['groups'])" 27 "27 groups"
# The strip numbers groups in the order they were added (by id; ids are shared with other things).
group20=$(state "sorted(g['id'] for g in s['groups'])[19]")

# Everything a stray key could change, for every group (the run, its step, reveal, lock,
# timer, notes, conclusion), and whether an export was written.
room() {
    state "[(g['id'], g['run'] and (g['run']['id'], g['run']['step'], g['run']['writing_locked'],
        g['run']['timer']['running'], g['run']['concluded_at'], sorted((n['id'], n['revealed']) for n in g['run']['notes']),
        g['run']['conclusion'])) for g in s['groups']]"
    [[ -e $dir/exports ]] && echo "exports written"
    return 0
}
run_of() { echo "[g for g in s['groups'] if g['id'] == $1][0]['run']"; }

# 1. Into a conclusion field: group 1 to its conclude step, a click in the marked field.
xdotool key 1 Return
settle
for _ in 1 2 3 4; do
    xdotool key Right
    settle 0.25
done
expect "$(run_of 1)['step_kind']" conclude "group 1 is in its conclude step"
sentence="Skolen ser elever, Rektor lager planer; x n r l e s o p k g æøå ÆØÅ 2 0"
before=$(room)
grab "$work/screen.png"
read -r _ top bottom < <(python3 "$here/screen_find.py" "$work/screen.png" 16-30 180 600 FFC84A) ||
    fail "no conclusion field is marked"
xdotool mousemove 300 $(((top + bottom) / 2)) click 1
settle 0.3
xdotool type --delay 30 "$sentence"
settle 0.3
grab "$artifacts/room-keys-conclusion.png"
xdotool key Escape
expect "$(run_of 1)['conclusion']['affected']" "$sentence" "the sentence went into the conclusion field, exactly"
after=$(room | sed "s/'affected': '$sentence'/'affected': ''/")
[[ $after == "$before" ]] || fail "typing into the conclusion field changed the room: $before -> $after"
echo "room_keys_test: no group changed while the conclusion field was typed in"

# 2. Into the note popup (N) of group 2, Enter adds the note.
xdotool key 2
settle 1.5  # 2 alone, after a pause (20–27 exist too)
before=$(room)
xdotool key n
settle 0.3
xdotool type --delay 30 "$sentence"
settle 0.3
xdotool key Return
expect "[n['text'] for n in $(run_of 2)['notes']][-1]" "$sentence" "the sentence became group 2's note, exactly"
note=$(state "$(run_of 2)['notes'][-1]['id']")
after=$(room | sed -E "s/, \($note, (True|False)\)//")
[[ $after == "$before" ]] || fail "typing into the note popup changed the room: $before -> $after"
echo "room_keys_test: no group changed while the note popup was typed in; 2 after a pause focused group 2"

# 3. Shift+S asks first; Esc leaves every group's run as it was; Shift+S, Enter starts it.
before=$(room)
xdotool key shift+s
settle 0.5
grab "$artifacts/room-keys-confirm.png"
[[ $(room) == "$before" ]] || fail "Shift+S acted before it was answered"
xdotool key Escape
settle 0.5
[[ $(room) == "$before" ]] || fail "Esc after Shift+S changed the room"
echo "room_keys_test: Shift+S asked, and Esc left every group as it was"
xdotool key shift+Right
settle 0.5
xdotool key x  # any other key says no, and does nothing else (x would export)
settle 0.5
[[ $(room) == "$before" ]] || fail "Shift+→ then x changed the room"
echo "room_keys_test: Shift+→ asked, and another key left every group as it was"
runs="[(g['id'], g['run'] and g['run']['id'], g['run'] and len(g['run']['notes'])) for g in s['groups']]"
runs_before=$(state "$runs")
xdotool key shift+s
settle 0.5
xdotool key Return
expect "sorted(set(str(g['run'] and g['run']['exercise']) for g in s['groups']))" "['root_cause']" "Shift+S, Enter started root cause for all 27 groups"

# Ctrl+Z takes the whole Shift+S back: every group's current run is its earlier one again.
xdotool key ctrl+z
expect "$runs" "$runs_before" "Ctrl+Z gave every group its earlier run back, with its notes"
# Starting an exercise for every group in the E panel asks too: E, Enter, then Enter.
xdotool key e
settle 0.3
xdotool key Return
settle 0.5
[[ $(state "$runs") == "$runs_before" ]] || fail "E and Enter started before the question was answered"
xdotool key Return
expect "len(set(g['run']['exercise'] for g in s['groups'] if g['run'])), len([g for g in s['groups'] if g['run']])" \
    "1 27" "E, Enter, Enter started one exercise for all 27 groups"

# 4. 2, 0, Enter focuses group 20: → then moves group 20's step and no other.
xdotool key 2
settle 0.2
grab "$artifacts/room-keys-number.png"
xdotool key 0
settle 0.3
xdotool key Right
expect "[g['id'] for g in s['groups'] if g['run']['step'] == 1]" "[$group20]" "2, 0 focused group 20; → moved its step only"
for key in 2 0 Return; do
    xdotool key $key
    settle 0.2
done
xdotool key Left
expect "[g['id'] for g in s['groups'] if g['run']['step'] == 1]" "[]" "2, 0, Enter focused group 20 again; ← moved it back"

# 5. G lists the run group 2 left, and a click reopens it, notes and all.
left=$(python3 -c "import ast, sys; print([r for r in ast.literal_eval(sys.argv[1]) if r[0] == 2][0][1])" "$runs_before")
xdotool key 2
settle 1.5
xdotool key g
settle 0.5
grab "$work/screen.png"
cp "$work/screen.png" "$artifacts/room-keys-log.png"
# The newest first: root cause (left by Ctrl+Z), then problem definition (left by E) at the bottom.
read -r _ top bottom < <(python3 "$here/screen_find.py" "$work/screen.png" 24-40 520 715 152742 all | tail -1) ||
    fail "no reopen button under group 2's project log"
xdotool mousemove 200 $(((top + bottom) / 2)) click 1
expect "$(run_of 2)['id'], $(run_of 2)['exercise'], len($(run_of 2)['notes'])" "$left problem_definition 3" \
    "G and a click reopened group 2's problem definition run with its three notes"

stop_projector
echo "room_keys_test: OK"
