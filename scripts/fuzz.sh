#!/usr/bin/env bash
# Fuzzing with libFuzzer (README "Robustness checks"): builds the fuzz targets of fuzz/
# with clang in build-fuzz (OPTVIZ_FUZZ=ON: ASan+UBSan and coverage instrumentation),
# then runs each for SECONDS, starting from its seed corpus fuzz/corpus/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]    (default: 300 s each; scene cli_arguments expression)
#
# New interesting inputs collect in build-fuzz/corpus/<target>/ (the seeds are only read).
# A finding (crash, UB, leak, a property of fuzz/fuzz_checks.h, an input slower than 10 s,
# more than 2 GB of memory) stops the run with status 1 and is written to
# build-fuzz/findings/<target>/; fix it, then copy it into fuzz/corpus/<target>/ so every
# build replays it (CTest fuzz_<target>_corpus), and add a test in tests/tst_hostile_input.cpp.
# Needs clang and libFuzzer: Debian's clang-14 and libclang-rt-14-dev.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-300}
targets=("${@:2}")
[ ${#targets[@]} -gt 0 ] || targets=(scene cli_arguments expression)
dir=${FUZZ_BUILD_DIR:-$top/build-fuzz}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
clang=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$clang" ]; then
    echo "fuzz: needs clang (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 1
fi

start=$SECONDS
# Warnings stay warnings here: clang warns where GCC does not, and the GCC builds (setup.sh,
# sanitizers.sh) already hold the code to -Werror.
cmake -S "$top" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$clang" \
    -DOPTVIZ_FUZZ=ON -DOPTVIZ_WARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$dir" --parallel "$jobs" --target "${targets[@]/#/fuzz_}"
echo "== fuzz build took $((SECONDS - start)) s"

for target in "${targets[@]}"; do
    mkdir -p "$dir/corpus/$target" "$dir/findings/$target"
    echo "== fuzzing $target for $seconds s"
    start=$SECONDS
    # The scene target's inputs are files (up to 1 MiB accepted); a few kB reach every
    # field. The CLI's are a handful of words.
    case "$target" in
    scene) max_len=16384 ;;
    *) max_len=4096 ;;
    esac
    (cd "$dir" && "./fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len="$max_len" -dict="$top/fuzz/$target.dict" \
        -artifact_prefix="$dir/findings/$target/" -print_final_stats=1 \
        "$dir/corpus/$target" "$top/fuzz/corpus/$target")
    echo "== fuzzing $target took $((SECONDS - start)) s"
done
