// Scenes: the one serialisable description of what the window shows. A saved scene
// must reopen identical; a malformed one must be refused with a message naming the field.

#include "ui/run_series.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace optviz;

class TestScene : public QObject
{
    Q_OBJECT

private slots:
    void defaultSceneIsValid();
    void roundTripsThroughJson();
    void savesAtomicallyAndReopensIdentical();
    void rejectsBadScenes_data();
    void rejectsBadScenes();
    void rejectsOversizedFile();
    void simulationMatchesRunner();
    void runSeriesThinsLongRuns();
    void runThinnedMatchesFullRecordingOnShortRuns();
    void runThinnedBoundsLongRuns();
};

void TestScene::defaultSceneIsValid()
{
    const Scene scene = Scene::defaultScene();
    QCOMPARE(scene.surface, std::string("rosenbrock"));
    QCOMPARE(scene.optimizers.size(), 3);
    QVERIFY(scene.optimizers[0].colour != scene.optimizers[1].colour);
    QCOMPARE(scene.optimizers[2].label(), QString("adam lr=0.02"));
    SceneSimulation simulation(scene);
    QCOMPARE(simulation.runCount(), 3);
}

void TestScene::roundTripsThroughJson()
{
    Scene scene = Scene::defaultScene();
    scene.surface = "quadratic";
    scene.surfaceParameters = resolveParameters(
        findSurface("quadratic")->parameters, {{"b", 25.0}, {"angle", 30.0}}, "quadratic");
    scene.view = ViewRect {-3, 3, -2, 2.5};
    scene.start = Point2 {0.1, -1.0 / 3.0};
    scene.steps = 1234;
    scene.optimizers[1].enabled = false;
    scene.optimizers[2].parameters["amsgrad"] = 1.0;
    scene.optimizers.append(scene.makeEntry("nesterov"));
    scene.gradient.noise = 0.25;
    scene.gradient.seed = 42;
    scene.gradient.clipNorm = 3.5;
    scene.layout = SceneLayout::SmallMultiples;
    scene.lossMeasure = LossMeasure::DistanceToMinimum;
    const QByteArray text = QJsonDocument(scene.toJson()).toJson();
    const Scene back = Scene::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY(back == scene);
    QCOMPARE(back.start->y, -1.0 / 3.0); // doubles survive exactly
}

void TestScene::savesAtomicallyAndReopensIdentical()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("scene.json");
    Scene scene = Scene::defaultScene();
    scene.start = Point2 {0.5, 2.5};
    QString error;
    QVERIFY2(scene.save(path, &error), qPrintable(error));
    QVERIFY(Scene::load(path) == scene);
    QVERIFY(!scene.save(dir.filePath("no/such/dir/scene.json"), &error));
    QVERIFY(!error.isEmpty());
}

void TestScene::rejectsBadScenes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    const QByteArray head = R"({"format": "optviz-scene", "version": 1, )";
    const QByteArray surface = R"("surface": {"name": "rosenbrock"}, )";
    const QByteArray optimizers = R"("optimizers": [{"name": "adam"}])";
    QTest::newRow("format") << QByteArray(R"({"format": "other", "version": 1})") << "format";
    QTest::newRow("version") << QByteArray(R"({"format": "optviz-scene", "version": 7})")
                             << "version";
    QTest::newRow("no surface") << head + R"("steps": 10, )" + optimizers + "}"
                                << "surface";
    QTest::newRow("unknown surface")
        << head + R"("surface": {"name": "rosenbrok"}, "steps": 10, )" + optimizers + "}"
        << "surface.name";
    QTest::newRow("surface param")
        << head + R"("surface": {"name": "rosenbrock", "parameters": {"b": -1}}, "steps": 10, )"
            + optimizers + "}"
        << "surface.parameters.b";
    QTest::newRow("steps text") << head + surface + R"("steps": "many", )" + optimizers + "}"
                                << "steps";
    QTest::newRow("steps huge") << head + surface + R"("steps": 1e12, )" + optimizers + "}"
                                << "steps";
    QTest::newRow("steps fraction") << head + surface + R"("steps": 2.5, )" + optimizers + "}"
                                    << "steps";
    QTest::newRow("unknown optimizer")
        << head + surface + R"("steps": 10, "optimizers": [{"name": "adma"}]})"
        << "optimizers[0].name";
    QTest::newRow("bad lr") << head + surface
            + R"("steps": 10, "optimizers": [{"name": "adam", "parameters": {"lr": -1}}]})"
                            << "optimizers[0].parameters.lr";
    QTest::newRow("unknown param") << head + surface
            + R"("steps": 10, "optimizers": [{"name": "adam", "parameters": {"momentum": 1}}]})"
                                   << "optimizers[0].parameters.momentum";
    QTest::newRow("nesterov") << head + surface
            + R"("steps": 10, "optimizers": [{"name": "nesterov", )"
              R"("parameters": {"momentum": 0}}]})"
                              << "optimizers[0].parameters";
    QTest::newRow("colour") << head + surface
            + R"("steps": 10, "optimizers": [{"name": "adam", "color": "purplish"}]})"
                            << "optimizers[0].color";
    QTest::newRow("view inverted")
        << head + surface + R"("view": {"x_min": 1, "x_max": 0, "y_min": 0, "y_max": 1}, )"
            + R"("steps": 10, )" + optimizers + "}"
        << "view";
    QTest::newRow("start") << head + surface + R"("start": [1], "steps": 10, )" + optimizers + "}"
                           << "start";
    QTest::newRow("start huge") << head + surface + R"("start": [1e300, 0], "steps": 10, )"
            + optimizers + "}"
                                << "start[0]";
    QTest::newRow("too many optimizers") << head + surface + R"("steps": 10, "optimizers": [)"
            + QByteArray(R"({"name": "gd"},)").repeated(Scene::maxOptimizers)
            + R"({"name": "gd"}]})"
                                         << "optimizers";
    QTest::newRow("batch size on rosenbrock")
        << head + surface + R"("steps": 10, "batch_size": 5, )" + optimizers + "}"
        << "batch_size";
    QTest::newRow("noise") << head + surface + R"("steps": 10, "noise": -2, )" + optimizers + "}"
                           << "noise";
    QTest::newRow("layout") << head + surface + R"("steps": 10, "layout": "grid", )" + optimizers
            + "}"
                            << "layout";
}

