// Hyperparameter sweeps and basin maps (core/sweep.h, core/basins.h, core/stability.h) and
// their CLI commands: against the textbook edge of stability, against single runs of the
// Runner, across thread counts, and the CLI's formats and exit statuses (spec/cli.md).

#include "cli_process.h"
#include "core/basins.h"
#include "core/optimizer.h"
#include "core/runner.h"
#include "core/stability.h"
#include "core/surface.h"
#include "core/sweep.h"
#include "ui/basin_map_painter.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <limits>

using namespace optviz;
using namespace optviz::testing;

namespace {

// ½ (u² + 10 v²) turned by `angle` degrees: curvatures 1 and 10 whatever the angle, so
// L = 10 and gradient descent's edge is lr = 2/L = 0.2.
SurfaceFactory bowl(double angle = 30.0, double b = 10.0)
{
    return [angle, b] {
        return makeSurface("quadratic", {{"a", 1.0}, {"b", b}, {"angle", angle}});
    };
}

RunSetup setupOf(SurfaceFactory surface, const std::string& optimizer,
    const ParameterValues& parameters, long long steps)
{
    RunSetup setup;
    setup.surface = std::move(surface);
    setup.optimizer = optimizer;
    setup.parameters = parameters;
    setup.steps = steps;
    return setup;
}

Point2 startOf(const SurfaceFactory& factory)
{
    return factory()->defaultStart();
}

bool sameRuns(const SweepResult& a, const SweepResult& b)
{
    if (a.runs.size() != b.runs.size() || a.values != b.values)
        return false;
    for (std::size_t i = 0; i < a.runs.size(); ++i) {
        const SweepRun& x = a.runs[i];
        const SweepRun& y = b.runs[i];
        // Bit for bit: the same runs, whichever thread ran them.
        if (std::memcmp(&x.finalLoss, &y.finalLoss, sizeof(double)) != 0
            || x.stepsToTolerance != y.stepsToTolerance || x.diverged != y.diverged)
            return false;
    }
    return true;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void curvatureOfTheBowl_data();
    void curvatureOfTheBowl();
    void stabilityFormulas();
    void gradientDescentEdgeIsTwoOverL_data();
    void gradientDescentEdgeIsTwoOverL();
    void momentumRegion_data();
    void momentumRegion();
    void sweepMatchesSingleRuns();
    void basinsMatchSingleRuns_data();
    void basinsMatchSingleRuns();
    void threadCountChangesNothing();
    void oneSurfacePerThread();
    void cancelAndProgress();
    void axisParsing();
    void badAxes_data();
    void badAxes();
    void refusedCombinationNamesTheValues();

    void cliSweepCsv();
    void cliSweepMap();
    void cliSweepJson();
    void cliSweepBadInput_data();
    void cliSweepBadInput();
    void cliBasinsCsv();
    void cliBasinsPng();
    void cliBasinsBadInput_data();
    void cliBasinsBadInput();
};

void TestSweep::curvatureOfTheBowl_data()
{
    QTest::addColumn<double>("angle");
    QTest::addColumn<double>("b");
    QTest::newRow("axis-aligned") << 0.0 << 10.0;
    QTest::newRow("turned 30°") << 30.0 << 10.0;
    QTest::newRow("turned −75°, b = 4") << -75.0 << 4.0;
}

void TestSweep::curvatureOfTheBowl()
{
    QFETCH(double, angle);
    QFETCH(double, b);
    const auto surface = bowl(angle, b)();
    const auto curvature = constantCurvature(*surface, surface->defaultView());
    QVERIFY(curvature);
    QVERIFY(std::abs(curvature->smallest - 1.0) < 1e-12);
    QVERIFY(std::abs(curvature->largest - b) < 1e-12);
    // Not a quadratic: no constant curvature, so no theory.
    const auto rosenbrock = makeSurface("rosenbrock");
    QVERIFY(!constantCurvature(*rosenbrock, rosenbrock->defaultView()));
    const auto himmelblau = makeSurface("himmelblau");
    QVERIFY(!constantCurvature(*himmelblau, himmelblau->defaultView()));
}

void TestSweep::stabilityFormulas()
{
    const Curvature c {1.0, 10.0};
    auto edge = [&](double m, double d, bool nesterov, double wd) {
        return sgdLearningRateEdge(c, m, d, nesterov, wd);
    };
    QCOMPARE(*edge(0.0, 0.0, false, 0.0), 0.2); // 2/L
    QCOMPARE(*edge(0.5, 0.0, false, 0.0), 0.3); // 2(1 + m)/L
    QCOMPARE(*edge(0.5, 0.5, false, 0.0), 0.6); // the gradient enters halved
    QCOMPARE(*edge(0.0, 0.5, false, 0.0), 0.2); // without momentum torch ignores dampening
    QCOMPARE(*edge(0.0, 0.0, false, 1.0), 2.0 / 11.0); // weight decay adds to the curvature
    QCOMPARE(*edge(0.5, 0.0, true, 0.0), 0.15); // 2(1 + m)/((1 + 2m) L)
    QVERIFY(std::isinf(*edge(0.5, 1.0, false, 0.0))); // never moves, never diverges
    QVERIFY(!edge(1.0, 0.0, false, 0.0)); // momentum 1 never converges
    QVERIFY(!sgdLearningRateEdge({-1.0, 1.0}, 0.0, 0.0, false, 0.0)); // a saddle
    QCOMPARE(*sgdLearningRateEdge({-1.0, 1.0}, 0.0, 0.0, false, 2.0), 2.0 / 3.0);
}

void TestSweep::gradientDescentEdgeIsTwoOverL_data()
{
    QTest::addColumn<double>("angle");
    QTest::newRow("axis-aligned") << 0.0;
    QTest::newRow("turned 30°") << 30.0;
}

void TestSweep::gradientDescentEdgeIsTwoOverL()
{
    QFETCH(double, angle);
    const SurfaceFactory surface = bowl(angle);
    const RunSetup setup = setupOf(surface, "gd", {}, 1000);
    const double edge = 2.0 / 10.0;

    // Just below and just above 2/L.
    const SweepResult pair
        = runSweep(setup, startOf(surface), {{"lr", 0.98 * edge, 1.02 * edge, false, 2}}, 1e-6);
    QVERIFY(pair.complete);
    QCOMPARE(pair.values[0][0], 0.98 * edge);
    QVERIFY(!pair.runs[0].diverged);
    QVERIFY(pair.runs[0].finalLoss < 1e-12);
    QVERIFY(pair.runs[0].stepsToTolerance > 0);
    QVERIFY(pair.runs[1].diverged);
    QCOMPARE(pair.runs[1].stepsToTolerance, -1LL);

    // A scan: every lr clearly below the edge converges, every one clearly above diverges,
    // and the edge the sweep finds lies between neighbouring values.
    const SweepResult scan
        = runSweep(setup, startOf(surface), {{"lr", 0.05, 0.35, false, 61}}, 1e-6);
    double lastStable = 0.0;
    double firstDiverged = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < scan.runs.size(); ++i) {
        const double lr = scan.values[0][i];
        if (lr < 0.98 * edge)
            QVERIFY2(!scan.runs[i].diverged, qPrintable(QString::number(lr)));
        if (lr > 1.02 * edge)
            QVERIFY2(scan.runs[i].diverged, qPrintable(QString::number(lr)));
        if (scan.runs[i].diverged)
            firstDiverged = std::min(firstDiverged, lr);
        else
            lastStable = std::max(lastStable, lr);
    }
    QVERIFY(lastStable < firstDiverged);
    QVERIFY(lastStable <= edge + 1e-12 && edge <= firstDiverged);
    QVERIFY(firstDiverged - lastStable < 0.0051 + 1e-12); // one grid step
}

