#pragma once

#include <atomic>
#include <functional>

namespace optviz {

// How a batch of independent runs (a hyperparameter sweep, a basin map) is spread over
// the cores, and how its caller follows and stops it.
struct ParallelControl
{
    int threads = 0; // 0: one per core
    // Set by another thread (the window, when the scene changes) to stop early: runs
    // not yet started are skipped, and a run in progress stops within a few thousand
    // steps. The result then says it is incomplete.
    const std::atomic<bool>* cancel = nullptr;
    // Incremented once per finished run, for a progress bar that polls it.
    std::atomic<long long>* progress = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

// The number of threads parallelRuns() uses for `items` runs: `control.threads`, or one
// per core, never more than there are runs, at least one.
int parallelThreadCount(const ParallelControl& control, long long items);

// Calls `body(thread, item)` for every item in [0, items) on parallelThreadCount()
// threads; thread t ∈ [0, threads) lets a body use per-thread data (its own copy of the
// surface). Items are handed out one at a time through an atomic index, so a few slow
// runs (long line searches) do not leave a core idle. A body that throws stops the
// others; the first exception is rethrown here once every thread has finished. Returns
// false if `control.cancel` stopped the batch before every item ran.
bool parallelRuns(long long items, const ParallelControl& control,
    const std::function<void(int thread, long long item)>& body);

} // namespace optviz