void TestScene::rejectsBadScenes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QVERIFY2(document.isObject(), json.constData());
    try {
        Scene::fromJson(document.object());
        QFAIL("a bad scene was accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains("'" + field + "'"), error.what());
    }
}

void TestScene::rejectsOversizedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("big.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2 << 20, ' '));
    file.close();
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, Scene::load(path));
    QFile broken(dir.filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": ");
    broken.close();
    try {
        Scene::load(broken.fileName());
        QFAIL("broken JSON was accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY(QString(error.what()).contains("not valid JSON"));
    }
}

void TestScene::simulationMatchesRunner()
{
    Scene scene = Scene::defaultScene();
    scene.steps = 50;
    scene.optimizers[1].enabled = false;
    SceneSimulation simulation(scene);
    QCOMPARE(simulation.runCount(), 2);
    QCOMPARE(simulation.entryOf(1), 2);
    simulation.runToEnd();
    const QVector<RunSeries> series = seriesOf(simulation);
    auto surface = makeSurface("rosenbrock");
    Vector start(2);
    start << -1.5, 2.0;
    Runner adam(*surface, makeOptimizer("adam", {{"lr", 0.02}}), start, 50);
    adam.runToEnd();
    QCOMPARE(series[1].size(), 51);
    QCOMPARE(series[1].x().last(), adam.current()[0]);
    QCOMPARE(series[1].y().last(), adam.current()[1]);
}

void TestScene::runThinnedMatchesFullRecordingOnShortRuns()
{
    // Within RunSeries' capacity the thinned path of render and export is the recorded
    // trajectory itself, point for point, including a run that diverges.
    Scene scene = Scene::defaultScene();
    scene.steps = 3000;
    scene.optimizers[0].parameters["lr"] = 0.01; // gradient descent diverges on Rosenbrock
    SceneSimulation recorded(scene);
    recorded.runToEnd();
    const QVector<RunSeries> expected = seriesOf(recorded);
    SceneSimulation thinned(scene);
    const QVector<RunSeries> actual = runThinned(thinned);
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual[0].status(), RunStatus::Diverged);
    for (int run = 0; run < actual.size(); ++run) {
        QCOMPARE(actual[run].steps(), expected[run].steps());
        QCOMPARE(actual[run].x(), expected[run].x());
        QCOMPARE(actual[run].y(), expected[run].y());
        QCOMPARE(actual[run].loss(), expected[run].loss());
        QCOMPARE(actual[run].status(), expected[run].status());
        QCOMPARE(actual[run].divergedAtStep(), expected[run].divergedAtStep());
    }
}

void TestScene::runThinnedBoundsLongRuns()
{
    // 300 000 steps: several rounds of collecting; the series stays within its capacity,
    // keeps the opening steps and the start, and ends exactly where the runner ends.
    Scene scene = Scene::defaultScene();
    scene.steps = 300'000;
    SceneSimulation simulation(scene);
    const QVector<RunSeries> series = runThinned(simulation);
    QCOMPARE(series.size(), simulation.runCount());
    for (int run = 0; run < series.size(); ++run) {
        const RunSeries& path = series[run];
        const Runner& runner = simulation.runner(run);
        QVERIFY2(path.size() <= (1 << 13) + 1, qPrintable(QString::number(path.size())));
        QVERIFY(path.isDecimated());
        QCOMPARE(path.steps().first(), 0.0);
        QCOMPARE(path.x().first(), scene.effectiveStart(simulation.surface()).x);
        QCOMPARE(path.steps().last(), double(runner.stepsTaken()));
        QCOMPARE(path.x().last(), runner.current()[0]);
        QCOMPARE(path.y().last(), runner.current()[1]);
        QCOMPARE(path.loss().last(), runner.currentLoss());
        QCOMPARE(path.stepsTaken(), 300'000LL);
        for (int i = 1; i < path.size(); ++i)
            QVERIFY(path.steps()[i] > path.steps()[i - 1]);
    }
}

void TestScene::runSeriesThinsLongRuns()
{
    RunSeries series(64);
    RunChunk chunk;
    for (int step = 0; step <= 1000; ++step) {
        chunk.steps.append(step);
        chunk.x.append(step * 0.5);
        chunk.y.append(-step);
        chunk.loss.append(1.0 / (step + 1));
    }
    chunk.stepsTaken = 1000;
    series.append(chunk);
    QVERIFY(series.size() <= 64);
    QVERIFY(series.isDecimated());
    QCOMPARE(series.steps().first(), 0.0);
    QCOMPARE(series.steps().last(), 1000.0); // the newest point is always kept
    QCOMPARE(series.x().last(), 500.0);
    for (int i = 1; i < series.size(); ++i)
        QVERIFY(series.steps()[i] > series.steps()[i - 1]);
    for (int i = 0; i + 1 < series.size(); ++i) // kept points lie on the stride
        QCOMPARE(qint64(series.steps()[i]) % series.stride(), 0);
}

QTEST_MAIN(TestScene)
#include "tst_scene.moc"
