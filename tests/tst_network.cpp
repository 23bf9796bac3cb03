// The small neural network of core/network against independent truth:
//  * backpropagation against central differences of the loss, and the exact Hessian (the
//    R-operator) against central differences of the exact gradient, for every
//    activation with every loss, on layer widths that exercise every block and tail of
//    the vectorised loops;
//  * the vectorised tanh, σ and binary cross-entropy against the C library;
//  * the data sets against their documented definitions (at zero noise the points lie
//    exactly on the curves), the linear one against the linreg surface;
//  * learning: moons to ≥ 97 % and spirals to ≥ 90 % training accuracy; every optimizer
//    of the catalogue trains the network unchanged; seeded runs repeat bit for bit;
//  * loss planes: projections of points built in a plane, PCA of trajectories built in a
//    2-D subspace, filter normalisation, the coarse-to-fine grid;
//  * no heap allocation in the training step loop.

#include "core/network/dataset.h"
#include "core/network/kernels.h"
#include "core/network/loss_plane.h"
#include "core/network/loss_plane_grid.h"
#include "core/network/network_objective.h"
#include "core/network/seeds.h"
#include "core/network/trainer.h"
#include "core/random.h"
#include "core/runner.h"
#include "core/surface.h"

#include <QTest>

#include <Eigen/Cholesky>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <numbers>

// The hot loops once more, compiled here for plain x86-64 (SSE2, without the library's
// per-instruction-set clones), to check that the clone the library runs on this CPU
// computes the same bits.
#if defined(__x86_64__) && defined(__GNUC__)
#include <bit>
#include <cstdint>
#define OPTVIZ_KERNEL
namespace plain::optviz::kernels {
using ::optviz::kernels::Factor;
using ::optviz::kernels::Index;
} // namespace plain::optviz::kernels
namespace plain {
#include "core/network/kernels.cpp"
} // namespace plain
#define OPTVIZ_PLAIN_KERNELS 1
#endif

using namespace optviz;

// Counting heap allocations, as tst_optimizers does: on glibc the test replaces malloc
// (which operator new and Eigen both use) with a counting wrapper around glibc's own.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define OPTVIZ_COUNT_MALLOC 1
namespace {
std::atomic<bool> countingMallocs {false};
std::atomic<long> mallocCount {0};
} // namespace
extern "C" void* __libc_malloc(std::size_t size);
extern "C" void* malloc(std::size_t size) noexcept
{
    if (countingMallocs.load(std::memory_order_relaxed))
        mallocCount.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}
#endif

namespace {

constexpr double pi = std::numbers::pi;

// A network for `dataset` with the given hidden widths, activation and loss, on a data
// set of `samples` samples (all of them for training).
NetworkObjective makeObjective(const std::string& dataset, std::vector<int> hidden,
    Activation activation, Loss loss, int samples, double classes = 0.0)
{
    ParameterValues parameters {{"samples", double(samples)}, {"test_fraction", 0.0}};
    if (classes > 0.0)
        parameters["classes"] = classes;
    DataSplit data = makeDataSplit(dataset, parameters);
    std::vector<int> sizes = {data.train.inputCount()};
    sizes.insert(sizes.end(), hidden.begin(), hidden.end());
    sizes.push_back(outputCountFor(loss, data.train));
    return NetworkObjective(Mlp(sizes, activation), loss, std::move(data.train));
}

// Initial parameters plus seeded noise, so that biases are not zero and every term of
// the backward pass takes part.
Vector testPoint(const NetworkObjective& objective, std::uint64_t seed)
{
    Vector x = objective.network().initialParameters(seed);
    Random random(seed + 100);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x[i] += 0.3 * random.normal();
    return x;
}

template<typename F> Vector centralDifferences(F f, const Vector& x, double h)
{
    Vector g(x.size());
    Vector probe = x;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        probe[i] = x[i] + h;
        const double up = f(probe);
        probe[i] = x[i] - h;
        const double down = f(probe);
        probe[i] = x[i];
        g[i] = (up - down) / (2.0 * h);
    }
    return g;
}

double relativeError(const Matrix& computed, const Matrix& reference)
{
    return (computed - reference).norm() / std::max(reference.norm(), 1e-12);
}

Vector randomVector(Random& random, int size)
{
    Vector v(size);
    for (int i = 0; i < size; ++i)
        v[i] = random.normal();
    return v;
}

// A trajectory through the given points.
Trajectory trajectoryOf(const std::vector<Vector>& points)
{
    Trajectory trajectory(int(points.front().size()));
    for (const Vector& p : points)
        trajectory.append(p, 0.0);
    return trajectory;
}

struct LossCase
{
    const char* dataset;
    Loss loss;
    double classes;
};

// Every loss, on the kinds of data it trains on: regression, two classes (one output or,
// for ce, two), three classes (one-hot outputs).
const LossCase lossCases[] = {
    {"sine", Loss::Mse, 0.0},
    {"moons", Loss::Mse, 0.0},
    {"blobs", Loss::Mse, 3.0},
    {"moons", Loss::BinaryCrossEntropy, 0.0},
    {"blobs", Loss::BinaryCrossEntropy, 3.0},
    {"moons", Loss::CrossEntropy, 0.0},
    {"blobs", Loss::CrossEntropy, 3.0},
};

} // namespace

Q_DECLARE_METATYPE(optviz::Activation)
Q_DECLARE_METATYPE(optviz::Loss)
Q_DECLARE_METATYPE(optviz::ParameterValues)

class TestNetwork : public QObject
{
    Q_OBJECT

private slots:
    void gradientMatchesCentralDifferences_data();
    void gradientMatchesCentralDifferences();
    void hessianMatchesGradientDifferences_data();
    void hessianMatchesGradientDifferences();
    void elementwiseFunctionsMatchTheCLibrary();
    void kernelsGiveTheSameBitsOnEveryInstructionSet();
    void parameterLayoutIsTorchs();
    void initialisationFollowsXavierAndHe();

    void datasetsMatchTheirDefinitions_data();
    void datasetsMatchTheirDefinitions();
    void datasetsAreReproducibleAndSplit_data();
    void datasetsAreReproducibleAndSplit();
    void linearDatasetIsTheLinregSurface();
    void badDatasetParametersAreRefused();
    void lossesFitTheirData();