void TestSweep::momentumRegion_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("heavy ball") << "momentum";
    QTest::newRow("nesterov") << "nesterov";
}

void TestSweep::momentumRegion()
{
    QFETCH(QString, optimizer);
    const bool nesterov = optimizer == "nesterov";
    const SurfaceFactory surface = bowl(30.0);
    const RunSetup setup = setupOf(surface, optimizer.toStdString(), {}, 2000);
    const std::vector<SweepAxis> axes
        = {{"lr", 0.02, 0.6, false, 30}, {"momentum", nesterov ? 0.05 : 0.0, 0.95, false, 20}};
    const SweepResult map = runSweep(setup, startOf(surface), axes, 1e-6);
    QVERIFY(map.complete);
    QCOMPARE(map.runs.size(), std::size_t(600));
    int stable = 0;
    int unstable = 0;
    for (std::size_t i = 0; i < map.values[0].size(); ++i)
        for (std::size_t j = 0; j < map.values[1].size(); ++j) {
            const double lr = map.values[0][i];
            const double m = map.values[1][j];
            // The region 0 ≤ m < 1, lr < 2(1 + m)/L (heavy ball) or 2(1 + m)/((1 + 2m) L).
            const double edge
                = nesterov ? 2.0 * (1.0 + m) / ((1.0 + 2.0 * m) * 10.0) : 2.0 * (1.0 + m) / 10.0;
            QCOMPARE(*sgdLearningRateEdge({1.0, 10.0}, m, 0.0, nesterov, 0.0), edge);
            const SweepRun& run = map.at(int(i), int(j));
            const QByteArray where = QByteArray::number(lr) + ", " + QByteArray::number(m);
            if (lr < 0.95 * edge) {
                QVERIFY2(!run.diverged, where.constData());
                ++stable;
            } else if (lr > 1.05 * edge) {
                QVERIFY2(run.diverged, where.constData());
                ++unstable;
            }
        }
    QVERIFY(stable > 100);
    QVERIFY(unstable > 100);
}

