#include "core/optimizer.h"
#include "core/runner.h"
#include "core/surface.h"

#include <QTest>

#include <cmath>

using namespace optviz;

class TestRunner : public QObject
{
    Q_OBJECT

private slots:
    void recordsStartAndEveryStep();
    void stopsAtDivergence();
};

void TestRunner::recordsStartAndEveryStep()
{
    auto surface = makeSurface("rosenbrock");
    Vector start(2);
    start << -1.5, 2.0;
    Runner runner(*surface, makeOptimizer("adam", {{"lr", 0.01}}), start, 100);
    QCOMPARE(runner.advance(40), 40LL);
    QCOMPARE(runner.status(), RunStatus::Running);
    runner.runToEnd();
    QCOMPARE(runner.status(), RunStatus::Finished);
    QCOMPARE(runner.trajectory().size(), std::size_t(101));
    QCOMPARE(runner.trajectory().coordinate(0, 0), -1.5);
    QCOMPARE(runner.trajectory().loss(0), surface->value(start));
}

void TestRunner::stopsAtDivergence()
{
    // Gradient descent with lr = 0.1 on Rosenbrock from (-1.5, 2) explodes within a few steps.
    auto surface = makeSurface("rosenbrock");
    Vector start(2);
    start << -1.5, 2.0;
    Runner runner(*surface, makeOptimizer("gd", {{"lr", 0.1}}), start, 1000);
    runner.runToEnd();
    QCOMPARE(runner.status(), RunStatus::Diverged);
    QVERIFY(runner.divergedAtStep() > 0);
    QCOMPARE(runner.trajectory().size(), std::size_t(runner.divergedAtStep()));
    for (std::size_t i = 0; i < runner.trajectory().size(); ++i)
        QVERIFY(std::isfinite(runner.trajectory().loss(i)));
}

QTEST_MAIN(TestRunner)
#include "tst_runner.moc"
