#pragma once

#include "playback_mode.h"
#include "run_series.h"
#include "scene.h"

#include <QObject>
#include <QThread>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace optviz {

class SimulationWorker;

// The UI-thread side of the simulation (the Controller of Qt's QThread docs): owns the
// worker thread, forwards commands to it as queued calls, and keeps the UI's copy of
// the trajectories, one RunSeries per enabled optimizer of the scene. It never waits on
// the worker: results arrive as queued batches, and batches of a scene that has since
// been replaced (an older generation) are dropped.
class SimulationController : public QObject
{
    Q_OBJECT

public:
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override; // calls shutdown()

    // Replaces the scene: the runs restart at step 0 (in Instant mode they are computed
    // to the budget). The current series stay until the new scene's first batch.
    void setScene(const Scene& scene);
    void play();
    void pause();
    void togglePlaying();
    void stepOnce();
    void reset();
    void setSpeed(double stepsPerSecond); // 0 = as fast as possible
    void setMode(PlaybackMode mode);
    // Stops the worker and its thread (quick: the worker checks for interruption
    // between chunks of about a millisecond). Idempotent; later commands are ignored.
    void shutdown();

    // The scene that series() belongs to: after setScene(), the previous one until the
    // new scene's first batch replaces the series (so runs and entries always match).
    const Scene& scene() const { return scene_; }
    const QVector<RunSeries>& series() const { return series_; }
    // The scene's optimizer index of each run (disabled optimizers have no run).
    const QVector<int>& runEntries() const { return runEntries_; }
    // The legend's name of a run: the optimizer entry's label, e.g. "adam lr=0.01".
    QString runLabel(int run) const;
    quint64 generation() const { return generation_; }
    bool isPlaying() const { return playing_; }
    PlaybackMode mode() const { return mode_; }
    double speed() const { return speed_; }
    // True once every run of the current scene has finished or diverged.
    bool isFinished() const { return finished_; }

signals:
    // New points in series(): the window hands them to the plots and replots (queued).
    void runsUpdated();
    // A run stopped: for the status bar and the legend, e.g. "adam diverged at step 12".
    void runDiverged(int run, qint64 step, const QString& message);
    void runFinished(int run);
    void finished(); // every run of the current scene has finished or diverged
    void playingChanged(bool playing);
    void sceneFailed(const QString& message); // the scene could not be built

private:
    void applyBatch(const TrajectoryBatch& batch);
    void onWorkerFinished(quint64 generation);
    void onWorkerPlayingChanged(bool playing);
    void onSceneFailed(quint64 generation, const QString& message);
    void updatePlaying(bool playing);
    // Queues `call(worker)` on the worker thread.
    template<typename Call> void post(Call call);

    QThread thread_;
    SimulationWorker* worker_ = nullptr; // lives in thread_, deleted there when it ends
    std::shared_ptr<std::atomic<quint64>> latestGeneration_;
    quint64 generation_ = 0;
    Scene scene_;
    std::optional<Scene> pendingScene_; // sent to the worker, no batch of it yet
    QVector<int> runEntries_;
    QVector<RunSeries> series_;
    PlaybackMode mode_ = PlaybackMode::Animate;
    double speed_ = 60.0;
    bool playing_ = false;
    bool finished_ = false;
};

} // namespace optviz