void TestSweep::sweepMatchesSingleRuns()
{
    // Every run of a sweep is the run `optviz-cli run` would make: same final loss to the
    // bit, and steps to tolerance read off its trajectory.
    const SurfaceFactory surface = [] { return makeSurface("rosenbrock"); };
    const double tolerance = 1e-3;
    const RunSetup setup = setupOf(surface, "adam", {{"beta2", 0.99}}, 600);
    const Point2 start {-1.5, 2.0};
    const SweepResult result = runSweep(
        setup, start, {{"lr", 1e-3, 0.3, true, 5}, {"beta1", 0.0, 0.9, false, 3}}, tolerance);
    QVERIFY(result.hasMinimum);
    QCOMPARE(result.minimumValue, 0.0);
    int reached = 0;
    const auto objective = surface();
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 3; ++j) {
            Vector x(2);
            x << start.x, start.y;
            Runner runner(*objective,
                makeOptimizer("adam",
                    {{"beta2", 0.99}, {"lr", result.values[0][i]}, {"beta1", result.values[1][j]}}),
                x, 600);
            runner.runToEnd();
            const SweepRun& run = result.at(int(i), int(j));
            QCOMPARE(run.diverged, runner.status() == RunStatus::Diverged);
            QCOMPARE(run.finalLoss, runner.currentLoss());
            long long first = -1;
            for (std::size_t k = 0; k < runner.trajectory().size() && first < 0; ++k)
                if (runner.trajectory().loss(k) - 0.0 <= tolerance)
                    first = static_cast<long long>(k);
            QCOMPARE(run.stepsToTolerance, first);
            reached += first >= 0 ? 1 : 0;
        }
    QVERIFY(reached > 0 && reached < 15); // both outcomes occur: the check can fail
    // No known minimum (the saddle): never within tolerance.
    const SweepResult saddle = runSweep(setupOf([] { return makeSurface("saddle"); }, "gd", {}, 10),
        {0.5, 0.1}, {{"lr", 0.01, 0.1, false, 3}}, 1e300);
    QVERIFY(!saddle.hasMinimum);
    for (const SweepRun& run : saddle.runs)
        QCOMPARE(run.stepsToTolerance, -1LL);
}

void TestSweep::basinsMatchSingleRuns_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("lr");
    QTest::addColumn<int>("steps");
    QTest::newRow("himmelblau gd") << "himmelblau"
                                   << "gd" << 0.01 << 200;
    QTest::newRow("himmelblau momentum") << "himmelblau"
                                         << "momentum" << 0.01 << 300;
    QTest::newRow("camel, some diverge") << "sixhump_camel"
                                         << "momentum" << 0.05 << 300;
}

void TestSweep::basinsMatchSingleRuns()
{
    QFETCH(QString, surface);
    QFETCH(QString, optimizer);
    QFETCH(double, lr);
    QFETCH(int, steps);
    const std::string name = surface.toStdString();
    const SurfaceFactory factory = [name] { return makeSurface(name); };
    const auto objective = factory();
    BasinGrid grid;
    grid.view = objective->defaultView();
    grid.width = 13;
    grid.height = 9;
    const double tolerance = 1e-2;
    const BasinMap map = runBasins(
        setupOf(factory, optimizer.toStdString(), {{"lr", lr}}, steps), grid, tolerance);
    QVERIFY(map.complete);
    QCOMPARE(map.minima, objective->minima());
    int diverged = 0;
    QList<int> seen;
    for (int row = 0; row < grid.height; ++row)
        for (int column = 0; column < grid.width; ++column) {
            const Point2 c = grid.cellCentre(column, row);
            QCOMPARE(c.x, grid.view.xMin + (column + 0.5) * (grid.view.xMax - grid.view.xMin) / 13);
            Vector x(2);
            x << c.x, c.y;
            Runner runner(
                *objective, makeOptimizer(optimizer.toStdString(), {{"lr", lr}}), x, steps);
            runner.runToEnd();
            const BasinCell& cell = map.at(column, row);
            const bool runDiverged = runner.status() == RunStatus::Diverged;
            QCOMPARE(cell.diverged, runDiverged);
            // The nearest known minimum within the tolerance of the final iterate.
            auto nearestWithin = [&](std::size_t k) {
                int best = -1;
                double bestDistance = tolerance;
                for (std::size_t m = 0; m < map.minima.size(); ++m) {
                    const double d
                        = std::hypot(runner.trajectory().coordinate(k, 0) - map.minima[m].x,
                            runner.trajectory().coordinate(k, 1) - map.minima[m].y);
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = int(m);
                    }
                }
                return best;
            };
            const std::size_t last = runner.trajectory().size() - 1;
            const int expected = runDiverged ? -1 : nearestWithin(last);
            QCOMPARE(cell.minimum, expected);
            long long since = steps;
            if (expected >= 0) {
                since = 0;
                for (std::size_t k = 0; k <= last; ++k)
                    if (nearestWithin(k) != expected)
                        since = static_cast<long long>(k) + 1;
            }
            QCOMPARE(cell.steps, since);
            diverged += runDiverged ? 1 : 0;
            if (!seen.contains(cell.minimum))
                seen.append(cell.minimum);
        }
    QVERIFY(seen.size() >= 3); // several basins: the map says something
    if (surface == "sixhump_camel")
        QVERIFY(diverged > 0);
}

