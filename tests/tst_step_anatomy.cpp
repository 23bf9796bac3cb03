// The step anatomy (core/step_anatomy.h) against independent truth:
//  * for every optimizer of the catalogue, several variants and several steps, the
//    stages compose to the very point the optimizer reaches in a Runner (the Runner
//    replays the run on its own: its trajectory is the truth);
//  * first and second steps of GD, momentum, Nesterov and Adam worked out by hand.

#include "core/runner.h"
#include "core/step_anatomy.h"
#include "core/surface.h"
#include "hand_bowl.h"

#include <QTest>

#include <cmath>
#include <string>

using namespace optviz;

Q_DECLARE_METATYPE(optviz::ParameterValues)

namespace {

using Bowl = optviz::testing::HandBowl;

Vector point(double x, double y)
{
    Vector v(2);
    v << x, y;
    return v;
}

StageKind kindAt(const StepAnatomy& anatomy, int index)
{
    return anatomy.stages.at(std::size_t(index)).kind;
}

void compareVector(const Vector& actual, const Vector& expected, double tolerance)
{
    QCOMPARE(actual.size(), expected.size());
    for (Eigen::Index i = 0; i < actual.size(); ++i)
        if (!(std::abs(actual[i] - expected[i]) <= tolerance))
            QFAIL(qPrintable(QString("coordinate %1: %2, expected %3")
                                 .arg(i)
                                 .arg(actual[i], 0, 'g', 17)
                                 .arg(expected[i], 0, 'g', 17)));
}

} // namespace

class TestStepAnatomy : public QObject
{
    Q_OBJECT

private slots:
    void composesToRealStep_data();
    void composesToRealStep();
    void gradientDescentByHand();
    void momentumByHand();
    void nesterovByHand();
    void adamFirstStepByHand();
    void adamwShowsDecoupledDecay();
    void rejectsBadInput();
};

