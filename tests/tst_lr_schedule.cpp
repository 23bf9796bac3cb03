// Learning-rate schedules (core/lr_schedule.h): each formula against values computed by
// hand, against torch.optim.lr_scheduler (tests/data/torch_schedule_reference.csv, made
// by scripts/torch_schedule_reference.py), and the runner applying them to the right
// step without resetting the optimizer's state.

#include "core/lr_schedule.h"
#include "core/optimizer.h"
#include "core/runner.h"
#include "core/surface.h"

#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace optviz;

namespace {

// "k=v;k=v" with values as a user types them, checked against `specs`.
ParameterValues parseAssignments(
    const std::string& text, const ParameterSpecs& specs, const std::string& owner)
{
    ParameterValues values;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ';')) {
        if (item.empty())
            continue;
        const auto equals = item.find('=');
        const std::string name = item.substr(0, equals);
        const ParameterSpec* spec = findParameter(specs, name);
        if (!spec)
            throw InvalidArgument("reference names unknown parameter " + name + " of " + owner);
        values[name] = parseParameterValue(*spec, item.substr(equals + 1), owner);
    }
    return values;
}

struct ReferenceRow
{
    std::string optimizer, params, schedule, scheduleParams;
    long long step = 0;
    double lr = 0.0, x = 0.0, y = 0.0;
};

// The reference rows by case, in file order.
std::map<std::string, std::vector<ReferenceRow>> loadReference()
{
    std::map<std::string, std::vector<ReferenceRow>> cases;
    std::ifstream file(OPTVIZ_TEST_DATA_DIR "/torch_schedule_reference.csv");
    std::string line;
    std::getline(file, line); // header
    while (std::getline(file, line)) {
        std::vector<std::string> cells;
        std::stringstream stream(line);
        std::string cell;
        while (std::getline(stream, cell, ','))
            cells.push_back(cell);
        while (cells.size() < 10)
            cells.emplace_back(); // trailing empty cells
        ReferenceRow row;
        row.optimizer = cells[1];
        row.params = cells[2];
        row.schedule = cells[3];
        row.scheduleParams = cells[4];
        row.step = std::stoll(cells[6]);
        row.lr = cells[7].empty() ? 0.0 : std::stod(cells[7]);
        row.x = cells[8].empty() ? 0.0 : std::stod(cells[8]);
        row.y = cells[9].empty() ? 0.0 : std::stod(cells[9]);
        cases[cells[0]].push_back(row);
    }
    return cases;
}

bool close(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max({std::abs(a), std::abs(b), 1e-300})
        || std::abs(a - b) <= 1e-18;
}

Vector point(double x, double y)
{
    Vector v(2);
    v << x, y;
    return v;
}

} // namespace

class TestLrSchedule : public QObject
{
    Q_OBJECT

private slots:
    void formulas_data();
    void formulas();
    void constantLeavesTheRate();
    void catalogueIsConsistent();
    void rejectsBadSchedules_data();
    void rejectsBadSchedules();
    void matchesTorchSchedulers();
    void runnerMatchesTorchTrajectories();
    void runnerAppliesStepKToStepK();
    void changingTheRateKeepsTheState();
    void rpropReadsTheFirstRateOnly();
};