    void learnsMoons();
    void learnsSpirals();
    void everyOptimizerTrains_data();
    void everyOptimizerTrains();
    void newtonConvergesOnLogisticRegression();
    void miniBatchRunsAreReproducible();
    void trainerRecordsEveryEpoch();
    void divergenceIsReported();
    void trainingDoesNotAllocate();

    void projectionRecoversPlanePoints();
    void pcaOfPlanarTrajectoriesExplainsAll();
    void pcaOfSpatialTrajectoryExplainsLess();
    void filterNormalizedDirections();
    void lossPlaneGridIsCoarseFirstAndExact();
};

void TestNetwork::gradientMatchesCentralDifferences_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<Loss>("loss");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<double>("classes");
    QTest::addColumn<QString>("layers");
    for (Activation activation : activations())
        for (const LossCase& c : lossCases) {
            const std::string name = activationName(activation) + " " + lossName(c.loss) + " "
                + c.dataset + (c.classes > 0 ? "3" : "");
            // Widths 5 and 3: blocks of four and tails of one to three in every loop.
            QTest::newRow(name.c_str()) << activation << c.loss << c.dataset << c.classes << "5,3";
        }
    for (const LossCase& c : lossCases) {
        const std::string name
            = std::string("no hidden layer ") + lossName(c.loss) + " " + c.dataset;
        QTest::newRow(name.c_str()) << Activation::Tanh << c.loss << c.dataset << c.classes << "";
    }
}

void TestNetwork::gradientMatchesCentralDifferences()
{
    QFETCH(Activation, activation);
    QFETCH(Loss, loss);
    QFETCH(QString, dataset);
    QFETCH(double, classes);
    QFETCH(QString, layers);
    std::vector<int> hidden;
    for (const QString& width : layers.split(',', Qt::SkipEmptyParts))
        hidden.push_back(width.toInt());
    // 11 samples: one block of eight lanes and a tail of three.
    const NetworkObjective objective
        = makeObjective(dataset.toStdString(), hidden, activation, loss, 11, classes);
    const Vector x = testPoint(objective, 7);

    Vector gradient(objective.dimension());
    const double value = objective.valueAndGradient(x, gradient);
    QCOMPARE(value, objective.value(x));
    const Vector reference
        = centralDifferences([&](const Vector& p) { return objective.value(p); }, x, 1e-5);
    const double error = relativeError(gradient, reference);
    QVERIFY2(error < 1e-6, qPrintable(QString("relative error %1").arg(error)));

    // A mini-batch: the mean over the chosen samples only.
    const int batch[] = {9, 2, 4};
    Vector batchGradient(objective.dimension());
    const double batchValue = objective.batchValueAndGradient(x, batch, 3, batchGradient);
    QCOMPARE(batchValue, objective.batchValue(x, batch, 3));
    const Vector batchReference = centralDifferences(
        [&](const Vector& p) { return objective.batchValue(p, batch, 3); }, x, 1e-5);
    QVERIFY(relativeError(batchGradient, batchReference) < 1e-6);
    QVERIFY(std::abs(batchValue - value) > 1e-9); // it really is another function
}

void TestNetwork::hessianMatchesGradientDifferences_data()
{
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<Loss>("loss");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<double>("classes");
    for (Activation activation : activations())
        for (const LossCase& c : lossCases) {
            const std::string name = activationName(activation) + " " + lossName(c.loss) + " "
                + c.dataset + (c.classes > 0 ? "3" : "");
            QTest::newRow(name.c_str()) << activation << c.loss << c.dataset << c.classes;
        }
}

void TestNetwork::hessianMatchesGradientDifferences()
{
    QFETCH(Activation, activation);
    QFETCH(Loss, loss);
    QFETCH(QString, dataset);
    QFETCH(double, classes);
    const NetworkObjective objective
        = makeObjective(dataset.toStdString(), {3, 2}, activation, loss, 9, classes);
    QVERIFY(objective.hasHessian());
    const Vector x = testPoint(objective, 11);
    const int n = objective.dimension();

    Matrix hessian(n, n);
    objective.hessian(x, hessian);
    QVERIFY((hessian - hessian.transpose()).norm() == 0.0);
    Matrix reference(n, n);
    Vector up(n), down(n);
    Vector probe = x;
    const double h = 1e-5;
    for (int j = 0; j < n; ++j) {
        probe[j] = x[j] + h;
        objective.valueAndGradient(probe, up);
        probe[j] = x[j] - h;
        objective.valueAndGradient(probe, down);
        probe[j] = x[j];
        reference.col(j) = (up - down) / (2.0 * h);
    }
    const double error = relativeError(hessian, reference);
    QVERIFY2(error < 1e-6, qPrintable(QString("relative error %1").arg(error)));

    // The mini-batch Hessian is that of the mini-batch loss.
    const int batch[] = {1, 6, 3, 8};
    objective.batchHessian(x, batch, 4, hessian);
    for (int j = 0; j < n; ++j) {
        probe[j] = x[j] + h;
        objective.batchValueAndGradient(probe, batch, 4, up);
        probe[j] = x[j] - h;
        objective.batchValueAndGradient(probe, batch, 4, down);
        probe[j] = x[j];
        reference.col(j) = (up - down) / (2.0 * h);
    }
    QVERIFY(relativeError(hessian, reference) < 1e-6);
}

