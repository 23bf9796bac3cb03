// optviz: the window. Thin: it sets up the application, opens a scene file if given one
// and shows the main window. On a machine with no display it renders the scene to a PNG
// instead and says where, so the README's first command shows something everywhere.

#include "ui/app_settings.h"
#include "ui/figure_export.h"
#include "ui/main_window.h"
#include "ui/network_figure.h"
#include "ui/network_workspace.h"
#include "ui/simulation_controller.h"
#include "ui/step_explainer.h"
#include "ui/translation.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileInfo>
#include <QIcon>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int renderWithoutDisplay(const QString& scenePath)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "optviz";
    char* argv[] = {name, nullptr};
    QApplication application(argc, argv);
    optviz::Scene scene = optviz::Scene::defaultScene();
    if (!scenePath.isEmpty()) {
        try {
            scene = optviz::Scene::load(scenePath);
        } catch (const optviz::InvalidArgument& error) {
            std::fprintf(stderr, "optviz: %s\n", error.what());
            return 2;
        }
    }
    const QString out = QDir::current().absoluteFilePath(scenePath.isEmpty()
            ? "optviz-default-scene.png"
            : QFileInfo(scenePath).completeBaseName() + ".png");
    QString error;
    if (!optviz::renderSceneToFile(scene, out, QSize(1600, 900), 1.0, &error)) {
        std::fprintf(stderr, "optviz: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("optviz: no display found, so the %s was rendered to %s\n",
        scenePath.isEmpty() ? "default scene" : "scene", qPrintable(out));
    return 0;
}

// OPTVIZ_EXIT_AFTER_FIRST_FRAME (for optviz-bench's app.startup_ms): once the figure
// has painted for the first time, prints "first-frame-ms N" (N: milliseconds since the
// top of main) and quits. The line is printed from a zero timer so that the paint
// event it follows has been fully handled.
class FirstFrameReporter : public QObject
{
public:
    explicit FirstFrameReporter(const QElapsedTimer& clock)
        : clock_(clock)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !reported_) {
            reported_ = true;
            QTimer::singleShot(0, this, [this] {
                std::printf("first-frame-ms %lld\n", static_cast<long long>(clock_.elapsed()));
                std::fflush(stdout);
                QApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer& clock_;
    bool reported_ = false;
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QString scenePath;
    QString workspace; // empty: the scene's (or the last session's)
    bool play = false;
    bool explain = false;
    int explainStage = 1; // `--explain=N`: open at stage N
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == "--help" || argument == "-h") {
            std::printf(
                "usage: optviz [--workspace surface|network] [--play] [--explain[=STAGE]] "
                "[--version] [SCENE.json]\n\n"
                "Opens the window (with the scene, or the last session). --workspace "
                "opens the surfaces or the neural network; --play starts the runs at "
                "once; --explain[=STAGE] opens explain mode on the inspected optimizer's step "
                "once the runs are in. With no display, renders the scene to a PNG.\n");
            return 0;
        }
        if (argument == "--version") {
            std::printf("optviz %s\n", OPTVIZ_VERSION);
            return 0;
        }
        if (argument == "--workspace" || argument.startsWith("--workspace=")) {
            workspace = argument.startsWith("--workspace=") ? argument.mid(12)
                : i + 1 < argc                              ? QString::fromLocal8Bit(argv[++i])
                                                            : QString();
            if (workspace != "surface" && workspace != "network") {
                std::fprintf(stderr,
                    "optviz: --workspace '%s' is not accepted; accepted: "
                    "surface, network\n",
                    qPrintable(workspace.left(60)));
                return 2;
            }
            continue;
        }
        if (argument == "--play") {
            play = true;
            continue;
        }
        if (argument == "--explain" || argument.startsWith("--explain=")) {
            explain = true;
            if (argument.startsWith("--explain=")) {
                bool ok = false;
                explainStage = argument.mid(10).toInt(&ok);
                if (!ok || explainStage < 1) {
                    std::fprintf(stderr,
                        "optviz: --explain '%s' is not accepted; accepted: a stage number ≥ 1\n",
                        qPrintable(argument.mid(10).left(60)));
                    return 2;
                }
            }
            continue;
        }
        if (!argument.startsWith('-'))
            scenePath = argument;
    }
    if (!hasDisplay())
        return renderWithoutDisplay(scenePath);

    QApplication application(argc, argv);
    QApplication::setOrganizationName("optviz");
    QApplication::setApplicationName("optviz");
    QApplication::setApplicationDisplayName("optviz");
    QApplication::setApplicationVersion(OPTVIZ_VERSION);
    // The installed desktop entry (resources/optviz.desktop) names the same icon.
    QApplication::setDesktopFileName("optviz");
    QIcon icon(":/icons/optviz.svg");
    icon.addFile(":/icons/optviz-256.png", QSize(256, 256));
    QApplication::setWindowIcon(icon);

    optviz::AppSettings settings;
    // Before any widget exists: the window is built in its language once.
    optviz::installTranslations(application, settings.language());
    optviz::MainWindow window(settings);
    if (!scenePath.isEmpty())
        window.openScene(scenePath);
    if (!workspace.isEmpty())
        window.setWorkspace(workspace == "network" ? optviz::MainWindow::Workspace::Network
                                                   : optviz::MainWindow::Workspace::Surface);
    FirstFrameReporter firstFrame(sinceStart);
    if (qEnvironmentVariableIsSet("OPTVIZ_EXIT_AFTER_FIRST_FRAME")) {
        window.figure()->installEventFilter(&firstFrame);
        // The session may have ended in the network workspace, whose figure paints instead.
        window.networkWorkspace()->figure()->installEventFilter(&firstFrame);
    }
    window.show();
    // A settings file that is not a file (a device, a FIFO) is left alone: say so, once.
    if (const QString problem = settings.storageProblem(); !problem.isEmpty()) {
        std::fprintf(stderr, "optviz: %s\n", problem.toLocal8Bit().constData());
        window.statusBar()->showMessage(problem, 20000);
    }
    // The lessons, at start (unless turned off there) and when no scene was asked for.
    if (scenePath.isEmpty() && !play && !explain && settings.showStartPage()
        && !qEnvironmentVariableIsSet("OPTVIZ_EXIT_AFTER_FIRST_FRAME"))
        window.showStartPage();
    if (play)
        window.togglePlay();
    if (explain) // once the runs have reached their budget (Instant) or been paused
        QObject::connect(
            window.controller(), &optviz::SimulationController::finished, &window,
            [&window, explainStage] {
                window.explainStep();
                window.stepExplainer()->setStage(explainStage - 1);
            },
            Qt::SingleShotConnection);
    return QApplication::exec();
}
