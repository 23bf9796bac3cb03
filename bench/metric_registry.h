#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optviz::bench {

// One named measurement. `measure` returns the value, or nothing when the measurement
// could not be made (a run diverged, a result was not finite); it has then already said
// why on stderr through reportFailure().
struct Metric
{
    std::string name; // "core.steps_per_s.adam.rosenbrock"
    std::string unit; // "1/s", "ms", "ratio"
    std::function<std::optional<double>()> measure;
};

// The metrics in the order they are listed and run. Each group of metrics (core.*,
// surface.*, later ui.*, mlp.*, app.*, mem.*) lives in its own file and adds itself
// through a register…Metrics(MetricRegistry&) function called from bench_main.cpp.
class MetricRegistry
{
public:
    void add(std::string name, std::string unit, std::function<std::optional<double>()> measure);

    const std::vector<Metric>& metrics() const { return metrics_; }
    // The metrics whose name starts with `prefix` (all of them for an empty prefix).
    std::vector<const Metric*> matching(std::string_view prefix) const;

private:
    std::vector<Metric> metrics_;
};

// Says on stderr why `metric` produced no value; the program goes on with the others.
void reportFailure(std::string_view metric, std::string_view reason);
// A warning about `metric` that does not stop it from producing a value.
void reportWarning(std::string_view metric, std::string_view message);

// The one-line JSON object of the output format:
//   {"metric": "core.steps_per_s.adam.rosenbrock", "value": 2.3e+07, "unit": "1/s"}
std::string formatResult(const Metric& metric, double value);

// The groups of metrics, one file each.
void registerCoreMetrics(MetricRegistry& registry);
void registerSurfaceMetrics(MetricRegistry& registry);
void registerMlpMetrics(MetricRegistry& registry);
// sweep.*: hyperparameter maps, on every core.
void registerSweepMetrics(MetricRegistry& registry);
// ui.*, app.* and mem.*: the window (they create the QApplication when first run).
void registerUiMetrics(MetricRegistry& registry);
// ui.network_*: the network workspace (registered after ui.*, whose QApplication it uses).
void registerNetworkUiMetrics(MetricRegistry& registry);
// ui.view3d_*: the 3-D view's mesh, texture and paths (no OpenGL needed).
void registerView3DMetrics(MetricRegistry& registry);
// ui.gif_*: animation export (after ui.*, whose QApplication it uses).
void registerAnimationMetrics(MetricRegistry& registry);

} // namespace optviz::bench