void TestNetwork::elementwiseFunctionsMatchTheCLibrary()
{
    // Arguments over the whole range: tiny (where tanh x ≈ x must stay relative-exact),
    // around the branch points, saturated, and past the clamps.
    std::vector<double> x = {0.0, -0.0, 1e-300, -3e-200, 1e-10, 0.1732, 0.1733, 0.625, -0.625,
        0.3466, 1.0, -1.0, 5.0, 19.0, 20.0, 21.0, -40.0, 300.0, -800.0, 1000.0};
    Random random(5);
    for (int i = 0; i < 5000; ++i)
        x.push_back(std::ldexp(random.uniform(-1.0, 1.0), int(random.below(40)) - 30));
    for (int i = 0; i < 5000; ++i)
        x.push_back(random.uniform(-30.0, 30.0));
    const auto n = Eigen::Index(x.size());

    std::vector<double> tanhValues = x;
    activate(Activation::Tanh, tanhValues.data(), n);
    std::vector<double> sigmoidValues = x;
    activate(Activation::Sigmoid, sigmoidValues.data(), n);
    double tanhError = 0.0, sigmoidError = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = std::tanh(x[i]);
        tanhError = std::max(tanhError,
            t == 0.0 ? std::abs(tanhValues[i]) : std::abs(tanhValues[i] - t) / std::abs(t));
        const double s = 1.0 / (1.0 + std::exp(-x[i]));
        if (s > 0.0)
            sigmoidError = std::max(sigmoidError, std::abs(sigmoidValues[i] - s) / s);
    }
    QVERIFY2(tanhError < 2e-15, qPrintable(QString::number(tanhError)));
    QVERIFY2(sigmoidError < 2e-15, qPrintable(QString::number(sigmoidError)));
    QCOMPARE(tanhValues[0], 0.0);
    QCOMPARE(tanhValues[2], 1e-300);

    // Binary cross-entropy with logits, summed, against log1p and exp.
    Matrix z(n, 1), y(n, 1);
    double reference = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        z(i, 0) = x[std::size_t(i)];
        y(i, 0) = double(i % 2);
        reference += std::max(z(i, 0), 0.0) - z(i, 0) * y(i, 0)
            + std::log1p(std::exp(-std::abs(z(i, 0))));
    }
    LossWorkspace workspace(1, n);
    const double bce = lossValue(Loss::BinaryCrossEntropy, ConstMatrixView(z.data(), n, 1),
        ConstMatrixView(y.data(), n, 1), workspace);
    QVERIFY(std::abs(bce - reference / double(n)) < 1e-14 * reference / double(n));

    // NaN stays NaN, so that a diverged network is seen as diverged.
    double nan = std::numeric_limits<double>::quiet_NaN();
    activate(Activation::Tanh, &nan, 1);
    QVERIFY(std::isnan(nan));
}

// The library's kernels (the AVX-512 or AVX2 clone where the CPU has it) against the same
// source compiled for plain x86-64: identical bits, on sizes with partial blocks.
void TestNetwork::kernelsGiveTheSameBitsOnEveryInstructionSet()
{
#ifndef OPTVIZ_PLAIN_KERNELS
    QSKIP("the plain build is compiled on x86-64 only");
#else
    Random random(17);
    const kernels::Index rows = 37; // four blocks of eight and a tail of five
    const int m = 7, k = 6;
    const auto fill = [&](std::vector<double>& v, std::size_t size, double scale) {
        v.resize(size);
        for (double& x : v)
            x = scale * random.normal();
    };
    std::vector<double> in, coefficients, bias, activated, d;
    fill(in, std::size_t(rows * k), 1.0);
    fill(coefficients, std::size_t(m * k), 0.7);
    fill(bias, std::size_t(m), 0.3);
    fill(activated, std::size_t(rows * m), 0.5);
    fill(d, std::size_t(rows * m), 1.0);
    const auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
        return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * 8) == 0;
    };

    for (kernels::Factor factor : {kernels::Factor::None, kernels::Factor::TanhDerivative,
             kernels::Factor::SigmoidDerivative}) {
        std::vector<double> library(std::size_t(rows * m)), reference(library.size());
        kernels::combineColumns(in.data(), rows, k, coefficients.data(), k, 1, m, bias.data(),
            library.data(), factor, activated.data());
        plain::optviz::kernels::combineColumns(in.data(), rows, k, coefficients.data(), k, 1, m,
            bias.data(), reference.data(), factor, activated.data());
        QVERIFY(same(library, reference));
    }
    std::vector<double> library(std::size_t(m * k)), reference(library.size());
    kernels::crossProducts(d.data(), rows, m, in.data(), k, library.data());
    plain::optviz::kernels::crossProducts(d.data(), rows, m, in.data(), k, reference.data());
    QVERIFY(same(library, reference));
    library.assign(std::size_t(m), 0.0);
    reference = library;
    kernels::columnSums(d.data(), rows, m, library.data());
    plain::optviz::kernels::columnSums(d.data(), rows, m, reference.data());
    QVERIFY(same(library, reference));

    std::vector<double> x;
    fill(x, 1001, 6.0);
    library = x;
    reference = x;
    kernels::tanhInPlace(library.data(), 1001);
    plain::optviz::kernels::tanhInPlace(reference.data(), 1001);
    QVERIFY(same(library, reference));
    kernels::sigmoid(x.data(), library.data(), 1001);
    plain::optviz::kernels::sigmoid(x.data(), reference.data(), 1001);
    QVERIFY(same(library, reference));
    kernels::exp(x.data(), library.data(), 1001);
    plain::optviz::kernels::exp(x.data(), reference.data(), 1001);
    QVERIFY(same(library, reference));
    const double bce = kernels::binaryCrossEntropySum(x.data(), d.data(), 250);
    const double bceReference
        = plain::optviz::kernels::binaryCrossEntropySum(x.data(), d.data(), 250);
    QVERIFY(std::memcmp(&bce, &bceReference, 8) == 0);
#endif
}

void TestNetwork::parameterLayoutIsTorchs()
{
    // 2-3-1: W₁ (3×2, row by row), b₁ (3), W₂ (1×3), b₂ (1): torch's parameters_to_vector.
    const Mlp network({2, 3, 1}, Activation::Tanh);
    QCOMPARE(network.parameterCount(), Eigen::Index(13));
    QCOMPARE(network.describe(), std::string("2-3-1 tanh"));
    Vector theta = Vector::LinSpaced(13, 0.0, 12.0);
    QCOMPARE(network.weights(theta, 0)(1, 0), 2.0); // neuron 1, input 0
    QCOMPARE(network.weights(theta, 0)(2, 1), 5.0);
    QCOMPARE(network.biases(theta, 0)[0], 6.0);
    QCOMPARE(network.weights(theta, 1)(0, 2), 11.0);
    QCOMPARE(network.biases(theta, 1)[0], 12.0);

    // The forward pass by hand: a = tanh(W₁ x + b₁), out = W₂ a + b₂.
    theta *= 0.05;
    Matrix inputs(2, 2);
    inputs << 0.5, -1.0, 2.0, 0.25; // one sample per row
    MlpWorkspace workspace(network, 2);
    network.forward(theta, ConstMatrixView(inputs.data(), 2, 2), workspace);
    for (int s = 0; s < 2; ++s) {
        double out = theta[12];
        for (int i = 0; i < 3; ++i) {
            const double z
                = theta[2 * i] * inputs(s, 0) + theta[2 * i + 1] * inputs(s, 1) + theta[6 + i];
            out += theta[9 + i] * std::tanh(z);
        }
        QVERIFY(std::abs(network.outputs(workspace, 2)(s, 0) - out) < 1e-14);
    }
}

