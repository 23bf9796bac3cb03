#include "cli_train.h"

#include "cli_problem.h"
#include "core/network/dataset.h"
#include "core/network/network_objective.h"
#include "core/network/seeds.h"
#include "core/network/trainer.h"
#include "core/number_format.h"
#include "exit_status.h"
#include "json_fields.h"
#include "output_sink.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace optviz::cli {

namespace {

// Widths and depth the CLI accepts: far past what trains in seconds, short of what
// would exhaust memory.
constexpr int maxWidth = 1024;
constexpr int maxHiddenLayers = 8;
constexpr int maxEpochs = 10'000'000;

// The seed the spec's single --seed stands for, as a dataset parameter (a double).
constexpr long long maxSeed = 9007199254740992LL; // 2⁵³

std::vector<int> parseLayers(const std::string& text)
{
    const std::string accepted = "accepted: comma-separated widths in [1, "
        + std::to_string(maxWidth) + "], at most " + std::to_string(maxHiddenLayers)
        + " of them, e.g. 16,16; or none (no hidden layer)";
    if (text == "none")
        return {};
    std::vector<int> widths;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string part = text.substr(start, comma - start);
        double value = 0.0;
        if (!parseDouble(part, value) || value != std::floor(value) || value < 1.0
            || value > maxWidth)
            throw InvalidArgument(
                "--layers '" + printable(text) + "' is not accepted; " + accepted);
        widths.push_back(static_cast<int>(value));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (static_cast<int>(widths.size()) > maxHiddenLayers)
        throw InvalidArgument(
            "--layers '" + printable(text) + "' has too many layers; " + accepted);
    return widths;
}

// A number for CSV (empty when NaN: accuracy on regression, no test set) or JSON (null).
void appendValue(std::string& out, double value, bool json)
{
    if (std::isnan(value)) {
        if (json)
            out += "null";
        return;
    }
    appendNumber17(out, value);
}

void appendRow(std::string& out, const EpochRecord& row, bool json, bool first)
{
    if (json) {
        out += first ? "\n    {\"epoch\": " : ",\n    {\"epoch\": ";
        out += std::to_string(row.epoch) + ", \"step\": " + std::to_string(row.step);
        out += ", \"train_loss\": ";
        appendValue(out, row.trainLoss, true);
        out += ", \"train_accuracy\": ";
        appendValue(out, row.trainAccuracy, true);
        out += ", \"test_loss\": ";
        appendValue(out, row.testLoss, true);
        out += ", \"test_accuracy\": ";
        appendValue(out, row.testAccuracy, true);
        out += '}';
        return;
    }
    out += std::to_string(row.epoch) + ',' + std::to_string(row.step) + ',';
    appendValue(out, row.trainLoss, false);
    out += ',';
    appendValue(out, row.trainAccuracy, false);
    out += ',';
    appendValue(out, row.testLoss, false);
    out += ',';
    appendValue(out, row.testAccuracy, false);
    out += '\n';
}

} // namespace

std::vector<FlagSpec> trainFlags()
{
    return {
        {"--dataset", true, false, "NAME",
            "moons, circles, xor, spirals, blobs (classification) or linear, sine (regression)"},
        {"--samples", true, false, "N", "samples, training and test together (default 200)"},
        {"--noise", true, false, "S", "noise of the data set (default: the data set's)"},
        {"--test-fraction", true, false, "F", "fraction held out for testing (default 0.2)"},
        {"--classes", true, false, "K", "classes of blobs (default 3) or spirals (default 2)"},
        {"--seed", true, false, "K",
            "seed of the data, the initial weights and the mini-batches (default 1)"},
        {"--layers", true, false, "16,16", "hidden layer widths, or none (default 16,16)"},
        {"--activation", true, false, "NAME",
            "hidden activation: tanh (default), relu, leaky_relu, sigmoid, identity"},
        {"--loss", true, false, "NAME",
            "auto (default: bce for two classes, ce for more, mse for regression), mse, bce, "
            "ce"},
        {"--optimizer", true, false, "NAME", "the optimizer (see optviz-cli list)"},
        {"--param", true, true, "k=v", "an optimizer parameter, e.g. lr=0.01"},
        {"--schedule", true, false, "NAME",
            "learning-rate schedule per step: constant (default), step, exponential, cosine, "
            "warmup"},
        {"--schedule-param", true, true, "k=v", "a schedule parameter, e.g. T_max=200"},
        {"--epochs", true, false, "E", "epochs (default 100)"},
        {"--batch-size", true, false, "B",
            "shuffled mini-batches of B samples per step (default: full batch)"},
        {"--clip-norm", true, false, "C", "rescale gradients whose norm exceeds C to norm C"},
        {"--format", true, false, "csv|json", "output format (default csv)"},
        {"--out", true, false, "FILE", "write to FILE instead of stdout"},
        {"--help", false, false, "", "show this help"},
    };
}

