#!/usr/bin/env bash
# The window on the screens a classroom has: for each size below, a private X server
# (Xvfb, no window manager) and the screen-fit checker (tests/screen/screen_fit.cpp) in
# English and in Chinese. It opens the default scene, every lesson, a diverged run in the
# step inspector, presentation mode, the network workspace, small multiples, the analysis
# docks, a long formula and a restored over-sized session, and fails when a top-level
# window reaches past the screen. Registered with CTest as `screen_fit` (so CI runs it).
#
#   scripts/screen_check.sh [BUILD_DIR] [--screenshots DIR]
#
# --screenshots DIR saves a PNG of every case at 1024×768 (docs/screenshots/1024x768 in
# the repository holds the last set).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$top/build
shots=""
while [ $# -gt 0 ]; do
    case $1 in
    --screenshots)
        shots=$2
        shift 2
        ;;
    *)
        build_dir=$1
        shift
        ;;
    esac
done
checker=$build_dir/tests/screen_fit
[ -x "$checker" ] || {
    echo "screen_check: $checker is not built (cmake --build $build_dir --target screen_fit)" >&2
    exit 2
}
command -v Xvfb >/dev/null || {
    echo "screen_check: Xvfb is missing (apt-get install xvfb; scripts/setup.sh installs it)" >&2
    exit 2
}

# WIDTHxHEIGHT and Qt's scale factor: the projector, 720p, the common laptop, a 1080p
# screen at 125 % and a 4K screen at 200 %.
sizes=("1024x768 1" "1280x720 1" "1366x768 1" "1920x1080 1.25" "3840x2160 2")
failed=0
for entry in "${sizes[@]}"; do
    read -r size scale <<<"$entry"
    fifo=$(mktemp -u)
    mkfifo "$fifo"
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
    xvfb=$!
    display=$(head -n 1 <"$fifo")
    rm -f "$fifo"
    for language in en zh_CN; do
        home=$(mktemp -d)
        shot_dir=""
        [ -n "$shots" ] && [ "$size" = 1024x768 ] && shot_dir=$shots
        echo "== $size at ${scale}x, $language"
        if ! env -u QT_QPA_PLATFORM DISPLAY=":$display" QT_SCALE_FACTOR="$scale" \
            HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_RUNTIME_DIR="$home" \
            OPTVIZ_SCREEN_LANGUAGE="$language" OPTVIZ_SCREENSHOT_DIR="$shot_dir" \
            "$checker" -platform xcb -silent; then
            echo "screen_check: FAILED at $size (scale $scale), $language" >&2
            failed=1
        fi
        rm -rf "$home"
    done
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
done
[ "$failed" = 0 ] && echo "screen_check: every case fits at every size"
exit "$failed"
