// The simulation worker through its controller: batches, playback commands, generations
// and shutdown, checked against a direct SceneSimulation of the same scene.

#include "ui/run_series.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"
#include "ui/simulation_controller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace optviz;

namespace {

// Sanitizer builds (scripts/sanitizers.sh) run several times slower, and TSan most: their
// time bounds are looser. What they check there is memory and thread safety.
#if defined(__SANITIZE_THREAD__)
constexpr double slowdown = 10.0;
#elif defined(__SANITIZE_ADDRESS__)
constexpr double slowdown = 4.0;
#else
constexpr double slowdown = 1.0;
#endif

// Rosenbrock with gd, momentum and Adam from (-1.5, 2), `steps` long.
Scene defaultScene(long long steps)
{
    Scene scene = Scene::defaultScene();
    scene.steps = steps;
    return scene;
}

// Six runs to the maximum budget: streams for seconds at full speed.
Scene longScene()
{
    Scene scene = defaultScene(Scene::maxSteps);
    for (const char* name : {"rmsprop", "nesterov", "adagrad"}) {
        OptimizerEntry entry = scene.makeEntry(name);
        entry.parameters["lr"] = 0.001;
        scene.optimizers.append(entry);
    }
    return scene;
}

Scene sceneFrom(double x, double y, long long steps)
{
    Scene scene = defaultScene(steps);
    scene.start = Point2 {x, y};
    return scene;
}

QVector<RunSeries> directSeries(const Scene& scene)
{
    SceneSimulation simulation(scene);
    simulation.runToEnd();
    return seriesOf(simulation);
}

bool sameState(const OptimizerState& a, const OptimizerState& b)
{
    if (a.vectors.size() != b.vectors.size() || a.scalars != b.scalars)
        return false;
    for (std::size_t i = 0; i < a.vectors.size(); ++i)
        if (a.vectors[i].first != b.vectors[i].first || a.vectors[i].second != b.vectors[i].second)
            return false;
    return true;
}

// Steps 0, 1, 2, ... without gap or repeat.
bool consecutiveFromZero(const QVector<double>& steps)
{
    for (int i = 0; i < steps.size(); ++i)
        if (steps[i] != double(i))
            return false;
    return true;
}

bool consecutiveFromZero(const RunSeries& series)
{
    return consecutiveFromZero(series.steps());
}

long long lastStep(const RunSeries& series)
{
    return series.size() > 0 ? static_cast<long long>(series.steps().last()) : -1;
}

// The newest step of a run as the controller has it; -1 before the first batch.
long long lastStep(const SimulationController& controller, int run)
{
    return run < controller.series().size() ? lastStep(controller.series()[run]) : -1;
}

bool allAtStep(const SimulationController& controller, int runs, long long step)
{
    if (controller.series().size() != runs)
        return false;
    for (const RunSeries& series : controller.series())
        if (series.stepsTaken() != step || lastStep(series) != step)
            return false;
    return true;
}

} // namespace

class TestWorker : public QObject
{
    Q_OBJECT

private slots:
    void batchesMatchDirectRun_data();
    void batchesMatchDirectRun();
    void batchRateAtMaxSpeed();
    void fullSpeedKeepsTheOpening();
    void pauseStopsAndResumeContinues();
    void stepOnceAdvancesOneStep();
    void resetGoesBackToStepZero();
    void instantDeliversEverything_data();
    void instantDeliversEverything();
    void commandsDuringLongInstantComputation();
    void newSceneCancelsOldWork();
    void sceneStormEndsWithLastScene_data();
    void sceneStormEndsWithLastScene();
    void divergingRunIsReported_data();
    void divergingRunIsReported();
    void invalidSceneIsReported();
    void shutdownIsQuick_data();
    void shutdownIsQuick();
};

void TestWorker::batchesMatchDirectRun_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<double>("noise");
    QTest::newRow("max speed") << 0.0 << 0.0;
    QTest::newRow("2000 steps/s") << 2000.0 << 0.0;
    QTest::newRow("noisy gradients") << 0.0 << 0.5;
}

