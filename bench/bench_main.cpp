// optviz-bench: measures the numbers we hold ourselves to (docs: spec/bench.md) and
// prints one JSON object per line. Exits 0 even when a metric misses its target or
// cannot be measured (that is a bug to report, said on stderr); 2 on a usage error.

#include "metric_registry.h"

#include <cmath>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view usage = R"(usage: optviz-bench [--list] [--only PREFIX]

Measures optviz's performance metrics and prints one JSON object per line:
  {"metric": "core.steps_per_s.adam.rosenbrock", "value": 2.3e+07, "unit": "1/s"}
Each timing is the median of several repetitions after a warm-up, single-threaded
(except sweep.*, which uses every core as the window does).

options:
  --list          print the metric names, one per line, and measure nothing
  --only PREFIX   only the metrics whose name starts with PREFIX (e.g. core. or surface.)
  --help          print this help
)";

int usageError(const std::string& message)
{
    std::cerr << "optviz-bench: " << message << " (see optviz-bench --help)\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace optviz::bench;

    bool list = false;
    std::string prefix;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return 0;
        }
        if (arg == "--list") {
            list = true;
        } else if (arg == "--only") {
            if (i + 1 >= argc)
                return usageError("--only needs a metric name prefix");
            prefix = argv[++i];
        } else if (arg.starts_with("--only=")) {
            prefix = arg.substr(std::string_view("--only=").size());
        } else {
            return usageError("unknown argument '" + std::string(arg)
                + "'; accepted: --list, --only PREFIX, --help");
        }
    }

    MetricRegistry registry;
    // One line per group of metrics; each group lives in its own file.
    registerCoreMetrics(registry);
    registerSurfaceMetrics(registry);
    registerMlpMetrics(registry);
    registerSweepMetrics(registry);
    registerUiMetrics(registry);
    registerNetworkUiMetrics(registry);
    registerView3DMetrics(registry);
    registerAnimationMetrics(registry);

    const std::vector<const Metric*> selected = registry.matching(prefix);
    if (selected.empty())
        return usageError("no metric name starts with '" + prefix + "'");

    if (list) {
        for (const Metric* metric : selected)
            std::cout << metric->name << '\n';
        return 0;
    }

    for (const Metric* metric : selected) {
        std::optional<double> value;
        try {
            value = metric->measure();
        } catch (const std::exception& error) {
            reportFailure(metric->name, error.what());
            continue;
        }
        if (!value)
            continue; // the metric has said why on stderr
        if (!std::isfinite(*value)) {
            reportFailure(metric->name, "the measurement is not a finite number");
            continue;
        }
        // Flushed line by line, so that a long run can be watched and a crash in a
        // later metric keeps the earlier results.
        std::cout << formatResult(*metric, *value) << std::endl;
    }
    return 0;
}
