#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

long long stepsPerEpochOf(int samples, int batchSize)
{
    if (batchSize <= 0 || batchSize >= samples)
        return 1;
    return (samples + batchSize - 1) / batchSize;
}

GradientSettings gradientSettings(const TrainingSettings& settings, int samples)
{
    GradientSettings gradient;
    gradient.seed = settings.shuffleSeed;
    gradient.clipNorm = settings.clipNorm;
    gradient.batchSize
        = settings.batchSize > 0 && settings.batchSize < samples ? settings.batchSize : 0;
    return gradient;
}

} // namespace

Trainer::Trainer(const NetworkObjective& train, const NetworkObjective* test,
    std::unique_ptr<Optimizer> optimizer, const Vector& start, const TrainingSettings& settings)
    : train_(train)
    , test_(test && test->sampleCount() > 0 ? test : nullptr)
    , settings_(settings)
    , stepsPerEpoch_(stepsPerEpochOf(train.sampleCount(), settings.batchSize))
    , runner_(train, std::move(optimizer), start,
          static_cast<long long>(std::max(settings.epochs, 0)) * stepsPerEpoch_,
          gradientSettings(settings, train.sampleCount()), settings.schedule)
    , parameterHistory_(train.dimension())
{
    // The trainer keeps its own per-epoch record; a per-step copy of θ is not needed.
    runner_.setRecording(false);
    settings_.parameterHistoryLimit = std::max(settings_.parameterHistoryLimit, 2);
    // Room for the whole run up front where that is modest, so that epochs allocate
    // nothing; past that the history grows as it goes.
    const auto rows = std::size_t(std::max(settings.epochs, 0)) + 1;
    if (settings_.recordParameters)
        parameterHistory_.reserve(std::min(rows, std::size_t(settings_.parameterHistoryLimit) + 1));
    history_.reserve(std::min<std::size_t>(rows, 1 << 16));
    if (runner_.status() == RunStatus::Diverged) {
        markDiverged(0);
        return;
    }
    if (recordEpoch() && runner_.status() == RunStatus::Finished)
        status_ = RunStatus::Finished;
}

void Trainer::markDiverged(long long step)
{
    status_ = RunStatus::Diverged;
    divergedAtStep_ = step;
    divergedAtEpoch_ = step == 0 ? 0 : static_cast<int>((step - 1) / stepsPerEpoch_) + 1;
}

bool Trainer::recordEpoch()
{
    const Vector& x = runner_.current();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EpochRecord record;
    record.step = runner_.stepsTaken();
    record.epoch = static_cast<int>(record.step / stepsPerEpoch_);
    // The runner has just evaluated the training loss at x, so this reuses its pass.
    const Evaluation train = train_.evaluate(x);
    record.trainLoss = train.loss;
    record.trainAccuracy = train.accuracy;
    record.testLoss = nan;
    record.testAccuracy = nan;
    if (test_) {
        const Evaluation test = test_->evaluate(x);
        record.testLoss = test.loss;
        record.testAccuracy = test.accuracy;
    }
    if (!std::isfinite(record.trainLoss) || (test_ && !std::isfinite(record.testLoss))) {
        markDiverged(record.step);
        return false;
    }
    history_.push_back(record);
    if (settings_.recordParameters && record.epoch % historyStride_ == 0) {
        if (int(parameterHistory_.size()) >= settings_.parameterHistoryLimit) {
            // Keep epochs 0, 2s, 4s, …: the same as recording every 2s from the start.
            Trajectory thinned(parameterHistory_.dimension());
            thinned.reserve(std::size_t(settings_.parameterHistoryLimit) + 1);
            for (std::size_t k = 0; k < parameterHistory_.size(); k += 2)
                thinned.append(parameterHistory_.point(k), parameterHistory_.loss(k));
            parameterHistory_ = std::move(thinned);
            historyStride_ *= 2;
        }
        if (record.epoch % historyStride_ == 0)
            parameterHistory_.append(x, record.trainLoss);
    }
    return true;
}

long long Trainer::advanceSteps(long long steps)
{
    long long taken = 0;
    while (taken < steps && status_ == RunStatus::Running) {
        const long long toBoundary = stepsPerEpoch_ - runner_.stepsTaken() % stepsPerEpoch_;
        const long long done = runner_.advance(std::min(steps - taken, toBoundary));
        taken += done;
        if (runner_.status() == RunStatus::Diverged) {
            markDiverged(runner_.divergedAtStep());
            break;
        }
        if (runner_.stepsTaken() % stepsPerEpoch_ == 0 && !recordEpoch())
            break;
        if (runner_.status() == RunStatus::Finished) {
            status_ = RunStatus::Finished;
            break;
        }
        if (done == 0)
            break;
    }
    return taken;
}

int Trainer::advanceEpochs(int epochs)
{
    if (epochs <= 0)
        return 0;
    const int before = static_cast<int>(history_.size());
    const long long partial = runner_.stepsTaken() % stepsPerEpoch_;
    advanceSteps(static_cast<long long>(epochs) * stepsPerEpoch_ - partial);
    return static_cast<int>(history_.size()) - before;
}

} // namespace optviz
