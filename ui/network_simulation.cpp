#include "network_simulation.h"

#include "core/network/seeds.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// Beyond this many optimizer steps per run a window session would not end: the same cap
// as a surface scene's step budget.
constexpr long long maxStepsPerRun = Scene::maxSteps;

std::uint64_t seedOf(const NetworkSettings& settings)
{
    const auto it = settings.datasetParameters.find("seed");
    return it == settings.datasetParameters.end() ? 1 : std::uint64_t(it->second);
}

} // namespace

NetworkSimulation::NetworkSimulation(const NetworkSettings& settings)
    : settings_(settings)
{
    const DatasetInfo* dataset = findDataset(settings.dataset);
    if (!dataset)
        throw InvalidArgument(
            "data set: " + unknownNameMessage("dataset", settings.dataset, datasetNames()));
    DataSplit data = makeDataSplit(settings.dataset, settings.datasetParameters);
    if (data.train.sampleCount() + data.test.sampleCount() > NetworkSettings::maxSamples)
        throw InvalidArgument("samples: the window trains at most "
            + std::to_string(NetworkSettings::maxSamples) + " samples");
    if (int(settings.hiddenLayers.size()) > NetworkSettings::maxHiddenLayers
        || std::any_of(settings.hiddenLayers.begin(), settings.hiddenLayers.end(),
            [](int width) { return width < 1 || width > NetworkSettings::maxWidth; }))
        throw InvalidArgument("hidden layers: at most "
            + std::to_string(NetworkSettings::maxHiddenLayers) + " widths in [1, "
            + std::to_string(NetworkSettings::maxWidth) + "]");
    if (settings.epochs < 1 || settings.epochs > NetworkSettings::maxEpochs)
        throw InvalidArgument("epochs: accepted: an integer in [1, "
            + std::to_string(NetworkSettings::maxEpochs) + "]");

    const Activation activation = parseActivation(settings.activation);
    const Loss loss = settings.loss == "auto" ? defaultLoss(data.train) : parseLoss(settings.loss);
    checkLossFits(loss, data.train, settings.dataset);
    std::vector<int> sizes = {data.train.inputCount()};
    sizes.insert(sizes.end(), settings.hiddenLayers.begin(), settings.hiddenLayers.end());
    sizes.push_back(outputCountFor(loss, data.train));
    const Mlp network(sizes, activation);
    train_ = std::make_unique<NetworkObjective>(network, loss, std::move(data.train));
    test_ = std::make_unique<NetworkObjective>(network, loss, std::move(data.test));

    // The seeds of `optviz-cli train --seed`: the same run gives the same numbers there.
    const std::uint64_t seed = seedOf(settings);
    start_ = network.initialParameters(deriveSeed(seed, SeedStream::Initialization));
    const long long steps = static_cast<long long>(settings.epochs) * stepsPerEpoch();
    if (steps > maxStepsPerRun)
        throw InvalidArgument("epochs: " + std::to_string(settings.epochs) + " epochs of "
            + std::to_string(stepsPerEpoch()) + " steps exceed " + std::to_string(maxStepsPerRun)
            + " steps; accepted: fewer epochs or larger batches");

    for (qsizetype i = 0; i < settings.optimizers.size(); ++i) {
        const OptimizerEntry& entry = settings.optimizers[i];
        if (!entry.enabled)
            continue;
        const OptimizerInfo* info = findOptimizer(entry.name);
        if (!info)
            throw InvalidArgument(unknownNameMessage("optimizer", entry.name, optimizerNames()));
        if (const std::string refusal = train_->optimizerRefusal(*info); !refusal.empty())
            throw InvalidArgument(refusal);
        TrainingSettings training;
        training.epochs = settings.epochs;
        training.batchSize = settings.batchSize;
        training.shuffleSeed = deriveSeed(seed, SeedStream::Shuffle);
        training.schedule = entry.makeSchedule();
        training.recordParameters = true; // the loss plane's PCA directions
        trainers_.push_back(std::make_unique<Trainer>(
            *train_, test_.get(), makeOptimizer(entry.name, entry.parameters), start_, training));
        entries_.push_back(int(i));
    }
}

long long NetworkSimulation::stepsPerEpoch() const
{
    const int n = train_->sampleCount();
    const int batch = settings_.batchSize;
    return batch <= 0 || batch >= n ? 1 : (n + batch - 1) / batch;
}