void TestNetwork::initialisationFollowsXavierAndHe()
{
    // 64-128-1: the sample standard deviation of W₁'s 8192 weights is within 3 % of the
    // scheme's; biases start at zero; the draw repeats for a seed.
    const Mlp tanhNetwork({64, 128, 1}, Activation::Tanh);
    const Mlp reluNetwork({64, 128, 1}, Activation::Relu);
    const Vector xavier = tanhNetwork.initialParameters(3);
    const Vector he = reluNetwork.initialParameters(3);
    const auto deviation = [](const auto& w) {
        const double mean = w.mean();
        return std::sqrt((w.array() - mean).square().sum() / double(w.size()));
    };
    const double xavierDeviation = deviation(tanhNetwork.weights(xavier, 0));
    const double heDeviation = deviation(reluNetwork.weights(he, 0));
    QVERIFY(std::abs(xavierDeviation / std::sqrt(2.0 / (64 + 128)) - 1.0) < 0.03);
    QVERIFY(std::abs(heDeviation / std::sqrt(2.0 / 64) - 1.0) < 0.03);
    QCOMPARE(tanhNetwork.biases(xavier, 0).norm(), 0.0);
    QVERIFY(xavier == tanhNetwork.initialParameters(3));
    QVERIFY(xavier != tanhNetwork.initialParameters(4));
}

void TestNetwork::datasetsMatchTheirDefinitions_data()
{
    QTest::addColumn<QString>("name");
    for (const std::string& name : datasetNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

// At zero noise every point lies on the documented curve of its class.
void TestNetwork::datasetsMatchTheirDefinitions()
{
    QFETCH(QString, name);
    const DataSplit split = makeDataSplit(
        name.toStdString(), {{"noise", 0.0}, {"samples", 300.0}, {"test_fraction", 0.0}});
    const Dataset& d = split.train;
    QCOMPARE(d.sampleCount(), Eigen::Index(300));
    const double tolerance = 1e-12;
    for (Eigen::Index s = 0; s < d.sampleCount(); ++s) {
        if (!d.isClassification()) {
            const double t = d.inputs(s, 0);
            QVERIFY(t >= -1.0 && t <= 1.0);
            const double expected = name == "linear" ? 3.0 * t + 2.0 : std::sin(pi * t);
            QVERIFY(std::abs(d.values[s] - expected) < tolerance);
            continue;
        }
        const double x = d.inputs(s, 0);
        const double y = d.inputs(s, 1);
        const int c = d.labels[std::size_t(s)];
        const int k = d.classCount;
        if (name == "moons") {
            // Centred make_moons: the upper moon around (−0.5, −0.25), the lower around
            // (0.5, 0.25), each a half circle of radius 1.
            const double cx = c == 0 ? -0.5 : 0.5;
            const double cy = c == 0 ? -0.25 : 0.25;
            QVERIFY(std::abs(std::hypot(x - cx, y - cy) - 1.0) < tolerance);
            QVERIFY(c == 0 ? y - cy >= -tolerance : y - cy <= tolerance);
        } else if (name == "circles") {
            QVERIFY(std::abs(std::hypot(x, y) - (c == 0 ? 1.0 : 0.5)) < tolerance);
        } else if (name == "xor") {
            QVERIFY(std::abs(x) <= 1.0 && std::abs(y) <= 1.0);
            QVERIFY(c == 0 ? x * y >= 0.0 : x * y <= 0.0);
        } else if (name == "spirals") {
            const double r = std::hypot(x, y);
            const double angle = 2.0 * pi * (double(c) / k + 1.5 * r);
            QVERIFY(std::abs(x - r * std::cos(angle)) < tolerance);
            QVERIFY(std::abs(y - r * std::sin(angle)) < tolerance);
        } else if (name == "blobs") {
            const double angle = pi / 2.0 + 2.0 * pi * double(c) / k;
            QVERIFY(std::abs(x - std::cos(angle)) < tolerance);
            QVERIFY(std::abs(y - std::sin(angle)) < tolerance);
        } else {
            QFAIL("a data set without a test of its definition");
        }
    }
}

void TestNetwork::datasetsAreReproducibleAndSplit_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ParameterValues>("parameters");
    QTest::addColumn<int>("classes"); // 0: regression
    QTest::newRow("moons") << "moons" << ParameterValues {} << 2;
    QTest::newRow("circles") << "circles" << ParameterValues {{"samples", 51.0}} << 2;
    QTest::newRow("xor") << "xor" << ParameterValues {{"test_fraction", 0.5}} << 2;
    QTest::newRow("spirals 3") << "spirals" << ParameterValues {{"classes", 3.0}} << 3;
    QTest::newRow("blobs") << "blobs" << ParameterValues {} << 3;
    QTest::newRow("blobs 7") << "blobs" << ParameterValues {{"classes", 7.0}, {"samples", 100.0}}
                             << 7;
    QTest::newRow("linear") << "linear" << ParameterValues {{"test_fraction", 0.0}} << 0;
    QTest::newRow("sine") << "sine" << ParameterValues {{"samples", 4.0}} << 0;
}

void TestNetwork::datasetsAreReproducibleAndSplit()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    QFETCH(int, classes);
    const DataSplit a = makeDataSplit(name.toStdString(), parameters);
    const DataSplit b = makeDataSplit(name.toStdString(), parameters);
    const int n = int(a.parameters.at("samples"));
    const int expectedTest
        = std::min(int(std::lround(n * a.parameters.at("test_fraction"))), n - 2);
    QCOMPARE(int(a.test.sampleCount()), expectedTest);
    QCOMPARE(int(a.train.sampleCount()), n - expectedTest);
    QCOMPARE(a.train.inputCount(), classes > 0 ? 2 : 1);
    QCOMPARE(a.train.classCount, classes);
    QVERIFY(a.train.inputs == b.train.inputs);
    QVERIFY(a.test.inputs == b.test.inputs);
    QVERIFY(a.train.labels == b.train.labels && a.train.values == b.train.values);
    QVERIFY(a.train.inputs.allFinite() && a.test.inputs.allFinite());

    if (classes > 0) {
        // Balanced: sample i has class i mod k, so each class has ⌊n/k⌋ or ⌈n/k⌉ samples.
        std::vector<int> counts(std::size_t(classes), 0);
        for (const Dataset* d : {&a.train, &a.test})
            for (int label : d->labels) {
                QVERIFY(label >= 0 && label < classes);
                ++counts[std::size_t(label)];
            }
        for (int count : counts)
            QVERIFY(count == n / classes || count == n / classes + 1);
    } else {
        QCOMPARE(a.train.values.size(), a.train.sampleCount());
        QVERIFY(a.train.labels.empty());
    }

    ParameterValues other = parameters;
    other["seed"] = 2.0;
    QVERIFY(makeDataSplit(name.toStdString(), other).train.inputs != a.train.inputs);
}

