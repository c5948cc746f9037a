#!/usr/bin/env bash
# The .deb, built and installed as a user would get it:
#   1. CPack builds the package from this build tree (shlibdeps on);
#   2. its control fields name Debian's Qt 6, LibTorch, sentencepiece and OpenBLAS packages, and
#      every dependency is one this machine has installed;
#   3. dpkg installs it into a scratch root (its own dpkg database, no maintainer scripts run);
#   4. from there `rlhf-lab-cli --version` and `rlhf-lab-cli explain` on an installed sample log
#      (and on a real loghub log when ../shared/data is present) work with the installed model,
#      `rlhf-lab --version` starts, and the desktop file and AppStream metainfo validate.
# Usage: test_package.sh BUILD_DIR [SHARED_DATA_DIR]
set -euo pipefail
build=$(cd "$1" && pwd)
shared=${LAB_SHARED_DATA:-${2:-}}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lab-package-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

step "cpack"
cpack --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
    || { cat "$scratch/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(ls "$scratch"/out/*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "cpack wrote no .deb (log: $(tail -n 5 "$scratch/cpack.log"))"
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb -I "$deb"

step "control fields"
depends=$(dpkg-deb -f "$deb" Depends)
for wanted in libqt6core6 libqt6widgets6 libqt6charts6 libqt6sql6 libtorch libsentencepiece libopenblas0-pthread libqt6sql6-sqlite; do
    grep -q "$wanted" <<<"$depends" || fail "Depends lacks $wanted: $depends"
done
[ "$(dpkg-deb -f "$deb" Package)" = rlhf-log-lab ] || fail "package name"
# Every dependency (first alternative of each) is installed here, so apt could satisfy it.
IFS=',' read -ra deps <<<"$depends"
for dep in "${deps[@]}"; do
    name=$(sed -E 's/^ *//; s/ *\|.*$//; s/ *\(.*$//; s/:any$//' <<<"$dep")
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" \
        || fail "dependency '$name' is not an installed Debian package here"
done

step "contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$scratch/files"
for f in usr/bin/rlhf-lab usr/bin/rlhf-lab-cli usr/libexec/rlhf-log-lab/rlhf-lab usr/libexec/rlhf-log-lab/rlhf-lab-cli \
         usr/libexec/rlhf-log-lab/lab_spm.so \
         usr/share/applications/org.rlhflab.RlhfLogLab.desktop usr/share/metainfo/org.rlhflab.RlhfLogLab.metainfo.xml \
         usr/share/mime/packages/org.rlhflab.RlhfLogLab.xml \
         usr/share/icons/hicolor/scalable/apps/org.rlhflab.RlhfLogLab.svg \
         usr/share/rlhf-log-lab/models/lab-tiny/model.safetensors usr/share/rlhf-log-lab/models/lab-tiny/tokenizer.model \
         usr/share/rlhf-log-lab/models/lab-tiny/config.json usr/share/rlhf-log-lab/samples/spark_executor_oom.log; do
    grep -qx "$f" "$scratch/files" || fail "the package lacks $f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    grep -qx "usr/share/icons/hicolor/${size}x${size}/apps/org.rlhflab.RlhfLogLab.png" "$scratch/files" \
        || fail "the package lacks the ${size}px icon"
done
samples=$(grep -c '^usr/share/rlhf-log-lab/samples/.*\.log$' "$scratch/files")
[ "$samples" -ge 5 ] || fail "only $samples sample logs"

step "dpkg --root"
root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/usr/bin"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
# --force-depends: the scratch database knows none of Debian's packages (checked above instead);
# --force-not-root lets a non-root developer run the test too.
dpkg --root="$root" --force-depends --force-not-root --force-script-chrootless -i "$deb" >"$scratch/dpkg.log" 2>&1 \
    || { cat "$scratch/dpkg.log" >&2; fail "dpkg could not install the package into the scratch root"; }
dpkg --root="$root" -s rlhf-log-lab | grep -q '^Status: install ok installed' || fail "dpkg does not list the package as installed"

# The installed programs must not lean on the build tree or the developer's environment.
unset LAB_RESOURCE_DIR LAB_MODEL_DIR LAB_NO_REEXEC OMP_NUM_THREADS OPENBLAS_NUM_THREADS
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
mkdir -p "$HOME"

step "rlhf-lab-cli --version"
"$root/usr/bin/rlhf-lab-cli" --version | tee "$scratch/version"
grep -q "$(dpkg-deb -f "$deb" Version | sed 's/-.*//')" "$scratch/version" || fail "--version does not print the package version"

step "rlhf-lab-cli explain (installed sample)"
sample="$root/usr/share/rlhf-log-lab/samples/spark_executor_oom.log"
"$root/usr/bin/rlhf-lab-cli" explain --json "$sample" >"$scratch/explain.json" || fail "explain failed on $sample"
python3 - "$scratch/explain.json" <<'PY' || fail "explain printed no usable explanation"
import json, sys
r = json.load(open(sys.argv[1]))
print(r["model"], f'{r["new_tokens"]} tokens in {r["seconds"]:.2f} s:', r["explanation"][:160])
assert r["model"] == "lab-tiny" and len(r["explanation"].split()) >= 5 and r["new_tokens"] > 0
PY

if [ -n "$shared" ] && [ -f "$shared/loghub/Spark/Spark_2k.log" ]; then
    step "rlhf-lab-cli explain (loghub Spark_2k.log)"
    "$root/usr/bin/rlhf-lab-cli" explain "$shared/loghub/Spark/Spark_2k.log" | tee "$scratch/explain.txt"
    [ "$(wc -w <"$scratch/explain.txt")" -ge 5 ] || fail "explain printed too little for Spark_2k.log"
else
    echo "(no ../shared/data: the loghub explain is skipped)"
fi

step "rlhf-lab --version"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/rlhf-lab" --version | tee "$scratch/gui-version"
grep -q "RLHF Log Lab\|rlhf-lab" "$scratch/gui-version" || fail "the GUI did not start"

step "desktop file and AppStream metainfo"
desktop-file-validate "$root/usr/share/applications/org.rlhflab.RlhfLogLab.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.rlhflab.RlhfLogLab.metainfo.xml"
echo "PASS"