void TestStepAnatomy::composesToRealStep_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("parameters");
    QTest::addColumn<QString>("surface");
    QTest::addColumn<double>("noise");
    QTest::addColumn<QString>("schedule");

    // Learning rates that make progress without diverging on Rosenbrock from (−1.5, 2).
    const std::map<std::string, double> rates = {{"sgd", 2e-4}, {"gd", 2e-4}, {"momentum", 2e-4},
        {"nesterov", 2e-4}, {"adagrad", 0.3}, {"rmsprop", 0.01}, {"adadelta", 1.0}, {"adam", 0.05},
        {"adamw", 0.05}, {"adamax", 0.05}, {"nadam", 0.05}, {"radam", 0.005}, {"rprop", 0.01},
        {"qhm", 5e-4}, {"qhadam", 0.05}, {"newton", 0.5}, {"bfgs", 1.0}, {"lbfgs", 1.0}};
    for (const std::string& name : optimizerNames()) {
        const double lr = rates.count(name) ? rates.at(name) : 1e-3;
        for (const char* surface : {"rosenbrock", "himmelblau"}) {
            QTest::addRow("%s %s", name.c_str(), surface)
                << QString::fromStdString(name) << ParameterValues {{"lr", lr}} << surface << 0.0
                << QString();
        }
        // Noisy gradients: the anatomy must see the very draw the step uses.
        QTest::addRow("%s noisy", name.c_str())
            << QString::fromStdString(name) << ParameterValues {{"lr", lr}} << "himmelblau" << 0.5
            << QString();
    }
    // The variants that change the rule.
    const auto variant = [](const char* tag, const char* name, ParameterValues values,
                             const char* schedule = "") {
        QTest::newRow(tag) << QString(name) << values << "rosenbrock" << 0.0 << QString(schedule);
    };
    variant("sgd weight decay dampening", "sgd",
        {{"lr", 2e-4}, {"momentum", 0.8}, {"dampening", 0.3}, {"weight_decay", 0.1}});
    variant("nesterov weight decay", "nesterov", {{"lr", 2e-4}, {"weight_decay", 0.05}});
    variant("momentum cosine schedule", "momentum", {{"lr", 2e-4}}, "cosine");
    variant("adam amsgrad weight decay", "adam",
        {{"lr", 0.05}, {"amsgrad", 1.0}, {"weight_decay", 0.1}});
    variant("adam without bias correction", "adam", {{"lr", 0.05}, {"bias_correction", 0.0}});
    variant("adamw amsgrad", "adamw", {{"lr", 0.05}, {"amsgrad", 1.0}, {"weight_decay", 0.2}});
    variant("adagrad lr_decay", "adagrad",
        {{"lr", 0.3}, {"lr_decay", 0.1}, {"weight_decay", 0.01},
            {"initial_accumulator_value", 0.5}});
    variant("rmsprop centered momentum", "rmsprop",
        {{"lr", 0.005}, {"centered", 1.0}, {"momentum", 0.5}, {"weight_decay", 0.01}});
    variant("rmsprop momentum", "rmsprop", {{"lr", 0.005}, {"momentum", 0.9}});
    variant("adadelta weight decay", "adadelta", {{"weight_decay", 0.1}, {"rho", 0.8}});
    variant("adamax weight decay", "adamax", {{"lr", 0.05}, {"weight_decay", 0.1}});
    variant("nadam weight decay", "nadam", {{"lr", 0.05}, {"weight_decay", 0.1}});
    variant("radam weight decay", "radam", {{"lr", 0.005}, {"weight_decay", 0.1}});
    variant("rprop tight steps", "rprop", {{"lr", 0.1}, {"step_max", 0.2}, {"step_min", 0.01}});
    variant("qhadam nu2", "qhadam", {{"lr", 0.05}, {"nu2", 0.5}});
    variant("bfgs fixed step", "bfgs", {{"lr", 0.1}, {"line_search", 0.0}});
    variant("lbfgs short history", "lbfgs", {{"history_size", 2.0}});
    variant("adam warmup schedule", "adam", {{"lr", 0.05}}, "warmup");
}

void TestStepAnatomy::composesToRealStep()
{
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, parameters);
    QFETCH(QString, surface);
    QFETCH(double, noise);
    QFETCH(QString, schedule);
    const std::unique_ptr<Surface> objective = makeSurface(surface.toStdString());
    const Vector start = point(-1.5, 2.0);
    GradientSettings gradient;
    gradient.noise = noise;
    gradient.seed = 7;
    const LearningRateSchedule rates = schedule.isEmpty()
        ? LearningRateSchedule()
        : LearningRateSchedule(schedule.toStdString(), {});
    const long long budget = 40;
    Runner runner(*objective, makeOptimizer(optimizer.toStdString(), parameters), start, budget,
        gradient, rates);
    runner.runToEnd();
    QVERIFY(runner.status() != RunStatus::Diverged);
    for (long long step : {1LL, 2LL, 3LL, 7LL, 25LL, 40LL}) {
        const StepAnatomy anatomy = anatomizeRunStep(
            *objective, optimizer.toStdString(), parameters, rates, gradient, start, step);
        QCOMPARE(anatomy.step, step);
        const Trajectory& path = runner.trajectory();
        const auto k = std::size_t(step);
        const Vector before = point(path.coordinate(k - 1, 0), path.coordinate(k - 1, 1));
        const Vector after = point(path.coordinate(k, 0), path.coordinate(k, 1));
        // The replay is the run itself...
        QCOMPARE(anatomy.start, before);
        QCOMPARE(anatomy.end, after);
        // ...and the stages, computed from the state before the step, land where it did.
        QVERIFY(anatomy.stages.size() >= 2);
        QCOMPARE(kindAt(anatomy, 0), StageKind::Gradient);
        QCOMPARE(anatomy.stages.back().kind, StageKind::Move);
        QCOMPARE(anatomy.stages.back().from, before);
        const double scale = std::max(1.0, after.cwiseAbs().maxCoeff());
        compareVector(anatomy.composedEnd(), after, 1e-12 * scale);
        // Every arrow is finite: the window draws all of them.
        for (const StepStage& stage : anatomy.stages)
            QVERIFY(stage.from.allFinite() && stage.to.allFinite());
    }
}

