// The network workspace: its scene settings (strictly validated), the simulation against
// `optviz-cli train`, what it draws (boundaries, curves, the loss plane) against the
// core's own numbers, the worker thread through QSignalSpy, and the widgets offscreen.

#include "core/network/loss_plane.h"
#include "ui/app_settings.h"
#include "ui/lesson_catalog.h"
#include "ui/loss_plane_job.h"
#include "ui/main_window.h"
#include "ui/network_batch.h"
#include "ui/network_controller.h"
#include "ui/network_figure.h"
#include "ui/network_panel.h"
#include "ui/network_simulation.h"
#include "ui/network_worker.h"
#include "ui/network_workspace.h"
#include "ui/optimizer_card.h"
#include "ui/optimizer_panel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

#include <cmath>
#include <numbers>

using namespace optviz;

namespace {

NetworkSettings moons(int epochs = 60)
{
    NetworkSettings settings = NetworkSettings::defaultSettings();
    settings.epochs = epochs;
    return settings;
}

NetworkSettings withOptimizer(NetworkSettings settings, const std::string& name, double lr)
{
    settings.optimizers.clear();
    OptimizerEntry entry = settings.makeEntry(name);
    entry.parameters["lr"] = lr;
    settings.optimizers.append(entry);
    return settings;
}

QList<QByteArray> cliRows(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(OPTVIZ_CLI_PATH), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    QList<QByteArray> rows = process.readAllStandardOutput().split('\n');
    if (!rows.isEmpty() && rows.last().isEmpty())
        rows.removeLast();
    return rows;
}

// The scene JSON of `settings` with one field of "network" replaced (or removed).
QJsonObject networkSceneWith(const QString& key, const QJsonValue& value)
{
    Scene scene = Scene::defaultScene();
    scene.network = NetworkSettings::defaultSettings();
    QJsonObject json = scene.toJson();
    QJsonObject network = json["network"].toObject();
    if (value.isUndefined())
        network.remove(key);
    else
        network[key] = value;
    json["network"] = network;
    return json;
}

QString refusal(const QJsonObject& json)
{
    try {
        Scene::fromJson(json);
        return {};
    } catch (const InvalidArgument& error) {
        return QString::fromUtf8(error.what());
    }
}

} // namespace

class TestNetworkWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void settingsRoundTrip();
    void settingsAreValidated_data();
    void settingsAreValidated();
    void layersText_data();
    void layersText();
    void simulationMatchesTheCli();
    void pictureIsWhatTheNetworkPredicts();
    void regressionCurveFollowsTheSine();
    void planeJobIsCoarseFirstAndExact();
    void randomPlaneIsCentredOnTheFirstRun();
    void workerBatchesArrive();
    void newSettingsCancelTheRun();
    void closingMidRunIsClean();
    void controllerTrainsAndDrawsThePlane();
    void workspaceTrainsAndResets();
    void windowSwitchesWorkspaces();
    void lessonShowsItsPoint();
};

void TestNetworkWorkspace::settingsRoundTrip()
{
    Scene scene = Scene::defaultScene();
    QVERIFY(!scene.toJson().contains("network")); // absent unless the workspace shows
    scene.network = NetworkSettings::defaultSettings();
    scene.network->dataset = "blobs";
    scene.network->datasetParameters = resolveParameters(
        findDataset("blobs")->parameters, {{"classes", 4.0}, {"noise", 0.3}}, "blobs");
    scene.network->hiddenLayers = {8};
    scene.network->activation = "relu";
    scene.network->loss = "ce";
    scene.network->batchSize = 32;
    scene.network->plane = PlaneDirections::Random;
    scene.network->optimizers[1].enabled = false;
    const Scene back = Scene::fromJson(scene.toJson());
    QVERIFY(back == scene);
    QVERIFY(back.network->sameTraining(*scene.network));

    // Colours and the plane are not training; anything else is.
    NetworkSettings recoloured = *scene.network;
    recoloured.optimizers[0].colour = Qt::black;
    recoloured.plane = PlaneDirections::Pca;
    QVERIFY(recoloured.sameTraining(*scene.network));
    NetworkSettings retrained = *scene.network;
    retrained.optimizers[0].parameters["lr"] = 0.5;
    QVERIFY(!retrained.sameTraining(*scene.network));
}

