#!/usr/bin/env bash
# A finished programme's store (27 groups, runs concluded with no window open: no board
# pictures yet) opened in the real projector window under Xvfb.
# (1) The window catches the missing pictures up quietly: while they are written the screen the
#     room sees does not change (no toast per picture), and one summary line comes at the end.
# (2) X, typed with xdotool, exports every group: the frame loop shows the export's progress
#     while the worker writes ("Eksporterer HTML: 12 av 27 grupper …", on standard error as it
#     toasts it), then says where the files went, and they are there.
# Usage: export_catch_up_test.sh SAMLING_BIN SEED_STORE_BIN ARTIFACT_DIR
set -euo pipefail
shopt -s inherit_errexit

who=export_catch_up_test
fail() { echo "$who: FAIL: $*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN SEED_STORE_BIN ARTIFACT_DIR"
samling=$1 seed_store=$2 artifacts=$3
for tool in xvfb-run xdotool compare import; do command -v $tool >/dev/null || fail "$tool is missing"; done
mkdir -p "$artifacts"

work=$(mktemp -d)
app_pid="" runner_pid=""
cleanup() {
    if [[ -n $app_pid ]]; then kill -KILL "$app_pid" 2>/dev/null || true; fi
    if [[ -n $runner_pid ]]; then wait "$runner_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# One gathering of one exercise for 27 groups: 27 concluded runs without pictures, 400 notes each.
dir="$work/data"
"$seed_store" "$dir" 27 1 1 400 || fail "cannot seed the store"

xvfb-run -a -f "$work/xauth" -s "-screen 0 1280x720x24" \
    sh -c 'echo "$DISPLAY" >"$0.display"; echo $$ >"$0.pid"; exec "$@"' "$work/app" \
    "$samling" --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" >"$work/out" 2>"$work/err" &
runner_pid=$!
for _ in $(seq 300); do [[ -s $work/app.pid && -s $work/app.display ]] && grep -q "join at" "$work/out" && break; sleep 0.1; done
grep -q "join at" "$work/out" || { cat "$work/err" >&2; fail "the window did not start"; }
app_pid=$(cat "$work/app.pid")
export DISPLAY XAUTHORITY="$work/xauth"
DISPLAY=$(cat "$work/app.display")
window=$(xdotool search --sync --onlyvisible --name '^Samling$' | head -1)
[[ -n $window ]] || fail "no window named Samling"
xdotool windowfocus --sync "$window"

pictures() { { find "$dir/snapshots" -name 'run-*.png' 2>/dev/null || true; } | wc -l; }

# (1) While the pictures are caught up, the room's screen stays as it is.
for _ in $(seq 100); do [[ $(pictures) -ge 2 ]] && break; sleep 0.1; done
[[ $(pictures) -ge 2 ]] || fail "no board picture was caught up within 10 s"
counts=() grabs=()
for i in 1 2 3; do
    sleep 1.2
    import -window root "$work/grab-$i.png"
    counts+=("$(pictures)") grabs+=("$work/grab-$i.png")
done
echo "$who: pictures while the window catches up: ${counts[*]} of 27"
((counts[0] < counts[2])) || fail "the pictures did not advance (${counts[*]})"
((counts[2] < 27)) || fail "all 27 pictures came at once: nothing was caught up in the background"
for i in 1 2; do
    diff=$(compare -metric AE "${grabs[0]}" "${grabs[$i]}" null: 2>&1 || true)
    [[ $diff == 0 ]] || {
        cp "${grabs[0]}" "$artifacts/catch_up_first.png"
        cp "${grabs[$i]}" "$artifacts/catch_up_later.png"
        fail "the room's screen changed while pictures were caught up ($diff pixels): a toast per picture?"
    }
done
echo "$who: the room's screen did not change while the pictures were caught up"
for _ in $(seq 200); do grep -q "tavlebilder fra før" "$work/err" && break; sleep 0.1; done
summary=$(grep -c "tavlebilder fra før" "$work/err" || true)
[[ $summary == 1 ]] || fail "expected one summary line of the caught-up pictures, got $summary: $(cat "$work/err")"
grep -q "^samling: 27 tavlebilder fra før lagt i prosjektloggen$" "$work/err" ||
    fail "the summary does not say 27 pictures: $(grep "tavlebilder" "$work/err")"
[[ $(pictures) == 27 ]] || fail "expected 27 pictures, found $(pictures)"
echo "$who: one summary: $(grep "tavlebilder" "$work/err")"

# (2) X exports every group's log; the loop prints each step of progress it shows.
xdotool key x
for _ in $(seq 300); do grep -q "Eksportert til" "$work/err" && break; sleep 0.1; done
import -window root "$artifacts/export_done.png"
grep -q "Eksportert til" "$work/err" || fail "the export did not finish: $(tail -5 "$work/err")"
grep -q "^samling: Eksporterer HTML: 0 av 27 grupper …$" "$work/err" || fail "no progress shown at the start: $(grep -E "Eksport" "$work/err")"
progress=$(grep -cE "^samling: Eksporterer (HTML|CSV): [0-9]+ av 27 grupper …$" "$work/err" || true)
((progress >= 2)) || fail "the loop showed $progress progress steps"
# A step between the first and the last group: the loop drew while the worker wrote.
grep -qE "^samling: Eksporterer (HTML|CSV): ([1-9]|1[0-9]|2[0-6]) av 27 grupper …$" "$work/err" ||
    fail "no progress between the first and the last group: $(grep Eksporterer "$work/err")"
# The last progress line comes before the answer: the answer is the final word.
last=$(grep -nE "Eksporterer|Eksportert til" "$work/err" | tail -1)
[[ $last == *"Eksportert til"* ]] || fail "a progress line came after the export's answer: $last"
echo "$who: the loop showed $progress progress steps, then: $(grep "Eksportert til" "$work/err")"
html=$(find "$dir/exports" -path "$dir/exports/bordkort" -prune -o -name '*.html' -print | wc -l)
cards=$(find "$dir/exports/bordkort" -name '*.html' | wc -l)  # X writes the table cards too
[[ $cards == 27 ]] || fail "expected 27 table cards in exports/bordkort, got $cards"
csv=$(find "$dir/exports" -name '*-notes.csv' | wc -l)
[[ $html == 29 && $csv == 27 ]] || fail "expected 27 logs + index + 1 gathering report as HTML and 27 CSV, got $html and $csv"
grep -q "Ledergruppe 27" "$dir/exports/index.html" || fail "index.html does not list the 27th group"
echo "$who: $html HTML files and $csv CSV files in $dir/exports"
# SIGINT, as a facilitator's Ctrl+C: the window stops cleanly.
kill -INT "$app_pid"
status=0
wait "$runner_pid" || status=$?
app_pid="" runner_pid=""
[[ $status == 0 ]] || { cat "$work/err" >&2; fail "samling exited with $status after SIGINT"; }
echo "$who: PASS"
