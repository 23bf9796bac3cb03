// ui.*, app.* and mem.*: how the window feels. An offscreen 1280 × 800 MainWindow with
// six optimizers on Rosenbrock: the time from an edit to the replot it causes, the
// longest stall of the UI thread while the worker streams at full speed, the start-up
// time of the real `optviz` binary, and the peak memory of a long streamed run.

#include "metric_registry.h"
#include "timing.h"

#include "ui/app_settings.h"
#include "ui/figure.h"
#include "ui/main_window.h"
#include "ui/playback_mode.h"
#include "ui/scene.h"
#include "ui/simulation_controller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace optviz::bench {

namespace {

constexpr int windowWidth = 1280;
constexpr int windowHeight = 800;
constexpr long long sliderSteps = 2000;
constexpr int sliderWarmups = 5;
constexpr int sliderRepetitions = 60;
constexpr int stallMilliseconds = 2000;
constexpr long long longRunSteps = 10'000'000;
constexpr int longRunCapSeconds = 60;
constexpr int startupLaunches = 5;

// A QApplication that can time the events it delivers, to say what a stall was made of:
// each outermost event's wall time and the UI thread's CPU time in it (which other
// processes on a busy machine do not inflate), by receiver class and event type.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slowest
    {
        double wallMs = 0.0;
        double cpuMs = 0.0;
        std::string what;
    };

    void startRecording()
    {
        slowest_.clear();
        recording_ = true;
    }
    std::vector<Slowest> stopRecording()
    {
        recording_ = false;
        return slowest_;
    }

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!recording_ || depth_ > 0)
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type(); // the event may not outlive notify()
        const char* receiverClass = receiver->metaObject()->className();
        ++depth_;
        const double cpu0 = threadCpuMs();
        QElapsedTimer wall;
        wall.start();
        const bool result = QApplication::notify(receiver, event);
        const double wallMs = double(wall.nsecsElapsed()) * 1e-6;
        const double cpuMs = threadCpuMs() - cpu0;
        --depth_;
        remember({wallMs, cpuMs, std::string(receiverClass) + " event " + std::to_string(type)});
        return result;
    }

private:
    static double threadCpuMs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) * 1e-6;
    }
    void remember(Slowest event)
    {
        constexpr std::size_t kept = 5;
        if (slowest_.size() == kept && event.wallMs <= slowest_.back().wallMs)
            return;
        slowest_.push_back(std::move(event));
        std::sort(slowest_.begin(), slowest_.end(),
            [](const Slowest& a, const Slowest& b) { return a.wallMs > b.wallMs; });
        if (slowest_.size() > kept)
            slowest_.pop_back();
    }

    bool recording_ = false;
    int depth_ = 0;
    std::vector<Slowest> slowest_;
};

// The window needs a QApplication, which the core.* and surface.* metrics must not pay
// for: it is created by the first metric that needs it, offscreen unless the caller chose
// a platform. Deliberately never destroyed: a QApplication torn down during static
// destruction can outlive Qt's own globals.
TimedApplication* ensureApplication()
{
    if (auto* existing = dynamic_cast<TimedApplication*>(QCoreApplication::instance()))
        return existing;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "optviz-bench";
    static char* argv[] = {name, nullptr};
    return new TimedApplication(argc, argv);
}

// Six optimizers at learning rates that stay finite on Rosenbrock from (−1.5, 2) for the
// whole budget (see core_metrics.cpp for why these values).
Scene benchScene(long long steps)
{
    Scene scene = Scene::defaultScene();
    scene.optimizers.clear();
    scene.steps = steps;
    const std::pair<const char*, double> entries[] = {{"gd", 1e-4}, {"momentum", 1e-4},
        {"nesterov", 1e-4}, {"adam", 1e-3}, {"rmsprop", 1e-3}, {"adagrad", 1e-2}};
    for (const auto& [name, lr] : entries) {
        OptimizerEntry entry = scene.makeEntry(name);
        entry.parameters["lr"] = lr;
        scene.optimizers.append(entry);
    }
    return scene;
}

// A main window as the user sees it, on settings of its own (no session restored).
struct BenchWindow
{
    QTemporaryDir settingsDir;
    AppSettings settings {settingsDir.filePath("optviz-bench.ini")};
    MainWindow window {settings};

    BenchWindow()
    {
        window.resize(windowWidth, windowHeight);
        window.show();
    }
};

