#pragma once

#include "core/parameter.h"
#include "core/surface.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace optviz::cli {

// A flag a command accepts: "--steps" with a value, "--help" without.
struct FlagSpec
{
    std::string name; // with the leading dashes
    bool takesValue = true;
    bool repeatable = false;
    std::string valueHint; // "N", "X,Y", "k=v": for the usage text
    std::string help; // one line
};

// One flag as given, in command-line order (order matters: render's --param applies to
// the --optimizer before it).
struct GivenFlag
{
    std::string name;
    std::string value;
};

// The parsed command line of one sub-command. Every error is an InvalidArgument whose
// message is one line naming the argument and what is accepted; the CLI prints it and
// exits with 2.
class Arguments
{
public:
    // Accepts "--flag value" and "--flag=value"; rejects unknown flags (suggesting the
    // closest), missing values, positional words and repeats of non-repeatable flags.
    Arguments(std::string_view command, const std::vector<FlagSpec>& specs,
        const std::vector<std::string>& words);

    const std::vector<GivenFlag>& given() const { return given_; }
    bool has(std::string_view flag) const;
    std::optional<std::string> text(std::string_view flag) const;
    std::string requiredText(std::string_view flag) const;
    std::vector<std::string> all(std::string_view flag) const;

    double number(std::string_view flag, double fallback, double minimum, double maximum) const;
    long long integer(
        std::string_view flag, long long fallback, long long minimum, long long maximum) const;
    std::uint64_t seed(std::string_view flag, std::uint64_t fallback) const;
    // One of `choices`, e.g. --format csv|json.
    std::string choice(std::string_view flag, const std::vector<std::string>& choices,
        std::string_view fallback) const;
    // "X,Y" with two finite numbers.
    std::optional<Point2> point(std::string_view flag) const;

    // Turns "k=v" strings (of --param or --surface-param) into values checked against
    // `specs`; `owner` names the optimizer or surface in messages.
    static ParameterValues parameterValues(std::string_view flag,
        const std::vector<std::string>& assignments, const ParameterSpecs& specs,
        std::string_view owner);

    std::string error(std::string_view flag, std::string_view problem) const;

private:
    std::string command_;
    std::vector<GivenFlag> given_;
};

// The usage text of a command, from its flags.
std::string usageText(
    std::string_view command, std::string_view synopsis, const std::vector<FlagSpec>& specs);

} // namespace optviz::cli
