#!/usr/bin/env bash
# The string catalogue's own check (samling_strings --check): i18n/strings.json passes, and a
# catalogue with a missing language, mismatched placeholders, no note or an odd plural is refused
# with a line that names the key. Usage: catalogue_test.sh SAMLING_STRINGS CATALOGUE
set -u
tool=$1 catalogue=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "catalogue_test: FAIL: $*"; exit 1; }

"$tool" --check "$catalogue" || fail "i18n/strings.json does not pass its own check"

# break_one KEY CHANGE EXPECTED: apply CHANGE (python, the entry is e) to a copy; expect refusal
break_one() {
    python3 - "$catalogue" "$work/broken.json" "$1" "$2" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
e = doc["strings"][sys.argv[3]]
exec(sys.argv[4])
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False)
PY
    out=$("$tool" --check "$work/broken.json" 2>&1) && fail "a catalogue where $1 was changed by «$2» passed"
    grep -qF -- "$3" <<<"$out" || fail "expected «$3», got: $out"
    echo "refused as expected: $3"
}

break_one ui.join_heading 'del e["nn"]' "ui.join_heading: no nn"
break_one common.step_of 'e["en"] = "Step {i} of {count}"' "common.step_of: en has {count}, {i} where nb has {i}, {n}"
break_one ui.notes 'e["nn"] = {"one": "{n} lapp", "other": "{n} lappar", "few": "x"}' "ui.notes: nn is neither a text nor"
break_one ui.notes 'e["en"] = "{n} notes"' "ui.notes: en and nb disagree on whether this is a plural"
break_one board.merge 'e["note"] = ""' "board.merge: no translator's note"
break_one board.merge 'e["use"] = ["ui.cancel"]' "board.merge: \"ui.cancel\" is filled by two keys"
echo "catalogue_test: ok"
