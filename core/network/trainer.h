#pragma once

#include "../lr_schedule.h"
#include "../runner.h"
#include "network_objective.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace optviz {

struct TrainingSettings
{
    int epochs = 100;
    // Samples per optimizer step; 0 (or at least the training set) is full batch, one
    // step per epoch. Otherwise ⌈n / batchSize⌉ steps per epoch over a fresh shuffle,
    // the last batch smaller when batchSize does not divide n (a data loader that keeps
    // its last batch).
    int batchSize = 0;
    std::uint64_t shuffleSeed = 1; // the mini-batch order (deriveSeed(seed, Shuffle))
    double clipNorm = 0.0; // rescale gradients longer than this; 0 = off
    // The learning rate per optimizer step (not per epoch), as for the surfaces.
    LearningRateSchedule schedule;
    // Record θ in parameterHistory(), for the loss plane's PCA directions: after every
    // epoch until the history holds parameterHistoryLimit points, then every second
    // epoch (every other point dropped), and so on: memory stays bounded on long runs.
    bool recordParameters = true;
    int parameterHistoryLimit = 4096;
};

// One row of the training history: after `epoch` epochs (0: the untrained network),
// `step` optimizer steps. NaN marks what does not apply: accuracy for regression, the
// test columns without a test set.
struct EpochRecord
{
    int epoch = 0;
    long long step = 0;
    double trainLoss = 0.0;
    double trainAccuracy = 0.0;
    double testLoss = 0.0;
    double testAccuracy = 0.0;
};

// Trains a network with one optimizer, full batch or on shuffled mini-batches, through
// the core's Runner (so divergence, clipping and mini-batching are the same as on the
// 2-D surfaces), and records loss and accuracy on the training and test sets after
// every epoch. Advances in chunks (epochs or steps) so that a worker thread can
// interleave several trainers and stay responsive. Reproducible: the same objectives,
// start and settings give the same numbers, bit for bit.
//
// The objectives are borrowed: they must outlive the trainer, and, not being
// thread-safe, be used by one thread at a time (the trainer's).
class Trainer
{
public:
    // `test` may be null or have no samples: the test columns are then NaN.
    Trainer(const NetworkObjective& train, const NetworkObjective* test,
        std::unique_ptr<Optimizer> optimizer, const Vector& start,
        const TrainingSettings& settings);

    const TrainingSettings& settings() const { return settings_; }
    long long stepsPerEpoch() const { return stepsPerEpoch_; }
    int epochsDone() const { return static_cast<int>(runner_.stepsTaken() / stepsPerEpoch_); }
    long long stepsTaken() const { return runner_.stepsTaken(); }

    // Running while epochs remain; Finished at the budget; Diverged when θ, the
    // training loss or the test loss left the finite range (see Runner).
    RunStatus status() const { return status_; }
    // The step whose iterate was not finite, and the epoch it belonged to; −1 unless
    // Diverged.
    long long divergedAtStep() const { return divergedAtStep_; }
    int divergedAtEpoch() const { return divergedAtEpoch_; }

    // Up to `epochs` more whole epochs (a partly done epoch counts as one); returns how
    // many epochs were completed.
    int advanceEpochs(int epochs);
    // Up to `steps` more optimizer steps; an epoch is recorded when its last step is
    // taken. Returns the steps taken.
    long long advanceSteps(long long steps);
    void runToEnd() { advanceSteps(runner_.stepBudget() - runner_.stepsTaken()); }

    // Row 0 is the untrained network, row k the network after epoch k.
    const std::vector<EpochRecord>& history() const { return history_; }
    const Vector& parameters() const { return runner_.current(); }
    // θ with the training loss at epochs 0, s, 2s, … (if recorded), where s =
    // parameterHistoryStride() doubles whenever the history fills up. The latest epoch is
    // not necessarily among them: parameters() is.
    const Trajectory& parameterHistory() const { return parameterHistory_; }
    int parameterHistoryStride() const { return historyStride_; }
    const Runner& runner() const { return runner_; }
    const Optimizer& optimizer() const { return runner_.optimizer(); }

private:
    // Appends the row of the current epoch; false (and Diverged) if a loss is not finite.
    bool recordEpoch();
    void markDiverged(long long step);

    const NetworkObjective& train_;
    const NetworkObjective* test_;
    TrainingSettings settings_;
    long long stepsPerEpoch_ = 1;
    Runner runner_;
    std::vector<EpochRecord> history_;
    Trajectory parameterHistory_;
    int historyStride_ = 1;
    RunStatus status_ = RunStatus::Running;
    long long divergedAtStep_ = -1;
    int divergedAtEpoch_ = -1;
};

} // namespace optviz
