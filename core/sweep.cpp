#include "sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

const char* const axisForm = "NAME=LO:HI:lin|log:COUNT, e.g. lr=1e-4:1:log:50";

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = text.find(separator, begin);
        parts.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
        if (end == std::string_view::npos)
            return parts;
        begin = end + 1;
    }
}

std::vector<std::string> parameterNames(const OptimizerInfo& optimizer)
{
    std::vector<std::string> names;
    for (const ParameterSpec& spec : optimizer.parameters)
        names.push_back(spec.name);
    return names;
}

// Whether the loss of each step has come within the tolerance yet.
class ToleranceWatch final : public RunObserver
{
public:
    explicit ToleranceWatch(double threshold)
        : threshold_(threshold)
    {
    }
    void check(long long step, double loss)
    {
        if (first_ < 0 && loss <= threshold_)
            first_ = step;
    }
    bool stepTaken(long long step, const Vector&, double loss) override
    {
        check(step, loss);
        return true;
    }
    long long first() const { return first_; }

private:
    double threshold_;
    long long first_ = -1;
};

} // namespace

SweepAxis SweepAxis::parse(std::string_view text, const OptimizerInfo& optimizer)
{
    const std::size_t equals = text.find('=');
    const std::vector<std::string_view> fields = equals == std::string_view::npos
        ? std::vector<std::string_view> {}
        : split(text.substr(equals + 1), ':');
    if (equals == std::string_view::npos || equals == 0 || fields.size() != 4)
        throw InvalidArgument("'" + printable(text) + "' is not " + axisForm);
    SweepAxis axis;
    axis.name = std::string(text.substr(0, equals));
    if (!findParameter(optimizer.parameters, axis.name))
        throw InvalidArgument(unknownNameMessage(
            optimizer.name + " parameter", axis.name, parameterNames(optimizer)));
    if (!parseDouble(fields[0], axis.low))
        throw InvalidArgument(axis.name + ": LO '" + printable(fields[0])
            + "' is not a finite number; expected " + axisForm);
    if (!parseDouble(fields[1], axis.high))
        throw InvalidArgument(axis.name + ": HI '" + printable(fields[1])
            + "' is not a finite number; expected " + axisForm);
    if (fields[2] != "lin" && fields[2] != "log")
        throw InvalidArgument(axis.name + ": scale '" + printable(fields[2])
            + "' is not accepted; accepted: lin, log");
    axis.logarithmic = fields[2] == "log";
    double count = 0.0;
    if (!parseDouble(fields[3], count) || count != std::floor(count) || count < minCount
        || count > maxCount)
        throw InvalidArgument(axis.name + ": COUNT '" + printable(fields[3])
            + "' is not accepted; accepted: an integer in [" + std::to_string(minCount) + ", "
            + std::to_string(maxCount) + "]");
    axis.count = static_cast<int>(count);
    axis.check(optimizer);
    return axis;
}

void SweepAxis::check(const OptimizerInfo& optimizer) const
{
    const ParameterSpec* spec = findParameter(optimizer.parameters, name);
    if (!spec)
        throw InvalidArgument(
            unknownNameMessage(optimizer.name + " parameter", name, parameterNames(optimizer)));
    if (count < minCount || count > maxCount)
        throw InvalidArgument(name + ": COUNT " + std::to_string(count)
            + " is not accepted; accepted: an integer in [" + std::to_string(minCount) + ", "
            + std::to_string(maxCount) + "]");
    if (spec->scale == Scale::Boolean) {
        if (low != 0.0 || high != 1.0 || logarithmic || count != 2)
            throw InvalidArgument(name + " is a flag (true|false); vary it as " + name
                + "=0:1:lin:2 to compare both settings");
        return;
    }
    if (!std::isfinite(low) || !std::isfinite(high))
        throw InvalidArgument(name + ": LO and HI must be finite numbers");
    if (!(low < high))
        throw InvalidArgument(name + ": LO must be below HI (got LO=" + formatNumber(low)
            + ", HI=" + formatNumber(high) + ")");
    const bool integer = spec->scale == Scale::Integer;
    for (const double end : {low, high})
        if (!spec->accepts(integer ? std::round(end) : end))
            throw InvalidArgument(name + "=" + formatNumber(end) + " is out of range for "
                + optimizer.name + "; accepted: " + spec->rangeText());
    if (logarithmic && low <= 0.0)
        throw InvalidArgument(name + ": a log scale needs LO > 0 (got LO=" + formatNumber(low)
            + "); use lin, or a positive LO");
    if (integer) {
        const std::vector<double> grid = values(optimizer);
        if (std::adjacent_find(grid.begin(), grid.end()) != grid.end())
            throw InvalidArgument(name + " takes integers: COUNT " + std::to_string(count)
                + " would repeat values between " + formatNumber(low) + " and " + formatNumber(high)
                + "; give a smaller COUNT");
    }
}

