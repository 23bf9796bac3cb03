#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <utility>
#include <vector>

namespace optviz::bench {

// How a metric is timed: untimed warm-up runs (caches, page tables, branch predictors),
// then the median of the timed repetitions, which shrugs off the odd preempted run on
// a busy 2-core machine where a mean would not.
struct TimingPlan
{
    int warmups = 1;
    int repetitions = 5;
};

// Wall time of one call of `body`, in seconds (steady_clock: never jumps with the
// system clock).
template<typename Body> double secondsOf(Body&& body)
{
    const auto start = std::chrono::steady_clock::now();
    body();
    const auto stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double>(stop - start).count();
}

// The median of `samples` (the mean of the middle two for an even count); 0 if empty.
inline double median(std::vector<double> samples)
{
    if (samples.empty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const std::size_t middle = samples.size() / 2;
    if (samples.size() % 2 == 1)
        return samples[middle];
    return 0.5 * (samples[middle - 1] + samples[middle]);
}

// The median time in seconds of `plan.repetitions` calls of `body` after
// `plan.warmups` untimed ones.
template<typename Body> double medianSeconds(const TimingPlan& plan, Body&& body)
{
    for (int i = 0; i < plan.warmups; ++i)
        body();
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(plan.repetitions));
    for (int i = 0; i < plan.repetitions; ++i)
        samples.push_back(secondsOf(body));
    return median(std::move(samples));
}

// A volatile store the compiler must perform: feeding a result into it keeps the
// computation that produced the result from being optimized away.
inline volatile double resultSink = 0.0;

inline void keepResult(double value)
{
    resultSink = value;
}

} // namespace optviz::bench
