#!/usr/bin/env bash
# Takes the README's screenshots from the running app under a private X server.
# Needs xvfb, xdotool and imagemagick (apt-get install xvfb xdotool imagemagick).
#   scripts/screenshots.sh [build dir] [output dir]
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-$top/build}
out_dir=${2:-$top/docs/screenshots}
app="$build_dir/app/optviz"
mkdir -p "$out_dir"
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xdotool imagemagick" >&2; exit 2; }
done

# A private settings directory: the screenshots must not depend on (or change) the
# user's last session.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT

shoot() { # name, size, scene file or "", keys...; $app_args: more arguments, $settle: seconds
    local name=$1 size=$2 scene=$3
    shift 3
    local display=:$((100 + RANDOM % 800))
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    rm -rf "$config"/optviz
    # The start page (shown at first start) would cover the window.
    mkdir -p "$config"/optviz && printf '[startPage]\nshow=false\n' > "$config"/optviz/optviz.conf
    # shellcheck disable=SC2086 # app_args is split on purpose
    DISPLAY=$display XDG_CONFIG_HOME=$config "$app" ${scene:+"$scene"} ${app_args:-} >/dev/null 2>&1 &
    local pid=$!
    sleep 4
    local window
    window=$(DISPLAY=$display xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1)
    if [ -n "$window" ]; then
        DISPLAY=$display xdotool windowsize "$window" "${size%x*}" "${size#*x}" windowmove "$window" 0 0
        DISPLAY=$display xdotool windowactivate --sync "$window" 2>/dev/null || true
        sleep 1
        for key in "$@"; do
            DISPLAY=$display xdotool windowfocus "$window" key "$key" 2>/dev/null
            sleep 0.5
        done
        [ $# -gt 0 ] && sleep 2
    fi
    sleep "${settle:-0}"
    DISPLAY=$display import -window root "$out_dir/$name.png"
    kill "$pid" "$xvfb" 2>/dev/null || true
    wait "$pid" "$xvfb" 2>/dev/null || true
    echo "wrote $out_dir/$name.png"
}

shoot window 1600x960 ""
shoot himmelblau 1600x960 "$top/docs/scenes/himmelblau.json"
# The network workspace, trained to the end (300 epochs at 30 a second).
app_args="--workspace network --play" settle=8 shoot network 1600x960 ""
if [ -n "${SHOOT_KEYS:-}" ]; then
    shoot animate 1600x960 "" $SHOOT_KEYS
fi