// The linear data set is the linreg surface's data, so a network without a hidden layer
// (ŷ = w t + b) trained with mse has exactly the surface's loss and gradient.
void TestNetwork::linearDatasetIsTheLinregSurface()
{
    const ParameterValues shared {{"samples", 40.0}, {"noise", 0.5}, {"seed", 9.0}};
    ParameterValues dataParameters = shared;
    dataParameters["test_fraction"] = 0.0;
    DataSplit data = makeDataSplit("linear", dataParameters);
    const NetworkObjective network(Mlp({1, 1}, Activation::Tanh), Loss::Mse, std::move(data.train));
    const auto surface = makeSurface("linreg", shared);
    Vector x(2), gradient(2), surfaceGradient(2);
    for (const auto& [w, b] : {std::pair {0.5, -1.0}, std::pair {3.0, 2.0}, {-2.0, 4.0}}) {
        x << w, b;
        const double value = network.valueAndGradient(x, gradient);
        const double expected = surface->valueAndGradient(x, surfaceGradient);
        QVERIFY(std::abs(value - expected) <= 1e-13 * expected);
        QVERIFY((gradient - surfaceGradient).norm() <= 1e-12 * surfaceGradient.norm());
    }
}

void TestNetwork::badDatasetParametersAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("moon"));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("moons", {{"samples", 3.0}}));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("moons", {{"noise", -1.0}}));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("moons", {{"classes", 3.0}}));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("blobs", {{"classes", 11.0}}));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataSplit("xor", {{"test_fraction", 0.95}}));
    try {
        makeDataSplit("spiral");
        QFAIL("no exception");
    } catch (const InvalidArgument& error) {
        QVERIFY(QString(error.what()).contains("spirals"));
    }
}

void TestNetwork::lossesFitTheirData()
{
    const DataSplit moons = makeDataSplit("moons");
    const DataSplit blobs = makeDataSplit("blobs");
    const DataSplit sine = makeDataSplit("sine");
    QCOMPARE(defaultLoss(moons.train), Loss::BinaryCrossEntropy);
    QCOMPARE(defaultLoss(blobs.train), Loss::CrossEntropy);
    QCOMPARE(defaultLoss(sine.train), Loss::Mse);
    QCOMPARE(outputCountFor(Loss::BinaryCrossEntropy, moons.train), 1);
    QCOMPARE(outputCountFor(Loss::CrossEntropy, moons.train), 2);
    QCOMPARE(outputCountFor(Loss::Mse, blobs.train), 3);
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, checkLossFits(Loss::CrossEntropy, sine.train, "sine"));
    checkLossFits(Loss::Mse, moons.train, "moons");
    // One-hot targets for ce: each row sums to one, with the one at the label.
    const Matrix targets = targetMatrix(Loss::CrossEntropy, blobs.train);
    for (Eigen::Index s = 0; s < targets.rows(); ++s) {
        QCOMPARE(targets.row(s).sum(), 1.0);
        QCOMPARE(targets(s, blobs.train.labels[std::size_t(s)]), 1.0);
    }
    // A mismatched network is a programming error, not user input.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
        NetworkObjective(Mlp({2, 4, 2}, Activation::Tanh), Loss::BinaryCrossEntropy, moons.train));
}

void TestNetwork::learnsMoons()
{
    DataSplit data = makeDataSplit("moons", {{"samples", 200.0}, {"test_fraction", 0.2}});
    const Mlp network({2, 16, 16, 1}, Activation::Tanh);
    const NetworkObjective train(network, Loss::BinaryCrossEntropy, std::move(data.train));
    const NetworkObjective test(network, Loss::BinaryCrossEntropy, std::move(data.test));
    TrainingSettings settings;
    settings.epochs = 300;
    Trainer trainer(train, &test, makeOptimizer("adam", {{"lr", 0.02}}),
        network.initialParameters(deriveSeed(1, SeedStream::Initialization)), settings);
    trainer.runToEnd();
    QCOMPARE(trainer.status(), RunStatus::Finished);
    const EpochRecord& last = trainer.history().back();
    qInfo("moons after 300 epochs: train accuracy %.3f, test accuracy %.3f", last.trainAccuracy,
        last.testAccuracy);
    QVERIFY(last.trainAccuracy >= 0.97);
    QVERIFY(last.testAccuracy >= 0.9);
    QVERIFY(trainer.history().front().trainAccuracy < 0.9); // it did learn
}

void TestNetwork::learnsSpirals()
{
    DataSplit data = makeDataSplit("spirals", {{"samples", 200.0}, {"test_fraction", 0.2}});
    const Mlp network({2, 16, 16, 1}, Activation::Tanh);
    const NetworkObjective train(network, Loss::BinaryCrossEntropy, std::move(data.train));
    TrainingSettings settings;
    settings.epochs = 600;
    Trainer trainer(train, nullptr, makeOptimizer("adam", {{"lr", 0.02}}),
        network.initialParameters(deriveSeed(1, SeedStream::Initialization)), settings);
    trainer.runToEnd();
    const EpochRecord& last = trainer.history().back();
    qInfo("spirals after 600 epochs: train accuracy %.3f", last.trainAccuracy);
    QVERIFY(last.trainAccuracy >= 0.9);
    QVERIFY(trainer.history().front().trainAccuracy < 0.7);
    QVERIFY(std::isnan(last.testLoss));
}