void TestWorker::batchesMatchDirectRun()
{
    QFETCH(double, speed);
    QFETCH(double, noise);
    Scene scene = defaultScene(500);
    scene.gradient.noise = noise;
    scene.gradient.seed = 7;

    SimulationController controller;
    QSignalSpy updates(&controller, &SimulationController::runsUpdated);
    QSignalSpy finished(&controller, &SimulationController::finished);
    controller.setSpeed(speed);
    controller.setScene(scene);
    controller.play();
    QVERIFY(controller.isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(controller.isFinished());
    QTRY_VERIFY(!controller.isPlaying()); // the worker stops at the end of the runs
    if (speed > 0)
        QVERIFY2(updates.count() >= 5, "a slow animation comes in many batches");

    const QVector<RunSeries> expected = directSeries(scene);
    QCOMPARE(controller.series().size(), expected.size());
    for (int run = 0; run < expected.size(); ++run) {
        const RunSeries& got = controller.series()[run];
        const RunSeries& want = expected[run];
        QVERIFY(consecutiveFromZero(got));
        QCOMPARE(got.steps(), want.steps());
        QCOMPARE(got.x(), want.x()); // exact: the same computation
        QCOMPARE(got.y(), want.y());
        QCOMPARE(got.loss(), want.loss());
        QCOMPARE(got.status(), want.status());
        QCOMPARE(got.stepsTaken(), want.stepsTaken());
        QCOMPARE(got.divergedAtStep(), want.divergedAtStep());
        QVERIFY(sameState(got.state(), want.state()));
    }
}

void TestWorker::batchRateAtMaxSpeed()
{
    SimulationController controller;
    QSignalSpy updates(&controller, &SimulationController::runsUpdated);
    controller.setSpeed(0);
    controller.setScene(longScene());
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 3, 10000);

    updates.clear();
    QElapsedTimer clock;
    clock.start();
    // The UI thread's longest gap between two 1 ms timer events: what the batches cost it.
    qint64 lastTickNs = 0, longestGapNs = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    connect(&probe, &QTimer::timeout, this, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGapNs = std::max(longestGapNs, now - lastTickNs);
        lastTickNs = now;
    });
    probe.start(1);
    QTest::qWait(2000);
    probe.stop();
    const double seconds = double(clock.nsecsElapsed()) * 1e-9;
    const double rate = updates.count() / seconds;
    QVERIFY2(!controller.isFinished(), "the long scene must still be streaming");
    const long long steps = controller.series()[0].stepsTaken();
    qInfo("streaming at max speed: %.1f batches/s, %lld steps per run so far, longest UI-thread "
          "gap %.1f ms",
        rate, steps, double(longestGapNs) * 1e-6);
    QVERIFY2(longestGapNs < 250'000'000 * slowdown, "the UI thread stalled");
    QVERIFY2(rate <= 70.0, qPrintable(QString("%1 batches/s").arg(rate)));
    QVERIFY2(rate >= 20.0 / slowdown, qPrintable(QString("only %1 batches/s").arg(rate)));
    // Millions of steps, but each run's history stays bounded in memory.
    for (const RunSeries& series : controller.series()) {
        QVERIFY(series.size() <= (1 << 13) + 1);
        // Whether thinned here or by the worker, the series says so (and the window).
        QCOMPARE(series.isDecimated(), series.size() < series.stepsTaken() + 1);
    }
}

void TestWorker::fullSpeedKeepsTheOpening()
{
    // At full speed a 200000-step run arrives in a few batches, thinned; its opening
    // steps (where momentum zig-zags) and its last point stay exact.
    const Scene scene = defaultScene(200000);
    SimulationController controller;
    QSignalSpy finished(&controller, &SimulationController::finished);
    controller.setSpeed(0);
    controller.setScene(scene);
    controller.play();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    SceneSimulation direct(scene);
    direct.runToEnd();
    QCOMPARE(controller.series().size(), direct.runCount());
    for (int run = 0; run < direct.runCount(); ++run) {
        const RunSeries& got = controller.series()[run];
        const Trajectory& want = direct.runner(run).trajectory();
        // Thinned unless this machine (or a sanitizer build) is too slow to need it.
        QCOMPARE(got.isDecimated(), got.size() < 200001);
        // The worker sends the opening whole (RunSeries would thin it only past its
        // capacity, which a slow build can reach by getting every step).
        for (int i = 0; i < 1024 && got.stride() == 1; ++i) {
            QCOMPARE(got.steps()[i], double(i));
            QCOMPARE(got.x()[i], want.coordinate(std::size_t(i), 0));
            QCOMPARE(got.y()[i], want.coordinate(std::size_t(i), 1));
        }
        QCOMPARE(lastStep(got), 200000LL);
        QCOMPARE(got.x().last(), want.coordinate(want.size() - 1, 0));
        QCOMPARE(got.loss().last(), want.loss(want.size() - 1));
    }
}

