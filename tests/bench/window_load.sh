#!/usr/bin/env bash
# The projector window under load, by hand (not in ctest): the window opens under Xvfb on a copy
# of STORE_DIR (e.g. the 54,000-note store samling_export_bench leaves; "fresh" for the demo
# room), then prints its CPU while idle for 20 s (and how many board pictures it caught up),
# GET /control/state's latency, and samling_bench's 200 phones' figures against it.
# Usage: window_load.sh SAMLING_BIN SAMLING_BENCH_BIN STORE_DIR|fresh [PHONES]
set -euo pipefail
samling=$1 bench=$2 store=$3 phones=${4:-200}
work=$(mktemp -d)
app_pid="" runner_pid=""
cleanup() {
    if [[ -n $app_pid ]]; then kill -INT "$app_pid" 2>/dev/null || true; fi
    if [[ -n $runner_pid ]]; then wait "$runner_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
dir="$work/data"
mkdir -p "$dir"
args=()
if [[ $store == fresh ]]; then
    args=(--demo)
else
    cp "$store"/samling.sqlite3* "$dir"/
    [[ -d $store/snapshots ]] && cp -r "$store/snapshots" "$dir"/  # pictures already caught up
fi
xvfb-run -a -s "-screen 0 1280x720x24" sh -c 'echo $$ >"$0"; exec "$@"' "$work/pid" \
    "$samling" "${args[@]}" --host 127.0.0.1 --port 0 --control-port 0 --data-dir "$dir" >"$work/out" 2>"$work/err" &
runner_pid=$!
for _ in $(seq 600); do [[ -s $work/pid && -s $dir/control.json ]] && grep -q "join at" "$work/out" && break; sleep 0.1; done
app_pid=$(cat "$work/pid")
join_url=$(sed -nE 's/^samling: participants join at (.*)$/\1/p' "$work/out")
[[ -n $join_url ]] || { cat "$work/err" >&2; echo "window_load: no join URL" >&2; exit 1; }
cpu() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
pictures() { { find "$dir/snapshots" -name 'run-*.png' 2>/dev/null || true; } | wc -l; }
ticks=$(getconf CLK_TCK)
sleep 2  # the first frames: fonts, the first layout
c0=$(cpu) p0=$(pictures)
sleep 20
c1=$(cpu) p1=$(pictures)
echo "window_load: $store: idle 20 s: CPU $(echo "scale=2; ($c1 - $c0) / $ticks" | bc) s, pictures $p0 -> $p1"
# GET /control/state as a script sees it: 20 calls, the median and slowest wall time.
curl_url=$(sed -E 's/.*"url": "([^"]+)".*/\1/' "$dir/control.json")
curl_token=$(sed -E 's/.*"token": "([^"]+)".*/\1/' "$dir/control.json")
for _ in $(seq 20); do
    curl -sS -o /dev/null -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $curl_token" "$curl_url/control/state"
done | sort -n | awk '{t[NR] = $1; b = $2} END {printf "window_load: GET /control/state p50 %.1f ms, max %.1f ms, %d bytes\n", t[int(NR / 2) + 1] * 1000, t[NR] * 1000, b}'
c0=$(cpu)
"$bench" --url "$join_url" --phones "$phones" --seconds 20 --no-restart-check | grep -E "note|poll|join|error|Error|p50" | head -20
c1=$(cpu)
echo "window_load: samling CPU during the phones' run: $(echo "scale=2; ($c1 - $c0) / $ticks" | bc) s, pictures $(pictures)"