void TestSweep::threadCountChangesNothing()
{
    RunSetup setup = setupOf(bowl(), "momentum", {}, 400);
    setup.gradient.noise = 0.3; // seeded per run: the thread must not matter
    setup.gradient.seed = 7;
    const std::vector<SweepAxis> axes
        = {{"lr", 0.01, 0.4, true, 17}, {"momentum", 0.0, 0.95, false, 13}};
    ParallelControl one;
    one.threads = 1;
    ParallelControl two;
    two.threads = 2;
    ParallelControl five;
    five.threads = 5;
    const Point2 start {-2.0, 1.0};
    const SweepResult a = runSweep(setup, start, axes, 1e-4, one);
    QVERIFY(sameRuns(a, runSweep(setup, start, axes, 1e-4, two)));
    QVERIFY(sameRuns(a, runSweep(setup, start, axes, 1e-4, five)));

    BasinGrid grid;
    grid.view = {-5.0, 5.0, -5.0, 5.0};
    grid.width = 21;
    grid.height = 17;
    RunSetup basins
        = setupOf([] { return makeSurface("himmelblau"); }, "adam", {{"lr", 0.05}}, 300);
    basins.gradient.noise = 0.5;
    const BasinMap b1 = runBasins(basins, grid, 0.05, one);
    const BasinMap b2 = runBasins(basins, grid, 0.05, two);
    QCOMPARE(b1.cells.size(), b2.cells.size());
    for (std::size_t i = 0; i < b1.cells.size(); ++i) {
        QCOMPARE(b1.cells[i].minimum, b2.cells[i].minimum);
        QCOMPARE(b1.cells[i].steps, b2.cells[i].steps);
        QCOMPARE(b1.cells[i].diverged, b2.cells[i].diverged);
    }
}

void TestSweep::oneSurfacePerThread()
{
    std::atomic<int> made {0};
    RunSetup setup = setupOf(
        [&made] {
            ++made;
            return makeSurface("quadratic");
        },
        "gd", {}, 50);
    ParallelControl control;
    control.threads = 2;
    runSweep(setup, {1.0, 1.0}, {{"lr", 0.01, 0.1, false, 10}}, 1e-6, control);
    QCOMPARE(made.load(), 2);
    made = 0;
    runSweep(setup, {1.0, 1.0}, {{"lr", 0.01, 0.1, false, 10}}, 1e-6,
        ParallelControl {1, nullptr, nullptr});
    QCOMPARE(made.load(), 1);
}

void TestSweep::cancelAndProgress()
{
    const RunSetup setup = setupOf(bowl(), "gd", {}, 100);
    std::atomic<long long> progress {0};
    ParallelControl control;
    control.progress = &progress;
    const SweepResult done
        = runSweep(setup, {1.0, 1.0}, {{"lr", 0.01, 0.1, false, 37}}, 1e-6, control);
    QVERIFY(done.complete);
    QCOMPARE(progress.load(), 37LL);

    const std::atomic<bool> cancel {true};
    progress = 0;
    control.cancel = &cancel;
    const SweepResult stopped
        = runSweep(setup, {1.0, 1.0}, {{"lr", 0.01, 0.1, false, 37}}, 1e-6, control);
    QVERIFY(!stopped.complete);
    QCOMPARE(progress.load(), 0LL);
    BasinGrid grid;
    const BasinMap map = runBasins(setup, grid, 0.1, control);
    QVERIFY(!map.complete);
}