void TestWorker::pauseStopsAndResumeContinues()
{
    SimulationController controller;
    QSignalSpy updates(&controller, &SimulationController::runsUpdated);
    controller.setSpeed(300);
    controller.setScene(defaultScene(100000));
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 5 && lastStep(controller, 0) >= 20, 10000);

    controller.pause();
    QVERIFY(!controller.isPlaying());
    QTest::qWait(100); // batches sent before the pause reached the worker
    updates.clear();
    const long long pausedAt = lastStep(controller, 0);
    QTest::qWait(500);
    QCOMPARE(updates.count(), 0);
    QVERIFY(!controller.isPlaying());
    for (const RunSeries& series : controller.series())
        QCOMPARE(lastStep(series), pausedAt);

    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(controller, 0) >= pausedAt + 20, 10000);
    controller.pause();
    for (const RunSeries& series : controller.series()) {
        QVERIFY2(consecutiveFromZero(series), "no gap or repeat across pause and resume");
        QCOMPARE(series.stepsTaken(), lastStep(series));
    }
    // And still the same numbers as a direct run.
    SceneSimulation simulation(defaultScene(100000));
    simulation.advance(lastStep(controller, 0));
    const QVector<RunSeries> expected = seriesOf(simulation);
    for (int run = 0; run < expected.size(); ++run) {
        const RunSeries& got = controller.series()[run];
        QCOMPARE(got.size(), expected[run].size());
        QCOMPARE(got.x(), expected[run].x());
        QCOMPARE(got.y(), expected[run].y());
    }
}

void TestWorker::stepOnceAdvancesOneStep()
{
    const Scene scene = defaultScene(500);
    SimulationController controller;
    controller.setScene(scene);
    QTRY_VERIFY(allAtStep(controller, 3, 0));
    for (const RunSeries& series : controller.series())
        QCOMPARE(series.size(), 1); // the start point only

    SceneSimulation simulation(scene);
    for (long long step = 1; step <= 3; ++step) {
        controller.stepOnce();
        QTRY_VERIFY(allAtStep(controller, 3, step));
        QVERIFY(!controller.isPlaying());
        simulation.advance(1);
        const QVector<RunSeries> expected = seriesOf(simulation);
        for (int run = 0; run < 3; ++run) {
            QVERIFY(consecutiveFromZero(controller.series()[run]));
            QCOMPARE(controller.series()[run].x(), expected[run].x());
            QCOMPARE(controller.series()[run].y(), expected[run].y());
        }
    }
    // Nothing more arrives by itself.
    QTest::qWait(200);
    QVERIFY(allAtStep(controller, 3, 3));

    // A step while playing pauses first, then steps once.
    controller.play();
    QTRY_VERIFY(lastStep(controller, 0) >= 10);
    controller.stepOnce();
    QVERIFY(!controller.isPlaying());
    QTest::qWait(200);
    const long long at = lastStep(controller, 0);
    QVERIFY(allAtStep(controller, 3, at));
    QTest::qWait(200);
    QVERIFY(allAtStep(controller, 3, at));
}

