#include "parallel_runs.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace optviz {

int parallelThreadCount(const ParallelControl& control, long long items)
{
    const long long cores
        = control.threads > 0 ? control.threads : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<int>(std::max(1LL, std::min(cores, items)));
}

bool parallelRuns(long long items, const ParallelControl& control,
    const std::function<void(int thread, long long item)>& body)
{
    if (items <= 0)
        return !control.cancelled();
    std::atomic<long long> next {0};
    std::atomic<long long> done {0};
    std::atomic<bool> failed {false};
    std::exception_ptr firstError;
    std::mutex errorMutex;

    auto work = [&](int thread) {
        while (!failed.load(std::memory_order_relaxed) && !control.cancelled()) {
            const long long item = next.fetch_add(1, std::memory_order_relaxed);
            if (item >= items)
                return;
            try {
                body(thread, item);
            } catch (...) {
                const std::lock_guard lock(errorMutex);
                if (!firstError)
                    firstError = std::current_exception();
                failed.store(true, std::memory_order_relaxed);
                return;
            }
            done.fetch_add(1, std::memory_order_relaxed);
            if (control.progress)
                control.progress->fetch_add(1, std::memory_order_relaxed);
        }
    };

    const int threads = parallelThreadCount(control, items);
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<std::size_t>(threads - 1));
    try {
        for (int t = 1; t < threads; ++t)
            helpers.emplace_back(work, t);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones started (and this one) do all the work.
    }
    work(0); // the calling thread is the first worker
    for (std::thread& helper : helpers)
        helper.join();
    if (firstError)
        std::rethrow_exception(firstError);
    return done.load() == items;
}

} // namespace optviz