void TestNetwork::everyOptimizerTrains_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("params");
    // Learning rates suited to a 2-4-1 tanh network on 40 moons; the rest are defaults.
    for (const OptimizerInfo& info : optimizerCatalog()) {
        ParameterValues params;
        if (info.name == "sgd" || info.name == "gd" || info.name == "momentum"
            || info.name == "nesterov" || info.name == "qhm")
            params["lr"] = 0.5;
        else if (info.name == "adagrad" || info.name == "rmsprop" || info.name.starts_with("adam")
            || info.name == "nadam" || info.name == "radam" || info.name == "qhadam")
            params["lr"] = 0.05;
        else if (info.name == "newton")
            params["lr"] = 0.1; // damped: a hidden layer's Hessian has near-zero eigenvalues
        QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name) << params;
    }
}

// Every optimizer of the catalogue trains the network through the same Runner, full
// batch, and lowers its loss.
void TestNetwork::everyOptimizerTrains()
{
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, params);
    const NetworkObjective train
        = makeObjective("moons", {4}, Activation::Tanh, Loss::BinaryCrossEntropy, 40);
    QVERIFY(train.hasHessian());
    TrainingSettings settings;
    settings.epochs = 60;
    Trainer trainer(train, nullptr, makeOptimizer(optimizer.toStdString(), params),
        train.network().initialParameters(5), settings);
    trainer.runToEnd();
    QCOMPARE(trainer.status(), RunStatus::Finished);
    const double first = trainer.history().front().trainLoss;
    const double last = trainer.history().back().trainLoss;
    qInfo("%s: loss %.4f -> %.4f", qPrintable(optimizer), first, last);
    QVERIFY(last < 0.8 * first);
}

// Without a hidden layer the loss is convex (logistic regression) and smooth: Newton's
// method with the exact Hessian converges quadratically, to the gradient's round-off.
void TestNetwork::newtonConvergesOnLogisticRegression()
{
    const NetworkObjective train
        = makeObjective("moons", {}, Activation::Tanh, Loss::BinaryCrossEntropy, 200);
    Runner runner(train, makeOptimizer("newton"), Vector::Zero(3), 8);
    Vector gradient(3);
    std::vector<double> norms;
    for (int step = 0; step < 8; ++step) {
        train.valueAndGradient(runner.current(), gradient);
        norms.push_back(gradient.norm());
        runner.advance(1);
    }
    train.valueAndGradient(runner.current(), gradient);
    QVERIFY2(gradient.norm() < 1e-12, qPrintable(QString::number(gradient.norm())));
    // Quadratic: somewhere the norm falls from above 1e-4 to below 1e-7 in one step.
    // Quadratic: once close (‖g‖ < 1e-3), ‖g_{k+1}‖ ≤ C‖g_k‖² with one constant (about 25
    // here), down to round-off.
    int quadraticSteps = 0;
    for (std::size_t k = 0; k + 1 < norms.size(); ++k)
        if (norms[k] < 1e-3) {
            QVERIFY(norms[k + 1] <= 100.0 * norms[k] * norms[k] + 1e-16);
            ++quadraticSteps;
        }
    QVERIFY(quadraticSteps >= 2);
}

void TestNetwork::miniBatchRunsAreReproducible()
{
    const NetworkObjective train
        = makeObjective("circles", {8}, Activation::Relu, Loss::BinaryCrossEntropy, 100);
    const auto run = [&](std::uint64_t shuffleSeed) {
        TrainingSettings settings;
        settings.epochs = 15;
        settings.batchSize = 16;
        settings.shuffleSeed = shuffleSeed;
        Trainer trainer(train, nullptr, makeOptimizer("momentum", {{"lr", 0.05}}),
            train.network().initialParameters(2), settings);
        trainer.runToEnd();
        return std::pair {trainer.parameters(), trainer.history()};
    };
    const auto [a, historyA] = run(3);
    const auto [b, historyB] = run(3);
    const auto [c, historyC] = run(4);
    QVERIFY(a == b);
    QCOMPARE(historyA.size(), std::size_t(16));
    for (std::size_t k = 0; k < historyA.size(); ++k) {
        QCOMPARE(historyA[k].trainLoss, historyB[k].trainLoss);
        QCOMPARE(historyA[k].step, static_cast<long long>(k) * 7); // ⌈100 / 16⌉ = 7 steps per epoch
    }
    QVERIFY(a != c); // another shuffle, another path
    QVERIFY(historyA.back().trainLoss < historyA.front().trainLoss);
}

void TestNetwork::trainerRecordsEveryEpoch()
{
    DataSplit data = makeDataSplit("sine", {{"samples", 50.0}, {"test_fraction", 0.2}});
    const Mlp network({1, 6, 1}, Activation::Sigmoid);
    const NetworkObjective train(network, Loss::Mse, std::move(data.train));
    const NetworkObjective test(network, Loss::Mse, std::move(data.test));
    TrainingSettings settings;
    settings.epochs = 12;
    settings.batchSize = 15; // 40 training samples: 3 steps per epoch
    Trainer trainer(train, &test, makeOptimizer("adam", {{"lr", 0.01}}),
        network.initialParameters(1), settings);
    QCOMPARE(trainer.stepsPerEpoch(), 3LL);
    QCOMPARE(trainer.history().size(), std::size_t(1));
    // Chunks of steps that do not end on an epoch boundary: the epoch is recorded when
    // its last step is taken.
    QCOMPARE(trainer.advanceSteps(4), 4LL);
    QCOMPARE(trainer.history().size(), std::size_t(2));
    QCOMPARE(trainer.advanceEpochs(2), 2); // completes epoch 2, then epoch 3
    QCOMPARE(trainer.stepsTaken(), 9LL);
    trainer.runToEnd();
    QCOMPARE(trainer.status(), RunStatus::Finished);
    QCOMPARE(trainer.history().size(), std::size_t(13));
    QCOMPARE(trainer.parameterHistory().size(), std::size_t(13));
    for (std::size_t k = 0; k < trainer.history().size(); ++k) {
        const EpochRecord& row = trainer.history()[k];
        QCOMPARE(row.epoch, int(k));
        QCOMPARE(row.step, 3LL * int(k));
        QVERIFY(std::isnan(row.trainAccuracy) && std::isnan(row.testAccuracy));
        const Vector theta = trainer.parameterHistory().point(k);
        QCOMPARE(row.trainLoss, train.value(theta));
        QCOMPARE(row.testLoss, test.value(theta));
    }
    QCOMPARE(trainer.advanceEpochs(5), 0);

    // A bounded parameter history: epochs 0…3, then every second, then every fourth.
    settings.parameterHistoryLimit = 4;
    Trainer thinned(train, nullptr, makeOptimizer("adam", {{"lr", 0.01}}),
        network.initialParameters(1), settings);
    thinned.runToEnd();
    QCOMPARE(thinned.parameterHistoryStride(), 4);
    QCOMPARE(thinned.parameterHistory().size(), std::size_t(4));
    for (std::size_t k = 0; k < 4; ++k)
        QCOMPARE(thinned.parameterHistory().loss(k), thinned.history()[4 * k].trainLoss);
}