TrainRequest parseTrainRequest(const Arguments& arguments)
{
    // The data set, its parameters checked against the catalogue's ranges.
    TrainRequest request;
    const std::string datasetName = arguments.requiredText("--dataset");
    request.datasetName = datasetName;
    const DatasetInfo* dataset = findDataset(datasetName);
    if (!dataset)
        throw InvalidArgument(
            "--dataset: " + unknownNameMessage("dataset", datasetName, datasetNames()));
    const auto range
        = [&](std::string_view name) { return *findParameter(dataset->parameters, name); };
    ParameterValues datasetParameters;
    const ParameterSpec samples = range("samples");
    datasetParameters["samples"]
        = double(arguments.integer("--samples", static_cast<long long>(samples.defaultValue),
            static_cast<long long>(samples.minimum), static_cast<long long>(samples.maximum)));
    const ParameterSpec noise = range("noise");
    datasetParameters["noise"]
        = arguments.number("--noise", noise.defaultValue, noise.minimum, noise.maximum);
    const ParameterSpec testFraction = range("test_fraction");
    datasetParameters["test_fraction"] = arguments.number(
        "--test-fraction", testFraction.defaultValue, testFraction.minimum, testFraction.maximum);
    if (const ParameterSpec* classes = findParameter(dataset->parameters, "classes"))
        datasetParameters["classes"] = double(arguments.integer("--classes",
            static_cast<long long>(classes->defaultValue), static_cast<long long>(classes->minimum),
            static_cast<long long>(classes->maximum)));
    else if (arguments.has("--classes"))
        throw InvalidArgument("--classes applies only to blobs and spirals; " + datasetName
            + " has a fixed number of classes");
    const long long seed = arguments.integer("--seed", 1, 0, maxSeed);
    datasetParameters["seed"] = double(seed);
    DataSplit data = makeDataSplit(datasetName, datasetParameters);

    // The network and its loss.
    const std::vector<int> hidden = parseLayers(arguments.text("--layers").value_or("16,16"));
    const Activation activation
        = parseActivation(arguments.choice("--activation", activationNames(), "tanh"));
    const std::string lossChoice = arguments.choice("--loss", {"auto", "mse", "bce", "ce"}, "auto");
    const Loss loss = lossChoice == "auto" ? defaultLoss(data.train) : parseLoss(lossChoice);
    try {
        checkLossFits(loss, data.train, datasetName);
    } catch (const InvalidArgument& error) {
        throw InvalidArgument(std::string("--loss: ") + error.what());
    }
    std::vector<int> sizes = {data.train.inputCount()};
    sizes.insert(sizes.end(), hidden.begin(), hidden.end());
    sizes.push_back(outputCountFor(loss, data.train));
    request.network = std::make_unique<Mlp>(sizes, activation);
    const Mlp& network = *request.network;
    const Eigen::Index trainCount = data.train.sampleCount();
    request.trainCount = trainCount;
    request.testCount = data.test.sampleCount();
    request.train = std::make_unique<NetworkObjective>(network, loss, std::move(data.train));
    request.test = std::make_unique<NetworkObjective>(network, loss, std::move(data.test));

    // The optimizer, as `run` reads it.
    const std::string optimizerName = arguments.requiredText("--optimizer");
    const OptimizerInfo* optimizer = findOptimizer(optimizerName);
    if (!optimizer)
        throw InvalidArgument(
            "--optimizer: " + unknownNameMessage("optimizer", optimizerName, optimizerNames()));
    const ParameterValues optimizerParameters = Arguments::parameterValues(
        "--param", arguments.all("--param"), optimizer->parameters, optimizerName);
    makeOptimizer(optimizerName, optimizerParameters); // validates combinations
    if (const std::string refusal = request.train->optimizerRefusal(*optimizer); !refusal.empty())
        throw InvalidArgument("--optimizer " + refusal);

    TrainingSettings& settings = request.settings;
    settings.epochs = static_cast<int>(arguments.integer("--epochs", 100, 0, maxEpochs));
    if (arguments.has("--batch-size"))
        settings.batchSize = static_cast<int>(arguments.integer("--batch-size", 0, 1, trainCount));
    settings.shuffleSeed = deriveSeed(std::uint64_t(seed), SeedStream::Shuffle);
    settings.clipNorm = arguments.number("--clip-norm", 0.0, 0.0, 1e12);
    if (arguments.has("--clip-norm") && settings.clipNorm <= 0.0)
        throw InvalidArgument("--clip-norm must be > 0; accepted: a number in (0, 1e12]");
    settings.schedule
        = parseSchedule(arguments.text("--schedule"), arguments.all("--schedule-param"));
    settings.recordParameters = false;
    const long long stepsPerEpoch = settings.batchSize > 0 && settings.batchSize < trainCount
        ? (trainCount + settings.batchSize - 1) / settings.batchSize
        : 1;
    if (settings.epochs * stepsPerEpoch > maxSteps)
        throw InvalidArgument("--epochs " + std::to_string(settings.epochs) + " with "
            + std::to_string(stepsPerEpoch) + " steps per epoch exceeds " + std::to_string(maxSteps)
            + " steps; accepted: fewer epochs or larger batches");

    request.json = arguments.choice("--format", {"csv", "json"}, "csv") == "json";
    request.out = arguments.text("--out").value_or("");
    request.seed = seed;
    request.datasetParameters = std::move(datasetParameters);
    request.sizes = std::move(sizes);
    request.optimizerName = optimizerName;
    request.optimizerParameters = optimizerParameters;
    return request;
}

int trainCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = trainFlags();
    const Arguments arguments("train", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("train", "--dataset NAME --optimizer NAME [options]", flags);
        return exitOk;
    }

    TrainRequest request = parseTrainRequest(arguments);
    const std::string& datasetName = request.datasetName;
    const long long seed = request.seed;
    const Mlp& network = *request.network;
    const std::vector<int>& sizes = request.sizes;
    const TrainingSettings& settings = request.settings;
    const std::string& optimizerName = request.optimizerName;
    const ParameterValues& optimizerParameters = request.optimizerParameters;
    const OptimizerInfo* optimizer = findOptimizer(optimizerName);
    const DatasetInfo* dataset = findDataset(datasetName);
    const bool json = request.json;
    OutputSink sink(request.out);

    const Vector start
        = network.initialParameters(deriveSeed(std::uint64_t(seed), SeedStream::Initialization));
    Trainer trainer(*request.train, request.test.get(),
        makeOptimizer(optimizerName, optimizerParameters), start, settings);

    std::string& out = sink.buffer();
    if (json) {
        out += "{\n  \"format\": \"optviz-training\",\n  \"version\": 1,\n";
        out += "  \"dataset\": {\"name\": \"" + datasetName + "\", \"parameters\": ";
        appendParameterObject(out, dataset->parameters, request.datasetParameters, datasetName);
        out += ", \"train_samples\": " + std::to_string(request.trainCount)
            + ", \"test_samples\": " + std::to_string(request.testCount) + "},\n";
        out += "  \"network\": {\"layers\": [";
        for (std::size_t i = 0; i < sizes.size(); ++i)
            out += (i ? ", " : "") + std::to_string(sizes[i]);
        out += "], \"activation\": \"" + activationName(network.activation()) + "\", \"loss\": \""
            + lossName(request.train->loss())
            + "\", \"parameters\": " + std::to_string(network.parameterCount()) + "},\n";
        out += "  \"optimizer\": {\"name\": \"" + optimizerName + "\", \"parameters\": ";
        appendParameterObject(out, optimizer->parameters, optimizerParameters, optimizerName);
        if (!settings.schedule.isConstant()) {
            out += ", \"schedule\": {\"name\": \"" + settings.schedule.name()
                + "\", \"parameters\": ";
            appendParameterObject(out, findSchedule(settings.schedule.name())->parameters,
                settings.schedule.parameters(), settings.schedule.name());
            out += '}';
        }
        out += "},\n  \"epochs\": " + std::to_string(settings.epochs) + ",\n  \"batch_size\": "
            + (settings.batchSize > 0 && settings.batchSize < request.trainCount
                    ? std::to_string(settings.batchSize)
                    : std::string("null"))
            + ",\n  \"steps_per_epoch\": " + std::to_string(trainer.stepsPerEpoch())
            + ",\n  \"history\": [";
    } else {
        out += "epoch,step,train_loss,train_accuracy,test_loss,test_accuracy\n";
    }

    // Rows are written as the epochs complete, so that a long run streams.
    std::size_t written = 0;
    const auto writeNewRows = [&] {
        for (; written < trainer.history().size(); ++written) {
            appendRow(out, trainer.history()[written], json, written == 0);
            sink.flushIfLarge();
        }
    };
    writeNewRows();
    while (trainer.status() == RunStatus::Running) {
        trainer.advanceEpochs(1);
        writeNewRows();
    }

    const bool diverged = trainer.status() == RunStatus::Diverged;
    if (json) {
        out += "\n  ],\n  \"status\": \"";
        out += diverged ? "diverged" : "finished";
        out += "\",\n  \"diverged_at_step\": ";
        out += diverged ? std::to_string(trainer.divergedAtStep()) : "null";
        out += ",\n  \"diverged_at_epoch\": ";
        out += diverged ? std::to_string(trainer.divergedAtEpoch()) : "null";
        out += "\n}\n";
    }
    sink.finish();
    if (diverged) {
        std::fprintf(stderr, "# diverged at step %lld (epoch %d)\n", trainer.divergedAtStep(),
            trainer.divergedAtEpoch());
        return exitDiverged;
    }
    return exitOk;
}

} // namespace optviz::cli
