#!/usr/bin/env bash
# By hand (issue 15 point 4): 50 phones poll and write as the page does (samling_bench --url,
# from 127.0.0.1) while Debian's slowhttptest attacks from this machine's own non-loopback
# address, so attacker and room are two addresses as on a venue's Wi-Fi. Prints the phones'
# summary lines with no attack, then under slow headers, slow body and slow read.
#   tests/bench/slow_clients.sh [BUILD_DIR] [SAMLING_BINARY]      (needs: apt-get install slowhttptest)
set -euo pipefail
build=${1:-build}
samling=${2:-$build/samling}
bench=$build/tests/samling_bench
addr=$(hostname -I | awk '{print $1}')
[ -n "$addr" ] || { echo "no non-loopback address to attack from" >&2; exit 2; }
command -v slowhttptest >/dev/null || { echo "slowhttptest is not installed" >&2; exit 2; }

run() {
  local mode=$1
  local dir
  dir=$(mktemp -d)
  "$samling" --headless --demo --host 0.0.0.0 --port 0 --data-dir "$dir/data" >"$dir/out" 2>"$dir/err" &
  local pid=$!
  for _ in $(seq 100); do grep -q "participants join at" "$dir/out" && break; sleep 0.1; done
  local url port code
  url=$(sed -n 's/^samling: participants join at //p' "$dir/out")
  port=$(echo "$url" | sed -E 's#.*:([0-9]+)/.*#\1#')
  code=$(echo "$url" | sed -E 's#.*room=([A-Z0-9]+).*#\1#')
  local attack=""
  case $mode in
    headers) slowhttptest -H -c 1000 -r 200 -i 5 -l 45 -u "http://$addr:$port/" >"$dir/slow" 2>&1 & attack=$! ;;
    body) slowhttptest -B -c 1000 -r 200 -i 5 -s 8192 -l 45 -t POST -u "http://$addr:$port/api/notes" >"$dir/slow" 2>&1 & attack=$! ;;
    read) slowhttptest -X -c 1000 -r 200 -w 10 -y 20 -n 5 -z 32 -k 3 -l 45 -u "http://$addr:$port/app.js" >"$dir/slow" 2>&1 & attack=$! ;;
  esac
  [ -n "$attack" ] && sleep 6  # the attack's connections are open before the room starts
  echo "== $mode"
  "$bench" --url "http://127.0.0.1:$port/?room=$code" --phones 50 --seconds 30 2>/dev/null |
    grep -E "^(room lookups|joins|note writes|polls|errors by status|  )"
  if [ -n "$attack" ]; then
    grep -E "service available|closed:|pending:|connected:" "$dir/slow" | tail -4 | tr -s ' ' || true
    kill "$attack" 2>/dev/null || true
    wait "$attack" 2>/dev/null || true
  fi
  kill -INT "$pid"
  wait "$pid" || true
  rm -rf "$dir"
}

for mode in none headers body read; do run "$mode"; done
