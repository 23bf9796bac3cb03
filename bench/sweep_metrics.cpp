// sweep.*: hyperparameter maps on every core (core/sweep.h), the window's "Hyperparameter
// map" and `optviz-cli sweep`. Unlike the other groups these use all the cores, as the
// window does: the target (issue 7) is a 100 × 100 map of 1000-step runs in ≤ 1 s on a
// 2-core machine.

#include "metric_registry.h"
#include "timing.h"

#include "core/sweep.h"

#include <cmath>
#include <optional>
#include <string>

namespace optviz::bench {

namespace {

// Adam on Rosenbrock from the spec's start over lr ∈ [1e-4, 0.1] (log) × beta1 ∈ [0, 0.99]:
// a map a teacher would draw, in which almost every run goes the whole 1000 steps (Adam
// seldom diverges), so the time is that of 10⁷ real steps, not of early exits.
std::optional<double> measureMap(const std::string& metric)
{
    RunSetup setup;
    setup.surface = [] { return makeSurface("rosenbrock"); };
    setup.optimizer = "adam";
    setup.steps = 1000;
    const std::vector<SweepAxis> axes
        = {{"lr", 1e-4, 0.1, true, 100}, {"beta1", 0.0, 0.99, false, 100}};
    const Point2 start {-1.5, 2.0};

    const SweepResult check = runSweep(setup, start, axes, 1e-6);
    long long diverged = 0;
    for (const SweepRun& run : check.runs) {
        diverged += run.diverged ? 1 : 0;
        if (!run.diverged && !std::isfinite(run.finalLoss)) {
            reportFailure(metric, "a run that did not diverge ended with a non-finite loss");
            return std::nullopt;
        }
    }
    if (!check.complete || check.runs.size() != 10000) {
        reportFailure(metric, "the sweep did not run all 10000 runs");
        return std::nullopt;
    }
    if (diverged > 100)
        reportWarning(metric,
            std::to_string(diverged)
                + " of 10000 runs diverged: the time is not that of 10⁷ steps");
    const double seconds = medianSeconds(TimingPlan {1, 5}, [&] {
        const SweepResult result = runSweep(setup, start, axes, 1e-6);
        keepResult(result.runs.back().finalLoss);
    });
    return seconds * 1e3;
}

} // namespace

void registerSweepMetrics(MetricRegistry& registry)
{
    const std::string map = "sweep.map_100x100_1000_steps_ms";
    registry.add(map, "ms", [map] { return measureMap(map); });
}

} // namespace optviz::bench
