#include "network_worker.h"

#include "network_simulation.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace optviz {

NetworkWorker::NetworkWorker(
    std::shared_ptr<const std::atomic<quint64>> latestGeneration, QObject* parent)
    : QObject(parent)
    , latestGeneration_(std::move(latestGeneration))
    , timer_(new QTimer(this))
{
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(tickMs);
    connect(timer_, &QTimer::timeout, this, &NetworkWorker::tick);
    clock_.start();
}

NetworkWorker::~NetworkWorker() = default;

bool NetworkWorker::isStale() const
{
    return generation_ < latestGeneration_->load(std::memory_order_acquire);
}

bool NetworkWorker::isInterrupted() const
{
    return thread()->isInterruptionRequested();
}

void NetworkWorker::setSettings(const NetworkSettings& settings, quint64 generation)
{
    // A spin box held down queues many settings: only the newest is worth building.
    if (isInterrupted() || generation < latestGeneration_->load(std::memory_order_acquire))
        return;
    settings_ = settings;
    generation_ = generation;
    hasSettings_ = true;
    start();
}

void NetworkWorker::start()
{
    plane_.reset();
    simulation_.reset();
    completeShown_ = false;
    stepsAtPlane_ = -1;
    try {
        simulation_ = std::make_unique<NetworkSimulation>(settings_);
    } catch (const std::exception& error) {
        sentRecords_.clear();
        sentStatus_.clear();
        setPlaying(false, false);
        sendBatch(true, false); // an empty reset: no runs rather than stale ones
        emit settingsFailed(generation_, QString::fromUtf8(error.what()));
        updateTimer();
        return;
    }
    const auto runs = std::size_t(simulation_->runCount());
    sentRecords_.assign(runs, 0);
    sentStatus_.assign(runs, RunStatus::Running);
    pictureSteps_.assign(runs, -1);
    finishedSent_ = false;
    epochDebt_ = 0.0;
    lastTickNs_ = clock_.nsecsElapsed();
    sendBatch(true, true);
    requestPlane();
    checkFinished();
    updateTimer();
}

void NetworkWorker::setPlaneDirections(PlaneDirections directions)
{
    if (isInterrupted() || directions == settings_.plane)
        return;
    settings_.plane = directions;
    completeShown_ = false; // other directions: show the new plane as it sharpens
    if (simulation_ && !isStale())
        requestPlane();
    updateTimer();
}

void NetworkWorker::play()
{
    if (isInterrupted())
        return;
    if (hasSettings_ && !simulation_ && !isStale()) {
        setPlaying(false, true); // settings that could not be built have nothing to play
        return;
    }
    // Play at the end of the runs trains again from epoch 0, as a video player replays.
    if (simulation_ && !simulation_->isRunning() && !isStale())
        start();
    setPlaying(!simulation_ || simulation_->isRunning() || isStale(), true);
}

void NetworkWorker::pause()
{
    setPlaying(false, true);
    if (!simulation_ || isStale() || isInterrupted())
        return;
    sendBatch(false, true); // the boundaries of the epoch it stopped at
    requestPlane();
    updateTimer();
}

void NetworkWorker::stepOnce()
{
    setPlaying(false, true);
    if (!simulation_ || isStale() || isInterrupted() || !simulation_->isRunning())
        return;
    for (int run = 0; run < simulation_->runCount(); ++run)
        if (simulation_->trainer(run).status() == RunStatus::Running)
            simulation_->trainer(run).advanceEpochs(1);
    sendBatch(false, true);
    checkFinished();
    requestPlane();
    updateTimer();
}

void NetworkWorker::reset()
{
    if (isInterrupted() || isStale() || !hasSettings_)
        return;
    start();
}

void NetworkWorker::setSpeed(double epochsPerSecond)
{
    speed_ = std::isfinite(epochsPerSecond) ? std::max(0.0, epochsPerSecond) : 0.0;
    epochDebt_ = std::min(epochDebt_, 1.0);
}

void NetworkWorker::setPlaying(bool playing, bool confirm)
{
    if (playing == playing_) {
        if (confirm)
            emit playingChanged(playing_);
        return;
    }
    playing_ = playing;
    if (playing_)
        lastTickNs_ = clock_.nsecsElapsed();
    updateTimer();
    emit playingChanged(playing_);
}

void NetworkWorker::updateTimer()
{
    const bool needed = !isInterrupted() && (playing_ || plane_);
    if (needed && !timer_->isActive())
        timer_->start();
    else if (!needed && timer_->isActive())
        timer_->stop();
}

void NetworkWorker::tick()
{
    if (isInterrupted()) {
        timer_->stop();
        return;
    }
    const qint64 now = clock_.nsecsElapsed();
    // After a stall (a busy machine, a suspended laptop), do not catch up.
    const qint64 elapsed = std::min<qint64>(now - lastTickNs_, 100'000'000);
    lastTickNs_ = now;
    if (isStale())
        return; // newer settings are on their way
    if (playing_ && simulation_ && simulation_->isRunning()) {
        long long steps = std::numeric_limits<long long>::max();
        if (speed_ > 0.0) {
            epochDebt_ += speed_ * double(elapsed) * 1e-9;
            const double whole = std::floor(epochDebt_);
            epochDebt_ -= whole;
            steps = static_cast<long long>(std::min(whole, 1e9)) * simulation_->stepsPerEpoch();
        }
        // Epochs that do not fit in the tick are dropped, not owed: the speed is then
        // the fastest this machine can train.
        if (steps > 0)
            advance(steps, now + trainPerTickNs);
        if (isStale() || isInterrupted())
            return;
        sendBatch(false, now - lastPictureNs_ >= pictureIntervalNs);
        checkFinished();
        const long long progress
            = simulation_->runCount() > 0 ? simulation_->trainer(0).stepsTaken() : 0;
        if (playing_ && !plane_ && now - lastPlaneNs_ >= livePlaneIntervalNs
            && progress != stepsAtPlane_)
            requestPlane();
    }
    if (plane_)
        advancePlane(clock_.nsecsElapsed() + (playing_ ? planePerTickNs : idlePlanePerTickNs));
    updateTimer();
}

