#include "parameter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace optviz {

bool ParameterSpec::accepts(double value) const
{
    if (!std::isfinite(value))
        return false;
    if (value < minimum || (minimumExclusive && value == minimum))
        return false;
    if (value > maximum || (maximumExclusive && value == maximum))
        return false;
    if ((scale == Scale::Integer || scale == Scale::Boolean) && value != std::floor(value))
        return false;
    return true;
}

std::string ParameterSpec::rangeText() const
{
    if (scale == Scale::Boolean)
        return "true|false";
    std::string text = scale == Scale::Integer ? "integer in " : "";
    text += minimumExclusive ? "(" : "[";
    text += formatNumber(minimum) + ", " + formatNumber(maximum);
    text += maximumExclusive ? ")" : "]";
    return text;
}

std::string ParameterSpec::formatValue(double value) const
{
    if (scale == Scale::Boolean)
        return value != 0.0 ? "true" : "false";
    return formatNumber(value);
}

const ParameterSpec* findParameter(const ParameterSpecs& specs, std::string_view name)
{
    for (const ParameterSpec& spec : specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

static std::vector<std::string> namesOf(const ParameterSpecs& specs)
{
    std::vector<std::string> names;
    for (const ParameterSpec& spec : specs)
        names.push_back(spec.name);
    return names;
}

ParameterValues resolveParameters(const ParameterSpecs& specs, const ParameterValues& overrides,
                                  std::string_view owner)
{
    ParameterValues values;
    for (const ParameterSpec& spec : specs)
        values[spec.name] = spec.defaultValue;
    for (const auto& [name, value] : overrides) {
        const ParameterSpec* spec = findParameter(specs, name);
        if (!spec) {
            std::string message = std::string(owner) + " has no parameter '" + name + "'";
            message += specs.empty() ? " (it takes none)"
                                     : "; accepted: " + joinNames(namesOf(specs));
            throw InvalidArgument(message);
        }
        if (!spec->accepts(value))
            throw InvalidArgument(std::string(owner) + " parameter " + name + "="
                                  + formatNumber(value) + " is out of range; accepted: "
                                  + spec->rangeText());
        values[name] = value;
    }
    return values;
}

bool parseDouble(std::string_view text, double& value)
{
    if (text.empty())
        return false;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (*first == '+') // from_chars rejects a leading '+', which users do type
        ++first;
    auto [end, error] = std::from_chars(first, last, value);
    return error == std::errc() && end == last && std::isfinite(value);
}

double parseParameterValue(const ParameterSpec& spec, std::string_view text,
                           std::string_view owner)
{
    if (spec.scale == Scale::Boolean) {
        if (text == "true" || text == "1")
            return 1.0;
        if (text == "false" || text == "0")
            return 0.0;
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "='"
                              + std::string(text) + "' is not a boolean; accepted: true, false, 1, 0");
    }
    double value = 0.0;
    if (!parseDouble(text, value))
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "='"
                              + std::string(text) + "' is not a finite number; accepted: "
                              + spec.rangeText());
    if (!spec.accepts(value))
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "="
                              + std::string(text) + " is out of range; accepted: "
                              + spec.rangeText());
    return value;
}

std::string formatNumber(double value)
{
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return "?";
    return std::string(buffer, end);
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty())
            text += ", ";
        text += name;
    }
    return text;
}

} // namespace optviz
