#include "cli_arguments.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace optviz::cli {

namespace {

const FlagSpec* findFlag(const std::vector<FlagSpec>& specs, std::string_view name)
{
    for (const FlagSpec& spec : specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

std::vector<std::string> flagNames(const std::vector<FlagSpec>& specs)
{
    std::vector<std::string> names;
    for (const FlagSpec& spec : specs)
        names.push_back(spec.name);
    return names;
}

// std::errc() for a whole integer; result_out_of_range for one beyond long long.
std::errc parseInteger(std::string_view text, long long& value)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::errc::invalid_argument;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (end != text.data() + text.size())
        return std::errc::invalid_argument;
    return error;
}

} // namespace

Arguments::Arguments(std::string_view command, const std::vector<FlagSpec>& specs,
    const std::vector<std::string>& words)
    : command_(command)
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (!word.starts_with("--"))
            throw InvalidArgument("unexpected argument '" + printable(word)
                + "'; options start with --, see optviz-cli " + command_ + " --help");
        std::string name = word;
        std::optional<std::string> inlineValue;
        if (const auto equals = word.find('='); equals != std::string::npos) {
            name = word.substr(0, equals);
            inlineValue = word.substr(equals + 1);
        }
        const FlagSpec* spec = findFlag(specs, name);
        if (!spec)
            throw InvalidArgument(unknownNameMessage("option", name, flagNames(specs)));
        if (!spec->repeatable && has(name))
            throw InvalidArgument(error(name, "is given twice; give it once"));
        std::string value;
        if (spec->takesValue) {
            if (inlineValue) {
                value = *inlineValue;
            } else {
                if (i + 1 >= words.size())
                    throw InvalidArgument(
                        error(name, "needs a value: " + name + " " + spec->valueHint));
                value = words[++i];
            }
            // No option takes an empty value: `--out ""` must not quietly mean stdout.
            if (value.empty())
                throw InvalidArgument(error(
                    name, "needs a value, not an empty one: " + name + " " + spec->valueHint));
        } else if (inlineValue) {
            throw InvalidArgument(error(name, "takes no value"));
        }
        given_.push_back({name, value});
    }
}

std::string Arguments::error(std::string_view flag, std::string_view problem) const
{
    return std::string(flag) + " " + std::string(problem);
}

bool Arguments::has(std::string_view flag) const
{
    return std::any_of(
        given_.begin(), given_.end(), [&](const GivenFlag& given) { return given.name == flag; });
}

std::optional<std::string> Arguments::text(std::string_view flag) const
{
    for (const GivenFlag& given : given_)
        if (given.name == flag)
            return given.value;
    return std::nullopt;
}

std::string Arguments::requiredText(std::string_view flag) const
{
    if (auto value = text(flag))
        return *value;
    throw InvalidArgument(std::string(flag) + " is required");
}

std::vector<std::string> Arguments::all(std::string_view flag) const
{
    std::vector<std::string> values;
    for (const GivenFlag& given : given_)
        if (given.name == flag)
            values.push_back(given.value);
    return values;
}

double Arguments::number(
    std::string_view flag, double fallback, double minimum, double maximum) const
{
    const auto given = text(flag);
    if (!given)
        return fallback;
    const std::string range = "[" + formatNumber(minimum) + ", " + formatNumber(maximum) + "]";
    double value = 0.0;
    if (!parseDouble(*given, value))
        throw InvalidArgument(error(flag,
            "'" + printable(*given) + "' is not a finite number; accepted: " + "a number in "
                + range));
    if (value < minimum || value > maximum)
        throw InvalidArgument(
            error(flag, printable(*given) + " is out of range; accepted: " + range));
    return value;
}

