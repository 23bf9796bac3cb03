#pragma once

#include "cli_arguments.h"
#include "cli_problem.h"
#include "core/run_setup.h"
#include "core/sweep.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> sweepFlags();

// What `sweep` was asked for, every argument checked.
struct SweepRequest
{
    Problem problem;
    std::vector<SweepAxis> axes; // one or two
    double tolerance = 0.0;
    bool json = false;
    std::string out; // empty: stdout
    RunSetup setup;
};

// Reads and checks every argument of `sweep` before any work; throws InvalidArgument
// naming the offending one. Shared with the fuzz target of the CLI's arguments.
SweepRequest parseSweepRequest(const Arguments& arguments);

// `optviz-cli sweep`: runs the optimizer for every value (or pair of values) of one or
// two varied hyperparameters and prints per run the values, final_loss,
// steps_to_tolerance and diverged, as CSV or JSON (spec/cli.md). Returns the exit status
// (0: done, whether or not some runs diverged: that is the data); throws
// InvalidArgument for bad input (status 2).
int sweepCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
