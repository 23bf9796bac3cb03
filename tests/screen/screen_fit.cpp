// The window on a real screen: run by scripts/screen_check.sh under Xvfb at the sizes a
// classroom has (1024×768 projector, 1280×720, 1366×768 laptop, scaled 4K), in English
// and Chinese. For the default scene, every lesson, a diverged run picked in the step
// inspector, presentation mode, the network workspace, small multiples, the analysis
// docks, a long typed formula and a restored over-sized session, it fails when any
// top-level window reaches past the screen's available geometry.
//
// Not a CTest-offscreen test (the offscreen platform has no real screen size): the
// script starts one X server per size. OPTVIZ_SCREEN_LANGUAGE picks the language ("en",
// "zh_CN"); OPTVIZ_SCREENSHOT_DIR, when set, receives a PNG of the screen per case.

#include "ui/app_settings.h"
#include "ui/lesson_catalog.h"
#include "ui/main_window.h"
#include "ui/network_workspace.h"
#include "ui/simulation_controller.h"
#include "ui/step_inspector.h"
#include "ui/translation.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QPixmap>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace optviz;

namespace {

// Lets layouts settle: geometry changes reach the X server and come back as events.
void settle(int milliseconds = 150)
{
    QTest::qWait(milliseconds);
    QApplication::processEvents();
}

// Every run of the surface workspace in (Instant mode computes them to the budget).
bool waitForRuns(const MainWindow& window)
{
    return QTest::qWaitFor(
        [&window] {
            const SimulationController& controller = *window.controller();
            return !controller.isPlaying() && controller.isFinished();
        },
        10000);
}

QString describe(const QWidget& widget)
{
    const QRect frame = widget.frameGeometry();
    return QStringLiteral("%1 '%2' at %3,%4 size %5x%6")
        .arg(QString::fromLatin1(widget.metaObject()->className()), widget.windowTitle())
        .arg(frame.x())
        .arg(frame.y())
        .arg(frame.width())
        .arg(frame.height());
}

} // namespace

class ScreenFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStart();
    void defaultScene();
    void everyLesson();
    void divergedRunInspected();
    void presentationMode();
    void networkWorkspace();
    void smallMultiplesAndDocks();
    void longFormula();
    void restoredOversizedSession();

private:
    // Fails when a visible top-level window reaches past its screen's available area;
    // saves a screenshot named `name` when OPTVIZ_SCREENSHOT_DIR is set.
    void checkFits(const QString& name);
    std::unique_ptr<MainWindow> openWindow();

    QTemporaryDir home_;
    std::unique_ptr<AppSettings> settings_;
    QString language_ = QStringLiteral("en");
};

void ScreenFit::initTestCase()
{
    QVERIFY(home_.isValid());
    language_ = qEnvironmentVariable("OPTVIZ_SCREEN_LANGUAGE", QStringLiteral("en"));
    settings_ = std::make_unique<AppSettings>(home_.filePath("settings.ini"));
    installTranslations(*qApp, language_);
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    qInfo("screen %dx%d (device pixel ratio %.2f), language %s", available.width(),
        available.height(), QGuiApplication::primaryScreen()->devicePixelRatio(),
        qPrintable(uiLanguage()));
}

std::unique_ptr<MainWindow> ScreenFit::openWindow()
{
    auto window = std::make_unique<MainWindow>(*settings_);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    settle();
    return window;
}

void ScreenFit::checkFits(const QString& name)
{
    settle();
    if (const QString dir = qEnvironmentVariable("OPTVIZ_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
        QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(language_, name))));
    }
    if (qEnvironmentVariableIsSet("OPTVIZ_SCREEN_DEBUG"))
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* main = qobject_cast<QMainWindow*>(widget)) {
                qInfo() << name << "window min" << main->minimumSizeHint() << "central"
                        << main->centralWidget()->minimumSizeHint();
                for (QWidget* child : main->centralWidget()->findChildren<QWidget*>())
                    if (child->minimumSizeHint().width() > 300
                        || child->minimumSize().width() > 300)
                        qInfo() << "  central child" << child->metaObject()->className()
                                << child->minimumSizeHint() << child->minimumSize();
                for (QDockWidget* dock : main->findChildren<QDockWidget*>())
                    if (dock->isVisible())
                        qInfo() << "  dock" << dock->objectName() << dock->minimumSizeHint()
                                << dock->geometry();
                for (QWidget* bar : main->findChildren<QToolBar*>())
                    qInfo() << "  toolbar" << bar->minimumSizeHint() << bar->geometry();
            }
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (!widget->isVisible() || widget->windowType() == Qt::ToolTip
            || widget->windowType() == Qt::Popup)
            continue;
        const QRect available = widget->screen()->availableGeometry();
        QVERIFY2(available.contains(widget->frameGeometry()),
            qPrintable(QStringLiteral("%1: %2 reaches past the screen (%3x%4)")
                           .arg(name, describe(*widget))
                           .arg(available.width())
                           .arg(available.height())));
    }
}

