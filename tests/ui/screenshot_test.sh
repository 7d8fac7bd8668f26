#!/usr/bin/env bash
# The projector end to end under Xvfb: run the real app with --demo and --screenshot, check
# the PNG (size, not blank) and decode its QR code, which must be the join URL it printed; then
# the facilitator's overview and help overlays, the setup screen, the project log and "since last
# time" (opened by the SAMLING_SCREENSHOT_VIEW test hook).
# Usage: screenshot_test.sh SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR
set -euo pipefail

fail() { echo "screenshot_test: FAIL: $*" >&2; exit 1; }

[[ $# -eq 3 ]] || fail "usage: $0 SAMLING_BIN PNG_CHECK_BIN ARTIFACT_DIR"
samling_bin=$1
png_check_bin=$2
artifact_dir=$3

[[ -x $samling_bin ]] || fail "samling binary not found: $samling_bin"
[[ -x $png_check_bin ]] || fail "png_check binary not found: $png_check_bin"
command -v xvfb-run >/dev/null || fail "xvfb-run is missing (Debian package xvfb)"
command -v zbarimg >/dev/null || fail "zbarimg is missing (Debian package zbar-tools)"

mkdir -p "$artifact_dir"
png="$artifact_dir/projector.png"
rm -f "$png"
data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT

status=0
output=$(timeout 120 xvfb-run -a -s "-screen 0 1280x720x24" \
    "$samling_bin" --demo --data-dir "$data_dir" --port 0 --screenshot "$png" 2>"$data_dir/stderr") || status=$?
if [[ $status -ne 0 ]]; then
    cat "$data_dir/stderr" >&2
    fail "samling --screenshot exited with status $status"
fi

join_line=$(grep -E '^samling: participants join at ' <<<"$output" | head -n 1 || true)
[[ -n $join_line ]] || fail "no join line on stdout; got: $output"
join_url=${join_line#samling: participants join at }
[[ $join_url =~ ^http://[^/]+:[0-9]+/\?room=[A-Za-z0-9]+$ ]] || fail "join URL has an unexpected form: $join_url"

[[ -s $png ]] || fail "no screenshot written at $png"
"$png_check_bin" "$png" 1280 720 || fail "the screenshot does not look like the projector view"

decoded=$(zbarimg --raw -q "$png" 2>/dev/null || true)
[[ -n $decoded ]] || fail "no QR code could be decoded from $png"
[[ $decoded == "$join_url" ]] || fail "QR code says '$decoded', expected the join URL '$join_url'"

for view in overview help preview setup log since; do
    shot="$artifact_dir/projector-$view.png"
    rm -f "$shot"
    status=0
    SAMLING_SCREENSHOT_VIEW=$view timeout 120 xvfb-run -a -s "-screen 0 1280x720x24" \
        "$samling_bin" --data-dir "$data_dir" --port 0 --screenshot "$shot" >/dev/null 2>"$data_dir/stderr" || status=$?
    if [[ $status -ne 0 ]]; then
        cat "$data_dir/stderr" >&2
        fail "samling --screenshot with the $view view exited with status $status"
    fi
    # png_check looks for the join panel, which these views cover: a blank frame compresses to a
    # few KB, a drawn one to far more.
    size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
    [[ $size -gt 20000 ]] || fail "the $view screenshot is missing or blank ($size bytes)"
done

echo "screenshot_test: OK: QR code is $join_url"
echo "$png"