void TestNetworkWorkspace::settingsAreValidated_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown field")
        << "layer" << QJsonValue(3)
        << "'network.layer': is not a scene field (did you mean 'layers'?)";
    QTest::newRow("dataset name") << "dataset" << QJsonValue(QJsonObject {{"name", "moon"}})
                                  << "unknown dataset 'moon' (did you mean 'moons'?)";
    QTest::newRow("dataset parameter")
        << "dataset"
        << QJsonValue(QJsonObject {{"name", "moons"}, {"parameters", QJsonObject {{"classes", 3}}}})
        << "'network.dataset.parameters.classes': is not a parameter of moons";
    QTest::newRow("too many samples") << "dataset"
                                      << QJsonValue(QJsonObject {{"name", "moons"},
                                             {"parameters", QJsonObject {{"samples", 50000}}}})
                                      << "the window trains at most 10000 samples";
    QTest::newRow("layers not an array")
        << "layers" << QJsonValue("16,16") << "'network.layers': must be an array";
    QTest::newRow("too wide") << "layers" << QJsonValue(QJsonArray {16, 500})
                              << "'network.layers[1]': must be a finite number in [1, 128]";
    QTest::newRow("missing layers")
        << "layers" << QJsonValue(QJsonValue::Undefined) << "'network.layers': is missing";
    QTest::newRow("activation") << "activation" << QJsonValue("tahn")
                                << "unknown value 'tahn' (did you mean 'tanh'?)";
    QTest::newRow("epochs") << "epochs" << QJsonValue(0)
                            << "'network.epochs': must be a finite number in [1, 100000]";
    QTest::newRow("batch size") << "batch_size" << QJsonValue(201)
                                << "'network.batch_size': must be a finite number in [0, 200]";
    QTest::newRow("plane") << "plane" << QJsonValue("pac") << "'network.plane'";
    QTest::newRow("optimizer")
        << "optimizers" << QJsonValue(QJsonArray {QJsonObject {{"name", "adma"}}})
        << "'network.optimizers[0].name': unknown optimizer 'adma' (did you mean 'adam'?)";
}

void TestNetworkWorkspace::settingsAreValidated()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QString message = refusal(networkSceneWith(key, value));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestNetworkWorkspace::layersText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("widths"); // empty with `valid` false: refused
    QTest::addColumn<bool>("valid");
    QTest::newRow("two") << "16,16" << QList<int> {16, 16} << true;
    QTest::newRow("spaces") << " 8 , 4 " << QList<int> {8, 4} << true;
    QTest::newRow("none") << "none" << QList<int> {} << true;
    QTest::newRow("zero") << "16,0" << QList<int> {} << false;
    QTest::newRow("too wide") << "129" << QList<int> {} << false;
    QTest::newRow("fraction") << "2.5" << QList<int> {} << false;
    QTest::newRow("too deep") << "1,1,1,1,1,1,1" << QList<int> {} << false;
    QTest::newRow("empty part") << "16,,16" << QList<int> {} << false;
}

void TestNetworkWorkspace::layersText()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, widths);
    QFETCH(bool, valid);
    try {
        const std::vector<int> parsed = NetworkSettings::parseLayers(text);
        QVERIFY(valid);
        QCOMPARE(QList<int>(parsed.begin(), parsed.end()), widths);
        NetworkSettings settings;
        settings.hiddenLayers = parsed;
        QCOMPARE(NetworkSettings::parseLayers(settings.layersText()), parsed);
    } catch (const InvalidArgument& error) {
        QVERIFY2(!valid, error.what());
        QVERIFY(QString(error.what()).contains("accepted: comma-separated widths in [1, 128]"));
    }
}

