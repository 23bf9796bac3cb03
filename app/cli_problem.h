#pragma once

#include "cli_arguments.h"
#include "core/gradient_oracle.h"
#include "core/lr_schedule.h"
#include "core/optimizer.h"
#include "core/run_setup.h"
#include "core/surface.h"

#include <memory>
#include <optional>

namespace optviz::cli {

// A surface with an optimizer, a start and a step budget, as given on the command line
// by the flags that `run`, `sweep` and `render` share.
struct Problem
{
    std::string surfaceName;
    ParameterValues surfaceParameters; // as given (overrides of the defaults)
    std::string expression; // --expr: the formula of surface expr, else empty
    std::unique_ptr<Surface> surface;
    std::string optimizerName;
    ParameterValues optimizerParameters; // as given
    LearningRateSchedule schedule; // constant unless --schedule
    Point2 start;
    long long steps = 0;
    GradientSettings gradient;

    std::unique_ptr<Optimizer> makeOptimizer() const;
};

// Largest step budget the CLI accepts: a billion steps is minutes of computing and
// tens of gigabytes of CSV, past any sensible request.
constexpr long long maxSteps = 1'000'000'000;

// --surface, --surface-param, --optimizer, --param, --schedule, --schedule-param, --start,
// --steps, --noise, --seed, --batch-size, --clip-norm.
std::vector<FlagSpec> problemFlags();

// Reads and validates those flags; throws InvalidArgument naming the offending one.
Problem parseProblem(const Arguments& arguments);

// Parses --surface, --surface-param and --expr into a surface (shared with commands that
// take no optimizer). --surface expr needs --expr, which no other surface takes; a
// formula that does not parse is an InvalidArgument "--expr: position P: expected ...".
// `expression`, when given, receives the formula.
std::unique_ptr<Surface> parseSurface(const Arguments& arguments, std::string& name,
    ParameterValues& parameters, std::string* expression = nullptr);

// The schedule named by --schedule (empty: constant) with its --schedule-param
// assignments, checked against the catalogue.
LearningRateSchedule parseSchedule(
    const std::optional<std::string>& name, const std::vector<std::string>& assignments);

// Reads --noise, --seed, --batch-size and --clip-norm for the given objective.
GradientSettings parseGradientSettings(const Arguments& arguments, const Objective& objective);

// What every run of `sweep` and `basins` shares: `problem` without its start. The
// surface factory builds a fresh copy of problem's surface per thread (from its name,
// parameters and formula, already checked).
RunSetup runSetupFor(const Problem& problem);

} // namespace optviz::cli
