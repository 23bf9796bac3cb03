#pragma once

#include "cli_arguments.h"

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> trainFlags();

// `optviz-cli train`: trains a small network on a generated data set and prints the loss
// and accuracy after every epoch, as CSV or JSON (spec/cli.md). Returns the exit status
// (0 done, 3 diverged); throws InvalidArgument for bad input (status 2).
int trainCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
