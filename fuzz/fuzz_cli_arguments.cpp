// Fuzz target: the command line of optviz-cli, as the commands parse it. The input is
// the words after the program name separated by NUL bytes (as argv holds them); the
// first word picks the command as cli_main.cpp does. Each command's checking runs in
// full (Arguments, the shared problem flags, render's request with its scene), without
// writing any file. Properties checked:
//  - bad input is refused with one readable line (InvalidArgument), nothing else
//    escapes (no crash, no other exception, no UB or leak under the sanitizers);
//  - accepted input runs: `run`'s first steps are taken with the parsed optimizer,
//    parameters, start and gradient settings; `sweep` and `basins` run a few runs of a
//    few steps on both threads; `train` trains a small network for an epoch or two.

#include "app/cli_arguments.h"
#include "app/cli_basins.h"
#include "app/cli_problem.h"
#include "app/cli_render.h"
#include "app/cli_run.h"
#include "app/cli_sweep.h"
#include "app/cli_train.h"
#include "core/runner.h"
#include "fuzz_checks.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using namespace optviz;
using namespace optviz::cli;

std::vector<std::string> splitWords(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            words.emplace_back();
        else
            words.back() += char(data[i]);
    }
    return words;
}

// Device and process files could block or be endless: a scene path is fuzzed by its
// name only where reading it is harmless.
bool harmlessScenePath(const Arguments& arguments)
{
    const auto path = arguments.text("--scene");
    return !path
        || !(path->starts_with("/dev") || path->starts_with("/proc") || path->starts_with("/sys"));
}

void run(const std::vector<std::string>& words)
{
    const Arguments arguments("run", runFlags(), words);
    if (arguments.has("--help"))
        return;
    const Problem problem = parseProblem(arguments);
    arguments.choice("--format", {"csv", "json"}, "csv");
    Vector start(2);
    start << problem.start.x, problem.start.y;
    Runner runner(*problem.surface, problem.makeOptimizer(), start, std::min(problem.steps, 64LL),
        problem.gradient); // bounded: a fuzz input runs in ms
    runner.setRecording(false);
    runner.runToEnd();
}

void render(const std::vector<std::string>& words)
{
    const Arguments arguments("render", renderFlags(), words);
    if (arguments.has("--help") || !harmlessScenePath(arguments))
        return;
    parseRenderRequest(arguments);
}

// The work below is cut to a few runs of a few steps: a fuzz input must run in ms.
constexpr long long fuzzSteps = 16;

void sweep(const std::vector<std::string>& words)
{
    const Arguments arguments("sweep", sweepFlags(), words);
    if (arguments.has("--help"))
        return;
    SweepRequest request = parseSweepRequest(arguments);
    request.setup.steps = std::min(request.setup.steps, fuzzSteps);
    for (SweepAxis& axis : request.axes)
        axis.count = SweepAxis::minCount;
    runSweep(request.setup, request.problem.start, request.axes, request.tolerance);
}

void basins(const std::vector<std::string>& words)
{
    const Arguments arguments("basins", basinsFlags(), words);
    if (arguments.has("--help"))
        return;
    BasinsRequest request = parseBasinsRequest(arguments);
    request.setup.steps = std::min(request.setup.steps, fuzzSteps);
    request.grid.width = std::min(request.grid.width, 3);
    request.grid.height = std::min(request.grid.height, 3);
    runBasins(request.setup, request.grid, request.tolerance);
}

void train(const std::vector<std::string>& words)
{
    const Arguments arguments("train", trainFlags(), words);
    if (arguments.has("--help"))
        return;
    TrainRequest request = parseTrainRequest(arguments);
    // Parsing alone builds the data and the network (bounded by the flags' ranges);
    // training one is cheap only when it is small.
    if (request.train->dimension() > 2000 || request.trainCount > 500)
        return;
    request.settings.epochs = std::min(request.settings.epochs, 2);
    Trainer trainer(*request.train, request.test.get(),
        makeOptimizer(request.optimizerName, request.optimizerParameters),
        request.network->initialParameters(1), request.settings);
    trainer.advanceEpochs(request.settings.epochs);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::vector<std::string> all = splitWords(data, size);
    const std::vector<std::string> words(all.begin() + 1, all.end());
    try {
        if (all.front() == "run")
            run(words);
        else if (all.front() == "render")
            render(words);
        else if (all.front() == "sweep")
            sweep(words);
        else if (all.front() == "basins")
            basins(words);
        else if (all.front() == "train")
            train(words);
        else
            fuzz::checkMessage(unknownNameMessage(
                "command", all.front(), {"run", "list", "render", "sweep", "basins", "train"}));
    } catch (const InvalidArgument& error) {
        fuzz::checkMessage(error.what());
    }
    return 0;
}
