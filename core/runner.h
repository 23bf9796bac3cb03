#pragma once

#include "gradient_oracle.h"
#include "lr_schedule.h"
#include "optimizer.h"
#include "trajectory.h"

#include <memory>

namespace optviz {

enum class RunStatus {
    Running, // steps remain in the budget
    Finished, // the step budget is used up
    Diverged // an iterate or its loss left the finite range: see divergedAtStep()
};

// Observes a run step by step (ensmallen's callbacks): streaming, early stopping and
// the Stop button are observers, not code inside the optimizers.
class RunObserver
{
public:
    virtual ~RunObserver() = default;
    // Called after each recorded step; returning false stops the run (Finished).
    virtual bool stepTaken(long long step, const Vector& x, double loss) = 0;
};

// Runs one optimizer on one objective from a start point: records the trajectory,
// detects divergence, respects a step budget and advances in chunks so that a caller
// can interleave several runs. No heap allocation inside the step loop (the trajectory
// is reserved for the budget up front, up to a cap). A learning-rate schedule sets the
// optimizer's lr before every step, from the lr it was built with.
class Runner
{
public:
    // An iterate whose coordinate exceeds this in magnitude counts as diverged.
    static constexpr double divergenceBound = 1e12;

    Runner(const Objective& objective, std::unique_ptr<Optimizer> optimizer, const Vector& start,
        long long stepBudget, const GradientSettings& gradient = {},
        const LearningRateSchedule& schedule = {});

    // Takes up to `steps` more steps; returns how many were taken.
    long long advance(long long steps);
    // Runs until the budget is used up or the run diverges.
    void runToEnd() { advance(stepBudget_ - stepsTaken_); }

    RunStatus status() const { return status_; }
    long long stepsTaken() const { return stepsTaken_; }
    long long stepBudget() const { return stepBudget_; }
    // The step whose iterate was not finite (or out of bounds); −1 unless Diverged.
    long long divergedAtStep() const { return divergedAtStep_; }

    const Trajectory& trajectory() const { return trajectory_; }
    // Trajectory recording can be switched off for callers that stream points elsewhere.
    void setRecording(bool recording) { recording_ = recording; }
    void setObserver(RunObserver* observer) { observer_ = observer; }

    const Vector& current() const { return x_; }
    double currentLoss() const { return loss_; }
    const Optimizer& optimizer() const { return *optimizer_; }
    const GradientOracle& oracle() const { return oracle_; }
    const LearningRateSchedule& schedule() const { return schedule_; }

    static bool isFiniteIterate(const Vector& x, double loss);

private:
    const Objective& objective_;
    std::unique_ptr<Optimizer> optimizer_;
    GradientOracle oracle_;
    LearningRateSchedule schedule_;
    double baseLearningRate_; // the optimizer's lr parameter, lr₀ of the schedule
    Trajectory trajectory_;
    Vector x_;
    double loss_ = 0.0;
    long long stepBudget_;
    long long stepsTaken_ = 0;
    long long divergedAtStep_ = -1;
    RunStatus status_ = RunStatus::Running;
    bool recording_ = true;
    RunObserver* observer_ = nullptr;
};

} // namespace optviz
