#include "run_series.h"

#include <atomic>

namespace optviz {

quint64 RunSeries::newHistoryId()
{
    static std::atomic<quint64> next {1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

RunSeries::RunSeries(int capacity)
    : capacity_(std::max(capacity, 16))
{
}

void RunSeries::clear()
{
    historyId_ = newHistoryId();
    steps_.clear();
    x_.clear();
    y_.clear();
    loss_.clear();
    stride_ = 1;
    lastIsTransient_ = false;
    gaps_ = false;
    lastAppendedStep_ = -1;
    status_ = RunStatus::Running;
    stepsTaken_ = 0;
    divergedAtStep_ = -1;
    state_ = {};
}

void RunSeries::append(const RunChunk& chunk)
{
    const int n = int(chunk.steps.size());
    for (int i = 0; i < n; ++i) {
        const auto step = static_cast<long long>(chunk.steps[i]);
        gaps_ = gaps_ || (lastAppendedStep_ >= 0 && step != lastAppendedStep_ + 1);
        lastAppendedStep_ = step;
        if (lastIsTransient_) {
            steps_.removeLast();
            x_.removeLast();
            y_.removeLast();
            loss_.removeLast();
            lastIsTransient_ = false;
        }
        steps_.append(chunk.steps[i]);
        x_.append(chunk.x[i]);
        y_.append(chunk.y[i]);
        loss_.append(chunk.loss[i]);
        lastIsTransient_ = step % stride_ != 0;
        if (steps_.size() > capacity_)
            thin();
    }
    status_ = chunk.status;
    stepsTaken_ = chunk.stepsTaken;
    divergedAtStep_ = chunk.divergedAtStep;
    state_ = chunk.state;
}

void RunSeries::thin()
{
    // Keep the points whose step is a multiple of the new stride (step 0 among them),
    // and the newest point. The new stride at least doubles, and is large enough to keep
    // at most about capacity / 2 points even when the chunks arrive already thinned
    // (the worker sends every 2ᵏ-th step at full speed): doubling alone would then
    // remove nothing and thin again on every following point.
    const auto lastStep = static_cast<long long>(steps_.last());
    historyId_ = newHistoryId();
    stride_ *= 2;
    while (lastStep / stride_ > capacity_ / 2)
        stride_ *= 2;
    keepPoints(steps_, x_, y_, loss_, [this](long long step) { return step % stride_ == 0; });
    lastIsTransient_ = static_cast<long long>(steps_.last()) % stride_ != 0;
}

} // namespace optviz
