#include "chunk_collector.h"

namespace optviz {

ChunkCollector::ChunkCollector(int capacity)
    : capacity_(capacity)
{
    reserve();
}

void ChunkCollector::attachTo(Runner& runner)
{
    // A start point that is not finite counts as diverged at step 0: no point.
    if (runner.divergedAtStep() != 0)
        append(0, runner.current()[0], runner.current()[1], runner.currentLoss());
    runner.setRecording(false);
    runner.setObserver(this);
}

bool ChunkCollector::stepTaken(long long step, const Vector& x, double loss)
{
    append(step, x[0], x[1], loss);
    return true;
}

void ChunkCollector::append(long long step, double x, double y, double loss)
{
    if (lastIsTransient_) {
        steps_.removeLast();
        x_.removeLast();
        y_.removeLast();
        loss_.removeLast();
    }
    steps_.append(double(step));
    x_.append(x);
    y_.append(y);
    loss_.append(loss);
    if (step < openingSteps)
        ++opening_;
    lastIsTransient_ = !isKept(step);
    if (steps_.size() - opening_ > capacity_)
        thin();
}

RunChunk ChunkCollector::takeChunk(int run, const Runner& runner)
{
    RunChunk chunk;
    chunk.run = run;
    chunk.steps = std::move(steps_);
    chunk.x = std::move(x_);
    chunk.y = std::move(y_);
    chunk.loss = std::move(loss_);
    chunk.status = runner.status();
    chunk.stepsTaken = runner.stepsTaken();
    chunk.divergedAtStep = runner.divergedAtStep();
    runner.optimizer().inspect(chunk.state);
    stride_ = 1;
    opening_ = 0;
    lastIsTransient_ = false;
    reserve();
    return chunk;
}

bool ChunkCollector::isKept(long long step) const
{
    // The stride is a power of two.
    return step < openingSteps || (step & (stride_ - 1)) == 0;
}

void ChunkCollector::reserve()
{
    // Small to begin with: a slow animation sends a handful of points per batch.
    steps_ = {};
    x_ = {};
    y_ = {};
    loss_ = {};
    steps_.reserve(64);
    x_.reserve(64);
    y_.reserve(64);
    loss_.reserve(64);
}

void ChunkCollector::thin()
{
    stride_ *= 2;
    keepPoints(steps_, x_, y_, loss_, [this](long long step) { return isKept(step); });
    lastIsTransient_ = !isKept(static_cast<long long>(steps_.last()));
}

} // namespace optviz
