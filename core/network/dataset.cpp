#include "dataset.h"

#include "../random.h"
#include "seeds.h"

#include <cmath>
#include <numbers>

namespace optviz {

namespace {

constexpr double pi = std::numbers::pi;
// Spiral arms turn this many times from the centre out.
constexpr double spiralTurns = 1.5;

ParameterSpecs datasetParameters(double noise, int defaultClasses, int maxClasses)
{
    ParameterSpecs specs = {
        {"samples", 200.0, 4.0, 100000.0, false, false, Scale::Integer,
            "number of samples, training and test together"},
        {"noise", noise, 0.0, 10.0, false, false, Scale::Linear,
            "standard deviation of the Gaussian noise"},
        {"test_fraction", 0.2, 0.0, 0.9, false, false, Scale::Linear,
            "fraction of the samples held out as the test set"},
    };
    if (defaultClasses > 0)
        specs.push_back({"classes", double(defaultClasses), 2.0, double(maxClasses), false, false,
            Scale::Integer, "number of classes"});
    specs.push_back({"seed", 1.0, 0.0, 9007199254740992.0, false, false, Scale::Integer,
        "seed of the samples and of the split"});
    return specs;
}

// One sample: its inputs (x, y) and its class, from the dataset's own draws.
using PointGenerator = void (*)(Random& random, int label, int classes, double& x, double& y);

void moonPoint(Random& random, int label, int, double& x, double& y)
{
    const double s = random.uniform(0.0, pi);
    // sklearn's make_moons, shifted so that the pair is centred on the origin.
    x = label == 0 ? std::cos(s) - 0.5 : 0.5 - std::cos(s);
    y = label == 0 ? std::sin(s) - 0.25 : 0.25 - std::sin(s);
}

void circlePoint(Random& random, int label, int, double& x, double& y)
{
    const double s = random.uniform(0.0, 2.0 * pi);
    const double radius = label == 0 ? 1.0 : 0.5;
    x = radius * std::cos(s);
    y = radius * std::sin(s);
}

void xorPoint(Random& random, int label, int, double& x, double& y)
{
    // Uniform in the two quadrants of the class: x·y > 0 for class 0, < 0 for class 1.
    const double u = random.uniform();
    const double v = random.uniform();
    const bool flip = random.uniform() < 0.5;
    x = flip ? -u : u;
    y = (label == 0) == flip ? -v : v;
}

void spiralPoint(Random& random, int label, int classes, double& x, double& y)
{
    const double t = random.uniform();
    const double angle = 2.0 * pi * (double(label) / classes + spiralTurns * t);
    x = t * std::cos(angle);
    y = t * std::sin(angle);
}

void blobPoint(Random&, int label, int classes, double& x, double& y)
{
    // Centres evenly on the unit circle, the first at the top; the noise spreads them.
    const double angle = pi / 2.0 + 2.0 * pi * double(label) / classes;
    x = std::cos(angle);
    y = std::sin(angle);
}

// One regression sample's target without noise.
using CurveGenerator = double (*)(double t);

double linearCurve(double t)
{
    return 3.0 * t + 2.0;
}

double sineCurve(double t)
{
    return std::sin(pi * t);
}

PointGenerator pointGenerator(std::string_view name)
{
    if (name == "moons")
        return &moonPoint;
    if (name == "circles")
        return &circlePoint;
    if (name == "xor")
        return &xorPoint;
    if (name == "spirals")
        return &spiralPoint;
    if (name == "blobs")
        return &blobPoint;
    return nullptr;
}

CurveGenerator curveGenerator(std::string_view name)
{
    return name == "linear" ? &linearCurve : &sineCurve;
}

// The samples of `all` with the given indices, in that order.
Dataset subset(
    const Dataset& all, const std::vector<int>& order, std::size_t first, std::size_t count)
{
    Dataset part;
    part.classCount = all.classCount;
    part.inputs.resize(Eigen::Index(count), all.inputs.cols());
    if (all.isClassification())
        part.labels.resize(count);
    else
        part.values.resize(Eigen::Index(count));
    for (std::size_t k = 0; k < count; ++k) {
        const int i = order[first + k];
        part.inputs.row(Eigen::Index(k)) = all.inputs.row(i);
        if (all.isClassification())
            part.labels[k] = all.labels[std::size_t(i)];
        else
            part.values[Eigen::Index(k)] = all.values[i];
    }
    return part;
}

} // namespace

const std::vector<DatasetInfo>& datasetCatalog()
{
    static const std::vector<DatasetInfo> catalog = {
        {"moons",
            "two interleaved half circles (sklearn's make_moons, centred): "
            "(cos s - 0.5, sin s - 0.25) and (0.5 - cos s, 0.25 - sin s), s in [0, pi]",
            Task::Classification, 2, datasetParameters(0.1, 0, 0)},
        {"circles", "two concentric circles, class 0 of radius 1 and class 1 of radius 0.5",
            Task::Classification, 2, datasetParameters(0.08, 0, 0)},
        {"xor", "uniform in [-1, 1]^2, class 1 in the quadrants where x*y < 0",
            Task::Classification, 2, datasetParameters(0.05, 0, 0)},
        {"spirals",
            "interleaved spiral arms, one per class c of k: radius t, angle 2 pi (c/k + 1.5 t), "
            "t in [0, 1]",
            Task::Classification, 2, datasetParameters(0.05, 2, 6)},
        {"blobs", "Gaussian blobs of std noise around k points evenly on the unit circle",
            Task::Classification, 2, datasetParameters(0.25, 3, 10)},
        {"linear", "y = 3t + 2 + noise, t uniform in [-1, 1] (the data of the linreg surface)",
            Task::Regression, 1, datasetParameters(0.5, 0, 0)},
        {"sine", "y = sin(pi t) + noise, t uniform in [-1, 1]", Task::Regression, 1,
            datasetParameters(0.1, 0, 0)},
    };
    return catalog;
}

const DatasetInfo* findDataset(std::string_view name)
{
    for (const DatasetInfo& info : datasetCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::vector<std::string> datasetNames()
{
    std::vector<std::string> names;
    for (const DatasetInfo& info : datasetCatalog())
        names.push_back(info.name);
    return names;
}

DataSplit makeDataSplit(std::string_view name, const ParameterValues& overrides)
{
    const DatasetInfo* info = findDataset(name);
    if (!info)
        throw InvalidArgument(unknownNameMessage("dataset", name, datasetNames()));
    DataSplit split;
    split.name = info->name;
    split.parameters = resolveParameters(info->parameters, overrides, "dataset " + info->name);
    const auto n = static_cast<int>(split.parameters.at("samples"));
    const double noise = split.parameters.at("noise");
    const auto seed = static_cast<std::uint64_t>(split.parameters.at("seed"));
    const auto classesAt = split.parameters.find("classes");

    Dataset all;
    Random random(seed);
    all.inputs.resize(n, info->inputCount);
    if (info->task == Task::Classification) {
        all.classCount = classesAt != split.parameters.end() ? int(classesAt->second) : 2;
        all.labels.resize(std::size_t(n));
        const PointGenerator generate = pointGenerator(info->name);
        for (int i = 0; i < n; ++i) {
            const int label = i % all.classCount;
            double x = 0.0, y = 0.0;
            generate(random, label, all.classCount, x, y);
            // Both normal draws always happen, so that the points do not depend on the
            // noise level: noise 0 shows the clean shape of the same data.
            const double nx = random.normal();
            const double ny = random.normal();
            all.inputs(i, 0) = x + noise * nx;
            all.inputs(i, 1) = y + noise * ny;
            all.labels[std::size_t(i)] = label;
        }
    } else {
        all.values.resize(n);
        const CurveGenerator curve = curveGenerator(info->name);
        for (int i = 0; i < n; ++i) {
            // As the linreg surface draws: t, then the noise.
            const double t = random.uniform(-1.0, 1.0);
            all.inputs(i, 0) = t;
            all.values[i] = curve(t) + noise * random.normal();
        }
    }

    std::vector<int> order(std::size_t(n), 0);
    for (int i = 0; i < n; ++i)
        order[std::size_t(i)] = i;
    Random shuffle(deriveSeed(seed, SeedStream::DataSplit));
    shuffle.shuffle(order.data(), n);
    const int testCount
        = std::min(static_cast<int>(std::lround(n * split.parameters.at("test_fraction"))), n - 2);
    split.test = subset(all, order, 0, std::size_t(testCount));
    split.train = subset(all, order, std::size_t(testCount), std::size_t(n - testCount));
    return split;
}

} // namespace optviz
