#include "cli_problem.h"

namespace optviz::cli {

std::unique_ptr<Optimizer> Problem::makeOptimizer() const
{
    return optviz::makeOptimizer(optimizerName, optimizerParameters);
}

std::vector<FlagSpec> problemFlags()
{
    return {
        {"--surface", true, false, "NAME", "the surface (see optviz-cli list)"},
        {"--surface-param", true, true, "k=v", "a surface parameter"},
        {"--optimizer", true, false, "NAME", "the optimizer (see optviz-cli list)"},
        {"--param", true, true, "k=v", "an optimizer parameter, e.g. lr=0.01"},
        {"--start", true, false, "X,Y", "start point (default: the surface's)"},
        {"--steps", true, false, "N", "number of steps (default 100)"},
        {"--noise", true, false, "SIGMA", "add N(0, SIGMA²) noise to each gradient component"},
        {"--seed", true, false, "S", "seed of the noise and the mini-batches (default 1)"},
        {"--batch-size", true, false, "B", "mini-batch size on data surfaces (linreg, tinynet)"},
        {"--clip-norm", true, false, "C", "rescale gradients whose norm exceeds C to norm C"},
    };
}

std::unique_ptr<Surface> parseSurface(
    const Arguments& arguments, std::string& name, ParameterValues& parameters)
{
    name = arguments.requiredText("--surface");
    const SurfaceInfo* info = findSurface(name);
    if (!info)
        throw InvalidArgument("--surface: " + unknownNameMessage("surface", name, surfaceNames()));
    parameters = Arguments::parameterValues(
        "--surface-param", arguments.all("--surface-param"), info->parameters, name);
    return makeSurface(name, parameters);
}

GradientSettings parseGradientSettings(const Arguments& arguments, const Objective& objective)
{
    GradientSettings settings;
    settings.noise = arguments.number("--noise", 0.0, 0.0, 1e6);
    settings.seed = arguments.seed("--seed", 1);
    settings.clipNorm = arguments.number("--clip-norm", 0.0, 0.0, 1e12);
    if (arguments.has("--clip-norm") && settings.clipNorm <= 0.0)
        throw InvalidArgument("--clip-norm must be > 0; accepted: a number in (0, 1e12]");
    if (arguments.has("--batch-size")) {
        if (objective.sampleCount() == 0)
            throw InvalidArgument("--batch-size applies only to data surfaces (linreg, "
                                  "tinynet); use --noise for stochastic gradients elsewhere");
        settings.batchSize
            = static_cast<int>(arguments.integer("--batch-size", 0, 1, objective.sampleCount()));
    }
    return settings;
}

Problem parseProblem(const Arguments& arguments)
{
    Problem problem;
    problem.surface = parseSurface(arguments, problem.surfaceName, problem.surfaceParameters);

    problem.optimizerName = arguments.requiredText("--optimizer");
    const OptimizerInfo* info = findOptimizer(problem.optimizerName);
    if (!info)
        throw InvalidArgument("--optimizer: "
            + unknownNameMessage("optimizer", problem.optimizerName, optimizerNames()));
    problem.optimizerParameters = Arguments::parameterValues(
        "--param", arguments.all("--param"), info->parameters, problem.optimizerName);
    problem.makeOptimizer(); // validates combinations (e.g. nesterov without momentum)

    problem.start = arguments.point("--start").value_or(problem.surface->defaultStart());
    problem.steps = arguments.integer("--steps", 100, 0, maxSteps);
    problem.gradient = parseGradientSettings(arguments, *problem.surface);
    return problem;
}

} // namespace optviz::cli