void TestNetworkWorkspace::simulationMatchesTheCli()
{
    // The window trains exactly what `optviz-cli train` trains, to the last bit.
    NetworkSettings settings = withOptimizer(moons(40), "adam", 0.01);
    settings.datasetParameters["noise"] = 0.15;
    settings.datasetParameters["seed"] = 7;
    settings.batchSize = 32;
    NetworkSimulation simulation(settings);
    simulation.runToEnd();
    const std::vector<EpochRecord>& history = simulation.trainer(0).history();
    QCOMPARE(int(history.size()), 41);

    const QList<QByteArray> rows
        = cliRows({"train", "--dataset", "moons", "--noise", "0.15", "--seed", "7", "--batch-size",
            "32", "--optimizer", "adam", "--param", "lr=0.01", "--epochs", "40"});
    QCOMPARE(rows.size(), 42);
    for (int epoch : {0, 1, 20, 40}) {
        const QList<QByteArray> cells = rows[epoch + 1].split(',');
        const EpochRecord& record = history[std::size_t(epoch)];
        QCOMPARE(cells[0].toInt(), record.epoch);
        QCOMPARE(cells[1].toLongLong(), record.step);
        // %.17g reads back to the same double: equal means bit for bit.
        QVERIFY(cells[2].toDouble() == record.trainLoss);
        QVERIFY(cells[3].toDouble() == record.trainAccuracy);
        QVERIFY(cells[4].toDouble() == record.testLoss);
        QVERIFY(cells[5].toDouble() == record.testAccuracy);
    }
}

void TestNetworkWorkspace::pictureIsWhatTheNetworkPredicts()
{
    for (const char* dataset : {"moons", "blobs"}) {
        NetworkSettings settings = withOptimizer(moons(30), "adam", 0.02);
        settings.dataset = dataset;
        settings.datasetParameters
            = resolveParameters(findDataset(dataset)->parameters, {}, dataset);
        NetworkSimulation simulation(settings);
        simulation.runToEnd();
        const int n = 9;
        const ModelPicture picture = simulation.picture(0, n);
        QCOMPARE(int(picture.map.size()), n * n);
        const ViewRect view = simulation.pictureView();
        const int k = simulation.classCount();
        for (int j = 0; j < n; j += 4)
            for (int i = 0; i < n; i += 4) {
                Matrix point(1, 2);
                point << view.xMin + i * (view.xMax - view.xMin) / (n - 1),
                    view.yMin + j * (view.yMax - view.yMin) / (n - 1);
                const Matrix p = simulation.trainObjective().predict(
                    simulation.trainer(0).parameters(), point);
                const double value = picture.map[std::size_t(j * n + i)];
                if (k == 2) {
                    QCOMPARE(value, p(0, 0)); // P(class 1), σ of the one logit
                } else {
                    Eigen::Index best = 0;
                    const double top = p.row(0).maxCoeff(&best);
                    QCOMPARE(int(std::floor(value)), int(best));
                    QVERIFY(std::abs((value - best) / 0.999 - (top - 1.0 / k) / (1.0 - 1.0 / k))
                        < 1e-12);
                }
            }
        // Every sample lies inside the picture.
        const Dataset& data = simulation.trainObjective().data();
        for (Eigen::Index s = 0; s < data.sampleCount(); ++s)
            QVERIFY(data.inputs(s, 0) > view.xMin && data.inputs(s, 0) < view.xMax
                && data.inputs(s, 1) > view.yMin && data.inputs(s, 1) < view.yMax);
    }
}

