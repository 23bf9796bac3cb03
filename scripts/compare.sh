#!/usr/bin/env bash
# The default comparison: gradient descent, momentum, Nesterov and Adam race down the
# Rosenbrock valley from (-1.5, 2) for 2000 steps. Writes one CSV per optimizer to
# out/ and prints where each one ended.
#   scripts/compare.sh [path/to/optviz-cli] [output dir]
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${1:-$top/build/app/optviz-cli}
out_dir=${2:-$top/out}
mkdir -p "$out_dir"

run() { # optimizer, learning rate
    local name=$1 lr=$2
    local status=0
    "$cli" run --surface rosenbrock --start=-1.5,2 --steps 2000 --optimizer "$name" \
        --param "lr=$lr" --out "$out_dir/$name.csv" || status=$?
    local last
    last=$(tail -n 1 "$out_dir/$name.csv")
    IFS=, read -r step x y loss <<<"$last"
    local note=""
    [ $status -eq 3 ] && note="  (diverged)"
    printf '  %-9s lr=%-6s  after %4s steps: (%9.6f, %9.6f)  loss %.3e%s\n' \
        "$name" "$lr" "$step" "$x" "$y" "$loss" "$note"
}

echo "Rosenbrock (a − x)² + 100 (y − x²)², minimum 0 at (1, 1), start (-1.5, 2), 2000 steps:"
run gd 0.001
run momentum 0.001
run nesterov 0.001
run adam 0.02
echo "Trajectories (step,x,y,loss) written to $out_dir/"
