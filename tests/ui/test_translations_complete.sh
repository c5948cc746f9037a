#!/usr/bin/env bash
# lupdate, run as `update_translations` runs it (same sources, include paths and options) but on
# copies of translations/*.ts, finds no string without a finished translation: a tr() added to
# the GUI without its German and Chinese text fails here.
# Usage: test_translations_complete.sh PROJECT_CMAKE LUPDATE GENERATE_SCRIPT
set -euo pipefail
project_cmake=$1 lupdate=$2 generate=$3
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lab-ts.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cmake -DIN_FILE="$project_cmake" -DOUT_FILE="$scratch/project.json" -P "$generate"
ts=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["translations"]))' "$scratch/project.json")
[ -n "$ts" ] || { echo "FAIL: the lupdate project names no .ts file"; exit 1; }
copies=()
for f in $ts; do
    cp "$f" "$scratch/$(basename "$f")"
    copies+=("$scratch/$(basename "$f")")
done
python3 - "$scratch/project.json" "${copies[@]}" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["translations"] = sys.argv[2:]
json.dump(p, open(sys.argv[1], "w"))
PY
"$lupdate" -project "$scratch/project.json" -no-obsolete -locations none | tee "$scratch/lupdate.log"
status=0
for f in "${copies[@]}"; do
    unfinished=$(grep -c 'type="unfinished"' "$f" || true)
    echo "$(basename "$f"): $unfinished unfinished"
    if [ "$unfinished" != 0 ]; then
        grep -B2 'type="unfinished"' "$f" | grep '<source>' | head -n 20
        status=1
    fi
done
if grep -q "obsolete entries" "$scratch/lupdate.log"; then
    echo "FAIL: translations/*.ts hold strings the sources no longer have; run the update_translations target"
    status=1
fi
[ $status = 0 ] && echo PASS
exit $status
