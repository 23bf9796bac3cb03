#!/usr/bin/env bash
# Robustness checks (README "Robustness checks"), run by `scripts/setup.sh test` (and so by
# CI) after the normal suite:
#   address  build-asan: every test and the fuzz corpus replays under AddressSanitizer +
#            UndefinedBehaviorSanitizer (any UB, leak or bad access fails the test);
#   thread   build-tsan: the tests that run worker threads (the window's simulation and
#            network workers, the parallel runs of sweeps and basins) under ThreadSanitizer.
#
#   scripts/sanitizers.sh [address] [thread]     (default: both)
#
# ASAN_BUILD_DIR, TSAN_BUILD_DIR (default build-asan, build-tsan) and JOBS (default: all
# cores) can be set in the environment. The sanitizers' options and suppressions come
# with each test (tests/CMakeLists.txt, tests/sanitizers/).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(address thread)

timings=()
# timed LABEL COMMAND...: runs the command, notes how long it took.
timed() {
    local label=$1 start=$SECONDS
    shift
    "$@"
    timings+=("$(printf '%-28s %4d s' "$label" $((SECONDS - start)))")
}

# Debug keeps assertions (Eigen's index checks among them) on; OPTVIZ_SANITIZE adds -O1 -g.
configure() {
    cmake -S "$top" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOPTVIZ_SANITIZE="$2" \
        -DOPTVIZ_TEST_TIMEOUT_SCALE="$3" >/dev/null
}

for stage in "${stages[@]}"; do
    case "$stage" in
    address)
        dir=${ASAN_BUILD_DIR:-$top/build-asan}
        echo "== ASan+UBSan: building the test suite in $dir"
        configure "$dir" address 4
        timed "ASan+UBSan build" cmake --build "$dir" --target optviz_tests --parallel "$jobs"
        echo "== ASan+UBSan: running the test suite"
        timed "ASan+UBSan tests" ctest --test-dir "$dir" --output-on-failure --parallel "$jobs"
        ;;
    thread)
        dir=${TSAN_BUILD_DIR:-$top/build-tsan}
        echo "== TSan: building the worker tests in $dir"
        configure "$dir" thread 8
        timed "TSan build" cmake --build "$dir" --target tst_worker tst_main_window \
            tst_network_workspace tst_sweep --parallel "$jobs"
        echo "== TSan: running the worker tests"
        timed "TSan tests" ctest --test-dir "$dir" --output-on-failure --parallel "$jobs" \
            -R '^(worker|main_window|network_workspace|sweep)$'
        ;;
    *)
        echo "usage: scripts/sanitizers.sh [address] [thread]" >&2
        exit 2
        ;;
    esac
done

echo "== sanitizer stages:"
printf '   %s\n' "${timings[@]}"
