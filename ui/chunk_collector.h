#pragma once

#include "core/runner.h"
#include "run_series.h"

#include <QVector>

namespace optviz {

// Collects one run's new points between two batches, in place of the runner's own
// trajectory (which it switches off), so that memory stays flat on a 10-million-step
// run. Past `capacity` points it keeps the steps that are multiples of a doubling
// stride, plus the newest point: the same rule as RunSeries, so the UI's own thinning
// stays aligned with it. The run's opening steps are always kept: at full speed a whole
// short run fits in one batch, and the first thousand steps are where the paths of most
// methods differ (momentum's zig-zag, Adam's first sign-like steps).
//
// Used by the window's worker (a chunk per batch) and by runThinned() (render, export).
class ChunkCollector final : public RunObserver
{
public:
    // Steps below this are never thinned.
    static constexpr long long openingSteps = 1024;

    explicit ChunkCollector(int capacity);

    // Takes over `runner`'s recording from its start point on: its start (unless that is
    // already not finite) is the first point, then every step it takes.
    void attachTo(Runner& runner);

    bool stepTaken(long long step, const Vector& x, double loss) override;
    void append(long long step, double x, double y, double loss);
    bool isEmpty() const { return steps_.isEmpty(); }

    // The points collected since the last call, with `runner`'s status and optimizer
    // state after them, as run number `run`; collecting starts afresh at full resolution.
    RunChunk takeChunk(int run, const Runner& runner);

private:
    bool isKept(long long step) const;
    void reserve();
    void thin();

    int capacity_;
    long long stride_ = 1;
    qsizetype opening_ = 0; // collected points of the run's opening steps
    bool lastIsTransient_ = false;
    QVector<double> steps_, x_, y_, loss_;
};

} // namespace optviz