void TestWorker::resetGoesBackToStepZero()
{
    const Scene scene = defaultScene(100000);
    SimulationController controller;
    controller.setSpeed(1000);
    controller.setScene(scene);
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(controller, 0) >= 100, 10000);
    const quint64 generation = controller.generation();

    controller.pause();
    controller.reset();
    QTRY_VERIFY(allAtStep(controller, 3, 0));
    QCOMPARE(controller.generation(), generation); // the same scene
    for (int run = 0; run < 3; ++run) {
        QCOMPARE(controller.series()[run].size(), 1);
        QCOMPARE(controller.series()[run].status(), RunStatus::Running);
    }
    QCOMPARE(controller.series()[0].x()[0], -1.5);
    QCOMPARE(controller.series()[0].y()[0], 2.0);

    // Reset while playing starts over and keeps playing, without old points.
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(controller, 0) >= 100, 10000);
    controller.reset();
    QTRY_VERIFY(lastStep(controller, 0) < 100);
    QTRY_VERIFY(lastStep(controller, 0) >= 20);
    QVERIFY(controller.isPlaying());
    for (const RunSeries& series : controller.series())
        QVERIFY(consecutiveFromZero(series));
}

void TestWorker::instantDeliversEverything_data()
{
    QTest::addColumn<long long>("steps");
    QTest::newRow("2000 steps") << 2000LL;
    QTest::newRow("3 million steps: progressive batches") << 3'000'000LL;
}

void TestWorker::instantDeliversEverything()
{
    QFETCH(long long, steps);
    const Scene scene = defaultScene(steps);
    SimulationController controller;
    QSignalSpy updates(&controller, &SimulationController::runsUpdated);
    QSignalSpy finished(&controller, &SimulationController::finished);
    controller.setMode(PlaybackMode::Instant);
    controller.setScene(scene); // no play needed
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY(!controller.isPlaying());

    const QVector<RunSeries> expected = directSeries(scene);
    QCOMPARE(controller.series().size(), expected.size());
    for (int run = 0; run < expected.size(); ++run) {
        const RunSeries& got = controller.series()[run];
        QCOMPARE(got.stepsTaken(), expected[run].stepsTaken());
        QCOMPARE(got.status(), expected[run].status());
        QCOMPARE(got.steps().first(), 0.0);
        QCOMPARE(got.x().last(), expected[run].x().last());
        QCOMPARE(got.y().last(), expected[run].y().last());
        QCOMPARE(lastStep(got), lastStep(expected[run]));
        if (!got.isDecimated()) {
            QCOMPARE(got.x(), expected[run].x());
            QCOMPARE(got.loss(), expected[run].loss());
        }
        for (int i = 1; i < got.size(); ++i)
            QVERIFY(got.steps()[i] > got.steps()[i - 1]);
    }
    if (steps > 1'000'000)
        QVERIFY(controller.series()[0].isDecimated());

    // Play does nothing in Instant mode.
    updates.clear();
    controller.play();
    QVERIFY(!controller.isPlaying());
    QTest::qWait(100);
    QCOMPARE(updates.count(), 0);
}

void TestWorker::commandsDuringLongInstantComputation()
{
    // Ten million steps for six runs take many seconds: a switch to Animate must not
    // wait for them. The runs stay where the computation got to and play on from there.
    SimulationController controller;
    controller.setMode(PlaybackMode::Instant);
    controller.setScene(longScene());
    QTRY_VERIFY_WITH_TIMEOUT(controller.series().size() == 6 && lastStep(controller, 0) > 0, 10000);
    QElapsedTimer clock;
    clock.start();
    controller.setMode(PlaybackMode::Animate);
    QSignalSpy updates(&controller, &SimulationController::runsUpdated);
    controller.setSpeed(500);
    controller.play(); // the answer to play shows that the mode switch was handled
    QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 2, 10000);
    qInfo("Animate took over %lld ms into the computation", clock.elapsed());
    QVERIFY(clock.elapsed() < 1000 * slowdown);
    QVERIFY(!controller.isFinished());
    QVERIFY(controller.isPlaying());
    const long long at = lastStep(controller, 0);
    QVERIFY(at < Scene::maxSteps);
    // Playing at 500 steps/s from there: about 50 steps in 0.1 s, not millions.
    QTest::qWait(100);
    for (const RunSeries& series : controller.series())
        QVERIFY(lastStep(series) - at < 5000);
}