void TestStepAnatomy::gradientDescentByHand()
{
    // f = ½(x² + 4y²) at (1, 1): g = (1, 4); lr 0.1 moves to (0.9, 0.6).
    const Bowl bowl(1.0, 4.0);
    const StepAnatomy anatomy
        = anatomizeRunStep(bowl, "gd", {{"lr", 0.1}}, {}, {}, point(1.0, 1.0), 1);
    QCOMPARE(int(anatomy.stages.size()), 2);
    QCOMPARE(kindAt(anatomy, 0), StageKind::Gradient);
    compareVector(anatomy.stages[0].value, point(1.0, 4.0), 1e-15);
    compareVector(anatomy.stages[0].from, point(1.0, 1.0), 0.0);
    compareVector(anatomy.stages[0].to, point(0.9, 0.6), 1e-15);
    QCOMPARE(kindAt(anatomy, 1), StageKind::Move);
    compareVector(anatomy.stages[1].value, point(-0.1, -0.4), 1e-15);
    compareVector(anatomy.composedEnd(), point(0.9, 0.6), 1e-15);
    QCOMPARE(anatomy.lossBefore, 2.5);
    QVERIFY(std::abs(anatomy.lossAfter - 0.5 * (0.81 + 4 * 0.36)) < 1e-15);
}

void TestStepAnatomy::momentumByHand()
{
    const Bowl bowl(1.0, 4.0);
    // Step 1: torch starts the buffer at g = (1, 4): no decayed velocity to show.
    const StepAnatomy first
        = anatomizeRunStep(bowl, "momentum", {{"lr", 0.1}}, {}, {}, point(1.0, 1.0), 1);
    QCOMPARE(int(first.stages.size()), 3);
    QCOMPARE(kindAt(first, 1), StageKind::AddGradient);
    compareVector(first.stages[1].value, point(1.0, 4.0), 1e-15);
    compareVector(first.composedEnd(), point(0.9, 0.6), 1e-15);
    // Step 2 from (0.9, 0.6): g = (0.9, 2.4); β·b = (0.9, 3.6) drawn to (0.81, 0.24);
    // b = (1.8, 6.0); the move lands on (0.72, 0).
    const StepAnatomy second
        = anatomizeRunStep(bowl, "momentum", {{"lr", 0.1}}, {}, {}, point(1.0, 1.0), 2);
    QCOMPARE(int(second.stages.size()), 4);
    QCOMPARE(kindAt(second, 0), StageKind::Gradient);
    compareVector(second.stages[0].value, point(0.9, 2.4), 1e-15);
    QCOMPARE(kindAt(second, 1), StageKind::DecayedMomentum);
    compareVector(second.stages[1].value, point(0.9, 3.6), 1e-15);
    compareVector(second.stages[1].to, point(0.81, 0.24), 1e-15);
    QCOMPARE(kindAt(second, 2), StageKind::AddGradient);
    compareVector(second.stages[2].from, point(0.81, 0.24), 1e-15);
    compareVector(second.stages[2].value, point(1.8, 6.0), 1e-14);
    QCOMPARE(kindAt(second, 3), StageKind::Move);
    compareVector(second.composedEnd(), point(0.72, 0.0), 1e-15);
}

