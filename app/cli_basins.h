#pragma once

#include "cli_arguments.h"
#include "cli_problem.h"
#include "core/basins.h"
#include "core/run_setup.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> basinsFlags();

// What `basins` was asked for, every argument checked.
struct BasinsRequest
{
    Problem problem;
    BasinGrid grid;
    double tolerance = 0.0;
    std::string out; // FILE.csv or FILE.png
    bool png = false;
    RunSetup setup;
};

// Reads and checks every argument of `basins` before any work; throws InvalidArgument
// naming the offending one. Shared with the fuzz target of the CLI's arguments.
BasinsRequest parseBasinsRequest(const Arguments& arguments);

// `optviz-cli basins`: runs the optimizer from every cell centre of a W×H grid over the
// view and records which known minimum each run reaches: CSV (x,y,minimum,steps,diverged)
// or the map as a PNG (spec/cli.md). Returns the exit status; throws InvalidArgument for
// bad input (status 2).
int basinsCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
