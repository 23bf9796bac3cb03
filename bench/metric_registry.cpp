#include "metric_registry.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace optviz::bench {

namespace {

// Metric names and units are plain ASCII, but a JSON writer that would emit a broken
// line for a stray quote is a trap for whoever adds the next metric.
std::string jsonString(std::string_view text)
{
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            quoted += escaped;
        } else {
            quoted += c;
        }
    }
    quoted += '"';
    return quoted;
}

} // namespace

void MetricRegistry::add(
    std::string name, std::string unit, std::function<std::optional<double>()> measure)
{
    for (const Metric& metric : metrics_)
        if (metric.name == name)
            throw std::logic_error("optviz-bench: metric " + name + " registered twice");
    metrics_.push_back({std::move(name), std::move(unit), std::move(measure)});
}

std::vector<const Metric*> MetricRegistry::matching(std::string_view prefix) const
{
    std::vector<const Metric*> result;
    for (const Metric& metric : metrics_)
        if (std::string_view(metric.name).starts_with(prefix))
            result.push_back(&metric);
    return result;
}

void reportFailure(std::string_view metric, std::string_view reason)
{
    std::cerr << "optviz-bench: " << metric << ": no value: " << reason << '\n';
}

void reportWarning(std::string_view metric, std::string_view message)
{
    std::cerr << "optviz-bench: " << metric << ": warning: " << message << '\n';
}

std::string formatResult(const Metric& metric, double value)
{
    // Five significant digits: more than the run-to-run noise of any timing here.
    char number[32];
    std::snprintf(number, sizeof number, "%.5g", value);
    return "{\"metric\": " + jsonString(metric.name) + ", \"value\": " + number
        + ", \"unit\": " + jsonString(metric.unit) + "}";
}

} // namespace optviz::bench