void TestNetwork::divergenceIsReported()
{
    const NetworkObjective train = makeObjective("linear", {}, Activation::Tanh, Loss::Mse, 30);
    TrainingSettings settings;
    settings.epochs = 1000;
    Trainer trainer(train, nullptr, makeOptimizer("sgd", {{"lr", 10.0}}),
        train.network().initialParameters(1), settings);
    trainer.runToEnd();
    QCOMPARE(trainer.status(), RunStatus::Diverged);
    QVERIFY(trainer.divergedAtEpoch() > 1 && trainer.divergedAtEpoch() < 1000);
    QCOMPARE(trainer.divergedAtStep(), static_cast<long long>(trainer.divergedAtEpoch()));
    QCOMPARE(int(trainer.history().size()), trainer.divergedAtEpoch());
    for (const EpochRecord& row : trainer.history())
        QVERIFY(std::isfinite(row.trainLoss));
}

void TestNetwork::trainingDoesNotAllocate()
{
#ifndef OPTVIZ_COUNT_MALLOC
    QSKIP("allocation counting needs glibc");
#else
    DataSplit data = makeDataSplit("blobs", {{"samples", 120.0}});
    const Mlp network({2, 16, 16, 3}, Activation::Tanh);
    const NetworkObjective train(network, Loss::CrossEntropy, std::move(data.train));
    const NetworkObjective test(network, Loss::CrossEntropy, std::move(data.test));
    for (int batchSize : {0, 20}) {
        TrainingSettings settings;
        settings.epochs = 50;
        settings.batchSize = batchSize;
        Trainer trainer(train, &test, makeOptimizer("adam", {{"lr", 0.01}}),
            network.initialParameters(1), settings);
        trainer.advanceEpochs(2);
        mallocCount = 0;
        countingMallocs = true;
        trainer.advanceEpochs(20);
        countingMallocs = false;
        QCOMPARE(trainer.epochsDone(), 22);
        QCOMPARE(mallocCount.load(), 0L);
    }
#endif
}

void TestNetwork::projectionRecoversPlanePoints()
{
    Random random(21);
    const int n = 40;
    const Vector origin = randomVector(random, n);
    const Vector d1 = randomVector(random, n);
    const Vector d2 = 0.3 * d1 + randomVector(random, n); // not orthogonal to d1
    const LossPlane plane(origin, d1, d2);
    std::vector<Vector> points;
    std::vector<std::pair<double, double>> coordinates;
    for (int k = 0; k < 20; ++k) {
        const double a = random.uniform(-3.0, 3.0);
        const double b = random.uniform(-3.0, 3.0);
        coordinates.emplace_back(a, b);
        points.push_back(origin + a * d1 + b * d2);
    }
    const auto projected = plane.project(trajectoryOf(points));
    for (std::size_t k = 0; k < points.size(); ++k) {
        QVERIFY(std::abs(projected[k].alpha - coordinates[k].first) < 1e-12);
        QVERIFY(std::abs(projected[k].beta - coordinates[k].second) < 1e-12);
        QVERIFY(projected[k].distance < 1e-12);
        Vector back(n);
        plane.point(projected[k].alpha, projected[k].beta, back);
        QVERIFY((back - points[k]).norm() < 1e-11);
    }
    // Off the plane by a vector orthogonal to both directions: that is the distance, and
    // the coordinates do not move.
    Vector normal = randomVector(random, n);
    Matrix basis(n, 2);
    basis << d1, d2;
    normal -= basis * (basis.transpose() * basis).ldlt().solve(basis.transpose() * normal);
    const PlaneCoordinates off = plane.project(origin + 1.5 * d1 - 2.0 * d2 + normal);
    QVERIFY(std::abs(off.alpha - 1.5) < 1e-12 && std::abs(off.beta + 2.0) < 1e-12);
    QVERIFY(std::abs(off.distance - normal.norm()) < 1e-12 * normal.norm());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LossPlane(origin, d1, 2.0 * d1));
}

void TestNetwork::pcaOfPlanarTrajectoriesExplainsAll()
{
    // Three "optimizers" from a common start, moving only within start + span(u, v).
    Random random(8);
    const int n = 60;
    const Vector start = randomVector(random, n);
    const Vector u = randomVector(random, n);
    const Vector v = randomVector(random, n);
    std::vector<Trajectory> runs;
    for (int r = 0; r < 3; ++r) {
        std::vector<Vector> points;
        for (int t = 0; t <= 50; ++t) {
            const double s = t / 50.0;
            points.push_back(start + (r + 1) * s * u + std::sin(3.0 * s + r) * s * v);
        }
        runs.push_back(trajectoryOf(points));
    }
    const std::vector<const Trajectory*> pointers = {&runs[0], &runs[1], &runs[2]};
    for (PcaOrigin origin : {PcaOrigin::Start, PcaOrigin::Final}) {
        const PcaPlaneResult pca = LossPlane::pca(pointers, origin);
        QVERIFY(std::abs(pca.explainedFraction() - 1.0) < 1e-12);
        QVERIFY(pca.firstFraction >= pca.secondFraction && pca.secondFraction > 0.0);
        // The directions are orthonormal and span u and v.
        QVERIFY(std::abs(pca.plane.first().norm() - 1.0) < 1e-12);
        QVERIFY(std::abs(pca.plane.first().dot(pca.plane.second())) < 1e-12);
        for (const Trajectory& run : runs)
            for (const PlaneCoordinates& c : pca.plane.project(run))
                QVERIFY(c.distance < 1e-10);
        // The far end of the first run has non-negative coordinates (fixed orientation).
        const PlaneCoordinates end = pca.plane.project(
            origin == PcaOrigin::Start ? runs[0].point(runs[0].size() - 1) : runs[0].point(0));
        QVERIFY(end.alpha >= 0.0 && end.beta >= 0.0);
    }
    // The range to draw covers the origin and every point, with a margin.
    const PcaPlaneResult pca = LossPlane::pca(pointers);
    std::vector<std::vector<PlaneCoordinates>> paths;
    for (const Trajectory& run : runs)
        paths.push_back(pca.plane.project(run));
    const ViewRect range = planeRange(paths, 0.1);
    QVERIFY(range.xMin < 0.0 && range.xMax > 0.0 && range.yMin < 0.0 && range.yMax > 0.0);
    for (const auto& path : paths)
        for (const PlaneCoordinates& c : path)
            QVERIFY(c.alpha > range.xMin && c.alpha < range.xMax && c.beta > range.yMin
                && c.beta < range.yMax);
    // Thinned to few rows, the plane is the same.
    QVERIFY(
        std::abs(LossPlane::pca(pointers, PcaOrigin::Start, 10).explainedFraction() - 1.0) < 1e-12);
}

