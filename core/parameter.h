#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace optviz {

// How a parameter is shown and stepped: a log-scale slider for learning rates and
// epsilons, a linear one for betas, a spin box for counts, a check box for flags.
enum class Scale { Linear, Log, Integer, Boolean };

// One tunable parameter of an optimizer or a surface: the single source of truth that
// the CLI validates against, `optviz-cli list` prints and the window turns into controls.
struct ParameterSpec
{
    std::string name;
    double defaultValue = 0.0;
    double minimum = 0.0; // accepted range, for validation
    double maximum = 0.0;
    bool minimumExclusive = false; // e.g. lr must be > 0
    bool maximumExclusive = false; // e.g. momentum must be < 1
    Scale scale = Scale::Linear;
    std::string meaning; // one line, shown in `list` and as a tooltip

    bool accepts(double value) const;
    // "(0, 10]", "[0, 1)", "true|false", "integer in [1, 100000]".
    std::string rangeText() const;
    // The value as a user would type it: "0.001", "true", "50".
    std::string formatValue(double value) const;
};

using ParameterSpecs = std::vector<ParameterSpec>;

// Parameter values by name; std::less<> allows lookup by string_view.
using ParameterValues = std::map<std::string, double, std::less<>>;

// Bad input from a user (a CLI flag, a scene file, a typed field): the message is one
// clear line naming what is wrong and what is accepted.
class InvalidArgument : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

const ParameterSpec* findParameter(const ParameterSpecs& specs, std::string_view name);

// The defaults of `specs` overridden by `overrides`. Throws InvalidArgument for an
// unknown name (listing the accepted ones) or a value outside its range. `owner` names
// the optimizer or surface in messages.
ParameterValues resolveParameters(
    const ParameterSpecs& specs, const ParameterValues& overrides, std::string_view owner);

// Parses a parameter value as typed by a user: a number in any usual notation, or
// true/false/1/0 for booleans. Throws InvalidArgument naming the parameter.
double parseParameterValue(
    const ParameterSpec& spec, std::string_view text, std::string_view owner);

// Parses a finite double, the whole string; false if it is not one.
bool parseDouble(std::string_view text, double& value);

// Shortest text that reads back as the same double ("0.10000000000000001" is "0.1").
std::string formatNumber(double value);

// `text` as a one-line message may quote it: control characters and bytes that are not
// UTF-8 escaped as \xNN, and cut after `maxCharacters` characters ("..."), so that a
// hostile value can neither break the message's line nor flood the terminal.
std::string printable(std::string_view text, std::size_t maxCharacters = 60);

// "a, b, c" — for messages listing the accepted names.
std::string joinNames(const std::vector<std::string>& names);

// The candidate closest to a mistyped name (edit distance ≤ 2, or a prefix), or "".
std::string closestName(std::string_view typed, const std::vector<std::string>& candidates);

// "unknown optimizer 'adma'; did you mean 'adam'? accepted: sgd, gd, ..." — one line.
std::string unknownNameMessage(
    std::string_view what, std::string_view typed, const std::vector<std::string>& candidates);

} // namespace optviz
