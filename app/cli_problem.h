#pragma once

#include "cli_arguments.h"
#include "core/gradient_oracle.h"
#include "core/optimizer.h"
#include "core/surface.h"

#include <memory>

namespace optviz::cli {

// A surface with an optimizer, a start and a step budget, as given on the command line
// by the flags that `run`, `sweep` and `render` share.
struct Problem
{
    std::string surfaceName;
    ParameterValues surfaceParameters; // as given (overrides of the defaults)
    std::unique_ptr<Surface> surface;
    std::string optimizerName;
    ParameterValues optimizerParameters; // as given
    Point2 start;
    long long steps = 0;
    GradientSettings gradient;

    std::unique_ptr<Optimizer> makeOptimizer() const;
};

// Largest step budget the CLI accepts: a billion steps is minutes of computing and
// tens of gigabytes of CSV, past any sensible request.
constexpr long long maxSteps = 1'000'000'000;

// --surface, --surface-param, --optimizer, --param, --start, --steps, --noise, --seed,
// --batch-size, --clip-norm.
std::vector<FlagSpec> problemFlags();

// Reads and validates those flags; throws InvalidArgument naming the offending one.
Problem parseProblem(const Arguments& arguments);

// Parses --surface and --surface-param into a surface (shared with commands that take
// no optimizer).
std::unique_ptr<Surface> parseSurface(
    const Arguments& arguments, std::string& name, ParameterValues& parameters);

// Reads --noise, --seed, --batch-size and --clip-norm for the given objective.
GradientSettings parseGradientSettings(const Arguments& arguments, const Objective& objective);

} // namespace optviz::cli