std::vector<double> SweepAxis::values(const OptimizerInfo& optimizer) const
{
    const ParameterSpec* spec = findParameter(optimizer.parameters, name);
    const bool integer = spec && (spec->scale == Scale::Integer || spec->scale == Scale::Boolean);
    std::vector<double> grid(static_cast<std::size_t>(std::max(count, 0)));
    const double last = count > 1 ? count - 1.0 : 1.0;
    for (int i = 0; i < count; ++i) {
        const double t = i / last;
        double value = logarithmic ? std::exp(std::log(low) + t * (std::log(high) - std::log(low)))
                                   : low + t * (high - low);
        if (i == 0)
            value = low; // exactly the ends the user typed, not a rounding away from them
        else if (i == count - 1)
            value = high;
        grid[static_cast<std::size_t>(i)] = integer ? std::round(value) : value;
    }
    return grid;
}

std::string SweepAxis::text() const
{
    return name + "=" + formatNumber(low) + ":" + formatNumber(high) + ":"
        + (logarithmic ? "log" : "lin") + ":" + std::to_string(count);
}

const SweepRun& SweepResult::at(int i, int j) const
{
    const std::size_t columns = values.size() > 1 ? values[1].size() : 1;
    return runs[static_cast<std::size_t>(i) * columns + static_cast<std::size_t>(j)];
}

SweepResult runSweep(const RunSetup& setup, Point2 start, const std::vector<SweepAxis>& axes,
    double tolerance, const ParallelControl& control)
{
    const OptimizerInfo* info = findOptimizer(setup.optimizer);
    if (!info)
        throw InvalidArgument(unknownNameMessage("optimizer", setup.optimizer, optimizerNames()));
    if (axes.empty() || axes.size() > 2)
        throw InvalidArgument(
            "a sweep varies one or two parameters, not " + std::to_string(axes.size()));
    if (axes.size() == 2 && axes[0].name == axes[1].name)
        throw InvalidArgument(axes[0].name + " is varied twice; vary two different parameters");
    if (!std::isfinite(tolerance) || tolerance < 0.0)
        throw InvalidArgument(
            "tolerance " + formatNumber(tolerance) + " is not accepted; accepted: a number ≥ 0");
    makeOptimizer(setup.optimizer, setup.parameters); // the fixed parameters, checked once

    SweepResult result;
    result.axes = axes;
    for (const SweepAxis& axis : axes) {
        axis.check(*info);
        result.values.push_back(axis.values(*info));
    }
    const std::size_t columns = axes.size() > 1 ? result.values[1].size() : 1;
    const long long total = static_cast<long long>(result.values[0].size() * columns);
    result.runs.resize(static_cast<std::size_t>(total));

    const int threads = parallelThreadCount(control, total);
    const std::vector<std::unique_ptr<Surface>> surfaces
        = surfacesPerThread(setup.surface, threads);
    double threshold = -std::numeric_limits<double>::infinity(); // never reached
    for (const Point2& minimum : surfaces.front()->minima()) {
        const double value = surfaces.front()->value2(minimum.x, minimum.y);
        if (!result.hasMinimum || value < result.minimumValue)
            result.minimumValue = value;
        result.hasMinimum = true;
    }
    if (result.hasMinimum)
        threshold = result.minimumValue + tolerance;
    Vector startVector(2);
    startVector << start.x, start.y;

    result.complete = parallelRuns(total, control, [&](int thread, long long item) {
        const std::size_t i = static_cast<std::size_t>(item) / columns;
        const std::size_t j = static_cast<std::size_t>(item) % columns;
        ParameterValues parameters = setup.parameters;
        parameters[axes[0].name] = result.values[0][i];
        if (axes.size() > 1)
            parameters[axes[1].name] = result.values[1][j];
        std::unique_ptr<Optimizer> optimizer;
        try {
            optimizer = makeOptimizer(setup.optimizer, parameters);
        } catch (const InvalidArgument& error) {
            std::string at = axes[0].name + "=" + formatNumber(result.values[0][i]);
            if (axes.size() > 1)
                at += ", " + axes[1].name + "=" + formatNumber(result.values[1][j]);
            throw InvalidArgument("at " + at + ": " + error.what());
        }
        Runner runner(*surfaces[static_cast<std::size_t>(thread)], std::move(optimizer),
            startVector, setup.steps, setup.gradient, setup.schedule);
        runner.setRecording(false);
        ToleranceWatch watch(threshold);
        if (runner.status() != RunStatus::Diverged)
            watch.check(0, runner.currentLoss());
        runner.setObserver(&watch);
        if (!runToEndUnlessCancelled(runner, control))
            return;
        SweepRun& run = result.runs[static_cast<std::size_t>(item)];
        run.finalLoss = runner.currentLoss();
        run.stepsToTolerance = watch.first();
        run.diverged = runner.status() == RunStatus::Diverged;
    });
    return result;
}

} // namespace optviz