void TestWorker::newSceneCancelsOldWork()
{
    SimulationController controller;
    controller.setSpeed(0);
    controller.setScene(longScene());
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(controller, 0) > 10000, 10000);

    // From the new scene on, every update the controller publishes must be the new
    // scene's: its start point first and its steps without the old run's numbers.
    const Scene next = sceneFrom(0.5, 1.5, 200000);
    QVector<bool> updateIsNew;
    connect(&controller, &SimulationController::runsUpdated, this, [&] {
        const QVector<RunSeries>& all = controller.series();
        bool fresh
            = all.size() == 3 && controller.scene() == next && controller.runEntries().size() == 3;
        for (const RunSeries& series : all)
            fresh = fresh && series.x().first() == 0.5 && series.y().first() == 1.5
                && series.steps().first() == 0.0 && series.stepsTaken() <= 200000;
        updateIsNew.append(fresh);
    });
    const Scene old = controller.scene();
    controller.setSpeed(20000);
    controller.setScene(next);
    QVERIFY(controller.scene() == old); // still the scene of the series shown
    QTRY_VERIFY_WITH_TIMEOUT(updateIsNew.size() >= 10, 10000);
    QVERIFY(!updateIsNew.contains(false));
    QVERIFY(controller.isPlaying()); // playback carries over to the new scene
}

void TestWorker::sceneStormEndsWithLastScene_data()
{
    QTest::addColumn<PlaybackMode>("mode");
    QTest::addColumn<int>("pauseMs"); // between two scenes
    QTest::newRow("instant, back to back") << PlaybackMode::Instant << 0;
    QTest::newRow("instant, 1 ms apart") << PlaybackMode::Instant << 1;
    QTest::newRow("animate, playing, back to back") << PlaybackMode::Animate << 0;
    QTest::newRow("animate, playing, 1 ms apart") << PlaybackMode::Animate << 1;
}

void TestWorker::sceneStormEndsWithLastScene()
{
    // A slider dragged at 1000 events a second. Each scene takes tens of milliseconds to
    // compute, so working through a backlog would take a minute.
    QFETCH(PlaybackMode, mode);
    QFETCH(int, pauseMs);
    const long long steps = 300000;
    // What one scene costs here, to tell "computed the last scene" from "worked through
    // a backlog" on any machine and build.
    QElapsedTimer oneScene;
    oneScene.start();
    directSeries(sceneFrom(-1.5, 2.0, steps));
    const qint64 oneSceneNs = oneScene.nsecsElapsed();
    SimulationController controller;
    controller.setMode(mode);
    controller.setSpeed(0);
    if (mode == PlaybackMode::Animate)
        controller.play();
    const double lastX = -1.5 + 1e-3 * 999;
    QElapsedTimer clock;
    qint64 settledNs = -1;
    connect(&controller, &SimulationController::finished, this, [&] {
        if (controller.scene().start->x == lastX)
            settledNs = clock.nsecsElapsed();
    });
    clock.start();
    for (int i = 0; i < 1000; ++i) {
        controller.setScene(sceneFrom(-1.5 + 1e-3 * i, 2.0, steps));
        QTest::qWait(pauseMs); // the UI thread's event loop runs between mouse events
    }
    const qint64 stormNs = clock.nsecsElapsed();
    QTRY_VERIFY_WITH_TIMEOUT(settledNs >= 0, 60000);
    qInfo("1000 scenes sent in %.1f ms; the last one's runs complete %.1f ms after it "
          "(one scene computed directly: %.1f ms)",
        double(stormNs) * 1e-6, double(settledNs - stormNs) * 1e-6, double(oneSceneNs) * 1e-6);
    QVERIFY2(settledNs - stormNs < 20 * oneSceneNs + 1'000'000'000LL, "stale scenes were computed");
    QVERIFY(controller.isFinished());
    QCOMPARE(controller.series().size(), 3);
    QCOMPARE(controller.series()[0].x().first(), lastX);
    QCOMPARE(controller.generation(), quint64(1000));
    const QVector<RunSeries> expected = directSeries(sceneFrom(lastX, 2.0, steps));
    for (int run = 0; run < 3; ++run) {
        QCOMPARE(controller.series()[run].stepsTaken(), expected[run].stepsTaken());
        QCOMPARE(controller.series()[run].x().last(), expected[run].x().last());
    }
}

void TestWorker::divergingRunIsReported_data()
{
    QTest::addColumn<PlaybackMode>("mode");
    QTest::newRow("animate") << PlaybackMode::Animate;
    QTest::newRow("instant") << PlaybackMode::Instant;
}

void TestWorker::divergingRunIsReported()
{
    QFETCH(PlaybackMode, mode);
    Scene scene = defaultScene(1000);
    scene.optimizers.clear();
    OptimizerEntry gd = scene.makeEntry("gd");
    gd.parameters["lr"] = 0.1;
    scene.optimizers.append(gd);
    OptimizerEntry adam = scene.makeEntry("adam");
    adam.parameters["lr"] = 0.02;
    scene.optimizers.append(adam);

    SceneSimulation direct(scene);
    direct.runToEnd();
    const long long divergedAt = direct.runner(0).divergedAtStep();
    QVERIFY(divergedAt > 0);

    SimulationController controller;
    QSignalSpy diverged(&controller, &SimulationController::runDiverged);
    QSignalSpy finishedRuns(&controller, &SimulationController::runFinished);
    QSignalSpy finished(&controller, &SimulationController::finished);
    controller.setMode(mode);
    controller.setSpeed(2000);
    controller.setScene(scene);
    controller.play();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);

    QCOMPARE(diverged.count(), 1);
    QCOMPARE(diverged[0][0].toInt(), 0);
    QCOMPARE(diverged[0][1].toLongLong(), divergedAt);
    const QString message = diverged[0][2].toString();
    QCOMPARE(message, QString("gd lr=0.1 diverged at step %1").arg(divergedAt));
    QCOMPARE(finishedRuns.count(), 1);
    QCOMPARE(finishedRuns[0][0].toInt(), 1);

    QCOMPARE(controller.series().size(), 2);
    const RunSeries& series = controller.series()[0];
    QCOMPARE(series.status(), RunStatus::Diverged);
    QCOMPARE(series.divergedAtStep(), divergedAt);
    QCOMPARE(lastStep(series), divergedAt - 1); // the last finite point
    QVERIFY(consecutiveFromZero(series));
    for (int i = 0; i < series.size(); ++i)
        QVERIFY(std::isfinite(series.x()[i]) && std::isfinite(series.y()[i])
            && std::isfinite(series.loss()[i]));
    QCOMPARE(controller.series()[1].status(), RunStatus::Finished);
}

