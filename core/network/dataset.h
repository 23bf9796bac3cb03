#pragma once

#include "../objective.h"
#include "../parameter.h"

#include <string>
#include <string_view>
#include <vector>

namespace optviz {

enum class Task { Classification, Regression };

// Samples for a network, one per row.
struct Dataset
{
    Matrix inputs; // n × inputCount
    Vector values; // regression targets, n; empty for classification
    std::vector<int> labels; // classification: each sample's class, in [0, classCount)
    int classCount = 0; // 0 for regression

    Eigen::Index sampleCount() const { return inputs.rows(); }
    int inputCount() const { return static_cast<int>(inputs.cols()); }
    bool isClassification() const { return classCount > 0; }
    Task task() const { return isClassification() ? Task::Classification : Task::Regression; }
};

// A generated data set, split into training and test samples.
struct DataSplit
{
    std::string name;
    ParameterValues parameters; // resolved: every parameter with its value
    Dataset train;
    Dataset test; // no samples when test_fraction is 0
};

// An entry of the data set catalogue: what `optviz-cli list` prints and the window offers.
struct DatasetInfo
{
    std::string name;
    std::string definition; // one line
    Task task = Task::Classification;
    int inputCount = 2;
    // samples, noise, test_fraction, classes (blobs and spirals only), seed.
    ParameterSpecs parameters;
};

// moons, circles, xor, spirals, blobs (classification, 2-D inputs); linear, sine
// (regression, 1-D input t ∈ [−1, 1]). Definitions in dataset.cpp and in `list`.
const std::vector<DatasetInfo>& datasetCatalog();
const DatasetInfo* findDataset(std::string_view name);
std::vector<std::string> datasetNames();

// Generates the named data set from its seed: the samples one after another from one
// optviz::Random(seed) (class i mod k for sample i, so classes are balanced), then a
// seeded shuffle (deriveSeed(seed, SeedStream::DataSplit)) puts round(n · test_fraction)
// of them in the test set, leaving at least two for training. Reproducible on every
// platform. Throws InvalidArgument for an unknown name or a bad parameter, naming the
// accepted ones.
DataSplit makeDataSplit(std::string_view name, const ParameterValues& overrides = {});

} // namespace optviz