void ScreenFit::firstStart()
{
    // A fresh settings file: the window chooses its size, and the start page opens over it.
    auto window = openWindow();
    QVERIFY(window);
    window->showStartPage();
    checkFits(QStringLiteral("first-start"));
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (widget != window.get() && widget->isVisible())
            widget->close();
    settle();
}

void ScreenFit::defaultScene()
{
    auto window = openWindow();
    QVERIFY(window);
    window->applyScene(Scene::defaultScene());
    QVERIFY(waitForRuns(*window));
    checkFits(QStringLiteral("default-scene"));
}

void ScreenFit::everyLesson()
{
    auto window = openWindow();
    QVERIFY(window);
    const QList<Lesson>& lessons = builtInLessons();
    for (int i = 0; i < lessons.size(); ++i) {
        window->openLesson(i);
        if (!lessons[i].scene.network)
            QVERIFY(waitForRuns(*window));
        checkFits(QStringLiteral("lesson-%1").arg(i + 1, 2, 10, QLatin1Char('0')));
    }
}

void ScreenFit::divergedRunInspected()
{
    // Lesson 1 races learning rates on both sides of 2/L; with one far past it the run
    // overflows, and the inspector's text about it is the longest the window shows.
    auto window = openWindow();
    QVERIFY(window);
    window->openLesson(0);
    QVERIFY(waitForRuns(*window));
    Scene scene = window->scene();
    scene.optimizers.last().parameters["lr"] = 5.0; // far past 2/L: overflows in 30 steps
    window->applyScene(scene);
    QVERIFY(waitForRuns(*window));
    const SimulationController& controller = *window->controller();
    int diverged = -1;
    for (int run = 0; run < controller.series().size(); ++run)
        if (controller.series()[run].status() == RunStatus::Diverged)
            diverged = run;
    QVERIFY2(diverged >= 0, "lesson 1 has a diverging run");
    auto* inspectorDock = window->findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    QVERIFY(inspectorDock);
    inspectorDock->show();
    auto* inspector = window->findChild<StepInspector*>();
    QVERIFY(inspector);
    auto* chooser = inspector->findChild<QComboBox*>();
    QVERIFY(chooser);
    chooser->setCurrentIndex(diverged);
    inspectorDock->raise();
    checkFits(QStringLiteral("diverged-run-inspected"));
}

void ScreenFit::presentationMode()
{
    auto window = openWindow();
    QVERIFY(window);
    window->openLesson(1);
    QVERIFY(waitForRuns(*window));
    window->setPresentationMode(true);
    checkFits(QStringLiteral("presentation-lesson"));
    window->setWorkspace(MainWindow::Workspace::Network);
    checkFits(QStringLiteral("presentation-network"));
    window->setPresentationMode(false);
    window->setWorkspace(MainWindow::Workspace::Surface);
    checkFits(QStringLiteral("presentation-off"));
}

void ScreenFit::networkWorkspace()
{
    auto window = openWindow();
    QVERIFY(window);
    window->setWorkspace(MainWindow::Workspace::Network);
    window->networkWorkspace()->togglePlaying();
    settle(1500); // a few epochs streamed in
    window->networkWorkspace()->pause();
    checkFits(QStringLiteral("network"));
}

void ScreenFit::smallMultiplesAndDocks()
{
    auto window = openWindow();
    QVERIFY(window);
    window->openLesson(3); // the Rosenbrock race: five optimizers
    QVERIFY(waitForRuns(*window));
    Scene scene = window->scene();
    scene.layout = SceneLayout::SmallMultiples;
    window->applyScene(scene);
    QVERIFY(waitForRuns(*window));
    checkFits(QStringLiteral("small-multiples"));
    for (const char* name : {"hyperparameterMapDock", "basinsDock", "view3DDock"}) {
        auto* dock = window->findChild<QDockWidget*>(QLatin1String(name));
        QVERIFY(dock);
        dock->toggleViewAction()->trigger(); // as the View menu does
        checkFits(QStringLiteral("dock-%1").arg(QLatin1String(name)));
    }
}

void ScreenFit::longFormula()
{
    auto window = openWindow();
    QVERIFY(window);
    Scene scene = Scene::defaultScene();
    scene.surface = "expr";
    std::string formula = "x^2 + y^2";
    while (formula.size() < 990)
        formula += " + 0*x*y";
    scene.expression = formula;
    window->applyScene(scene);
    settle(500);
    checkFits(QStringLiteral("long-formula"));
}

void ScreenFit::restoredOversizedSession()
{
    // A session saved on a larger screen (a 4K monitor at the teacher's desk) restored on
    // the projector's.
    {
        auto window = openWindow();
        QVERIFY(window);
        window->setMinimumSize(0, 0);
        window->resize(3000, 2000);
        window->move(400, 300);
        settle();
        window->close(); // saves the geometry
    }
    auto window = openWindow();
    QVERIFY(window);
    checkFits(QStringLiteral("restored-oversized"));
}

QTEST_MAIN(ScreenFit)
#include "screen_fit.moc"
