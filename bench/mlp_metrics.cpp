// mlp.*: the small network of core/network: one training step, and the loss on a plane
// through its parameter space.

#include "metric_registry.h"
#include "timing.h"

#include "core/network/dataset.h"
#include "core/network/loss_plane_grid.h"
#include "core/network/network_objective.h"
#include "core/network/seeds.h"
#include "core/optimizer.h"
#include "core/runner.h"

#include <cmath>
#include <optional>
#include <string>

namespace optviz::bench {

namespace {

// The spec's network: 2-16-16-1 tanh on 256 samples (moons, one logit, binary
// cross-entropy), float64.
NetworkObjective specNetwork()
{
    DataSplit data = makeDataSplit("moons", {{"samples", 256.0}, {"test_fraction", 0.0}});
    return NetworkObjective(
        Mlp({2, 16, 16, 1}, Activation::Tanh), Loss::BinaryCrossEntropy, std::move(data.train));
}

// Enough steps that a run takes tens of milliseconds, so that the runner's set-up and
// the timer's resolution vanish.
constexpr long long stepsPerRun = 4000;
constexpr TimingPlan stepPlan {1, 7};

std::optional<double> measureStep(const std::string& metric)
{
    const NetworkObjective objective = specNetwork();
    const Vector start
        = objective.network().initialParameters(deriveSeed(1, SeedStream::Initialization));
    double finalLoss = 0.0;
    RunStatus status = RunStatus::Running;
    // The real path: Runner (full-batch oracle, divergence check, the loss after each
    // step) driving Adam, trajectory recording off as the trainer runs it.
    const auto run = [&] {
        Runner runner(objective, makeOptimizer("adam", {{"lr", 0.01}}), start, stepsPerRun);
        runner.setRecording(false);
        runner.runToEnd();
        finalLoss = runner.currentLoss();
        status = runner.status();
    };
    const double seconds = medianSeconds(stepPlan, run);
    if (status != RunStatus::Finished || !std::isfinite(finalLoss)) {
        reportFailure(metric, "the training run did not finish with a finite loss");
        return std::nullopt;
    }
    keepResult(finalLoss);
    return seconds / double(stepsPerRun) * 1e6;
}

std::optional<double> measureSlice(const std::string& metric)
{
    const NetworkObjective objective = specNetwork();
    const Vector centre
        = objective.network().initialParameters(deriveSeed(1, SeedStream::Initialization));
    const LossPlane plane = LossPlane::filterNormalized(objective.network(), centre, 7);
    double checksum = 0.0;
    const double seconds = medianSeconds(TimingPlan {1, 5}, [&] {
        LossPlaneGrid grid(objective, plane, ViewRect {-1.0, 1.0, -1.0, 1.0}, 64, 64);
        grid.evaluateAll();
        checksum = grid.values()[2080];
    });
    if (!std::isfinite(checksum)) {
        reportFailure(metric, "the plane's loss is not finite");
        return std::nullopt;
    }
    keepResult(checksum);
    return seconds * 1e3;
}

} // namespace

void registerMlpMetrics(MetricRegistry& registry)
{
    const std::string step = "mlp.step_us.2-16-16-1.b256.adam";
    registry.add(step, "us", [step] { return measureStep(step); });
    const std::string slice = "mlp.slice_ms.64x64";
    registry.add(slice, "ms", [slice] { return measureSlice(slice); });
}

} // namespace optviz::bench
