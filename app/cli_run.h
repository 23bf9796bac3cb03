#pragma once

#include "cli_arguments.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> runFlags(); // shared with the fuzz target of the CLI's arguments

// `optviz-cli run`: one trajectory on a 2-D surface as CSV or JSON. Returns the exit
// status (0 done, 3 diverged); throws InvalidArgument for bad input (status 2).
int runCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
