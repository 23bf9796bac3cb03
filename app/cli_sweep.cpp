#include "cli_sweep.h"

#include "core/number_format.h"
#include "exit_status.h"
#include "json_fields.h"
#include "output_sink.h"

#include <cmath>
#include <iostream>

namespace optviz::cli {

namespace {

// Loss within this of the lowest known minimum counts as reached, unless --tolerance.
constexpr double defaultTolerance = 1e-6;

std::vector<SweepAxis> parseAxes(const Arguments& arguments, const Problem& problem)
{
    const std::vector<std::string> given = arguments.all("--vary");
    if (given.empty())
        throw InvalidArgument("--vary is required: NAME=LO:HI:lin|log:COUNT, e.g. "
                              "lr=1e-4:1:log:50 (give it twice for a map of two parameters)");
    if (given.size() > 2)
        throw InvalidArgument("--vary is given " + std::to_string(given.size())
            + " times; accepted: once (a curve) or twice (a map)");
    const OptimizerInfo& optimizer = *findOptimizer(problem.optimizerName);
    std::vector<SweepAxis> axes;
    for (const std::string& text : given) {
        try {
            axes.push_back(SweepAxis::parse(text, optimizer));
        } catch (const InvalidArgument& error) {
            throw InvalidArgument(std::string("--vary ") + error.what());
        }
        const std::string& name = axes.back().name;
        if (problem.optimizerParameters.count(name))
            throw InvalidArgument(
                "--vary " + name + " is also set by --param " + name + "; give it in one place");
    }
    if (axes.size() == 2 && axes[0].name == axes[1].name)
        throw InvalidArgument(
            "--vary " + axes[0].name + " is given twice; vary two different parameters");
    return axes;
}

} // namespace

std::vector<FlagSpec> sweepFlags()
{
    std::vector<FlagSpec> flags = problemFlags();
    flags.push_back({"--vary", true, true, "NAME=LO:HI:lin|log:COUNT",
        "a parameter to vary, COUNT in [2, 1000]; once or twice"});
    flags.push_back({"--tolerance", true, false, "T",
        "steps_to_tolerance: first step with loss − min ≤ T (default 1e-6)"});
    flags.push_back({"--format", true, false, "csv|json", "output format (default csv)"});
    flags.push_back({"--out", true, false, "FILE", "write to FILE instead of stdout"});
    flags.push_back({"--help", false, false, "", "show this help"});
    return flags;
}

SweepRequest parseSweepRequest(const Arguments& arguments)
{
    SweepRequest request;
    request.problem = parseProblem(arguments);
    request.axes = parseAxes(arguments, request.problem);
    request.tolerance = arguments.number("--tolerance", defaultTolerance, 0.0, 1e300);
    request.json = arguments.choice("--format", {"csv", "json"}, "csv") == "json";
    request.out = arguments.text("--out").value_or("");
    request.setup = runSetupFor(request.problem);
    return request;
}

int sweepCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = sweepFlags();
    const Arguments arguments("sweep", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("sweep",
            "--surface NAME --optimizer NAME --vary NAME=LO:HI:lin|log:COUNT [--vary ...] "
            "[options]\n\nOne row per run: the varied values, final_loss (the last finite loss "
            "if the run\ndiverged), steps_to_tolerance (empty if never), diverged (0/1).",
            flags);
        return exitOk;
    }
    const SweepRequest request = parseSweepRequest(arguments);
    const Problem& problem = request.problem;
    const std::vector<SweepAxis>& axes = request.axes;
    const double tolerance = request.tolerance;
    const bool json = request.json;
    OutputSink sink(request.out); // fails before the work, not after

    const SweepResult result = [&] {
        try {
            return runSweep(request.setup, problem.start, axes, tolerance);
        } catch (const InvalidArgument& error) { // a combination the optimizer refuses
            throw InvalidArgument(std::string("--vary: ") + error.what());
        }
    }();

    std::string& out = sink.buffer();
    if (json) {
        const OptimizerInfo& optimizer = *findOptimizer(problem.optimizerName);
        out += "{\n  \"format\": \"optviz-sweep\",\n  \"version\": 1,\n";
        out += "  \"surface\": {\"name\": \"" + problem.surfaceName + "\", \"parameters\": ";
        const SurfaceInfo& surface = *findSurface(problem.surfaceName);
        appendParameterObject(out, surface.parameters, problem.surfaceParameters, surface.name);
        appendExpressionField(out, problem.expression);
        out += "},\n  \"optimizer\": {\"name\": \"" + problem.optimizerName
            + "\", \"parameters\": ";
        appendParameterObject(
            out, optimizer.parameters, problem.optimizerParameters, optimizer.name);
        out += "},\n  \"start\": [";
        appendNumber17(out, problem.start.x);
        out += ", ";
        appendNumber17(out, problem.start.y);
        out += "],\n  \"steps\": " + std::to_string(problem.steps) + ",\n  \"tolerance\": ";
        appendNumber17(out, tolerance);
        out += ",\n  \"minimum_value\": ";
        if (result.hasMinimum)
            appendNumber17(out, result.minimumValue);
        else
            out += "null";
        out += ",\n  \"vary\": [";
        for (std::size_t a = 0; a < axes.size(); ++a) {
            out += a ? ", {\"name\": \"" : "{\"name\": \"";
            out += axes[a].name + "\", \"low\": ";
            appendNumber17(out, axes[a].low);
            out += ", \"high\": ";
            appendNumber17(out, axes[a].high);
            out += std::string(", \"scale\": \"") + (axes[a].logarithmic ? "log" : "lin")
                + "\", \"count\": " + std::to_string(axes[a].count) + "}";
        }
        out += "],\n  \"runs\": [";
    } else {
        for (const SweepAxis& axis : axes)
            out += axis.name + ",";
        out += "final_loss,steps_to_tolerance,diverged\n";
    }

    const std::size_t columns = axes.size() > 1 ? result.values[1].size() : 1;
    for (std::size_t item = 0; item < result.runs.size(); ++item) {
        const SweepRun& run = result.runs[item];
        const double values[2] = {result.values[0][item / columns],
            axes.size() > 1 ? result.values[1][item % columns] : 0.0};
        if (json) {
            out += item ? ",\n    {" : "\n    {";
            for (std::size_t a = 0; a < axes.size(); ++a) {
                out += "\"" + axes[a].name + "\": ";
                appendNumber17(out, values[a]);
                out += ", ";
            }
            out += "\"final_loss\": ";
            appendJsonNumber(out, run.finalLoss);
            out += ", \"steps_to_tolerance\": ";
            out += run.stepsToTolerance >= 0 ? std::to_string(run.stepsToTolerance) : "null";
            out += run.diverged ? ", \"diverged\": 1}" : ", \"diverged\": 0}";
        } else {
            for (std::size_t a = 0; a < axes.size(); ++a) {
                appendNumber17(out, values[a]);
                out += ',';
            }
            appendNumber17(out, run.finalLoss);
            out += ',';
            if (run.stepsToTolerance >= 0)
                out += std::to_string(run.stepsToTolerance);
            out += run.diverged ? ",1\n" : ",0\n";
        }
        sink.flushIfLarge();
    }
    if (json)
        out += "\n  ]\n}\n";
    sink.finish();
    return exitOk;
}

} // namespace optviz::cli