void TestLrSchedule::formulas_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("parameters"); // k=v;k=v
    QTest::addColumn<double>("base");
    QTest::addColumn<qlonglong>("step");
    QTest::addColumn<double>("expected"); // by hand

    const auto row = [](const char* tag, const char* name, const char* parameters, double base,
                         qlonglong step, double expected) {
        QTest::newRow(tag) << QString(name) << QString(parameters) << base << step << expected;
    };
    // StepLR: 0.8·0.5^⌊k/3⌋.
    row("step k=0", "step", "step_size=3;gamma=0.5", 0.8, 0, 0.8);
    row("step k=2", "step", "step_size=3;gamma=0.5", 0.8, 2, 0.8);
    row("step k=3", "step", "step_size=3;gamma=0.5", 0.8, 3, 0.4);
    row("step k=5", "step", "step_size=3;gamma=0.5", 0.8, 5, 0.4);
    row("step k=6", "step", "step_size=3;gamma=0.5", 0.8, 6, 0.2);
    row("step k=10", "step", "step_size=3;gamma=0.5", 0.8, 10, 0.1);
    row("step default gamma 0.1", "step", "step_size=100", 1.0, 250, 0.01);
    // ExponentialLR: 0.9^k.
    row("exponential k=0", "exponential", "gamma=0.9", 1.0, 0, 1.0);
    row("exponential k=1", "exponential", "gamma=0.9", 1.0, 1, 0.9);
    row("exponential k=2", "exponential", "gamma=0.9", 1.0, 2, 0.81);
    row("exponential k=10", "exponential", "gamma=0.9", 1.0, 10, 0.3486784401);
    // CosineAnnealingLR: 0.1 + (1.1 − 0.1)·(1 + cos(πk/10))/2.
    row("cosine k=0", "cosine", "T_max=10;eta_min=0.1", 1.1, 0, 1.1);
    row("cosine k=2", "cosine", "T_max=10;eta_min=0.1", 1.1, 2,
        0.1 + (1.0 + 0.80901699437494742) / 2.0);
    row("cosine k=5", "cosine", "T_max=10;eta_min=0.1", 1.1, 5, 0.6);
    row("cosine k=10", "cosine", "T_max=10;eta_min=0.1", 1.1, 10, 0.1);
    row("cosine past T_max rises", "cosine", "T_max=10;eta_min=0.1", 1.1, 15, 0.6);
    row("cosine k=2·T_max", "cosine", "T_max=10;eta_min=0.1", 1.1, 20, 1.1);
    // LinearLR warm-up: 0.5·(0.2 + 0.8·k/4), then 0.5.
    row("warmup k=0", "warmup", "warmup=4;start_factor=0.2", 0.5, 0, 0.1);
    row("warmup k=1", "warmup", "warmup=4;start_factor=0.2", 0.5, 1, 0.2);
    row("warmup k=3", "warmup", "warmup=4;start_factor=0.2", 0.5, 3, 0.4);
    row("warmup k=4", "warmup", "warmup=4;start_factor=0.2", 0.5, 4, 0.5);
    row("warmup k=1000", "warmup", "warmup=4;start_factor=0.2", 0.5, 1000, 0.5);
    row("warmup default start 1/3", "warmup", "warmup=3", 0.9, 0, 0.3);
    // Warm-up, then the schedule from its own step 0 (SequentialLR).
    row("cosine+warmup k=0", "cosine", "T_max=4;warmup=4;start_factor=0.5", 2.0, 0, 1.0);
    row("cosine+warmup k=2", "cosine", "T_max=4;warmup=4;start_factor=0.5", 2.0, 2, 1.5);
    row("cosine+warmup k=4", "cosine", "T_max=4;warmup=4;start_factor=0.5", 2.0, 4, 2.0);
    row("cosine+warmup k=6", "cosine", "T_max=4;warmup=4;start_factor=0.5", 2.0, 6, 1.0);
    row("cosine+warmup k=8", "cosine", "T_max=4;warmup=4;start_factor=0.5", 2.0, 8, 0.0);
    row("step+warmup k=1", "step", "step_size=2;gamma=0.1;warmup=2;start_factor=0.5", 1.0, 1, 0.75);
    row("step+warmup k=3", "step", "step_size=2;gamma=0.1;warmup=2;start_factor=0.5", 1.0, 3, 1.0);
    row("step+warmup k=4", "step", "step_size=2;gamma=0.1;warmup=2;start_factor=0.5", 1.0, 4, 0.1);
    row("exponential+warmup k=3", "exponential", "gamma=0.5;warmup=2;start_factor=0.5", 4.0, 3,
        2.0);
}