void TestSweep::axisParsing()
{
    const OptimizerInfo& sgd = *findOptimizer("momentum");
    const SweepAxis lr = SweepAxis::parse("lr=1e-4:1:log:5", sgd);
    QCOMPARE(lr.name, std::string("lr"));
    QVERIFY(lr.logarithmic);
    QCOMPARE(lr.count, 5);
    const std::vector<double> values = lr.values(sgd);
    QCOMPARE(values.size(), std::size_t(5));
    QCOMPARE(values.front(), 1e-4); // the ends exactly as typed
    QCOMPARE(values.back(), 1.0);
    for (std::size_t i = 1; i < values.size(); ++i)
        QVERIFY(std::abs(values[i] / values[i - 1] - 10.0) < 1e-12);
    QCOMPARE(SweepAxis::parse(lr.text(), sgd), lr); // text() reads back as the same axis

    const SweepAxis momentum = SweepAxis::parse("momentum=0:0.9:lin:4", sgd);
    const std::vector<double> linear = momentum.values(sgd);
    QCOMPARE(linear.size(), std::size_t(4));
    QCOMPARE(linear[0], 0.0);
    QVERIFY(std::abs(linear[1] - 0.3) < 1e-15 && std::abs(linear[2] - 0.6) < 1e-15);
    QCOMPARE(linear[3], 0.9);

    const OptimizerInfo& lbfgs = *findOptimizer("lbfgs");
    const std::vector<double> sizes
        = SweepAxis::parse("history_size=2:20:lin:4", lbfgs).values(lbfgs);
    QCOMPARE(sizes, (std::vector<double> {2.0, 8.0, 14.0, 20.0}));
    const std::vector<double> flags = SweepAxis::parse("nesterov=0:1:lin:2", *findOptimizer("sgd"))
                                          .values(*findOptimizer("sgd"));
    QCOMPARE(flags, (std::vector<double> {0.0, 1.0}));
}

void TestSweep::badAxes_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // what the message must name
    QTest::newRow("no equals") << "gd"
                               << "lr"
                               << "NAME=LO:HI:lin|log:COUNT";
    QTest::newRow("three fields") << "gd"
                                  << "lr=1:2:lin"
                                  << "NAME=LO:HI:lin|log:COUNT";
    QTest::newRow("five fields") << "gd"
                                 << "lr=1:2:lin:3:4"
                                 << "NAME=LO:HI:lin|log:COUNT";
    QTest::newRow("unknown name") << "gd"
                                  << "lrr=0.1:1:log:3"
                                  << "did you mean 'lr'";
    QTest::newRow("LO not a number") << "gd"
                                     << "lr=x:1:log:3"
                                     << "LO 'x'";
    QTest::newRow("nan") << "gd"
                         << "lr=nan:1:log:3"
                         << "LO 'nan'";
    QTest::newRow("inf") << "gd"
                         << "lr=0.1:inf:log:3"
                         << "HI 'inf'";
    QTest::newRow("LO above HI") << "gd"
                                 << "lr=1:0.1:lin:3"
                                 << "LO must be below HI";
    QTest::newRow("LO equals HI") << "gd"
                                  << "lr=1:1:lin:3"
                                  << "LO must be below HI";
    QTest::newRow("out of range") << "gd"
                                  << "lr=0:1:lin:3"
                                  << "(0, 1000]";
    QTest::newRow("beyond the top") << "adam"
                                    << "beta1=0.5:1:lin:3"
                                    << "[0, 1)";
    QTest::newRow("log from zero") << "momentum"
                                   << "momentum=0:0.9:log:3"
                                   << "LO > 0";
    QTest::newRow("scale") << "gd"
                           << "lr=0.1:1:cubic:3"
                           << "accepted: lin, log";
    QTest::newRow("count 1") << "gd"
                             << "lr=0.1:1:log:1"
                             << "[2, 1000]";
    QTest::newRow("count 1001") << "gd"
                                << "lr=0.1:1:log:1001"
                                << "[2, 1000]";
    QTest::newRow("count 2.5") << "gd"
                               << "lr=0.1:1:log:2.5"
                               << "[2, 1000]";
    QTest::newRow("flag") << "sgd"
                          << "nesterov=0:1:lin:3"
                          << "nesterov=0:1:lin:2";
    QTest::newRow("integers repeat") << "lbfgs"
                                     << "history_size=1:5:lin:10"
                                     << "smaller COUNT";
}

