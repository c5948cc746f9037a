#!/usr/bin/env bash
# One command from a fresh Debian 12 to a running lab (or a tested build):
#   bash packaging/setup.sh          install what is missing, build, start the lab on the demo project
#   bash packaging/setup.sh --test   install what is missing, build, run the whole test suite
# Needs root or sudo for apt-get, and only Debian's own package archive.
set -euo pipefail

mode=run
case "${1:-}" in
    ""|--run) mode=run ;;
    --test) mode=test ;;
    --build) mode=build ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown option '$1' (use --test, --build or nothing)" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${LAB_BUILD_DIR:-$here/build}

# OpenBLAS is not optional: with Debian's reference BLAS LibTorch's matmul runs ~30x slower.
packages=(cmake ninja-build g++ pkg-config
          qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
          qt6-translations-l10n
          libqt6sql6-sqlite libtorch-dev libsentencepiece-dev libsqlite3-dev
          libopenblas0-pthread libgl1-mesa-dev xvfb xauth
          python3-torch    # the independent reference the model tests compare against
          dpkg-dev file appstream desktop-file-utils)   # the .deb (CPack, shlibdeps) and its checks

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian may leave the reference BLAS selected even with OpenBLAS installed.
if ! update-alternatives --query "libblas.so.3-$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)" 2>/dev/null \
        | grep -q '^Value: .*openblas'; then
    echo "==> note: libblas.so.3 does not point at OpenBLAS; the lab will warn at start" >&2
fi

jobs=$(nproc)
echo "==> configuring and building in $build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$jobs"

case "$mode" in
    build) ;;
    test)
        echo "==> running tests"
        cd "$build"
        QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
        ;;
    run)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "==> no display found: starting the lab under Xvfb (screen :99); set DISPLAY to use yours" >&2
            exec xvfb-run -a -s '-screen 0 1600x1000x24' "$build/app/rlhf-lab" --demo
        fi
        exec "$build/app/rlhf-lab" --demo
        ;;
esac