void TestLrSchedule::formulas()
{
    QFETCH(QString, name);
    QFETCH(QString, parameters);
    QFETCH(double, base);
    QFETCH(qlonglong, step);
    QFETCH(double, expected);
    const ScheduleInfo* info = findSchedule(name.toStdString());
    QVERIFY(info);
    const LearningRateSchedule schedule(name.toStdString(),
        parseAssignments(parameters.toStdString(), info->parameters, info->name));
    const double rate = schedule.rate(base, step);
    QVERIFY2(close(rate, expected, 1e-14),
        qPrintable(QString("lr %1, expected %2").arg(rate, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestLrSchedule::constantLeavesTheRate()
{
    const LearningRateSchedule constant;
    QVERIFY(constant.isConstant());
    QCOMPARE(constant.name(), std::string("constant"));
    for (long long step : {0LL, 1LL, 999999LL})
        QCOMPARE(constant.rate(0.125, step), 0.125);
    QVERIFY(LearningRateSchedule("constant").isConstant());
}

void TestLrSchedule::catalogueIsConsistent()
{
    QCOMPARE(scheduleNames(),
        (std::vector<std::string> {"constant", "step", "exponential", "cosine", "warmup"}));
    for (const ScheduleInfo& info : scheduleCatalog()) {
        QVERIFY(!info.summary.empty());
        const LearningRateSchedule schedule(info.name);
        QCOMPARE(schedule.parameters().size(), info.parameters.size());
        for (const ParameterSpec& spec : info.parameters) {
            QVERIFY2(spec.accepts(spec.defaultValue), spec.name.c_str());
            QVERIFY(!spec.meaning.empty());
        }
        // Every default schedule starts at a positive rate and stays finite and ≥ 0.
        for (long long step : {0LL, 1LL, 99LL, 100LL, 1000LL, 100000LL}) {
            const double rate = schedule.rate(0.01, step);
            QVERIFY(std::isfinite(rate) && rate >= 0.0);
        }
        QVERIFY(schedule.rate(0.01, 0) > 0.0);
    }
}

void TestLrSchedule::rejectsBadSchedules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("unknown name") << "cosin"
                                  << "" << 0.0 << "did you mean 'cosine'";
    QTest::newRow("unknown parameter") << "cosine"
                                       << "gamma" << 0.5 << "accepted: T_max";
    QTest::newRow("constant takes none") << "constant"
                                         << "gamma" << 0.5 << "takes none";
    QTest::newRow("gamma 0") << "exponential"
                             << "gamma" << 0.0 << "(0, 1]";
    QTest::newRow("gamma > 1") << "step"
                               << "gamma" << 1.5 << "(0, 1]";
    QTest::newRow("step_size 0") << "step"
                                 << "step_size" << 0.0 << "integer in [1";
    QTest::newRow("fractional T_max") << "cosine"
                                      << "T_max" << 2.5 << "integer";
    QTest::newRow("negative eta_min") << "cosine"
                                      << "eta_min" << -1.0 << "[0, 1000]";
    QTest::newRow("warmup 0 steps") << "warmup"
                                    << "warmup" << 0.0 << "integer in [1";
    QTest::newRow("start_factor 0") << "warmup"
                                    << "start_factor" << 0.0 << "(0, 1]";
    QTest::newRow("NaN") << "cosine"
                         << "eta_min" << std::nan("") << "out of range";
}

void TestLrSchedule::rejectsBadSchedules()
{
    QFETCH(QString, name);
    QFETCH(QString, parameter);
    QFETCH(double, value);
    QFETCH(QString, expected);
    ParameterValues overrides;
    if (!parameter.isEmpty())
        overrides[parameter.toStdString()] = value;
    try {
        LearningRateSchedule(name.toStdString(), overrides);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString(error.what()).contains(expected), error.what());
    }
}

void TestLrSchedule::matchesTorchSchedulers()
{
    const auto cases = loadReference();
    int checked = 0;
    for (const auto& [name, rows] : cases) {
        if (!name.starts_with("lr/"))
            continue;
        const ScheduleInfo* info = findSchedule(rows.front().schedule);
        QVERIFY2(info, name.c_str());
        const LearningRateSchedule schedule(info->name,
            parseAssignments(rows.front().scheduleParams, info->parameters, info->name));
        const double base
            = parseAssignments(rows.front().params, findOptimizer("sgd")->parameters, "sgd")
                  .at("lr");
        for (const ReferenceRow& row : rows) {
            // torch steps its lr recursively (lr·gamma, the chainable cosine, …); the
            // closed forms agree with it to rounding.
            const double rate = schedule.rate(base, row.step);
            QVERIFY2(close(rate, row.lr, 1e-12),
                qPrintable(QString("%1 step %2: %3, torch %4")
                               .arg(QString::fromStdString(name))
                               .arg(row.step)
                               .arg(rate, 0, 'g', 17)
                               .arg(row.lr, 0, 'g', 17)));
            ++checked;
        }
    }
    QVERIFY2(checked > 1000, "tests/data/torch_schedule_reference.csv is missing or short");
}

void TestLrSchedule::runnerMatchesTorchTrajectories()
{
    const auto cases = loadReference();
    const auto surface = makeSurface("rosenbrock");
    int checked = 0;
    for (const auto& [name, rows] : cases) {
        if (!name.starts_with("traj/"))
            continue;
        const ReferenceRow& first = rows.front();
        const OptimizerInfo* optimizer = findOptimizer(first.optimizer);
        const ScheduleInfo* info = findSchedule(first.schedule);
        QVERIFY2(optimizer && info, name.c_str());
        const LearningRateSchedule schedule(
            info->name, parseAssignments(first.scheduleParams, info->parameters, info->name));
        Runner runner(*surface,
            makeOptimizer(first.optimizer,
                parseAssignments(first.params, optimizer->parameters, optimizer->name)),
            point(first.x, first.y), rows.back().step, {}, schedule);
        runner.runToEnd();
        QCOMPARE(runner.status(), RunStatus::Finished);
        for (const ReferenceRow& row : rows) {
            const auto i = std::size_t(row.step);
            const double x = runner.trajectory().coordinate(i, 0);
            const double y = runner.trajectory().coordinate(i, 1);
            QVERIFY2(close(x, row.x, 1e-9) && close(y, row.y, 1e-9),
                qPrintable(QString("%1 step %2: (%3, %4), torch (%5, %6)")
                               .arg(QString::fromStdString(name))
                               .arg(row.step)
                               .arg(x, 0, 'g', 17)
                               .arg(y, 0, 'g', 17)
                               .arg(row.x, 0, 'g', 17)
                               .arg(row.y, 0, 'g', 17)));
            ++checked;
        }
    }
    QVERIFY2(checked > 200, "tests/data/torch_schedule_reference.csv has too few trajectories");
}

void TestLrSchedule::runnerAppliesStepKToStepK()
{
    // Gradient descent on f = ½(x² + 10y²) along y = 0: x ← x·(1 − lr_k). With
    // lr_k = 0.5·0.5^k: x = 1 → 0.5 → 0.375 → 0.328125.
    const auto surface = makeSurface("quadratic");
    Runner runner(*surface, makeOptimizer("gd", {{"lr", 0.5}}), point(1.0, 0.0), 3, {},
        LearningRateSchedule("step", {{"step_size", 1.0}, {"gamma", 0.5}}));
    runner.runToEnd();
    QCOMPARE(runner.trajectory().coordinate(1, 0), 0.5);
    QCOMPARE(runner.trajectory().coordinate(2, 0), 0.375);
    QCOMPARE(runner.trajectory().coordinate(3, 0), 0.328125);
    // The optimizer reports the rate of the step it took last.
    QCOMPARE(runner.optimizer().learningRate(), 0.125);
    OptimizerState state;
    runner.optimizer().inspect(state);
    QVERIFY(state.scalar("lr"));
    QCOMPARE(*state.scalar("lr"), 0.125);
}

void TestLrSchedule::changingTheRateKeepsTheState()
{
    // Heavy ball (momentum 0.5) on f = ½x² from x = 1, lr 0.5 halved every step:
    //   k=0: g = 1,    b = 1,                 x = 1 − 0.5·1       = 0.5
    //   k=1: g = 0.5,  b = 0.5·1 + 0.5 = 1,   x = 0.5 − 0.25·1    = 0.25
    //   k=2: g = 0.25, b = 0.5·1 + 0.25 = .75, x = 0.25 − 0.125·.75 = 0.15625
    // A reset buffer would give b = 0.5 at k=1 and x = 0.375.
    const auto surface = makeSurface("quadratic");
    Runner runner(*surface, makeOptimizer("momentum", {{"lr", 0.5}, {"momentum", 0.5}}),
        point(1.0, 0.0), 3, {}, LearningRateSchedule("exponential", {{"gamma", 0.5}}));
    runner.runToEnd();
    QCOMPARE(runner.trajectory().coordinate(1, 0), 0.5);
    QCOMPARE(runner.trajectory().coordinate(2, 0), 0.25);
    QCOMPARE(runner.trajectory().coordinate(3, 0), 0.15625);

    // Directly on the optimizer: with lr 0 Adam does not move, but its step counter and
    // moments advance as always: m ← 0.9·m + 0.1·g at the unchanged point.
    auto adam = makeOptimizer("adam", {{"lr", 0.1}});
    adam->reset(2);
    GradientOracle oracle(*surface, GradientSettings {});
    Vector x = point(1.0, 1.0);
    for (int i = 0; i < 5; ++i)
        adam->step(oracle, x);
    OptimizerState before;
    adam->inspect(before);
    const Vector m = *before.vector("exp_avg");
    adam->setLearningRate(0.0);
    const Vector x5 = x;
    adam->step(oracle, x);
    QCOMPARE(x, x5);
    OptimizerState after;
    adam->inspect(after);
    QCOMPARE(*after.scalar("step"), 6.0);
    QCOMPARE(*after.scalar("lr"), 0.0);
    const Vector g = point(x5[0], 10.0 * x5[1]); // ∇½(x² + 10y²)
    const Vector expected = 0.9 * m + 0.1 * g;
    QVERIFY((*after.vector("exp_avg") - expected).norm() <= 1e-15 * expected.norm());
}

void TestLrSchedule::rpropReadsTheFirstRateOnly()
{
    // torch's Rprop fills its step sizes with the lr of the first step and never reads lr
    // again: under a warm-up from 0.2·lr the step sizes start at 0.2·lr, and a later
    // schedule change does not reach them.
    const auto surface = makeSurface("quadratic");
    Runner runner(*surface, makeOptimizer("rprop", {{"lr", 0.01}}), point(1.0, 1.0), 1, {},
        LearningRateSchedule("warmup", {{"warmup", 10.0}, {"start_factor", 0.2}}));
    runner.runToEnd();
    // First step: no previous sign, factor 1: each coordinate moves by the initial size.
    QCOMPARE(runner.trajectory().coordinate(1, 0), 1.0 - 0.002);
    QCOMPARE(runner.trajectory().coordinate(1, 1), 1.0 - 0.002);
}

QTEST_MAIN(TestLrSchedule)
#include "tst_lr_schedule.moc"