void TestNetworkWorkspace::regressionCurveFollowsTheSine()
{
    NetworkSettings settings = withOptimizer(moons(600), "adam", 0.01);
    settings.dataset = "sine";
    settings.datasetParameters = resolveParameters(findDataset("sine")->parameters, {}, "sine");
    NetworkSimulation simulation(settings);
    QVERIFY(!simulation.isClassification());
    simulation.runToEnd();
    const ModelPicture picture = simulation.picture(0, 101);
    QCOMPARE(int(picture.curveX.size()), 101);
    double worst = 0.0;
    for (std::size_t i = 0; i < picture.curveX.size(); ++i) {
        const double t = picture.curveX[i];
        if (std::abs(t) <= 0.9)
            worst = std::max(worst, std::abs(picture.curveY[i] - std::sin(std::numbers::pi * t)));
    }
    QVERIFY2(worst < 0.2, qPrintable(QString::number(worst)));
}

void TestNetworkWorkspace::planeJobIsCoarseFirstAndExact()
{
    NetworkSettings settings = moons(80);
    NetworkSimulation simulation(settings);
    {
        // Before any run moved, PCA has no plane and says why.
        const LossPlaneJob none(simulation, PlaneDirections::Pca);
        QVERIFY(!none.hasPlane());
        QVERIFY(none.snapshot().message.contains("train a few epochs"));
    }
    simulation.runToEnd();
    LossPlaneJob job(simulation, PlaneDirections::Pca);
    QVERIFY(job.hasPlane());
    QCOMPARE(job.completedStride(), 0);
    QVERIFY(!job.snapshot().hasPlane()); // nothing to show before the first pass
    job.advance(9 * 9); // the coarse pass: every 8th point of the 65 × 65 lattice
    QCOMPARE(job.completedStride(), LossPlaneJob::coarseStride);
    const PlaneSnapshot coarse = job.snapshot();
    QVERIFY(coarse.hasPlane() && !coarse.complete);
    QCOMPARE(coarse.grid.finiteCount(), std::size_t(65 * 65)); // upsampled preview
    while (!job.finished())
        job.advance(1000);
    const PlaneSnapshot full = job.snapshot();
    QVERIFY(full.complete);
    QCOMPARE(full.grid.columns(), LossPlaneJob::resolution);
    QCOMPARE(int(full.paths.size()), simulation.runCount());
    QVERIFY(full.explainedFraction() > 0.5 && full.explainedFraction() <= 1.0 + 1e-12);
    QVERIFY(full.firstFraction >= full.secondFraction);
    for (const PlanePath& path : full.paths) {
        // PCA planes pass through the common start: every path begins at (0, 0), on the
        // plane, where the loss is the untrained network's.
        QVERIFY(std::abs(path.alpha.front()) < 1e-12 && std::abs(path.beta.front()) < 1e-12);
        QVERIFY(path.distance.front() < 1e-12);
        QCOMPARE(path.epochs.back(), settings.epochs);
        QCOMPARE(path.loss.back(), simulation.trainer(path.run).history().back().trainLoss);
        QVERIFY(path.travel > 0.0);
        QVERIFY(path.offPlaneFraction() >= 0.0 && path.offPlaneFraction() < 1.0);
    }
    // The lattice holds the exact loss: at α = β = 0 (a lattice point when the range is
    // symmetric enough to hold it, else check a corner) it is the start's loss.
    const SurfaceGrid& grid = full.grid;
    const ViewRect& view = grid.view();
    const PcaPlaneResult pca = LossPlane::pca(
        {&simulation.trainer(0).parameterHistory(), &simulation.trainer(1).parameterHistory(),
            &simulation.trainer(2).parameterHistory()},
        PcaOrigin::Start, LossPlaneJob::maxPcaRows);
    Vector theta;
    for (const auto& [i, j] : {std::pair {0, 0}, std::pair {64, 64}, std::pair {32, 17}}) {
        pca.plane.point(grid.x(i), grid.y(j), theta);
        QCOMPARE(grid.value(i, j), simulation.trainObjective().value(theta));
    }
    QVERIFY(view.xMin < 0.0 && view.xMax > 0.0);
}