// Runs the event loop until `done` is set by a slot or `timeoutMs` passes.
bool runUntil(const bool& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done;
}

bool allRunsDone(const SimulationController& controller, const Scene& scene)
{
    if (!(controller.scene() == scene) || controller.series().isEmpty())
        return false;
    return std::all_of(controller.series().begin(), controller.series().end(),
        [](const RunSeries& run) { return run.status() != RunStatus::Running; });
}

// Wall time of one edit: applyScene() until the controller has delivered the edited
// scene's complete runs and the figure has drawn them (afterReplot or runsRepainted).
std::optional<double> timeOneEdit(MainWindow& window, const Scene& edited)
{
    SimulationController* controller = window.controller();
    bool delivered = false;
    bool replotted = false;
    double elapsedMs = 0.0;
    QElapsedTimer clock;
    const QMetaObject::Connection onRuns
        = QObject::connect(controller, &SimulationController::runsUpdated,
            [&] { delivered = delivered || allRunsDone(*controller, edited); });
    const auto onFigureDrawn = [&] {
        if (delivered && !replotted) {
            elapsedMs = double(clock.nsecsElapsed()) * 1e-6;
            replotted = true;
        }
    };
    // A full replot, or the runs' layer alone when nothing else changed.
    const QMetaObject::Connection onReplot
        = QObject::connect(window.figure(), &QCustomPlot::afterReplot, onFigureDrawn);
    const QMetaObject::Connection onRunsLayer
        = QObject::connect(window.figure(), &Figure::runsRepainted, onFigureDrawn);
    clock.start();
    window.applyScene(edited);
    const bool ok = runUntil(replotted, 10'000);
    QObject::disconnect(onRuns);
    QObject::disconnect(onReplot);
    QObject::disconnect(onRunsLayer);
    if (!ok)
        return std::nullopt;
    return elapsedMs;
}

// Both ui.slider_to_replot_ms metrics come from one series of edits, measured once.
struct SliderTimes
{
    std::vector<double> samples; // ms, sorted
    std::string failure;
};

const SliderTimes& sliderTimes()
{
    static const SliderTimes times = [] {
        ensureApplication();
        SliderTimes result;
        BenchWindow bench;
        Scene scene = benchScene(sliderSteps);
        // One learning rate toggled between two stable values, as a slider drag does.
        const int edited = 3; // adam
        const double rates[] = {1e-3, 2e-3};
        for (int i = 0; i < sliderWarmups + sliderRepetitions; ++i) {
            scene.optimizers[edited].parameters["lr"] = rates[i % 2];
            const std::optional<double> ms = timeOneEdit(bench.window, scene);
            if (!ms) {
                result.failure = "the edited scene was not delivered and replotted within 10 s";
                return result;
            }
            if (i >= sliderWarmups)
                result.samples.push_back(*ms);
        }
        std::sort(result.samples.begin(), result.samples.end());
        return result;
    }();
    return times;
}

// Nearest-rank percentile of sorted samples.
double percentile(const std::vector<double>& sorted, double p)
{
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::optional<double> sliderPercentile(const char* metric, double p)
{
    const SliderTimes& times = sliderTimes();
    if (!times.failure.empty()) {
        reportFailure(metric, times.failure);
        return std::nullopt;
    }
    return percentile(times.samples, p);
}

std::optional<double> maxEventLoopStall()
{
    TimedApplication* application = ensureApplication();
    BenchWindow bench;
    SimulationController* controller = bench.window.controller();
    controller->setMode(PlaybackMode::Animate); // before the scene: no Instant precompute
    bench.window.applyScene(benchScene(longRunSteps));
    controller->setSpeed(0.0);
    controller->play();

    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    QEventLoop loop;
    QTimer::singleShot(stallMilliseconds, &loop, &QEventLoop::quit);
    lastTick = clock.nsecsElapsed();
    ticker.start();
    application->startRecording();
    loop.exec();
    const std::vector<TimedApplication::Slowest> slowest = application->stopRecording();
    ticker.stop();
    for (const TimedApplication::Slowest& event : slowest)
        std::fprintf(stderr,
            "optviz-bench: ui.max_event_loop_stall_ms: %.1f ms (UI thread CPU %.1f ms) in %s\n",
            event.wallMs, event.cpuMs, event.what.c_str());
    const long long steps
        = controller->series().isEmpty() ? 0 : controller->series().front().stepsTaken();
    controller->pause();
    if (steps == 0) {
        reportFailure("ui.max_event_loop_stall_ms", "the worker delivered no steps in 2 s");
        return std::nullopt;
    }
    return double(longestGap) * 1e-6;
}

// Wall time from QProcess::start() to the line "first-frame-ms N" that optviz prints
// after its window's first paint (OPTVIZ_EXIT_AFTER_FIRST_FRAME): it includes exec,
// dynamic linking and Qt's start-up, which the process's own clock cannot see.
std::optional<double> startupMs()
{
    ensureApplication();
    const char* metric = "app.startup_ms";
    QTemporaryDir configDir; // no saved session or geometry from the user's settings
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("OPTVIZ_EXIT_AFTER_FIRST_FRAME", "1");
    environment.insert("XDG_CONFIG_HOME", configDir.path());

    std::vector<double> samples;
    for (int launch = 0; launch < 1 + startupLaunches; ++launch) { // first: warm-up
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(OPTVIZ_APP_PATH), {});
        double ms = -1.0;
        while (ms < 0.0 && clock.elapsed() < 20'000) {
            if (!process.canReadLine() && !process.waitForReadyRead(100)) {
                if (process.state() == QProcess::NotRunning)
                    break;
                continue;
            }
            while (process.canReadLine()) {
                if (process.readLine().startsWith("first-frame-ms ")) {
                    ms = double(clock.nsecsElapsed()) * 1e-6;
                    break;
                }
            }
        }
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished();
        }
        if (ms < 0.0) {
            reportFailure(
                metric, "optviz (" OPTVIZ_APP_PATH ") did not report its first frame within 20 s");
            return std::nullopt;
        }
        if (launch > 0)
            samples.push_back(ms);
    }
    return median(std::move(samples));
}

