#include "cli_run.h"

#include "cli_problem.h"
#include "core/number_format.h"
#include "core/runner.h"
#include "exit_status.h"
#include "json_fields.h"
#include "output_sink.h"

#include <cstdio>
#include <iostream>

namespace optviz::cli {

std::vector<FlagSpec> runFlags()
{
    std::vector<FlagSpec> flags = problemFlags();
    flags.push_back({"--format", true, false, "csv|json", "output format (default csv)"});
    flags.push_back({"--out", true, false, "FILE", "write to FILE instead of stdout"});
    flags.push_back({"--help", false, false, "", "show this help"});
    return flags;
}

namespace {

// Writes each recorded iterate as it is computed, so memory stays flat however long
// the run.
class RowWriter final : public RunObserver
{
public:
    RowWriter(OutputSink& sink, bool json)
        : sink_(sink)
        , json_(json)
    {
    }

    void writeRow(long long step, const Vector& x, double loss)
    {
        std::string& out = sink_.buffer();
        if (json_) {
            out += rows_ == 0 ? "\n    {\"step\": " : ",\n    {\"step\": ";
            out += std::to_string(step);
            out += ", \"x\": ";
            appendNumber17(out, x[0]);
            out += ", \"y\": ";
            appendNumber17(out, x[1]);
            out += ", \"loss\": ";
            appendNumber17(out, loss);
            out += '}';
        } else {
            out += std::to_string(step);
            out += ',';
            appendNumber17(out, x[0]);
            out += ',';
            appendNumber17(out, x[1]);
            out += ',';
            appendNumber17(out, loss);
            out += '\n';
        }
        ++rows_;
        sink_.flushIfLarge();
    }

    bool stepTaken(long long step, const Vector& x, double loss) override
    {
        writeRow(step, x, loss);
        return true;
    }

private:
    OutputSink& sink_;
    bool json_;
    long long rows_ = 0;
};

} // namespace

int runCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = runFlags();
    const Arguments arguments("run", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("run", "--surface NAME --optimizer NAME [options]", flags);
        return exitOk;
    }
    const Problem problem = parseProblem(arguments);
    const bool json = arguments.choice("--format", {"csv", "json"}, "csv") == "json";
    OutputSink sink(arguments.text("--out").value_or(""));

    Vector start(2);
    start << problem.start.x, problem.start.y;
    Runner runner(*problem.surface, problem.makeOptimizer(), start, problem.steps, problem.gradient,
        problem.schedule);
    runner.setRecording(false);
    RowWriter writer(sink, json);
    runner.setObserver(&writer);

    std::string& out = sink.buffer();
    if (json) {
        out += "{\n  \"format\": \"optviz-trajectory\",\n  \"version\": 1,\n";
        out += "  \"surface\": {\"name\": \"" + problem.surfaceName + "\", \"parameters\": ";
        appendParameterObject(out, findSurface(problem.surfaceName)->parameters,
            problem.surfaceParameters, problem.surfaceName);
        appendExpressionField(out, problem.expression);
        out += "},\n  \"optimizer\": {\"name\": \"" + problem.optimizerName
            + "\", \"parameters\": ";
        appendParameterObject(out, findOptimizer(problem.optimizerName)->parameters,
            problem.optimizerParameters, problem.optimizerName);
        // Only with a schedule, so that output without one stays as it always was.
        if (!problem.schedule.isConstant()) {
            out += ", \"schedule\": {\"name\": \"" + problem.schedule.name()
                + "\", \"parameters\": ";
            appendParameterObject(out, findSchedule(problem.schedule.name())->parameters,
                problem.schedule.parameters(), problem.schedule.name());
            out += '}';
        }
        out += "},\n  \"start\": [";
        appendNumber17(out, problem.start.x);
        out += ", ";
        appendNumber17(out, problem.start.y);
        out += "],\n  \"steps\": " + std::to_string(problem.steps) + ",\n  \"trajectory\": [";
    } else {
        out += "step,x,y,loss\n";
    }
    if (runner.status() != RunStatus::Diverged)
        writer.writeRow(0, runner.current(), runner.currentLoss());
    runner.runToEnd();

    const bool diverged = runner.status() == RunStatus::Diverged;
    if (json) {
        out += "\n  ],\n  \"status\": \"";
        out += diverged ? "diverged" : "finished";
        out += "\",\n  \"diverged_at_step\": ";
        out += diverged ? std::to_string(runner.divergedAtStep()) : "null";
        out += "\n}\n";
    }
    sink.finish();
    if (diverged) {
        std::fprintf(stderr, "# diverged at step %lld\n", runner.divergedAtStep());
        return exitDiverged;
    }
    return exitOk;
}

} // namespace optviz::cli
