// The window's Hyperparameter map and Basins docks, offscreen: they compute on a worker
// thread only while visible, recompute when the scene changes, draw the theory's edge of
// stability, and a click loads the values under it into the scene (or moves the start).

#include "core/basins.h"
#include "ui/app_settings.h"
#include "ui/basin_map_view.h"
#include "ui/basins_panel.h"
#include "ui/hyperparameter_map_panel.h"
#include "ui/main_window.h"

#include <qcustomplot.h>

#include <QAction>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace optviz;

namespace {

constexpr int waitMs = 20000;

// The bowl ½ (u² + b v²) turned 30°: L = b.
Scene bowlScene(const std::string& optimizer, const ParameterValues& parameters, double b = 10.0)
{
    Scene scene;
    scene.surface = "quadratic";
    scene.surfaceParameters = resolveParameters(
        findSurface("quadratic")->parameters, {{"b", b}, {"angle", 30.0}}, "quadratic");
    scene.steps = 1000;
    scene.optimizers.clear();
    OptimizerEntry entry = scene.makeEntry(optimizer);
    for (const auto& [name, value] : parameters)
        entry.parameters[name] = value;
    scene.optimizers.append(entry);
    return scene;
}

} // namespace

class TestSweepPanels : public QObject
{
    Q_OBJECT

private slots:
    void curveShowsTwoOverLAndClickLoadsLr();
    void mapShowsMomentumRegionAndClickLoadsBoth();
    void sceneChangeRecomputes();
    void hiddenPanelComputesNothing();
    void badRangeIsSaidNotComputed();
    void basinsOnePanelPerEnabledOptimizer();
    void windowDocksReachableAndLive();
};

void TestSweepPanels::curveShowsTwoOverLAndClickLoadsLr()
{
    HyperparameterMapPanel panel;
    panel.resize(800, 600);
    panel.setScene(bowlScene("gd", {{"lr", 0.05}}));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &HyperparameterMapPanel::mapShown);
    panel.setResolution(25); // a curve: 75 values
    panel.setAxis(0, "lr", 0.01, 0.3, false);
    panel.setAxis(1, "", 0.0, 0.0, false);
    QVERIFY(shown.wait(waitMs));
    const SweepResult* result = panel.result();
    QVERIFY(result);
    QCOMPARE(result->axes.size(), std::size_t(1));
    QCOMPARE(result->values[0].size(), std::size_t(75));
    QCOMPARE(panel.currentPlot(), panel.curvePlot());
    // The theory's line at 2/L = 0.2, L from the surface's exact Hessian.
    QVERIFY(panel.theoryEdge());
    QVERIFY(std::abs(*panel.theoryEdge() - 0.2) < 1e-12);
    // And the runs agree: diverged exactly above it (1000 steps, no run within 3% of it).
    for (std::size_t i = 0; i < result->runs.size(); ++i) {
        const double lr = result->values[0][i];
        if (std::abs(lr - 0.2) > 0.006)
            QCOMPARE(result->runs[i].diverged, lr > 0.2);
    }

    QSignalSpy edited(&panel, &HyperparameterMapPanel::sceneEdited);
    const double target = result->values[0][20];
    QTest::mouseClick(panel.curvePlot(), Qt::LeftButton, {}, panel.pixelOf(target));
    QCOMPARE(edited.size(), 1);
    const Scene scene = edited.first().first().value<Scene>();
    QCOMPARE(scene.optimizers[0].parameters.at("lr"), target);
    QCOMPARE(scene.optimizers[0].parameters.at("momentum"), 0.0); // the rest untouched
    QVERIFY(panel.statusText().contains("lr ="));
}

void TestSweepPanels::mapShowsMomentumRegionAndClickLoadsBoth()
{
    HyperparameterMapPanel panel;
    panel.resize(900, 700);
    panel.setScene(bowlScene("momentum", {{"lr", 0.05}, {"momentum", 0.5}}));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &HyperparameterMapPanel::mapShown);
    panel.setResolution(25);
    panel.setAxis(0, "lr", 0.02, 0.6, false);
    panel.setAxis(1, "momentum", 0.0, 0.95, false);
    QVERIFY(shown.wait(waitMs));
    const SweepResult* result = panel.result();
    QVERIFY(result && result->axes.size() == 2);
    QCOMPARE(panel.currentPlot(), panel.mapPlot());
    QVERIFY(panel.theoryCurvePoints() > 100); // lr = 2(1 + m)/L over the momentum axis
    QVERIFY(!panel.theoryEdge());

    QSignalSpy edited(&panel, &HyperparameterMapPanel::sceneEdited);
    const double lr = result->values[0][7];
    const double momentum = result->values[1][18];
    QTest::mouseClick(panel.mapPlot(), Qt::LeftButton, {}, panel.pixelOf(lr, momentum));
    QCOMPARE(edited.size(), 1);
    const Scene scene = edited.first().first().value<Scene>();
    QCOMPARE(scene.optimizers[0].parameters.at("lr"), lr);
    QCOMPARE(scene.optimizers[0].parameters.at("momentum"), momentum);
    // Loading the values back keeps the map: the varied parameters do not change it.
    panel.setScene(scene);
    QTest::qWait(400);
    QVERIFY(!panel.isComputing());
    QCOMPARE(shown.size(), 1);
}

