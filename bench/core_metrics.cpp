// core.*: how fast the library steps optimizers, and what its abstractions cost
// against a hand-written loop.

#include "bare_adam_loop.h"
#include "metric_registry.h"
#include "timing.h"

#include "core/optimizer.h"
#include "core/runner.h"
#include "core/surface.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace optviz::bench {

namespace {

// Long enough that one run takes tens of milliseconds (timer resolution and the
// runner's set-up vanish), short enough that all of core.* stays within a few seconds.
constexpr long long stepsPerRun = 1'000'000;
constexpr TimingPlan runPlan {0, 5}; // the checked first run is the warm-up

// The spec's start, which is also Rosenbrock's default start.
constexpr double startX = -1.5;
constexpr double startY = 2.0;

// Learning rates that keep each path finite for the whole run from (−1.5, 2). Near the
// start the largest Hessian eigenvalue of Rosenbrock is about 2100, so gradient descent
// (with or without momentum) is only stable below lr ≈ 2/2100 ≈ 1e-3: 1e-4 leaves room.
// The adaptive methods move about lr per coordinate per step whatever the gradient, so
// 1e-3 is safe; adagrad's steps shrink as it goes, so it gets its default 1e-2, and
// adadelta's lr only scales a step measured in units of its past steps (default 1).
struct OptimizerCase
{
    const char* name;
    double lr;
};

constexpr OptimizerCase optimizerCases[] = {
    {"gd", 1e-4},
    {"momentum", 1e-4},
    {"nesterov", 1e-4},
    {"adagrad", 1e-2},
    {"rmsprop", 1e-3},
    {"adadelta", 1.0},
    {"adam", 1e-3},
    {"adamw", 1e-3},
    {"nadam", 1e-3},
    {"radam", 1e-3},
    {"rprop", 1e-3},
};

struct RunOutcome
{
    RunStatus status = RunStatus::Running;
    long long steps = 0;
    long long divergedAt = -1;
    std::size_t recorded = 0;
    double x = 0.0;
    double y = 0.0;
};

// One recorded run, as the window and the CLI make them: set-up, the steps, tear-down.
RunOutcome runRecorded(const Surface& surface, const char* optimizer, double lr)
{
    Vector start(2);
    start << startX, startY;
    Runner runner(surface, makeOptimizer(optimizer, {{"lr", lr}}), start, stepsPerRun);
    runner.runToEnd();
    RunOutcome outcome;
    outcome.status = runner.status();
    outcome.steps = runner.stepsTaken();
    outcome.divergedAt = runner.divergedAtStep();
    outcome.recorded = runner.trajectory().size();
    outcome.x = runner.current()[0];
    outcome.y = runner.current()[1];
    return outcome;
}

// Whether the run went the whole way with every point finite and recorded; says why
// not on stderr.
bool checkRun(const std::string& metric, const RunOutcome& outcome)
{
    if (outcome.status == RunStatus::Diverged) {
        reportFailure(metric,
            "the run diverged at step " + std::to_string(outcome.divergedAt)
                + "; lower its learning rate in bench/core_metrics.cpp");
        return false;
    }
    if (outcome.status != RunStatus::Finished || outcome.steps != stepsPerRun
        || outcome.recorded != static_cast<std::size_t>(stepsPerRun) + 1
        || !std::isfinite(outcome.x) || !std::isfinite(outcome.y)) {
        reportFailure(metric,
            "the run stopped after " + std::to_string(outcome.steps) + " of "
                + std::to_string(stepsPerRun) + " steps with " + std::to_string(outcome.recorded)
                + " points recorded");
        return false;
    }
    return true;
}

std::optional<double> measureStepsPerSecond(const std::string& metric, const OptimizerCase& oc)
{
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    if (!checkRun(metric, runRecorded(*surface, oc.name, oc.lr)))
        return std::nullopt;
    const double seconds = medianSeconds(runPlan, [&] {
        const RunOutcome outcome = runRecorded(*surface, oc.name, oc.lr);
        keepResult(outcome.x + outcome.y);
    });
    return static_cast<double>(stepsPerRun) / seconds;
}

// The recorded points of the hand-written loop, allocated the way the trajectory's are
// (reserved, not yet touched), so that both sides pay the same page faults.
struct BareRun
{
    std::unique_ptr<double[]> xs, ys, losses;
};

BareRun runBare(const BareAdamProblem& problem)
{
    const auto points = static_cast<std::size_t>(stepsPerRun) + 1;
    BareRun run {std::make_unique_for_overwrite<double[]>(points),
        std::make_unique_for_overwrite<double[]>(points),
        std::make_unique_for_overwrite<double[]>(points)};
    runBareAdamLoop(
        problem, startX, startY, stepsPerRun, run.xs.get(), run.ys.get(), run.losses.get());
    return run;
}

bool nearlyEqual(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max({std::abs(a), std::abs(b), 1e-300});
}

std::optional<double> measureAdamOverhead(const std::string& metric)
{
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    const BareAdamProblem problem; // Rosenbrock a = 1, b = 100; Adam's defaults

    // Warm-up, and the check that both sides compute the same trajectory: a ratio of
    // two different computations would mean nothing.
    const RunOutcome library = runRecorded(*surface, "adam", problem.lr);
    if (!checkRun(metric, library))
        return std::nullopt;
    {
        const BareRun bare = runBare(problem);
        const double bareX = bare.xs[stepsPerRun];
        const double bareY = bare.ys[stepsPerRun];
        if (!nearlyEqual(library.x, bareX, 1e-9) || !nearlyEqual(library.y, bareY, 1e-9)) {
            char message[200];
            std::snprintf(message, sizeof message,
                "the library and the bare loop end at different points: "
                "(%.17g, %.17g) vs (%.17g, %.17g)",
                library.x, library.y, bareX, bareY);
            reportWarning(metric, message);
        }
    }

    // Alternate the two so that a slow spell of the machine hits both alike.
    std::vector<double> librarySeconds, bareSeconds;
    for (int i = 0; i < runPlan.repetitions; ++i) {
        librarySeconds.push_back(secondsOf([&] {
            const RunOutcome outcome = runRecorded(*surface, "adam", problem.lr);
            keepResult(outcome.x + outcome.y);
        }));
        bareSeconds.push_back(secondsOf([&] {
            const BareRun bare = runBare(problem);
            keepResult(bare.xs[stepsPerRun] + bare.ys[stepsPerRun] + bare.losses[stepsPerRun]);
        }));
    }
    return median(librarySeconds) / median(bareSeconds);
}

} // namespace

void registerCoreMetrics(MetricRegistry& registry)
{
    for (const OptimizerCase& oc : optimizerCases) {
        const std::string name = std::string("core.steps_per_s.") + oc.name + ".rosenbrock";
        registry.add(name, "1/s", [name, oc] { return measureStepsPerSecond(name, oc); });
    }
    const std::string overhead = "core.overhead_vs_bare_loop.adam";
    registry.add(overhead, "ratio", [overhead] { return measureAdamOverhead(overhead); });
}

} // namespace optviz::bench
