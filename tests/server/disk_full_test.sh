#!/usr/bin/env bash
# A data folder on a disk that fills up while a phone writes (a small tmpfs): the write that
# cannot be stored answers 503 storage_failed in words for a person — never the laptop's file
# path or SQLite's text — every note acknowledged before is kept, and writing resumes by
# itself once there is room again. Needs root (mount), as CI has.
# Usage: disk_full_test.sh SAMLING_BIN
set -euo pipefail
fail() { echo "disk_full_test: FAIL: $*" >&2; exit 1; }
[[ $# -eq 1 ]] || fail "usage: $0 SAMLING_BIN"
samling=$1
[[ $(id -u) -eq 0 ]] || fail "needs root to mount a small tmpfs (CI runs as root)"

work=$(mktemp -d)
disk="$work/disk"
mkdir -p "$disk"
pid=""
cleanup() {
    if [[ -n $pid ]]; then { kill -KILL "$pid"; wait "$pid"; } 2>/dev/null || true; fi
    umount "$disk" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mount -t tmpfs -o size=4m tmpfs "$disk" || fail "cannot mount a tmpfs at $disk"

"$samling" --headless --host 127.0.0.1 --port 0 --demo --data-dir "$disk/data" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do grep -q "participants join at" "$work/out" 2>/dev/null && break; sleep 0.1; done
join_url=$(sed -nE 's/^samling: participants join at (http:\/\/[^ ]+)$/\1/p' "$work/out")
[[ -n $join_url ]] || { cat "$work/err" >&2; fail "no join line"; }

python3 - "$join_url" "$disk" <<'PY'
import json, os, sys, urllib.request, urllib.error, re
join_url, disk = sys.argv[1], sys.argv[2]
base = re.match(r'(http://[^/]+)', join_url).group(1)
code = join_url.split('room=')[1]
def call(method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header('Content-Type', 'application/json')
    if token: req.add_header('Authorization', 'Bearer ' + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as r: return r.status, json.loads(r.read() or b'null')
    except urllib.error.HTTPError as e: return e.code, json.loads(e.read() or b'null')
def fail(why): print('disk_full_test: FAIL:', why, file=sys.stderr); sys.exit(1)
status, room = call('GET', '/api/room?code=' + code)
status, joined = call('POST', '/api/join', {'code': code, 'group': room['groups'][0]['id']})
token = joined['token']
# Leave the store a little room, then write until the disk is full.
filler = os.path.join(disk, 'filler')
st = os.statvfs(disk)
with open(filler, 'wb') as f: f.write(b'\0' * max(0, st.f_bavail * st.f_frsize - 160 * 1024))
saved, refused = [], None
for i in range(3000):
    text = ('Notat %d om samhandling mellom barnehage, skole og PPT ' % i).ljust(270, '.')
    status, body = call('POST', '/api/notes', {'client_id': 'c%d' % i, 'text': text}, token)
    if status == 201: saved.append(body['note']['id']); continue
    refused = (status, body); break
if not refused: fail('the disk never filled up')
status, body = refused
if status != 503 or body['error']['code'] != 'storage_failed': fail('expected 503 storage_failed, got %r' % (refused,))
message = body['error']['message']
for leak in ('/', 'sqlite', 'SQLite', 'database', 'disk is full', disk):
    if leak in message: fail('the phone was told %r (it names %r)' % (message, leak))
print('disk_full_test: %d notes saved, then 503 storage_failed: %s' % (len(saved), message))
# Every acknowledged note is still there, and writing resumes once there is room.
os.remove(filler)
status, body = call('POST', '/api/notes', {'client_id': 'after', 'text': 'Skrevet etter at det ble plass'}, token)
if status != 201: fail('writing did not resume after the disk had room: %r' % ((status, body),))
status, state = call('GET', '/api/state', None, token)
have = {n['id'] for n in state['notes']}
missing = [i for i in saved if i not in have]
if missing: fail('%d acknowledged notes are gone' % len(missing))
print('disk_full_test: writing resumed; all %d acknowledged notes are there' % len(saved))
PY
grep -q "not stored" "$work/err" || fail "the laptop's log does not say why the write failed"
echo "disk_full_test: the laptop's log: $(grep -m1 'not stored' "$work/err")"
echo "disk_full_test: OK"
