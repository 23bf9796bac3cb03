#pragma once

#include "cli_arguments.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> sweepFlags();

// `optviz-cli sweep`: runs the optimizer for every value (or pair of values) of one or
// two varied hyperparameters and prints per run the values, final_loss,
// steps_to_tolerance and diverged, as CSV or JSON (spec/cli.md). Returns the exit status
// (0: done, whether or not some runs diverged: that is the data); throws
// InvalidArgument for bad input (status 2).
int sweepCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
