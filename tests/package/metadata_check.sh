#!/usr/bin/env bash
# What the desktop learns about Samling, checked as validators and readers see it: the menu
# entry (desktop-file-validate), the AppStream metainfo (appstreamcli), the man page (groff's
# warnings, and every option of --help and every command in it, in English, bokmål and
# nynorsk), the icon at each PNG size.
# ctest runs it on the build's files; .ci/package on the files inside the .deb.
# Usage: metadata_check.sh SAMLING DESKTOP-FILE METAINFO ICON-THEME-DIR MAN-PAGE.gz...
set -euo pipefail
samling=$1 desktop=$2 metainfo=$3 icons=$4
shift 4
fail() {
    echo "metadata: FAIL: $*" >&2
    exit 1
}

desktop-file-validate "$desktop" || fail "desktop-file-validate (above)"
grep -q '^Exec=samling$' "$desktop" || fail "the menu entry must run plain samling (the projector, default data folder)"
grep -q '^Icon=samling$' "$desktop" || fail "the menu entry names another icon than samling"
# --no-net: CI has no internet, so the screenshots' addresses are not fetched here.
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate (above)"
grep -q "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $(basename "$desktop")"

((${#@} == 3)) || fail "expected the English, bokmål and nynorsk man pages, got $#"
for man_page in "$@"; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$man_page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "$man_page has groff warnings: $warnings"
    man_text=$(zcat "$man_page" | sed 's/\\-/-/g')
    for option in $("$samling" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) export backup restore; do
        grep -q -- "$option" <<<"$man_text" || fail "$man_page does not mention $option (samling --help does)"
    done
done

for size in 16 24 32 48 64 128 256 512; do
    file "$icons/${size}x${size}/apps/samling.png" | grep -q "PNG image data, $size x $size," ||
        fail "no ${size}x${size} PNG icon in $icons"
done
echo "metadata: menu entry, metainfo, samling(1) in en, nb, nn and icons OK"
