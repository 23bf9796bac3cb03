#include "cli_problem.h"

#include "core/expression/expression_surface.h"

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
        {"--expr", true, false, "FORMULA",
            "the formula of --surface expr, in x and y, e.g. \"x^2 + 3*y^2\""},
        {"--optimizer", true, false, "NAME", "the optimizer (see optviz-cli list)"},
        {"--param", true, true, "k=v", "an optimizer parameter, e.g. lr=0.01"},
        {"--schedule", true, false, "NAME",
            "learning-rate schedule: constant (default), step, exponential, cosine, warmup"},
        {"--schedule-param", true, true, "k=v", "a schedule parameter, e.g. T_max=200"},
        {"--start", true, false, "X,Y", "start point (default: the surface's)"},
        {"--steps", true, false, "N", "number of steps (default 100)"},
        {"--noise", true, false, "SIGMA", "add N(0, SIGMA²) noise to each gradient component"},
        {"--seed", true, false, "S", "seed of the noise and the mini-batches (default 1)"},
        {"--batch-size", true, false, "B", "mini-batch size on data surfaces (linreg, tinynet)"},
        {"--clip-norm", true, false, "C", "rescale gradients whose norm exceeds C to norm C"},
    };
}

std::unique_ptr<Surface> parseSurface(const Arguments& arguments, std::string& name,
    ParameterValues& parameters, std::string* expression)
{
    name = arguments.requiredText("--surface");
    const SurfaceInfo* info = findSurface(name);
    if (!info)
        throw InvalidArgument("--surface: " + unknownNameMessage("surface", name, surfaceNames()));
    parameters = Arguments::parameterValues(
        "--surface-param", arguments.all("--surface-param"), info->parameters, name);
    const std::optional<std::string> formula = arguments.text("--expr");
    if (name != expressionSurfaceName) {
        if (formula)
            throw InvalidArgument("--expr applies only to --surface "
                + std::string(expressionSurfaceName) + ", not to --surface " + name);
        return makeSurface(name, parameters);
    }
    if (!formula)
        throw InvalidArgument("--surface " + std::string(expressionSurfaceName)
            + " needs --expr FORMULA, a formula in x and y such as --expr \"x^2 + 3*y^2\"");
    if (expression)
        *expression = *formula;
    try {
        return std::make_unique<ExpressionSurface>(*formula);
    } catch (const InvalidArgument& error) {
        throw InvalidArgument("--expr: " + std::string(error.what()));
    }
}

LearningRateSchedule parseSchedule(
    const std::optional<std::string>& name, const std::vector<std::string>& assignments)
{
    if (!name) {
        if (!assignments.empty())
            throw InvalidArgument("--schedule-param " + printable(assignments.front())
                + " needs a --schedule to apply to; accepted schedules: "
                + joinNames(scheduleNames()));
        return {};
    }
    const ScheduleInfo* info = findSchedule(*name);
    if (!info)
        throw InvalidArgument(
            "--schedule: " + unknownNameMessage("schedule", *name, scheduleNames()));
    return LearningRateSchedule(*name,
        Arguments::parameterValues(
            "--schedule-param", assignments, info->parameters, "schedule " + info->name));
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
    problem.surface = parseSurface(
        arguments, problem.surfaceName, problem.surfaceParameters, &problem.expression);

    problem.optimizerName = arguments.requiredText("--optimizer");
    const OptimizerInfo* info = findOptimizer(problem.optimizerName);
    if (!info)
        throw InvalidArgument("--optimizer: "
            + unknownNameMessage("optimizer", problem.optimizerName, optimizerNames()));
    problem.optimizerParameters = Arguments::parameterValues(
        "--param", arguments.all("--param"), info->parameters, problem.optimizerName);
    problem.makeOptimizer(); // validates combinations (e.g. nesterov without momentum)
    problem.schedule
        = parseSchedule(arguments.text("--schedule"), arguments.all("--schedule-param"));

    problem.start = arguments.point("--start").value_or(problem.surface->defaultStart());
    problem.steps = arguments.integer("--steps", 100, 0, maxSteps);
    problem.gradient = parseGradientSettings(arguments, *problem.surface);
    return problem;
}

RunSetup runSetupFor(const Problem& problem)
{
    RunSetup setup;
    setup.surface = [name = problem.surfaceName, parameters = problem.surfaceParameters,
                        formula = problem.expression]() -> std::unique_ptr<Surface> {
        if (name == expressionSurfaceName)
            return std::make_unique<ExpressionSurface>(formula);
        return makeSurface(name, parameters);
    };
    setup.optimizer = problem.optimizerName;
    setup.parameters = problem.optimizerParameters;
    setup.schedule = problem.schedule;
    setup.gradient = problem.gradient;
    setup.steps = problem.steps;
    return setup;
}

} // namespace optviz::cli
