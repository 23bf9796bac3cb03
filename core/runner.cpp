#include "runner.h"

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {
// Reserving more than this many points up front would waste memory on long runs that
// are streamed elsewhere; past it the trajectory grows geometrically as usual.
constexpr long long reserveCap = 1 << 20;
// The same cap in coordinates (16 MB), so that a network with thousands of parameters
// does not reserve gigabytes for a trajectory it may never record.
constexpr long long reserveCoordinateCap = 2 * reserveCap;

// The check behind Runner::isFiniteIterate(), in a form the compiler inlines into the
// step loop: out of line, the call cost a tenth of a gradient-descent step on a surface.
bool finiteIterate(const Vector& x, double loss)
{
    if (!std::isfinite(loss))
        return false;
    for (Eigen::Index i = 0; i < x.size(); ++i)
        if (!(std::abs(x[i]) <= Runner::divergenceBound)) // also false for NaN
            return false;
    return true;
}
} // namespace

Runner::Runner(const Objective& objective, std::unique_ptr<Optimizer> optimizer,
    const Vector& start, long long stepBudget, const GradientSettings& gradient,
    const LearningRateSchedule& schedule)
    : objective_(objective)
    , optimizer_(std::move(optimizer))
    , oracle_(objective, gradient)
    , schedule_(schedule)
    , baseLearningRate_(optimizer_->learningRate())
    , trajectory_(objective.dimension())
    , x_(start)
    , stepBudget_(std::max(0LL, stepBudget))
{
    optimizer_->reset(objective.dimension());
    const long long pointCap
        = std::min(reserveCap, reserveCoordinateCap / std::max(1, objective.dimension()));
    trajectory_.reserve(static_cast<std::size_t>(std::min(stepBudget_, pointCap) + 1));
    loss_ = objective_.value(x_);
    if (!isFiniteIterate(x_, loss_)) {
        status_ = RunStatus::Diverged;
        divergedAtStep_ = 0;
        return;
    }
    trajectory_.append(x_, loss_);
    if (stepBudget_ == 0)
        status_ = RunStatus::Finished;
}

bool Runner::isFiniteIterate(const Vector& x, double loss)
{
    return finiteIterate(x, loss);
}

long long Runner::advance(long long steps)
{
    long long taken = 0;
    while (taken < steps && status_ == RunStatus::Running) {
        if (!schedule_.isConstant())
            optimizer_->setLearningRate(schedule_.rate(baseLearningRate_, stepsTaken_));
        oracle_.beginStep();
        optimizer_->step(oracle_, x_);
        ++stepsTaken_;
        ++taken;
        const double loss = objective_.value(x_);
        if (!finiteIterate(x_, loss)) {
            status_ = RunStatus::Diverged;
            divergedAtStep_ = stepsTaken_;
            break;
        }
        loss_ = loss;
        if (recording_)
            trajectory_.append(x_, loss_);
        if (observer_ && !observer_->stepTaken(stepsTaken_, x_, loss_)) {
            status_ = RunStatus::Finished;
            break;
        }
        if (stepsTaken_ >= stepBudget_)
            status_ = RunStatus::Finished;
    }
    return taken;
}

} // namespace optviz