bool NetworkSimulation::isRunning() const
{
    return std::any_of(trainers_.begin(), trainers_.end(),
        [](const auto& trainer) { return trainer->status() == RunStatus::Running; });
}

bool NetworkSimulation::advanceSteps(long long steps)
{
    for (auto& trainer : trainers_)
        if (trainer->status() == RunStatus::Running)
            trainer->advanceSteps(steps);
    return isRunning();
}

void NetworkSimulation::runToEnd()
{
    for (auto& trainer : trainers_)
        trainer->runToEnd();
}

ViewRect NetworkSimulation::pictureView() const
{
    double xMin = HUGE_VAL, xMax = -HUGE_VAL, yMin = HUGE_VAL, yMax = -HUGE_VAL;
    const auto include = [&](const Dataset& data) {
        for (Eigen::Index s = 0; s < data.sampleCount(); ++s) {
            const double x = data.inputs(s, 0);
            const double y = data.inputCount() > 1 ? data.inputs(s, 1) : data.values[s];
            xMin = std::min(xMin, x);
            xMax = std::max(xMax, x);
            yMin = std::min(yMin, y);
            yMax = std::max(yMax, y);
        }
    };
    include(train_->data());
    include(test_->data());
    if (!(xMin <= xMax) || !(yMin <= yMax))
        return {};
    const double cx = 0.5 * (xMin + xMax);
    const double cy = 0.5 * (yMin + yMax);
    if (isClassification()) {
        // A square with 12% room around the samples, so that the boundary beyond them shows.
        const double half = std::max(0.5 * std::max(xMax - xMin, yMax - yMin) * 1.12, 1e-3);
        return {cx - half, cx + half, cy - half, cy + half};
    }
    const double halfX = std::max(0.5 * (xMax - xMin) * 1.04, 1e-3);
    const double halfY = std::max(0.5 * (yMax - yMin) * 1.15, 1e-3);
    return {cx - halfX, cx + halfX, cy - halfY, cy + halfY};
}

ModelPicture NetworkSimulation::picture(int run, int resolution) const
{
    ModelPicture picture;
    const ViewRect view = pictureView();
    const Vector& theta = trainer(run).parameters();
    resolution = std::max(resolution, 2);
    if (!isClassification()) {
        Matrix inputs(resolution, 1);
        for (int i = 0; i < resolution; ++i)
            inputs(i, 0) = view.xMin + i * (view.xMax - view.xMin) / (resolution - 1);
        const Matrix outputs = train_->predict(theta, inputs);
        picture.curveX.assign(inputs.data(), inputs.data() + resolution);
        picture.curveY.assign(outputs.data(), outputs.data() + resolution);
        return picture;
    }
    const Eigen::Index points = Eigen::Index(resolution) * resolution;
    Matrix inputs(points, 2);
    for (int j = 0; j < resolution; ++j)
        for (int i = 0; i < resolution; ++i) {
            const Eigen::Index p = Eigen::Index(j) * resolution + i;
            inputs(p, 0) = view.xMin + i * (view.xMax - view.xMin) / (resolution - 1);
            inputs(p, 1) = view.yMin + j * (view.yMax - view.yMin) / (resolution - 1);
        }
    const Matrix outputs = train_->predict(theta, inputs);
    picture.map.resize(std::size_t(points));
    const int k = classCount();
    for (Eigen::Index p = 0; p < points; ++p) {
        double value = 0.0;
        if (k == 2) {
            // One logit (bce, mse) or two (ce): P(class 1) either way. mse predicts the
            // 0/1 target itself, which may overshoot: clamped.
            value = std::clamp(outputs(p, outputs.cols() - 1), 0.0, 1.0);
        } else {
            Eigen::Index best = 0;
            const double top = outputs.row(p).maxCoeff(&best);
            const double floor = 1.0 / k;
            value = double(best) + std::clamp((top - floor) / (1.0 - floor), 0.0, 1.0) * 0.999;
        }
        picture.map[std::size_t(p)] = std::isfinite(value) ? value : std::nan("");
    }
    return picture;
}

std::string describeNetwork(const NetworkSimulation& simulation)
{
    // Translated here: the worker thread builds it (translate() is thread-safe).
    return QCoreApplication::translate("NetworkSimulation", "%1 · %2 parameters · loss %3")
        .arg(QString::fromStdString(simulation.network().describe()))
        .arg(simulation.network().parameterCount())
        .arg(QString::fromStdString(lossName(simulation.loss())))
        .toStdString();
}

} // namespace optviz