void TestWorker::invalidSceneIsReported()
{
    SimulationController controller;
    controller.setScene(defaultScene(100));
    QTRY_COMPARE(controller.series().size(), 3);
    QSignalSpy failed(&controller, &SimulationController::sceneFailed);
    Scene bad = defaultScene(100);
    bad.surface = "no such surface";
    controller.setScene(bad);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed[0][0].toString().contains("no such surface"));
    QCOMPARE(controller.series().size(), 0); // no stale runs shown
    controller.play();
    QTRY_VERIFY(!controller.isPlaying());
}

void TestWorker::shutdownIsQuick_data()
{
    QTest::addColumn<PlaybackMode>("mode");
    QTest::newRow("streaming at max speed") << PlaybackMode::Animate;
    QTest::newRow("computing 10 million steps") << PlaybackMode::Instant;
}

void TestWorker::shutdownIsQuick()
{
    QFETCH(PlaybackMode, mode);
    auto controller = std::make_unique<SimulationController>();
    QSignalSpy updates(controller.get(), &SimulationController::runsUpdated);
    controller->setMode(mode);
    controller->setSpeed(0);
    controller->setScene(longScene());
    controller->play();
    QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 3, 10000);
    QVERIFY(!controller->isFinished());
    // Commands still queued when the window closes must not delay it either.
    for (int i = 0; i < 100; ++i)
        controller->setScene(longScene());

    QElapsedTimer clock;
    clock.start();
    controller.reset();
    const qint64 ms = clock.elapsed();
    qInfo("controller destroyed in %lld ms", ms);
    QVERIFY2(ms < 200 * slowdown, qPrintable(QString("%1 ms").arg(ms)));
}

QTEST_MAIN(TestWorker)
#include "tst_worker.moc"
