// optviz-cli: the scriptable face of the core (spec/cli.md). Thin: it picks the
// sub-command, and turns errors into one clear line and the documented exit status.

#include "cli_basins.h"
#include "cli_list.h"
#include "cli_render.h"
#include "cli_run.h"
#include "cli_sweep.h"
#include "cli_train.h"
#include "core/parameter.h"
#include "exit_status.h"
#include "output_sink.h"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace {

using Command = int (*)(const std::vector<std::string>&);

struct CommandEntry
{
    const char* name;
    Command run;
    const char* summary;
};

const CommandEntry commands[] = {
    {"run", &optviz::cli::runCommand, "one trajectory on a 2-D surface, as CSV or JSON"},
    {"list", &optviz::cli::listCommand, "every surface and optimizer with its parameters"},
    {"render", &optviz::cli::renderCommand,
        "the figure of a scene as PNG, SVG or PDF, or the runs animated as GIF"},
    {"train", &optviz::cli::trainCommand, "train a small neural network, loss per epoch"},
    {"sweep", &optviz::cli::sweepCommand, "final loss over one or two hyperparameters' ranges"},
    {"basins", &optviz::cli::basinsCommand, "which minimum each start point reaches (CSV, PNG)"},
};

void printUsage(std::FILE* stream)
{
    std::fprintf(stream,
        "usage: optviz-cli COMMAND [options]   (optviz-cli COMMAND --help; optviz-cli "
        "--version)\n\n"
        "commands:\n");
    for (const CommandEntry& command : commands)
        std::fprintf(stream, "  %-8s %s\n", command.name, command.summary);
}

std::vector<std::string> commandNames()
{
    std::vector<std::string> names;
    for (const CommandEntry& command : commands)
        names.emplace_back(command.name);
    return names;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace optviz::cli;
    if (argc < 2) {
        printUsage(stderr);
        return exitBadInput;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return exitOk;
    }
    if (name == "--version") {
        std::printf("optviz-cli %s\n", OPTVIZ_VERSION);
        return exitOk;
    }
    const std::vector<std::string> words(argv + 2, argv + argc);
    for (const CommandEntry& command : commands) {
        if (name != command.name)
            continue;
        try {
            return command.run(words);
        } catch (const optviz::InvalidArgument& error) {
            std::fprintf(stderr, "optviz-cli %s: %s\n", command.name, error.what());
            return exitBadInput;
        } catch (const optviz::cli::WriteFailed& error) {
            std::fprintf(stderr, "optviz-cli %s: %s\n", command.name, error.what());
            return exitWriteFailed;
        } catch (const std::exception& error) {
            std::fprintf(stderr, "optviz-cli %s: error: %s\n", command.name, error.what());
            return exitFailure;
        }
    }
    std::fprintf(stderr, "optviz-cli: %s\n",
        optviz::unknownNameMessage("command", name, commandNames()).c_str());
    return exitBadInput;
}