void TestSweep::badAxes()
{
    QFETCH(QString, optimizer);
    QFETCH(QString, text);
    QFETCH(QString, named);
    try {
        SweepAxis::parse(text.toStdString(), *findOptimizer(optimizer.toStdString()));
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(named), qPrintable(message));
        QVERIFY(!message.contains('\n'));
    }
}

void TestSweep::refusedCombinationNamesTheValues()
{
    // Nesterov needs momentum > 0: the run at momentum = 0 is refused, on a worker thread,
    // and the sweep says so instead of crashing or dropping it.
    try {
        runSweep(setupOf(bowl(), "nesterov", {}, 10), {1.0, 1.0},
            {{"momentum", 0.0, 0.9, false, 4}}, 1e-6);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString(error.what()).contains("momentum=0"), error.what());
    }
    QVERIFY_THROWS_EXCEPTION(InvalidArgument,
        runSweep(setupOf(bowl(), "gd", {}, 10), {1.0, 1.0},
            {{"lr", 0.1, 0.2, false, 3}, {"lr", 0.1, 0.2, false, 3}}, 1e-6));
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, runSweep(setupOf(bowl(), "gd", {}, 10), {1.0, 1.0}, {}, 1e-6));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument,
        runSweep(setupOf(bowl(), "gd", {}, 10), {1.0, 1.0}, {{"lr", 0.1, 0.2, false, 3}}, -1.0));
    BasinGrid grid;
    grid.width = 0;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, runBasins(setupOf(bowl(), "gd", {}, 10), grid, 0.1));
}