void TestSweepPanels::sceneChangeRecomputes()
{
    HyperparameterMapPanel panel;
    panel.resize(800, 600);
    panel.setScene(bowlScene("gd", {{"lr", 0.05}}));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &HyperparameterMapPanel::mapShown);
    panel.setResolution(25);
    panel.setAxis(0, "lr", 0.01, 0.3, false);
    panel.setAxis(1, "", 0.0, 0.0, false);
    QVERIFY(shown.wait(waitMs));
    QVERIFY(std::abs(*panel.theoryEdge() - 0.2) < 1e-12);
    // A steeper bowl (L = 20): a new map, a new edge at 0.1.
    panel.setScene(bowlScene("gd", {{"lr", 0.05}}, 20.0));
    QVERIFY(shown.wait(waitMs));
    QVERIFY(std::abs(*panel.theoryEdge() - 0.1) < 1e-12);
    for (std::size_t i = 0; i < panel.result()->runs.size(); ++i) {
        const double lr = panel.result()->values[0][i];
        if (std::abs(lr - 0.1) > 0.006)
            QCOMPARE(panel.result()->runs[i].diverged, lr > 0.1);
    }
    // Noise: the textbook result no longer holds exactly, so no line.
    Scene noisy = bowlScene("gd", {{"lr", 0.05}}, 20.0);
    noisy.gradient.noise = 0.1;
    panel.setScene(noisy);
    QVERIFY(shown.wait(waitMs));
    QVERIFY(!panel.theoryEdge());
}

void TestSweepPanels::hiddenPanelComputesNothing()
{
    HyperparameterMapPanel panel;
    panel.setScene(bowlScene("gd", {{"lr", 0.05}}));
    QTest::qWait(400);
    QVERIFY(!panel.isComputing());
    QVERIFY(!panel.result());
    BasinsPanel basins;
    basins.setScene(bowlScene("gd", {{"lr", 0.05}}));
    QTest::qWait(400);
    QVERIFY(!basins.isComputing());
    QCOMPARE(basins.mapCount(), 0);
}

void TestSweepPanels::badRangeIsSaidNotComputed()
{
    HyperparameterMapPanel panel;
    panel.setScene(bowlScene("momentum", {}));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setAxis(1, "momentum", 0.0, 0.9, true); // a log scale from 0
    QTRY_VERIFY_WITH_TIMEOUT(panel.statusText().contains("LO > 0"), 2000);
    QVERIFY(!panel.isComputing());
}

void TestSweepPanels::basinsOnePanelPerEnabledOptimizer()
{
    Scene scene;
    scene.surface = "himmelblau";
    scene.surfaceParameters = {};
    scene.steps = 200;
    scene.optimizers.clear();
    OptimizerEntry gd = scene.makeEntry("gd");
    gd.parameters["lr"] = 0.01;
    scene.optimizers.append(gd);
    OptimizerEntry off = scene.makeEntry("adam");
    off.enabled = false;
    scene.optimizers.append(off);
    OptimizerEntry momentum = scene.makeEntry("momentum");
    momentum.parameters["lr"] = 0.01;
    scene.optimizers.append(momentum);

    BasinsPanel panel;
    panel.resize(1000, 600);
    panel.setScene(scene);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy shown(&panel, &BasinsPanel::mapsShown);
    panel.setResolution(60);
    QVERIFY(shown.wait(waitMs));
    QCOMPARE(panel.mapCount(), 2);
    QCOMPARE(panel.mapView(0)->title(), QString("gd lr=0.01"));
    QCOMPARE(panel.mapView(1)->title(), momentum.label());

    // The dock's map is the core's map (and so `optviz-cli basins`').
    RunSetup setup;
    setup.surface = [] { return makeSurface("himmelblau"); };
    setup.optimizer = "momentum";
    setup.parameters = momentum.parameters;
    setup.steps = 200;
    const BasinMap* shownMap = panel.mapView(1)->map();
    QVERIFY(shownMap);
    QCOMPARE(shownMap->grid.width, 60);
    QCOMPARE(shownMap->grid.height, 60); // the view is square
    const BasinMap core = runBasins(setup, shownMap->grid, shownMap->tolerance);
    for (std::size_t i = 0; i < core.cells.size(); ++i)
        QCOMPARE(shownMap->cells[i].minimum, core.cells[i].minimum);

    QSignalSpy edited(&panel, &BasinsPanel::sceneEdited);
    QTest::mouseClick(
        panel.mapView(0), Qt::LeftButton, {}, panel.mapView(0)->pixelOf({2.0, -1.0}).toPoint());
    QCOMPARE(edited.size(), 1);
    const Scene moved = edited.first().first().value<Scene>();
    QVERIFY(moved.start);
    QVERIFY(std::abs(moved.start->x - 2.0) < 0.05 && std::abs(moved.start->y + 1.0) < 0.05);
}

void TestSweepPanels::windowDocksReachableAndLive()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    MainWindow window(settings);
    window.resize(1400, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.applyScene(bowlScene("gd", {{"lr", 0.05}}));
    auto* dock = window.findChild<QDockWidget*>("hyperparameterMapDock");
    auto* basinsDock = window.findChild<QDockWidget*>("basinsDock");
    QVERIFY(dock && basinsDock);
    QVERIFY(!dock->isVisible() && !basinsDock->isVisible());
    // Ctrl+Shift+H opens it, as the View menu's entry does.
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisible());
    auto* panel = dock->findChild<HyperparameterMapPanel*>();
    QVERIFY(panel);
    QSignalSpy shown(panel, &HyperparameterMapPanel::mapShown);
    panel->setResolution(25);
    panel->setAxis(0, "lr", 0.01, 0.3, false);
    QVERIFY(shown.wait(waitMs));
    const double target = panel->result()->values[0][30];
    QTest::mouseClick(panel->curvePlot(), Qt::LeftButton, {}, panel->pixelOf(target));
    QCOMPARE(window.scene().optimizers[0].parameters.at("lr"), target);
}

QTEST_MAIN(TestSweepPanels)
#include "tst_sweep_panels.moc"