void TestNetwork::pcaOfSpatialTrajectoryExplainsLess()
{
    // A helix leaves every plane: the two components explain less than everything, and
    // points are at a distance from the plane.
    std::vector<Vector> points;
    for (int t = 0; t <= 200; ++t) {
        Vector p = Vector::Zero(5);
        p[0] = std::cos(0.1 * t) - 1.0;
        p[1] = std::sin(0.1 * t);
        p[2] = 0.02 * t;
        points.push_back(p);
    }
    const Trajectory helix = trajectoryOf(points);
    const PcaPlaneResult pca = LossPlane::pca({&helix});
    QVERIFY(pca.explainedFraction() < 0.99);
    QVERIFY(pca.explainedFraction() > 0.5);
    double farthest = 0.0;
    for (const PlaneCoordinates& c : pca.plane.project(helix))
        farthest = std::max(farthest, c.distance);
    QVERIFY(farthest > 0.1);
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, LossPlane::pca({}));
    const Trajectory still = trajectoryOf({points[0], points[0]});
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, LossPlane::pca({&still}));
}

void TestNetwork::filterNormalizedDirections()
{
    const Mlp network({2, 7, 5, 3}, Activation::Relu);
    Vector centre = network.initialParameters(4);
    Random random(12);
    for (Eigen::Index i = 0; i < centre.size(); ++i)
        centre[i] += 0.1 * random.normal(); // non-zero biases
    const LossPlane plane = LossPlane::filterNormalized(network, centre, 99);
    const LossPlane same = LossPlane::filterNormalized(network, centre, 99, BiasDirection::Same);
    QVERIFY(plane.origin() == centre);
    for (const Vector* direction : {&plane.first(), &plane.second(), &same.first()}) {
        Vector d = *direction;
        for (int l = 0; l < network.layerCount(); ++l)
            for (Eigen::Index row = 0; row < network.layer(l).outputs; ++row)
                QVERIFY(std::abs(network.weights(d, l).row(row).norm()
                            - network.weights(centre, l).row(row).norm())
                    < 1e-12);
    }
    for (int l = 0; l < network.layerCount(); ++l) {
        Vector d = plane.first();
        QCOMPARE(network.biases(d, l).norm(), 0.0);
        Vector e = same.second();
        QVERIFY(network.biases(e, l) == network.biases(centre, l));
    }
    // The weights' directions are the same draw in both modes; another seed differs.
    QVERIFY(std::abs(plane.first().dot(same.first()) - plane.first().squaredNorm()) < 1e-12);
    QVERIFY(LossPlane::filterNormalized(network, centre, 99).first() == plane.first());
    QVERIFY(LossPlane::filterNormalized(network, centre, 100).first() != plane.first());
}

void TestNetwork::lossPlaneGridIsCoarseFirstAndExact()
{
    const NetworkObjective objective
        = makeObjective("xor", {5}, Activation::Tanh, Loss::BinaryCrossEntropy, 30);
    const Vector centre = testPoint(objective, 3);
    const LossPlane plane = LossPlane::filterNormalized(objective.network(), centre, 1);
    const ViewRect range {-1.0, 2.0, -0.5, 0.5};
    LossPlaneGrid grid(objective, plane, range, 10, 7, 4);
    QCOMPARE(grid.pointCount(), 70LL);
    QCOMPARE(grid.completedStride(), 0);
    // First pass: columns 0, 4, 8 × rows 0, 4 — six points.
    QCOMPARE(grid.advance(5), 5LL);
    QCOMPARE(grid.completedStride(), 0);
    QVERIFY(std::isnan(grid.preview()[0]));
    QCOMPARE(grid.advance(1), 1LL);
    QCOMPARE(grid.completedStride(), 4);
    const std::vector<double> coarse = grid.preview();
    // Each point shows the value at its 4 × 4 block's corner.
    QCOMPARE(coarse[6 * 10 + 7], grid.values()[4 * 10 + 4]);
    QCOMPARE(coarse[3 * 10 + 9], grid.values()[0 * 10 + 8]);
    // Second pass: the stride-2 lattice, 5 columns × 4 rows less the six done.
    QCOMPARE(grid.advance(14), 14LL);
    QCOMPARE(grid.completedStride(), 2);
    grid.evaluateAll();
    QVERIFY(grid.finished());
    QCOMPARE(grid.completedStride(), 1);
    Vector theta(plane.dimension());
    for (int j = 0; j < grid.rows(); ++j)
        for (int i = 0; i < grid.columns(); ++i) {
            const double alpha = range.xMin + i * (range.xMax - range.xMin) / 9.0;
            const double beta = range.yMin + j * (range.yMax - range.yMin) / 6.0;
            theta = centre + alpha * plane.first() + beta * plane.second();
            QVERIFY(
                std::abs(grid.values()[std::size_t(j * 10 + i)] - objective.value(theta)) < 1e-13);
        }
    const SurfaceGrid surface = grid.toSurfaceGrid();
    theta = centre - plane.first() - 0.5 * plane.second(); // (α, β) = (−1, −0.5)
    QCOMPARE(surface.value(0, 0), objective.value(theta));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, LossPlaneGrid(objective, plane, range, 10, 7, 3));
}

QTEST_MAIN(TestNetwork)
#include "tst_network.moc"
