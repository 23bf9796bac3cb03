#pragma once

#include "cli_arguments.h"
#include "core/network/mlp.h"
#include "core/network/network_objective.h"
#include "core/network/trainer.h"

#include <memory>

#include <string>
#include <vector>

namespace optviz::cli {

std::vector<FlagSpec> trainFlags();

// What `train` was asked for, every argument checked: the data, the network with its
// training and test objectives, the optimizer and the training settings.
struct TrainRequest
{
    std::string datasetName;
    ParameterValues datasetParameters;
    long long seed = 1;
    Eigen::Index trainCount = 0;
    Eigen::Index testCount = 0;
    std::vector<int> sizes; // layer widths, input and output included
    std::unique_ptr<Mlp> network;
    std::unique_ptr<NetworkObjective> train;
    std::unique_ptr<NetworkObjective> test;
    std::string optimizerName;
    ParameterValues optimizerParameters;
    TrainingSettings settings;
    bool json = false;
    std::string out; // empty: stdout
};

// Reads and checks every argument of `train` before any work; throws InvalidArgument
// naming the offending one. Shared with the fuzz target of the CLI's arguments.
TrainRequest parseTrainRequest(const Arguments& arguments);

// `optviz-cli train`: trains a small network on a generated data set and prints the loss
// and accuracy after every epoch, as CSV or JSON (spec/cli.md). Returns the exit status
// (0 done, 3 diverged); throws InvalidArgument for bad input (status 2).
int trainCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
