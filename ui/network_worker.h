#pragma once

#include "loss_plane_job.h"
#include "network_batch.h"
#include "scene.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QTimer;

namespace optviz {

class NetworkSimulation;

// Trains the network scene's runs on its own thread and computes the loss plane between
// them (the pattern of SimulationWorker: a QObject moved to a QThread, commands arrive as
// queued calls, results leave by value through queued signals, and an atomic "latest
// requested generation" lets long work notice that it has become stale).
//
// One timer drives everything: while playing, each tick trains for at most trainPerTickNs
// (fewer epochs at a set speed) and sends one batch, so at most ~60 batches a second,
// with the decision boundaries recomputed at most every pictureIntervalNs; the loss plane
// is computed in slices of the remaining time, coarse pass first. While training it is
// refreshed every livePlaneIntervalNs (each new plane replaces the last only once
// complete, so the view does not flicker); after a pause, a step, the end of training or
// a reset it is computed at once.
class NetworkWorker : public QObject
{
    Q_OBJECT

public:
    static constexpr int tickMs = 16;
    static constexpr qint64 trainPerTickNs = 9'000'000;
    static constexpr qint64 planePerTickNs = 4'000'000; // while training
    static constexpr qint64 idlePlanePerTickNs = 12'000'000; // while not
    static constexpr qint64 pictureIntervalNs = 45'000'000;
    static constexpr qint64 livePlaneIntervalNs = 700'000'000;

    explicit NetworkWorker(
        std::shared_ptr<const std::atomic<quint64>> latestGeneration, QObject* parent = nullptr);
    ~NetworkWorker() override;

    // Rebuilds the runs at epoch 0 and sends a reset batch; keeps playing if it was.
    // Ignored if a newer generation has been requested since.
    void setSettings(const optviz::NetworkSettings& settings, quint64 generation);
    // Recomputes the plane with other directions; the runs go on.
    void setPlaneDirections(optviz::PlaneDirections directions);
    void play(); // at the end of the runs, play starts again at epoch 0
    void pause();
    void stepOnce(); // one epoch of every running run, then paused
    void reset(); // back to epoch 0 of the same settings
    void setSpeed(double epochsPerSecond); // 0 = as fast as possible

signals:
    void batchReady(const optviz::NetworkBatch& batch);
    void planeReady(const optviz::PlaneUpdate& update);
    void finished(quint64 generation); // every run has finished or diverged
    void playingChanged(bool playing);
    void settingsFailed(quint64 generation, const QString& message);

private:
    void start(); // rebuild, send the reset batch, plane at epoch 0
    void tick();
    // Up to `steps` steps of every running run in rounds of adaptive size.
    void advance(long long steps, qint64 deadlineNs);
    void sendBatch(bool reset, bool pictures);
    void checkFinished();
    // Starts the plane for the runs as they are now (unless nothing moved since the last).
    void requestPlane();
    void advancePlane(qint64 deadlineNs);
    void emitPlane();
    void setPlaying(bool playing, bool confirm);
    void updateTimer();
    bool isStale() const;
    bool isInterrupted() const;

    std::shared_ptr<const std::atomic<quint64>> latestGeneration_;
    NetworkSettings settings_;
    quint64 generation_ = 0;
    bool hasSettings_ = false;
    std::unique_ptr<NetworkSimulation> simulation_;
    std::vector<std::size_t> sentRecords_; // history rows of each run already sent
    std::vector<RunStatus> sentStatus_;
    std::vector<long long> pictureSteps_; // the steps of each run's last picture
    bool finishedSent_ = false;

    std::unique_ptr<LossPlaneJob> plane_;
    bool completeShown_ = false; // a complete plane of these directions has been sent
    int planeStrideSent_ = 0; // the finest pass of the current job already sent
    long long planeChunk_ = 16; // lattice points per round, adapted to ~1 ms
    qint64 lastPlaneNs_ = 0;
    long long stepsAtPlane_ = -1; // steps of the first run when the last plane started

    bool playing_ = false;
    double speed_ = 30.0; // epochs per second
    double epochDebt_ = 0.0;
    long long chunkSteps_ = 1;
    qint64 lastTickNs_ = 0;
    qint64 lastPictureNs_ = 0;
    QTimer* timer_;
    QElapsedTimer clock_;
};

} // namespace optviz