void TestNetworkWorkspace::randomPlaneIsCentredOnTheFirstRun()
{
    NetworkSimulation simulation(moons(50));
    simulation.runToEnd();
    LossPlaneJob job(simulation, PlaneDirections::Random);
    while (!job.finished())
        job.advance(4096);
    const PlaneSnapshot snapshot = job.snapshot();
    QVERIFY(snapshot.complete && std::isnan(snapshot.firstFraction));
    // The first run ends at the plane's origin: on the plane, at (0, 0).
    const PlanePath& first = snapshot.paths.front();
    QVERIFY(std::abs(first.alpha.back()) < 1e-9 && std::abs(first.beta.back()) < 1e-9);
    QVERIFY(first.distance.back() < 1e-9);
    // Li et al.'s view: at least ±1 along each direction.
    QVERIFY(snapshot.grid.view().xMin <= -1.0 && snapshot.grid.view().xMax >= 1.0);
    // Random directions in 337 dimensions miss the paths: they leave the plane.
    QVERIFY(snapshot.paths.back().offPlaneFraction() > 0.5);
}

void TestNetworkWorkspace::workerBatchesArrive()
{
    qRegisterMetaType<NetworkBatch>();
    qRegisterMetaType<PlaneUpdate>();
    QThread thread;
    auto generation = std::make_shared<std::atomic<quint64>>(1);
    auto* worker = new NetworkWorker(generation);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy batches(worker, &NetworkWorker::batchReady);
    QSignalSpy planes(worker, &NetworkWorker::planeReady);
    QSignalSpy finished(worker, &NetworkWorker::finished);
    thread.start();
    const NetworkSettings settings = moons(120);
    QMetaObject::invokeMethod(worker, [worker, settings] {
        worker->setSpeed(0.0);
        worker->setSettings(settings, 1);
        worker->play();
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !planes.isEmpty() && planes.last().at(0).value<PlaneUpdate>().snapshot->complete, 30000);
    thread.requestInterruption();
    thread.quit();
    thread.wait();

    // A reset batch with the samples first, then epochs in order, every one exactly once.
    QVERIFY(batches.size() >= 2);
    const NetworkBatch first = batches.first().at(0).value<NetworkBatch>();
    QVERIFY(first.reset && first.data);
    QCOMPARE(first.data->trainX.size() + first.data->testX.size(), 200);
    QCOMPARE(first.chunks.size(), 3);
    QVector<int> nextEpoch(3, 0);
    for (const QList<QVariant>& arguments : batches) {
        const NetworkBatch batch = arguments.at(0).value<NetworkBatch>();
        QCOMPARE(batch.generation, quint64(1));
        for (const NetworkRunChunk& chunk : batch.chunks)
            for (const EpochRecord& record : chunk.records)
                QCOMPARE(record.epoch, nextEpoch[chunk.run]++);
    }
    QCOMPARE(nextEpoch, QVector<int>(3, 121));
    // The last batch carries the final boundaries.
    NetworkSimulation reference(settings);
    reference.runToEnd();
    std::shared_ptr<const ModelPicture> last;
    for (const QList<QVariant>& arguments : batches)
        for (const NetworkRunChunk& chunk : arguments.at(0).value<NetworkBatch>().chunks)
            if (chunk.run == 2 && chunk.picture)
                last = chunk.picture;
    QVERIFY(last);
    QVERIFY(last->map == reference.picture(2, NetworkSimulation::pictureResolution).map);
}

void TestNetworkWorkspace::newSettingsCancelTheRun()
{
    NetworkController controller;
    controller.setSpeed(1.0); // slow: the first settings are far from done when replaced
    NetworkSettings first = moons(100000);
    controller.setSettings(first);
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(controller.data() && controller.epoch() >= 1, 20000);
    const quint64 before = controller.generation();

    NetworkSettings second = withOptimizer(moons(25), "adam", 0.01);
    second.dataset = "circles";
    second.datasetParameters = resolveParameters(findDataset("circles")->parameters, {}, "circles");
    controller.setSpeed(0.0);
    controller.setSettings(second);
    QCOMPARE(controller.generation(), before + 1);
    QTRY_VERIFY_WITH_TIMEOUT(controller.isFinished(), 20000);
    QVERIFY(controller.settings() == second);
    QCOMPARE(controller.runs().size(), 1);
    QCOMPARE(controller.runs()[0].history.size(), 26); // epochs 0 … 25, nothing of the first
    QCOMPARE(controller.data()->epochs, 25);
    NetworkSimulation reference(second);
    reference.runToEnd();
    QCOMPARE(controller.runs()[0].history.back().trainLoss,
        reference.trainer(0).history().back().trainLoss);

    // Colours and the plane's directions do not restart the runs.
    NetworkSettings recoloured = second;
    recoloured.optimizers[0].colour = QColor("#cc79a7");
    recoloured.plane = PlaneDirections::Random;
    controller.setSettings(recoloured);
    QCOMPARE(controller.generation(), before + 1);
    QCOMPARE(controller.runs()[0].colour, QColor("#cc79a7"));
    QTRY_VERIFY_WITH_TIMEOUT(controller.plane()
            && controller.plane()->directions == PlaneDirections::Random
            && controller.plane()->complete,
        20000);
    QCOMPARE(controller.runs()[0].history.size(), 26);
}

void TestNetworkWorkspace::closingMidRunIsClean()
{
    // A long run at full speed with the plane being refreshed: the controller goes away
    // in the middle, its thread stops, and nothing arrives afterwards.
    auto* controller = new NetworkController;
    QSignalSpy updates(controller, &NetworkController::runsUpdated);
    controller->setSpeed(0.0);
    NetworkSettings settings = moons(NetworkSettings::maxEpochs);
    settings.datasetParameters["samples"] = 2000;
    controller->setSettings(settings);
    controller->play();
    QTRY_VERIFY_WITH_TIMEOUT(controller->epoch() >= 20, 20000);
    QVERIFY(controller->isPlaying());
    delete controller;
    const qsizetype seen = updates.size();
    QTest::qWait(100);
    QCOMPARE(updates.size(), seen);
}

void TestNetworkWorkspace::controllerTrainsAndDrawsThePlane()
{
    NetworkController controller;
    QSignalSpy updates(&controller, &NetworkController::runsUpdated);
    controller.setSpeed(0.0);
    controller.setSettings(moons(300));
    controller.play();
    QTRY_VERIFY_WITH_TIMEOUT(controller.isFinished(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(controller.plane() && controller.plane()->complete, 30000);
    QVERIFY(updates.size() >= 2);
    // Accuracy on moons rises: from the untrained network's to ≥ 97% for momentum and Adam.
    for (int run : {1, 2}) {
        const QVector<EpochRecord>& history = controller.runs()[run].history;
        QVERIFY(history.back().trainAccuracy >= 0.97);
        QVERIFY(history.back().trainAccuracy > history.front().trainAccuracy + 0.2);
        QVERIFY(history.back().trainLoss < 0.25 * history.front().trainLoss);
    }

    NetworkFigure figure;
    figure.resize(1200, 800);
    figure.setData(controller.data(), controller.runs());
    figure.setPlane(controller.plane());
    QCOMPARE(figure.decisionPanelCount(), 3);
    QCOMPARE(figure.trainLossGraph(2)->dataCount(), 301);
    QCOMPARE(figure.testAccuracyGraph(0)->dataCount(), 301);
    QVERIFY(figure.decisionMap(0)->data()->keySize() == NetworkSimulation::pictureResolution);
    for (int run = 0; run < 3; ++run)
        QVERIFY(figure.planePath(run) && figure.planePath(run)->dataCount() >= 2);
    QVERIFY(figure.planeCaption().contains("of the paths' spread"));
    QVERIFY(figure.planeCaption().contains("farthest off it"));
    QVERIFY(
        figure.panelTitle(2).contains("train 100.0%") || figure.panelTitle(2).contains("train 9"));
    // The tooltip at a path's end names its run and epoch.
    const PlanePath& adam = controller.plane()->paths[2];
    figure.replot();
    const QPointF end(figure.planeRect()->axis(QCPAxis::atBottom)->coordToPixel(adam.alpha.back()),
        figure.planeRect()->axis(QCPAxis::atLeft)->coordToPixel(adam.beta.back()));
    const QString tip = figure.planeToolTip(end);
    QVERIFY2(tip.contains("epoch 300"), qPrintable(tip));
    QVERIFY(figure.planeToolTip(QPointF(1, 1)).isEmpty());

    QTemporaryDir dir;
    const QString png = dir.filePath("network.png");
    QString error;
    QVERIFY2(figure.exportTo(png, 1.0, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(1200, 800));
}

void TestNetworkWorkspace::workspaceTrainsAndResets()
{
    NetworkWorkspace workspace;
    workspace.resize(1500, 900);
    workspace.show();
    QVERIFY(QTest::qWaitForWindowExposed(&workspace));
    QSignalSpy edits(&workspace, &NetworkWorkspace::settingsEdited);
    NetworkSettings settings = moons(150);
    workspace.setSettings(settings);
    QCOMPARE(edits.size(), 0); // shown, not emitted
    QTRY_VERIFY(workspace.controller()->data() && workspace.controller()->data()->epochs == 150);
    QCOMPARE(workspace.figure()->decisionPanelCount(), 3);
    QCOMPARE(workspace.optimizerPanel()->cardCount(), 3);

    workspace.speedBox()->setCurrentIndex(workspace.speedBox()->count() - 1);
    emit workspace.speedBox()->activated(workspace.speedBox()->count() - 1); // as fast as it goes
    QTest::mouseClick(workspace.playButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.controller()->isFinished(), 30000);
    QCOMPARE(workspace.figure()->trainLossGraph(0)->dataCount(), 151);
    QVERIFY(workspace.progressLabel()->text().startsWith("epoch 150 / 150"));
    QCOMPARE(workspace.playButton()->text(), QString("Play"));

    // Changing the data set resets the runs to epoch 0 with the new samples.
    QComboBox* datasets = workspace.panel()->datasetBox();
    const int circles = datasets->findData("circles");
    datasets->setCurrentIndex(circles);
    emit datasets->activated(circles);
    QCOMPARE(edits.size(), 1);
    QCOMPARE(edits.last().at(0).value<NetworkSettings>().dataset, std::string("circles"));
    QTRY_VERIFY(workspace.controller()->settings().dataset == "circles");
    QCOMPARE(workspace.controller()->epoch(), 0); // paused as it was, at epoch 0
    QCOMPARE(workspace.controller()->runs()[0].history.size(), 1);
    QVERIFY(!workspace.controller()->isFinished());
    QCOMPARE(workspace.figure()->trainLossGraph(0)->dataCount(), 1);
    QTest::mouseClick(workspace.playButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.controller()->isFinished(), 30000);

    // A hidden-layer text that does not parse is refused in place, not trained.
    workspace.panel()->layersEdit()->setText("16,x");
    emit workspace.panel()->layersEdit()->editingFinished();
    QCOMPARE(edits.size(), 1);
    QVERIFY(!workspace.panel()->layersProblem()->isHidden());
    workspace.panel()->layersEdit()->setText("none");
    emit workspace.panel()->layersEdit()->editingFinished();
    QCOMPARE(edits.size(), 2);
    QVERIFY(workspace.settings().hiddenLayers.empty());
    QTRY_VERIFY(workspace.panel()->descriptionLabel()->text().startsWith("2-1 · 3 parameters"));

    // Removing an optimizer removes its panel.
    QTest::mouseClick(workspace.optimizerPanel()->card(1)->removeButton(), Qt::LeftButton);
    QCOMPARE(workspace.settings().optimizers.size(), 2);
    QTRY_COMPARE(workspace.figure()->decisionPanelCount(), 2);

    // Reset: back to epoch 0 of the same settings.
    workspace.reset();
    QTRY_COMPARE(workspace.controller()->epoch(), 0);
}

void TestNetworkWorkspace::windowSwitchesWorkspaces()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* surfaceDock = window.findChild<QDockWidget*>("surfaceDock");
    auto* tabs = window.findChild<QTabWidget*>("workspaceTabs");
    QVERIFY(surfaceDock->isVisible());
    QCOMPARE(window.workspace(), MainWindow::Workspace::Surface);
    QVERIFY(!window.scene().network);

    window.setWorkspace(MainWindow::Workspace::Network);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(window.scene().network.has_value());
    QVERIFY(!surfaceDock->isVisible());
    // Space plays the network, not the surfaces.
    NetworkController* network = window.networkWorkspace()->controller();
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY(network->isPlaying() || network->epoch() > 0);
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY(!network->isPlaying());

    // An edit in the workspace reaches the scene.
    QSpinBox* epochs = window.networkWorkspace()->panel()->epochsBox();
    epochs->setValue(77);
    QCOMPARE(window.scene().network->epochs, 77);

    // Back to the surfaces by the tab: the docks return, the network settings wait.
    tabs->setCurrentIndex(0);
    QCOMPARE(window.workspace(), MainWindow::Workspace::Surface);
    QVERIFY(!window.scene().network);
    QVERIFY(surfaceDock->isVisible());
    QVERIFY(!network->isPlaying());
    window.setWorkspace(MainWindow::Workspace::Network);
    QCOMPARE(window.scene().network->epochs, 77);

    // Presentation mode in the network workspace: larger figure type, the controls folded
    // away; afterwards the surface docks are still out of the way, and come back with
    // the surfaces.
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(window.networkWorkspace()->figure()->presentationStyle());
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(!window.networkWorkspace()->figure()->presentationStyle());
    QVERIFY(!surfaceDock->isVisible());

    // A scene saved in the network workspace opens there.
    const QString path = dir.filePath("network.json");
    QVERIFY(window.saveScene(path));
    window.setWorkspace(MainWindow::Workspace::Surface);
    window.setDiscardQuestion([](const QString&) { return QMessageBox::Discard; });
    QVERIFY(window.openScene(path));
    QCOMPARE(window.workspace(), MainWindow::Workspace::Network);
    QCOMPARE(window.scene().network->epochs, 77);
    window.close();
}

void TestNetworkWorkspace::lessonShowsItsPoint()
{
    // "A network on moons": momentum and Adam bend the boundary around the moons, gradient
    // descent at its learning rate does not get there; Adam's test loss turns up.
    const Lesson* lesson = nullptr;
    for (const Lesson& l : builtInLessons())
        if (l.scene.network)
            lesson = &l;
    QVERIFY(lesson);
    NetworkSimulation simulation(*lesson->scene.network);
    simulation.runToEnd();
    const auto final = [&](int run) { return simulation.trainer(run).history().back(); };
    QVERIFY(final(1).trainAccuracy >= 0.97 && final(2).trainAccuracy >= 0.97);
    QVERIFY(final(0).trainAccuracy < 0.95);
    const std::vector<EpochRecord>& adam = simulation.trainer(2).history();
    const auto best = std::min_element(adam.begin(), adam.end(),
        [](const EpochRecord& a, const EpochRecord& b) { return a.testLoss < b.testLoss; });
    QVERIFY(best->epoch > 100 && best->epoch < 300);
    QVERIFY(adam.back().testLoss > 1.3 * best->testLoss);
    QVERIFY(adam.back().trainLoss < 0.5 * best->trainLoss);
}

QTEST_MAIN(TestNetworkWorkspace)
#include "tst_network_workspace.moc"