long long Arguments::integer(
    std::string_view flag, long long fallback, long long minimum, long long maximum) const
{
    const auto given = text(flag);
    if (!given)
        return fallback;
    const std::string range
        = "an integer in [" + std::to_string(minimum) + ", " + std::to_string(maximum) + "]";
    long long value = 0;
    std::errc problem = parseInteger(*given, value);
    // 1e6 is an integer too. The range is checked on the double before converting it.
    if (double number = 0.0; problem == std::errc::invalid_argument && parseDouble(*given, number)
        && number == std::floor(number)) {
        if (number < double(minimum) || number > double(maximum))
            throw InvalidArgument(
                error(flag, printable(*given) + " is out of range; accepted: " + range));
        value = static_cast<long long>(number);
        problem = std::errc();
    }
    if (problem == std::errc::result_out_of_range)
        throw InvalidArgument(
            error(flag, printable(*given) + " is out of range; accepted: " + range));
    if (problem != std::errc())
        throw InvalidArgument(
            error(flag, "'" + printable(*given) + "' is not an integer; accepted: " + range));
    if (value < minimum || value > maximum)
        throw InvalidArgument(
            error(flag, printable(*given) + " is out of range; accepted: " + range));
    return value;
}

std::uint64_t Arguments::seed(std::string_view flag, std::uint64_t fallback) const
{
    const auto given = text(flag);
    if (!given)
        return fallback;
    std::uint64_t value = 0;
    const auto [end, problem]
        = std::from_chars(given->data(), given->data() + given->size(), value);
    if (given->empty() || problem != std::errc() || end != given->data() + given->size())
        throw InvalidArgument(error(flag,
            "'" + printable(*given) + "' is not a seed; accepted: an integer in [0, "
                + std::to_string(UINT64_MAX) + "]"));
    return value;
}

std::string Arguments::choice(
    std::string_view flag, const std::vector<std::string>& choices, std::string_view fallback) const
{
    const auto given = text(flag);
    if (!given)
        return std::string(fallback);
    if (std::find(choices.begin(), choices.end(), *given) == choices.end())
        throw InvalidArgument(error(
            flag, "'" + printable(*given) + "' is not accepted; accepted: " + joinNames(choices)));
    return *given;
}

std::optional<Point2> Arguments::point(std::string_view flag) const
{
    const auto given = text(flag);
    if (!given)
        return std::nullopt;
    const auto comma = given->find(',');
    Point2 p;
    if (comma == std::string::npos || !parseDouble(std::string_view(*given).substr(0, comma), p.x)
        || !parseDouble(std::string_view(*given).substr(comma + 1), p.y))
        throw InvalidArgument(error(flag,
            "'" + printable(*given)
                + "' is not a point; accepted: X,Y with two "
                  "finite numbers, e.g. -1.5,2"));
    return p;
}

ParameterValues Arguments::parameterValues(std::string_view flag,
    const std::vector<std::string>& assignments, const ParameterSpecs& specs,
    std::string_view owner)
{
    ParameterValues values;
    for (const std::string& assignment : assignments) {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0)
            throw InvalidArgument(std::string(flag) + " '" + printable(assignment)
                + "' is not of the form name=value, e.g. lr=0.01");
        const std::string name = assignment.substr(0, equals);
        const ParameterSpec* spec = findParameter(specs, name);
        if (!spec)
            resolveParameters(specs, {{name, 0.0}}, owner); // throws, naming the accepted ones
        if (values.count(name))
            throw InvalidArgument(std::string(flag) + " " + printable(name) + " is given twice for "
                + std::string(owner));
        values[name]
            = parseParameterValue(*spec, std::string_view(assignment).substr(equals + 1), owner);
    }
    return values;
}

std::string usageText(
    std::string_view command, std::string_view synopsis, const std::vector<FlagSpec>& specs)
{
    std::string text = "usage: optviz-cli " + std::string(command) + " " + std::string(synopsis)
        + "\n\noptions:\n";
    for (const FlagSpec& spec : specs) {
        std::string left = "  " + spec.name;
        if (spec.takesValue)
            left += " " + spec.valueHint;
        if (left.size() < 28)
            left.resize(28, ' ');
        else
            left += "  ";
        text += left + spec.help + (spec.repeatable ? " (repeatable)" : "") + "\n";
    }
    return text;
}

} // namespace optviz::cli