// A /proc/self/status field in kB ("VmHWM:	  123456 kB"), or nothing.
std::optional<double> procStatusKb(const std::string& field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0)
            return std::stod(line.substr(field.size() + 1));
    }
    return std::nullopt;
}

// Peak resident memory of the whole process while the window takes in six runs of ten
// million steps at full speed. The peak is reset first (clear_refs "5", Linux ≥ 4.0) so
// that metrics run before this one do not count.
std::optional<double> longRunPeakRssMb()
{
    const char* metric = "mem.peak_rss_mb.long_run";
    ensureApplication();
    {
        std::ofstream clearRefs("/proc/self/clear_refs");
        clearRefs << "5";
        if (!clearRefs)
            reportWarning(metric, "could not reset the peak RSS: it includes earlier metrics");
    }
    BenchWindow bench;
    SimulationController* controller = bench.window.controller();
    controller->setMode(PlaybackMode::Animate);
    const Scene scene = benchScene(longRunSteps);
    bench.window.applyScene(scene);
    controller->setSpeed(0.0);
    controller->play();

    bool finished = false;
    QObject::connect(controller, &SimulationController::finished, [&] { finished = true; });
    QElapsedTimer clock;
    clock.start();
    runUntil(finished, longRunCapSeconds * 1000);
    long long steps = 0;
    for (const RunSeries& run : controller->series())
        steps += run.stepsTaken();
    controller->pause();
    if (!finished)
        reportWarning(metric,
            "stopped at the " + std::to_string(longRunCapSeconds) + " s cap after "
                + std::to_string(steps) + " of "
                + std::to_string(longRunSteps * scene.optimizers.size()) + " steps");
    else
        std::fprintf(stderr, "optviz-bench: %s: %lld steps in %.1f s\n", metric, steps,
            double(clock.elapsed()) * 1e-3);
    const std::optional<double> peakKb = procStatusKb("VmHWM");
    if (!peakKb) {
        reportFailure(metric, "no VmHWM in /proc/self/status");
        return std::nullopt;
    }
    return *peakKb / 1024.0;
}

} // namespace

void registerUiMetrics(MetricRegistry& registry)
{
    registry.add("ui.slider_to_replot_ms.p50", "ms",
        [] { return sliderPercentile("ui.slider_to_replot_ms.p50", 50.0); });
    registry.add("ui.slider_to_replot_ms.p95", "ms",
        [] { return sliderPercentile("ui.slider_to_replot_ms.p95", 95.0); });
    registry.add("ui.max_event_loop_stall_ms", "ms", maxEventLoopStall);
    registry.add("app.startup_ms", "ms", startupMs);
    registry.add("mem.peak_rss_mb.long_run", "MB", longRunPeakRssMb);
}

} // namespace optviz::bench
