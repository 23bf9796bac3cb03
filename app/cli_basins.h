#pragma once

#include "cli_arguments.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> basinsFlags();

// `optviz-cli basins`: runs the optimizer from every cell centre of a W×H grid over the
// view and records which known minimum each run reaches: CSV (x,y,minimum,steps,diverged)
// or the map as a PNG (spec/cli.md). Returns the exit status; throws InvalidArgument for
// bad input (status 2).
int basinsCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