void TestSweep::cliSweepCsv()
{
    const ProcessResult result
        = runCli({"sweep", "--surface", "quadratic", "--surface-param", "angle=30", "--optimizer",
            "gd", "--steps", "1000", "--vary", "lr=0.1:0.3:lin:5", "--tolerance", "1e-8"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows[0], QByteArray("lr,final_loss,steps_to_tolerance,diverged"));
    const SurfaceFactory surface = bowl(30.0);
    const SweepResult core = runSweep(
        setupOf(surface, "gd", {}, 1000), startOf(surface), {{"lr", 0.1, 0.3, false, 5}}, 1e-8);
    for (int i = 1; i < rows.size(); ++i) {
        const QList<QByteArray> fields = rows[i].split(',');
        QCOMPARE(fields.size(), 4);
        QVERIFY2(isSeventeenDigits(fields[0]) && isSeventeenDigits(fields[1]), rows[i].constData());
        const SweepRun& run = core.runs[std::size_t(i - 1)];
        QCOMPARE(fields[0].toDouble(), core.values[0][std::size_t(i - 1)]);
        QCOMPARE(fields[1].toDouble(), run.finalLoss);
        QCOMPARE(fields[2],
            run.stepsToTolerance >= 0 ? QByteArray::number(run.stepsToTolerance) : QByteArray());
        QCOMPARE(fields[3], QByteArray(run.diverged ? "1" : "0"));
    }
    QCOMPARE(rows[1].split(',')[3], QByteArray("0")); // lr 0.1 < 2/L
    QVERIFY(!rows[1].split(',')[2].isEmpty());
    QCOMPARE(rows[5].split(',')[3], QByteArray("1")); // lr 0.3 > 2/L
    QVERIFY(rows[5].split(',')[2].isEmpty());
}

void TestSweep::cliSweepMap()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("map.csv");
    const ProcessResult result
        = runCli({"sweep", "--surface", "quadratic", "--optimizer", "momentum", "--steps", "200",
            "--vary", "lr=0.01:0.5:log:3", "--vary", "momentum=0:0.9:lin:4", "--out", path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = lines(file.readAll());
    QCOMPARE(rows.size(), 13);
    QCOMPARE(rows[0], QByteArray("lr,momentum,final_loss,steps_to_tolerance,diverged"));
    // The first parameter varies slowest.
    QCOMPARE(rows[1].split(',')[0], QByteArray("0.01"));
    QCOMPARE(rows[1].split(',')[1], QByteArray("0"));
    QCOMPARE(rows[2].split(',')[0], QByteArray("0.01"));
    QCOMPARE(rows[2].split(',')[1].toDouble(), 0.3);
    QCOMPARE(rows[12].split(',')[0], QByteArray("0.5"));
    QCOMPARE(rows[12].split(',')[1], QByteArray("0.90000000000000002"));
}

void TestSweep::cliSweepJson()
{
    const QStringList common
        = {"sweep", "--surface", "rosenbrock", "--optimizer", "adam", "--param", "beta2=0.99",
            "--steps", "300", "--vary", "lr=0.001:0.1:log:4", "--vary", "beta1=0:0.9:lin:3"};
    const ProcessResult csv = runCli(common);
    const ProcessResult json = runCli(common + QStringList {"--format", "json"});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(root["format"].toString(), QString("optviz-sweep"));
    QCOMPARE(root["optimizer"].toObject()["parameters"].toObject()["beta2"].toDouble(), 0.99);
    QCOMPARE(root["vary"].toArray().size(), 2);
    QCOMPARE(root["vary"].toArray()[0].toObject()["scale"].toString(), QString("log"));
    const QJsonArray runs = root["runs"].toArray();
    const QList<QByteArray> rows = lines(csv.out);
    QCOMPARE(runs.size(), 12);
    QCOMPARE(rows.size(), 13);
    for (int i = 0; i < runs.size(); ++i) {
        const QJsonObject run = runs[i].toObject();
        const QList<QByteArray> fields = rows[i + 1].split(',');
        QCOMPARE(run["lr"].toDouble(), fields[0].toDouble());
        QCOMPARE(run["beta1"].toDouble(), fields[1].toDouble());
        QCOMPARE(run["final_loss"].toDouble(), fields[2].toDouble());
        QCOMPARE(run["steps_to_tolerance"].isNull(), fields[3].isEmpty());
        QCOMPARE(run["diverged"].toInt(), fields[4].toInt());
    }
    QVERIFY(!root["surface"].toObject().contains("expression")); // a catalogue surface

    // A typed surface names its formula, so that the file says what was swept.
    const QString formula = "x^2 + 3*y^2\t- x*y";
    const ProcessResult typed = runCli({"sweep", "--surface", "expr", "--expr", formula,
        "--optimizer", "gd", "--vary", "lr=0.01:0.1:log:3", "--format", "json"});
    QCOMPARE(typed.exitCode, 0);
    const QJsonObject typedRoot = QJsonDocument::fromJson(typed.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(typedRoot["surface"].toObject()["name"].toString(), QString("expr"));
    QCOMPARE(typedRoot["surface"].toObject()["expression"].toString(), formula);
}

void TestSweep::cliSweepBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    const QStringList base = {"sweep", "--surface", "quadratic", "--optimizer", "momentum"};
    QTest::newRow("no --vary") << base << "--vary is required";
    QTest::newRow("three --vary") << base
            + QStringList {"--vary", "lr=0.1:1:log:3", "--vary", "momentum=0:0.9:lin:3", "--vary",
                "dampening=0:0.5:lin:3"}
                                  << "once (a curve) or twice";
    QTest::newRow("malformed") << base + QStringList {"--vary", "lr=0.1"} << "NAME=LO:HI";
    QTest::newRow("unknown parameter")
        << base + QStringList {"--vary", "beta1=0:0.9:lin:3"} << "accepted: lr, momentum";
    QTest::newRow("count") << base + QStringList {"--vary", "lr=0.1:1:log:5000"} << "[2, 1000]";
    QTest::newRow("twice the same")
        << base + QStringList {"--vary", "lr=0.1:1:log:3", "--vary", "lr=0.01:1:log:3"}
        << "given twice";
    QTest::newRow("also a --param")
        << base + QStringList {"--param", "lr=0.1", "--vary", "lr=0.01:1:log:3"}
        << "also set by --param";
    QTest::newRow("refused combination") << QStringList {"sweep", "--surface", "quadratic",
        "--optimizer", "nesterov", "--vary", "momentum=0:0.9:lin:3"}
                                         << "momentum=0";
    QTest::newRow("tolerance") << base
            + QStringList {"--vary", "lr=0.1:1:log:3", "--tolerance", "-1"}
                               << "--tolerance";
    QTest::newRow("format") << base + QStringList {"--vary", "lr=0.1:1:log:3", "--format", "xml"}
                            << "--format";
}

void TestSweep::cliSweepBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const ProcessResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    const QList<QByteArray> errorLines = lines(result.err);
    QCOMPARE(errorLines.size(), 1);
    QVERIFY2(errorLines[0].startsWith("optviz-cli sweep: "), errorLines[0].constData());
    QVERIFY2(QString::fromUtf8(errorLines[0]).contains(named), errorLines[0].constData());
}

void TestSweep::cliBasinsCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("basins.csv");
    const ProcessResult result = runCli({"basins", "--surface", "himmelblau", "--optimizer", "gd",
        "--param", "lr=0.01", "--steps", "200", "--grid", "6x4", "--out", path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = lines(file.readAll());
    QCOMPARE(rows.size(), 25);
    QCOMPARE(rows[0], QByteArray("x,y,minimum,steps,diverged"));

    BasinGrid grid;
    grid.view = makeSurface("himmelblau")->defaultView();
    grid.width = 6;
    grid.height = 4;
    const BasinMap map = runBasins(
        setupOf([] { return makeSurface("himmelblau"); }, "gd", {{"lr", 0.01}}, 200), grid, 1e-2);
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 6; ++column) {
            const QList<QByteArray> fields = rows[1 + row * 6 + column].split(',');
            QCOMPARE(fields.size(), 5);
            QVERIFY(isSeventeenDigits(fields[0]) && isSeventeenDigits(fields[1]));
            QCOMPARE(fields[0].toDouble(), grid.cellCentre(column, row).x);
            QCOMPARE(fields[1].toDouble(), grid.cellCentre(column, row).y);
            QCOMPARE(fields[2].toInt(), map.at(column, row).minimum);
            QCOMPARE(fields[3].toLongLong(), map.at(column, row).steps);
            QCOMPARE(fields[4].toInt(), map.at(column, row).diverged ? 1 : 0);
            QVERIFY(fields[2].toInt() >= -1 && fields[2].toInt() < 4);
        }

    // --range replaces the default view.
    const ProcessResult ranged = runCli(
        {"basins", "--surface", "himmelblau", "--optimizer", "gd", "--param", "lr=0.01", "--grid",
            "2x1", "--range", "2:4,1:3", "--steps", "300", "--out", dir.filePath("r.csv")});
    QCOMPARE(ranged.exitCode, 0);
    QFile rangedFile(dir.filePath("r.csv"));
    QVERIFY(rangedFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rangedRows = lines(rangedFile.readAll());
    QCOMPARE(rangedRows[1], QByteArray("2.5,2,0,") + rangedRows[1].split(',')[3] + ",0");
    QCOMPARE(rangedRows[2].split(',')[0], QByteArray("3.5"));
}

void TestSweep::cliBasinsPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("basins.png");
    const ProcessResult result = runCli({"basins", "--surface", "himmelblau", "--optimizer", "gd",
        "--param", "lr=0.01", "--steps", "200", "--grid", "80x80", "--out", path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QVERIFY(image.width() >= 1000 && image.height() >= 800); // readable on a projector
    // Every minimum's basin appears in its colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y) | 0xFF000000u);
    for (int m = 0; m < 4; ++m)
        QVERIFY(colours.contains(basins::minimumColour(m).rgb() | 0xFF000000u));
}

void TestSweep::cliBasinsBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    const QStringList base = {"basins", "--surface", "himmelblau", "--optimizer", "gd"};
    QTest::newRow("no grid") << base + QStringList {"--out", "x.csv"} << "--grid is required";
    QTest::newRow("bad grid") << base + QStringList {"--grid", "10", "--out", "x.csv"} << "--grid";
    QTest::newRow("grid 0") << base + QStringList {"--grid", "0x10", "--out", "x.csv"}
                            << "[1, 2000]";
    QTest::newRow("grid huge") << base + QStringList {"--grid", "3000x10", "--out", "x.csv"}
                               << "[1, 2000]";
    QTest::newRow("no out") << base + QStringList {"--grid", "10x10"} << "--out";
    QTest::newRow("extension") << base + QStringList {"--grid", "10x10", "--out", "x.txt"}
                               << ".csv, .png";
    QTest::newRow("range") << base
            + QStringList {"--grid", "10x10", "--range", "1:0,0:1", "--out", "x.csv"}
                           << "--range";
    QTest::newRow("range form") << base
            + QStringList {"--grid", "10x10", "--range", "0:1", "--out", "x.csv"}
                                << "X0:X1,Y0:Y1";
    QTest::newRow("tolerance") << base
            + QStringList {"--grid", "10x10", "--tolerance", "0", "--out", "x.csv"}
                               << "--tolerance";
    QTest::newRow("start") << base
            + QStringList {"--grid", "10x10", "--start", "1,1", "--out", "x.csv"}
                           << "--start";
    QTest::newRow("unwritable") << base
            + QStringList {"--grid", "10x10", "--out", "/nonexistent/dir/x.png"}
                                << "--out";
}

void TestSweep::cliBasinsBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QProcess process;
    process.setWorkingDirectory(dir.path()); // x.csv lands here, if anywhere
    process.start(QStringLiteral(OPTVIZ_CLI_PATH), arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QList<QByteArray> errorLines = lines(process.readAllStandardError());
    QCOMPARE(errorLines.size(), 1);
    QVERIFY2(errorLines[0].startsWith("optviz-cli basins: "), errorLines[0].constData());
    QVERIFY2(QString::fromUtf8(errorLines[0]).contains(named), errorLines[0].constData());
}

QTEST_MAIN(TestSweep)
#include "tst_sweep.moc"
