#pragma once

#include "playback_mode.h"
#include "run_series.h"
#include "scene.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QTimer;

namespace optviz {

class ChunkCollector;
class SceneSimulation;

// Owns the runs of the current scene and advances them on its own thread (the Worker of
// the Worker + Controller pattern in Qt's QThread docs; Qt's Mandelbrot example for the
// abort-and-restart logic). Every method here runs on the worker thread: the controller
// calls them through queued invocations only, and the results leave by value through
// queued signals, so nothing is shared with the UI thread except the atomic "latest
// requested generation", which lets a long computation notice that it has become stale.
class SimulationWorker : public QObject
{
    Q_OBJECT

public:
    // Animate-mode timer period: one batch per tick, so at most ~60 batches a second.
    static constexpr int tickMs = 16;
    // At "as fast as possible", the share of a tick spent stepping.
    static constexpr qint64 workPerTickNs = 10'000'000;
    // Points of all runs in one batch (shared evenly, at least minPointsPerRun each):
    // beyond it a run's chunk keeps every 2ᵏ-th step and the newest point. This bounds
    // what a batch costs the UI thread (RunSeries::append, about 0.1 µs a point) to a
    // few milliseconds at full speed, whatever the number of runs; the UI's RunSeries
    // thins long histories further.
    static constexpr int maxPointsPerBatch = 24'576;
    static constexpr int minPointsPerRun = 1024;
    // A run's first steps (ChunkCollector::openingSteps) are sent unthinned, on top of
    // the above.

    explicit SimulationWorker(
        std::shared_ptr<const std::atomic<quint64>> latestGeneration, QObject* parent = nullptr);
    ~SimulationWorker() override;

    // Rebuilds the runs at step 0 and sends a reset batch with the start points; in
    // Instant mode computes every run to the budget instead, the reset batch holding the
    // first slice (everything, for a short run). Ignored if a newer generation has been
    // requested since.
    void setScene(const optviz::Scene& scene, quint64 generation);
    void play(); // from the end of the runs, play starts again at step 0
    void pause();
    void stepOnce(); // one step of every running run, then paused
    void reset(); // back to step 0 of the same scene
    void setSpeed(double stepsPerSecond); // 0 = as fast as possible
    void setMode(optviz::PlaybackMode mode);

signals:
    void batchReady(const optviz::TrajectoryBatch& batch);
    void finished(quint64 generation); // every run has finished or diverged
    void playingChanged(bool playing);
    void sceneFailed(quint64 generation, const QString& message);

private:
    void startScene(); // rebuild, then the reset batch (Instant: everything)
    void rebuild();
    void tick();
    // Instant mode: computes the runs to the budget in slices of one tick, each followed
    // by a batch; the first batch is a reset batch if `startsWithReset`.
    void computeToEnd(bool startsWithReset);
    void computeSlice(quint64 computation);
    // Advances every running run by up to `steps` more steps, round-robin in chunks,
    // until done, out of time (`deadlineNs` on clock_), stale or interrupted.
    void advanceRuns(long long steps, qint64 deadlineNs);
    void sendBatch(bool reset);
    void checkFinished();
    // `confirm`: emit playingChanged even if the state is unchanged.
    void setPlaying(bool playing, bool confirm);
    bool isStale() const;
    bool isInterrupted() const;
    bool isRunning() const;

    std::shared_ptr<const std::atomic<quint64>> latestGeneration_;
    Scene scene_;
    quint64 generation_ = 0;
    bool hasScene_ = false;
    std::unique_ptr<SceneSimulation> simulation_;
    std::vector<std::unique_ptr<ChunkCollector>> collectors_;
    std::vector<RunStatus> sentStatus_; // status of each run in the last batch sent
    bool finishedSent_ = false;
    quint64 computation_ = 0; // the Instant computation under way; bumped to stop it
    bool resetPending_ = false;

    PlaybackMode mode_ = PlaybackMode::Animate;
    double speed_ = 60.0;
    bool playing_ = false;
    QTimer* timer_;
    QElapsedTimer clock_;
    qint64 lastTickNs_ = 0;
    double stepDebt_ = 0.0; // fractional steps carried to the next tick
    long long chunkSteps_ = 64; // per run and round, adapted to ~1 ms per round
};

} // namespace optviz
