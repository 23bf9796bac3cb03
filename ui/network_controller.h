#pragma once

#include "loss_plane_job.h"
#include "network_batch.h"
#include "scene.h"

#include <QObject>
#include <QThread>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace optviz {

class NetworkWorker;

// The UI-thread side of the network workspace's training (SimulationController's
// pattern): owns the worker thread, forwards commands as queued calls and keeps the UI's
// copy of the runs: one NetworkRunView per enabled optimizer, the samples and the latest
// loss plane. It never waits on the worker; batches of replaced settings are dropped.
class NetworkController : public QObject
{
    Q_OBJECT

public:
    explicit NetworkController(QObject* parent = nullptr);
    ~NetworkController() override; // calls shutdown()

    // New settings: the runs restart at epoch 0, unless only colours or the plane's
    // directions changed (then the runs go on; colours apply at once, the plane is
    // recomputed).
    void setSettings(const NetworkSettings& settings);
    void play();
    void pause();
    void togglePlaying();
    void stepOnce(); // one epoch
    void reset();
    void setSpeed(double epochsPerSecond); // 0 = as fast as possible
    // Stops the worker and its thread (quick: the worker checks for interruption between
    // rounds of about a millisecond). Idempotent; later commands are ignored.
    void shutdown();

    // The settings that runs() belong to (the previous ones until the new settings' first
    // batch arrives), with the colours of the latest setSettings().
    const NetworkSettings& settings() const { return settings_; }
    bool hasSettings() const { return hasSettings_; }
    const std::shared_ptr<const NetworkData>& data() const { return data_; }
    const QVector<NetworkRunView>& runs() const { return runs_; }
    const std::shared_ptr<const PlaneSnapshot>& plane() const { return plane_; }
    quint64 generation() const { return generation_; }
    bool isPlaying() const { return playing_; }
    bool isFinished() const { return finished_; }
    double speed() const { return speed_; }
    // The latest epoch any run reached.
    int epoch() const;
    // Why the settings could not be trained (empty when they could).
    const QString& failure() const { return failure_; }

signals:
    void runsUpdated(); // new epochs, boundaries or colours in runs()
    void runsReset(); // runs() and data() belong to new settings (or a reset): redraw
    void planeUpdated();
    void playingChanged(bool playing);
    void finished();
    void settingsFailed(const QString& message);

private:
    void applyBatch(const NetworkBatch& batch);
    void applyPlane(const PlaneUpdate& update);
    void updatePlaying(bool playing);
    void applyColours();
    template<typename Call> void post(Call call);

    QThread thread_;
    NetworkWorker* worker_ = nullptr; // lives in thread_, deleted there when it ends
    std::shared_ptr<std::atomic<quint64>> latestGeneration_;
    quint64 generation_ = 0;
    NetworkSettings settings_;
    std::optional<NetworkSettings> pending_; // sent to the worker, no batch of it yet
    NetworkSettings requested_; // the latest settings asked for
    bool hasSettings_ = false;
    std::shared_ptr<const NetworkData> data_;
    QVector<NetworkRunView> runs_;
    std::shared_ptr<const PlaneSnapshot> plane_;
    QString failure_;
    double speed_ = 30.0;
    bool playing_ = false;
    bool finished_ = false;
};

} // namespace optviz
