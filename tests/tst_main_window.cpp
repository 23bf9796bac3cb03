// The window as a user drives it, offscreen: it opens on a scene, a slider changes the
// paths, a click on the map moves the start, Space / Right / R drive playback, and a
// saved scene reopens identical.

#include "ui/app_settings.h"
#include "ui/figure.h"
#include "ui/main_window.h"
#include "ui/optimizer_card.h"
#include "ui/optimizer_panel.h"
#include "ui/parameter_control.h"
#include "ui/simulation_controller.h"

#include <QLineEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace optviz;

namespace {

// The last point of the run of the scene's optimizer `entry`.
QPointF lastPoint(const SimulationController& controller, int entry)
{
    const int run = int(controller.runEntries().indexOf(entry));
    if (run < 0 || run >= controller.series().size() || controller.series()[run].size() == 0)
        return {qQNaN(), qQNaN()};
    const RunSeries& series = controller.series()[run];
    return {series.x().last(), series.y().last()};
}

long long stepsOf(const SimulationController& controller, int run)
{
    return run < controller.series().size() ? controller.series()[run].stepsTaken() : -1;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensOnDefaultScene();
    void sliderChangesTrajectory();
    void clickMovesStart();
    void keysDrivePlayback();
    void savedSceneReopensIdentical();
    void badSceneKeepsCurrent();
    void sessionIsRestored();

private:
    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestMainWindow::init()
{
    settings_ = std::make_unique<AppSettings>(dir_.filePath("settings.ini"));
    window_ = std::make_unique<MainWindow>(*settings_);
    window_->resize(1280, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->applyScene(Scene::defaultScene());
    // Instant mode: every run is computed to the budget at once.
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->controller()->series().size() == 3 && stepsOf(*window_->controller(), 2) == 500,
        10000);
}

void TestMainWindow::cleanup()
{
    window_.reset();
    settings_.reset();
    QFile::remove(dir_.filePath("settings.ini"));
}

void TestMainWindow::opensOnDefaultScene()
{
    QCOMPARE(window_->scene().surface, std::string("rosenbrock"));
    QCOMPARE(window_->playbackMode(), PlaybackMode::Instant);
    QVERIFY(window_->findChild<OptimizerPanel*>());
    QVERIFY(window_->figure()->isVisible());
    // In 500 steps on Rosenbrock, Adam at lr 0.02 and momentum are far down the valley
    // while plain gradient descent still crawls (the race the default scene shows).
    const QVector<RunSeries>& series = window_->controller()->series();
    QVERIFY(series[2].loss().last() < series[0].loss().last());
    QVERIFY(series[1].loss().last() < series[0].loss().last());
    QCOMPARE(series[0].x().first(), -1.5);
    // The step inspector's arrows (−∇f and the update) are on the map.
    QTRY_VERIFY(window_->figure()->inspectedRun() == 0);
    QVERIFY(window_->figure()->arrowCount() >= 2);
}

void TestMainWindow::sliderChangesTrajectory()
{
    auto* panel = window_->findChild<OptimizerPanel*>();
    ParameterControl* lr = panel->card(2)->parameterControl("lr");
    QVERIFY(lr && lr->slider());
    const QPointF before = lastPoint(*window_->controller(), 2);
    const double lrBefore = window_->scene().optimizers[2].parameters.at("lr");
    lr->slider()->setFocus();
    QTest::keyClick(lr->slider(), Qt::Key_PageDown); // as a user would nudge it
    QTRY_VERIFY(window_->scene().optimizers[2].parameters.at("lr") < lrBefore);
    QTRY_VERIFY_WITH_TIMEOUT(lastPoint(*window_->controller(), 2) != before, 5000);
    // The other optimizers are untouched.
    QCOMPARE(window_->scene().optimizers[0].parameters.at("lr"), 0.001);

    // Exact entry: typing a value applies it.
    lr->entry()->selectAll();
    QTest::keyClicks(lr->entry(), "0.05");
    QTest::keyClick(lr->entry(), Qt::Key_Return);
    QTRY_COMPARE(window_->scene().optimizers[2].parameters.at("lr"), 0.05);
}

void TestMainWindow::clickMovesStart()
{
    Figure* figure = window_->figure();
    QCPAxisRect* map = figure->axisRect(0);
    const double px = map->axis(QCPAxis::atBottom)->coordToPixel(0.5);
    const double py = map->axis(QCPAxis::atLeft)->coordToPixel(2.5);
    QTest::mouseClick(figure, Qt::LeftButton, Qt::NoModifier, QPoint(int(px), int(py)));
    QTRY_VERIFY(window_->scene().start.has_value());
    QVERIFY(std::abs(window_->scene().start->x - 0.5) < 0.05);
    QVERIFY(std::abs(window_->scene().start->y - 2.5) < 0.05);
    // The trajectories restart from there.
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller()->series().isEmpty()
            && window_->controller()->series()[0].size() > 0
            && window_->controller()->series()[0].x().first() == window_->scene().start->x,
        5000);
}

void TestMainWindow::keysDrivePlayback()
{
    SimulationController* controller = window_->controller();
    // Right: one step of every optimizer (switching to Animate, from step 0).
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QCOMPARE(window_->playbackMode(), PlaybackMode::Animate);
    QTRY_COMPARE(stepsOf(*controller, 0), 1LL);
    QTest::keyClick(window_.get(), Qt::Key_Right);
    QTRY_COMPARE(stepsOf(*controller, 0), 2LL);
    // Space: play; the runs advance; Space again: pause.
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QTRY_VERIFY(controller->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(stepsOf(*controller, 0) > 5, 5000);
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QTRY_VERIFY(!controller->isPlaying());
    // R: back to step 0.
    QTest::keyClick(window_.get(), Qt::Key_R);
    QTRY_COMPARE(stepsOf(*controller, 0), 0LL);
    QCOMPARE(controller->series()[0].size(), 1);
}

void TestMainWindow::savedSceneReopensIdentical()
{
    Scene scene = Scene::defaultScene();
    scene.start = Point2 {-1.0, 2.5};
    scene.optimizers[1].parameters["momentum"] = 0.8;
    scene.layout = SceneLayout::SmallMultiples;
    window_->applyScene(scene);
    const QString path = dir_.filePath("lesson.json");
    QVERIFY(window_->saveScene(path));

    AppSettings otherSettings(dir_.filePath("other.ini"));
    MainWindow other(otherSettings);
    QVERIFY(other.openScene(path));
    QVERIFY(other.scene() == window_->scene());
}

void TestMainWindow::badSceneKeepsCurrent()
{
    const QString path = dir_.filePath("bad.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "optviz-scene", "version": 1, "surface": {"name": "nowhere"}})");
    file.close();
    const Scene before = window_->scene();
    QVERIFY(!window_->openScene(path));
    QVERIFY(window_->scene() == before);
}

void TestMainWindow::sessionIsRestored()
{
    Scene scene = Scene::defaultScene();
    scene.surface = "himmelblau";
    scene.surfaceParameters = {};
    scene.start = Point2 {0.25, -1.0};
    window_->applyScene(scene);
    window_->close(); // saves the session
    MainWindow restored(*settings_);
    QCOMPARE(restored.scene().surface, std::string("himmelblau"));
    QCOMPARE(restored.scene().start->x, 0.25);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