void TestStepAnatomy::nesterovByHand()
{
    // Step 1: b = g = (1, 4); d = g + 0.9·b = (1.9, 7.6); θ = (1, 1) − 0.1·d = (0.81, 0.24).
    const Bowl bowl(1.0, 4.0);
    const StepAnatomy anatomy
        = anatomizeRunStep(bowl, "nesterov", {{"lr", 0.1}}, {}, {}, point(1.0, 1.0), 1);
    QCOMPARE(int(anatomy.stages.size()), 4);
    QCOMPARE(kindAt(anatomy, 2), StageKind::LookAhead);
    compareVector(anatomy.stages[2].value, point(1.9, 7.6), 1e-15);
    compareVector(anatomy.stages[2].from, point(0.9, 0.6), 1e-15);
    compareVector(anatomy.composedEnd(), point(0.81, 0.24), 1e-15);
}

void TestStepAnatomy::adamFirstStepByHand()
{
    // g = (1, 4); m = 0.1·g = (0.1, 0.4); v = 0.001·g² = (0.001, 0.016); m̂ = g, v̂ = g²:
    // the first Adam step is lr·sign(g) up to eps: (1, 1) − 0.1·(1/(1 + 1e-8), 4/(4 + 1e-8)).
    const Bowl bowl(1.0, 4.0);
    const StepAnatomy anatomy
        = anatomizeRunStep(bowl, "adam", {{"lr", 0.1}}, {}, {}, point(1.0, 1.0), 1);
    QCOMPARE(int(anatomy.stages.size()), 6);
    QCOMPARE(kindAt(anatomy, 0), StageKind::Gradient);
    QCOMPARE(kindAt(anatomy, 1), StageKind::AddGradient);
    compareVector(anatomy.stages[1].value, point(0.1, 0.4), 1e-15);
    QCOMPARE(kindAt(anatomy, 2), StageKind::SecondMoment);
    compareVector(anatomy.stages[2].value, point(0.001, 0.016), 1e-16);
    QCOMPARE(kindAt(anatomy, 3), StageKind::BiasCorrection);
    compareVector(anatomy.stages[3].value, point(1.0, 4.0), 1e-14);
    compareVector(anatomy.stages[3].to, point(0.9, 0.6), 1e-14);
    QCOMPARE(kindAt(anatomy, 4), StageKind::Scaling);
    QCOMPARE(kindAt(anatomy, 5), StageKind::Move);
    const Vector expected = point(1.0 - 0.1 / (1.0 + 1e-8), 1.0 - 0.1 * 4.0 / (4.0 + 1e-8));
    compareVector(anatomy.composedEnd(), expected, 1e-14);
    QCOMPARE(anatomy.stages[3].scalar("t"), 1.0);
}

void TestStepAnatomy::adamwShowsDecoupledDecay()
{
    // AdamW first shrinks θ by lr·weight_decay·θ = 0.1·0.5·(1, 1) = (0.05, 0.05).
    const Bowl bowl(1.0, 4.0);
    const StepAnatomy anatomy = anatomizeRunStep(
        bowl, "adamw", {{"lr", 0.1}, {"weight_decay", 0.5}}, {}, {}, point(1.0, 1.0), 1);
    QCOMPARE(kindAt(anatomy, 1), StageKind::DecoupledDecay);
    compareVector(anatomy.stages[1].value, point(-0.05, -0.05), 1e-16);
    const Vector expected
        = point(1.0 - 0.05 - 0.1 / (1.0 + 1e-8), 1.0 - 0.05 - 0.1 * 4.0 / (4.0 + 1e-8));
    compareVector(anatomy.composedEnd(), expected, 1e-14);
}

void TestStepAnatomy::rejectsBadInput()
{
    const Bowl bowl(1.0, 4.0);
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, anatomizeRunStep(bowl, "adamm", {}, {}, {}, point(1.0, 1.0), 1));
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, anatomizeRunStep(bowl, "adam", {}, {}, {}, point(1.0, 1.0), 0));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument,
        anatomizeRunStep(bowl, "adam", {{"beta1", 2.0}}, {}, {}, point(1.0, 1.0), 1));
}

QTEST_MAIN(TestStepAnatomy)
#include "hand_bowl.h"
#include "tst_step_anatomy.moc"
