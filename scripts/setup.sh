#!/usr/bin/env bash
# One-step set-up for a fresh Debian or Ubuntu machine: installs what is missing
# (apt-get, as root or through sudo), builds optviz in Release, then either runs the
# main job or the whole test suite.
#
#   scripts/setup.sh run     build, then open the window (with no display: render the
#                            default scene to a PNG and say where)
#   scripts/setup.sh test    build, then every test (ctest), then the suite again under
#                            ASan+UBSan and the worker tests under TSan (scripts/sanitizers.sh;
#                            OPTVIZ_SANITIZERS=0 skips them)
#   scripts/setup.sh build   build only
#
# BUILD_DIR (default: build) and JOBS (default: all cores) can be set in the environment.
set -euo pipefail

mode=${1:-run}
case "$mode" in
run | test | build) ;;
*)
    echo "usage: scripts/setup.sh run|test|build" >&2
    exit 2
    ;;
esac

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$top/build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# Debian packages the build needs; README.md says why each is there.
packages=(cmake ninja-build g++ pkg-config libeigen3-dev qt6-base-dev qt6-svg-dev
    libqcustomplot-dev fonts-dejavu-core qt6-tools-dev qt6-l10n-tools fonts-wqy-microhei
    qt6-translations-l10n libgif-dev desktop-file-utils qt6-datavisualization-dev
    libqt6opengl6-dev qt6-declarative-dev libgl1-mesa-dri xvfb)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "== configuring and building (Release) in $build_dir"
stage_start=$SECONDS
cmake -S "$top" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build_dir" --parallel "$jobs"
echo "== build took $((SECONDS - stage_start)) s"

case "$mode" in
test)
    echo "== running the test suite"
    stage_start=$SECONDS
    ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs"
    echo "== test suite took $((SECONDS - stage_start)) s"
    # The suite again under ASan+UBSan, and the worker under TSan (scripts/sanitizers.sh):
    # part of every CI run. OPTVIZ_SANITIZERS=0 skips them for a quick local check.
    if [ "${OPTVIZ_SANITIZERS:-1}" != 0 ]; then
        "$top/scripts/sanitizers.sh"
    else
        echo "== sanitizer builds skipped (OPTVIZ_SANITIZERS=0)"
    fi
    echo "== scripts/setup.sh test took $SECONDS s in all"
    ;;
run)
    exec "$build_dir/app/optviz" "${@:2}"
    ;;
esac
