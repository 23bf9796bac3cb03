#include "network_controller.h"

#include "network_worker.h"

#include <algorithm>

namespace optviz {

template<typename Call> void NetworkController::post(Call call)
{
    if (!worker_)
        return;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, call = std::move(call)] { call(*worker); },
        Qt::QueuedConnection);
}

NetworkController::NetworkController(QObject* parent)
    : QObject(parent)
    , latestGeneration_(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<NetworkBatch>();
    qRegisterMetaType<PlaneUpdate>();

    thread_.setObjectName(QStringLiteral("optviz network"));
    worker_ = new NetworkWorker(latestGeneration_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &NetworkWorker::batchReady, this, &NetworkController::applyBatch);
    connect(worker_, &NetworkWorker::planeReady, this, &NetworkController::applyPlane);
    connect(worker_, &NetworkWorker::finished, this, [this](quint64 generation) {
        if (generation != generation_)
            return;
        finished_ = true;
        emit finished();
    });
    connect(worker_, &NetworkWorker::playingChanged, this, &NetworkController::updatePlaying);
    connect(worker_, &NetworkWorker::settingsFailed, this,
        [this](quint64 generation, const QString& message) {
            if (generation != generation_)
                return;
            failure_ = message;
            emit settingsFailed(message);
        });
    thread_.start();
    post([speed = speed_](NetworkWorker& worker) { worker.setSpeed(speed); });
}

NetworkController::~NetworkController()
{
    shutdown();
}

void NetworkController::shutdown()
{
    if (!worker_)
        return;
    // The worker checks for interruption between rounds of about a millisecond, and every
    // queued command returns at once once it is set: the wait is short.
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
    worker_ = nullptr;
    playing_ = false; // no signal: this may run while the window is being destroyed
}

void NetworkController::setSettings(const NetworkSettings& settings)
{
    if (!worker_)
        return;
    const bool restart = !hasSettings_ || !requested_.sameTraining(settings);
    const bool newPlane = hasSettings_ && requested_.plane != settings.plane;
    requested_ = settings;
    hasSettings_ = true;
    if (restart) {
        // settings() keeps describing runs() until the new settings' first batch.
        pending_ = settings;
        const quint64 generation = ++generation_;
        latestGeneration_->store(generation, std::memory_order_release);
        finished_ = false;
        post([settings, generation](
                 NetworkWorker& worker) { worker.setSettings(settings, generation); });
        return;
    }
    if (pending_) {
        pending_ = settings;
    } else {
        settings_ = settings;
        applyColours();
        emit runsUpdated();
    }
    if (newPlane)
        post([plane = settings.plane](NetworkWorker& worker) { worker.setPlaneDirections(plane); });
}

void NetworkController::applyColours()
{
    int run = 0;
    for (const OptimizerEntry& entry : settings_.optimizers) {
        if (!entry.enabled)
            continue;
        if (run < runs_.size()) {
            runs_[run].colour = entry.colour;
            runs_[run].label = entry.label();
        }
        ++run;
    }
}

void NetworkController::play()
{
    if (!worker_)
        return;
    updatePlaying(true); // shown at once; the worker confirms or corrects
    post([](NetworkWorker& worker) { worker.play(); });
}

void NetworkController::pause()
{
    updatePlaying(false);
    post([](NetworkWorker& worker) { worker.pause(); });
}

void NetworkController::togglePlaying()
{
    if (playing_)
        pause();
    else
        play();
}

void NetworkController::stepOnce()
{
    updatePlaying(false);
    post([](NetworkWorker& worker) { worker.stepOnce(); });
}

void NetworkController::reset()
{
    post([](NetworkWorker& worker) { worker.reset(); });
}

void NetworkController::setSpeed(double epochsPerSecond)
{
    speed_ = epochsPerSecond;
    post([epochsPerSecond](NetworkWorker& worker) { worker.setSpeed(epochsPerSecond); });
}

int NetworkController::epoch() const
{
    int epoch = 0;
    for (const NetworkRunView& run : runs_)
        epoch = std::max(epoch, run.epochsDone);
    return epoch;
}

void NetworkController::applyBatch(const NetworkBatch& batch)
{
    if (!worker_ || batch.generation != generation_)
        return;
    if (batch.reset) {
        if (pending_) {
            settings_ = std::move(*pending_);
            pending_.reset();
        }
        data_ = batch.data;
        plane_.reset();
        runs_.clear();
        finished_ = false;
        if (data_) {
            failure_.clear();
            for (const OptimizerEntry& entry : settings_.optimizers)
                if (entry.enabled)
                    runs_.append(NetworkRunView {
                        entry.label(), entry.colour, {}, {}, RunStatus::Running, 0, -1});
        }
    }
    for (const NetworkRunChunk& chunk : batch.chunks) {
        if (chunk.run < 0 || chunk.run >= runs_.size())
            continue;
        NetworkRunView& run = runs_[chunk.run];
        run.history += chunk.records;
        run.status = chunk.status;
        run.epochsDone = chunk.epochsDone;
        run.divergedAtEpoch = chunk.divergedAtEpoch;
        if (chunk.picture)
            run.picture = chunk.picture;
    }
    if (batch.reset)
        emit runsReset();
    emit runsUpdated();
}

void NetworkController::applyPlane(const PlaneUpdate& update)
{
    if (!worker_ || update.generation != generation_ || pending_)
        return;
    plane_ = update.snapshot;
    emit planeUpdated();
}

void NetworkController::updatePlaying(bool playing)
{
    if (playing == playing_)
        return;
    playing_ = playing;
    emit playingChanged(playing_);
}

} // namespace optviz