void NetworkWorker::advance(long long steps, qint64 deadlineNs)
{
    long long remaining = steps;
    while (remaining > 0) {
        const long long n = std::min(chunkSteps_, remaining);
        const qint64 start = clock_.nsecsElapsed();
        if (!simulation_->advanceSteps(n))
            return;
        remaining -= n;
        const qint64 end = clock_.nsecsElapsed();
        // Rounds of about a millisecond: long enough to cost nothing, short enough that a
        // deadline, newer settings or the window closing are noticed at once.
        if (n == chunkSteps_) {
            const qint64 round = end - start;
            if (round < 250'000 && chunkSteps_ < (1LL << 20))
                chunkSteps_ *= 2;
            else if (round > 2'000'000 && chunkSteps_ > 1)
                chunkSteps_ /= 2;
        }
        if (end >= deadlineNs || isStale() || isInterrupted())
            return;
    }
}

void NetworkWorker::sendBatch(bool reset, bool pictures)
{
    NetworkBatch batch;
    batch.generation = generation_;
    batch.reset = reset;
    if (reset && simulation_)
        batch.data = networkDataOf(*simulation_);
    const int runs = simulation_ ? simulation_->runCount() : 0;
    bool drewPictures = false;
    for (int run = 0; run < runs; ++run) {
        const Trainer& trainer = simulation_->trainer(run);
        const auto index = std::size_t(run);
        NetworkRunChunk chunk;
        chunk.run = run;
        const std::vector<EpochRecord>& history = trainer.history();
        for (std::size_t row = sentRecords_[index]; row < history.size(); ++row)
            chunk.records.append(history[row]);
        sentRecords_[index] = history.size();
        chunk.status = trainer.status();
        chunk.epochsDone = history.empty() ? 0 : history.back().epoch;
        chunk.divergedAtEpoch = trainer.divergedAtEpoch();
        if (pictures && pictureSteps_[index] != trainer.stepsTaken()) {
            chunk.picture = std::make_shared<const ModelPicture>(
                simulation_->picture(run, NetworkSimulation::pictureResolution));
            pictureSteps_[index] = trainer.stepsTaken();
            drewPictures = true;
        }
        if (!reset && chunk.records.isEmpty() && chunk.status == sentStatus_[index]
            && !chunk.picture)
            continue;
        sentStatus_[index] = chunk.status;
        batch.chunks.append(std::move(chunk));
    }
    if (drewPictures)
        lastPictureNs_ = clock_.nsecsElapsed();
    if (reset || !batch.chunks.isEmpty())
        emit batchReady(batch);
}

void NetworkWorker::checkFinished()
{
    if (!simulation_ || simulation_->isRunning())
        return;
    setPlaying(false, false);
    if (finishedSent_)
        return;
    finishedSent_ = true;
    sendBatch(false, true); // the final boundaries
    emit finished(generation_);
    requestPlane();
}

void NetworkWorker::requestPlane()
{
    if (!simulation_)
        return;
    const long long progress
        = simulation_->runCount() > 0 ? simulation_->trainer(0).stepsTaken() : 0;
    // Nothing moved since the last plane of these directions: it is still right.
    if (!plane_ && completeShown_ && progress == stepsAtPlane_)
        return;
    plane_ = std::make_unique<LossPlaneJob>(*simulation_, settings_.plane);
    stepsAtPlane_ = progress;
    planeStrideSent_ = 0;
    lastPlaneNs_ = clock_.nsecsElapsed();
    if (!plane_->hasPlane()) {
        emitPlane();
        plane_.reset();
    }
}

void NetworkWorker::advancePlane(qint64 deadlineNs)
{
    while (!plane_->finished()) {
        const qint64 start = clock_.nsecsElapsed();
        plane_->advance(planeChunk_);
        const qint64 end = clock_.nsecsElapsed();
        const qint64 round = end - start;
        if (round < 250'000 && planeChunk_ < (1 << 16))
            planeChunk_ *= 2;
        else if (round > 2'000'000 && planeChunk_ > 1)
            planeChunk_ /= 2;
        if (end >= deadlineNs || isStale() || isInterrupted())
            break;
    }
    if (isStale() || isInterrupted())
        return;
    if (plane_->finished()) {
        emitPlane();
        completeShown_ = true;
        plane_.reset();
        lastPlaneNs_ = clock_.nsecsElapsed();
        return;
    }
    // Until a complete plane of these directions is on screen, each finer pass is shown
    // as it completes; later refreshes replace the plane only when complete.
    const int stride = plane_->completedStride();
    if (!completeShown_ && stride > 0 && stride != planeStrideSent_) {
        planeStrideSent_ = stride;
        emitPlane();
    }
}

void NetworkWorker::emitPlane()
{
    PlaneUpdate update;
    update.generation = generation_;
    update.snapshot = std::make_shared<const PlaneSnapshot>(plane_->snapshot());
    emit planeReady(update);
}

} // namespace optviz
