#pragma once

#include "core/optimizer.h"
#include "core/runner.h"

#include <QMetaType>
#include <QVector>

namespace optviz {

// New points of one run, as the worker sends them to the UI thread.
struct RunChunk
{
    int run = 0; // index among the scene's enabled optimizers
    QVector<double> steps, x, y, loss;
    RunStatus status = RunStatus::Running;
    long long stepsTaken = 0;
    long long divergedAtStep = -1;
    OptimizerState state; // the optimizer's internals after the chunk's last step
};

// One batch of new points for all runs. `reset` means "forget what you have: these
// are the runs of a new scene or a reset", `generation` the scene change it belongs to
// (the UI drops batches of older generations).
struct TrajectoryBatch
{
    quint64 generation = 0;
    bool reset = false;
    QVector<RunChunk> chunks;
};

// Thins parallel point arrays in place: keeps the points whose step `isKept(step)`
// accepts, and always the newest one (RunSeries and the worker thin their histories
// alike).
template<typename Keep>
void keepPoints(QVector<double>& steps, QVector<double>& x, QVector<double>& y,
    QVector<double>& loss, Keep isKept)
{
    qsizetype kept = 0;
    const qsizetype last = steps.size() - 1;
    for (qsizetype i = 0; i <= last; ++i) {
        if (!isKept(static_cast<long long>(steps[i])) && i != last)
            continue;
        steps[kept] = steps[i];
        x[kept] = x[i];
        y[kept] = y[i];
        loss[kept] = loss[i];
        ++kept;
    }
    steps.resize(kept);
    x.resize(kept);
    y.resize(kept);
    loss.resize(kept);
}

// The UI's copy of one run's trajectory, bounded in memory: past `capacity` points the
// history is thinned to every other point and later points are kept at the coarser
// stride, so a 10-million-step run costs at most `capacity` points; the first point,
// the newest point and the step numbers stay exact. `isDecimated()` tells the UI to say so.
class RunSeries
{
public:
    explicit RunSeries(int capacity = 1 << 13);

    void clear();
    void append(const RunChunk& chunk);

    int size() const { return int(steps_.size()); }
    const QVector<double>& steps() const { return steps_; }
    const QVector<double>& x() const { return x_; }
    const QVector<double>& y() const { return y_; }
    const QVector<double>& loss() const { return loss_; }

    RunStatus status() const { return status_; }
    long long stepsTaken() const { return stepsTaken_; }
    long long divergedAtStep() const { return divergedAtStep_; }
    const OptimizerState& state() const { return state_; }
    // Thinned here, or received thinned (at full speed the worker sends every 2ᵏ-th step).
    bool isDecimated() const { return stride_ > 1 || gaps_; }
    long long stride() const { return stride_; }
    // Changes whenever points other than the newest are removed or replaced (a clear, a
    // thinning) and differs between independently built series, so that a view holding
    // the first n points can tell whether it may just append the rest: while it stays
    // the same, only the newest point can have been replaced.
    quint64 historyId() const { return historyId_; }

private:
    void thin();

    static quint64 newHistoryId();

    int capacity_;
    quint64 historyId_ = newHistoryId();
    long long stride_ = 1;
    QVector<double> steps_, x_, y_, loss_;
    // The newest point is always shown, even between strides; it sits at the end and
    // is replaced by the next one unless it falls on the stride.
    bool lastIsTransient_ = false;
    bool gaps_ = false; // a chunk skipped steps
    long long lastAppendedStep_ = -1;
    RunStatus status_ = RunStatus::Running;
    long long stepsTaken_ = 0;
    long long divergedAtStep_ = -1;
    OptimizerState state_;
};

} // namespace optviz

Q_DECLARE_METATYPE(optviz::TrajectoryBatch)
