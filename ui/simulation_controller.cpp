#include "simulation_controller.h"

#include "simulation_worker.h"

namespace optviz {

template<typename Call> void SimulationController::post(Call call)
{
    if (!worker_)
        return;
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, call = std::move(call)] { call(*worker); },
        Qt::QueuedConnection);
}

SimulationController::SimulationController(QObject* parent)
    : QObject(parent)
    , latestGeneration_(std::make_shared<std::atomic<quint64>>(0))
{
    // Batches cross threads through queued signals; commands travel as queued lambdas,
    // which need no registration.
    qRegisterMetaType<TrajectoryBatch>();

    thread_.setObjectName(QStringLiteral("optviz simulation"));
    worker_ = new SimulationWorker(latestGeneration_);
    worker_->moveToThread(&thread_);
    // Deleted in its own thread once the event loop has stopped (QThread::finished
    // still processes deferred deletions), together with its timer.
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &SimulationWorker::batchReady, this, &SimulationController::applyBatch);
    connect(worker_, &SimulationWorker::finished, this, &SimulationController::onWorkerFinished);
    connect(worker_, &SimulationWorker::playingChanged, this,
        &SimulationController::onWorkerPlayingChanged);
    connect(worker_, &SimulationWorker::sceneFailed, this, &SimulationController::onSceneFailed);
    thread_.start();
    post([speed = speed_](SimulationWorker& worker) { worker.setSpeed(speed); });
}

SimulationController::~SimulationController()
{
    shutdown();
}

void SimulationController::shutdown()
{
    if (!worker_)
        return;
    // The worker checks for interruption between chunks of about a millisecond, and
    // every queued command returns at once once it is set: the wait is short.
    thread_.requestInterruption();
    thread_.quit();
    thread_.wait();
    worker_ = nullptr;
    playing_ = false; // no signal: this may run while the window is being destroyed
}

void SimulationController::setScene(const Scene& scene)
{
    if (!worker_)
        return;
    // scene() keeps describing series() until the new scene's first batch arrives.
    pendingScene_ = scene;
    // From here on, batches of older scenes are dropped here and their computation is
    // abandoned there.
    const quint64 generation = ++generation_;
    latestGeneration_->store(generation, std::memory_order_release);
    finished_ = false;
    post([scene, generation](SimulationWorker& worker) { worker.setScene(scene, generation); });
}

void SimulationController::play()
{
    if (!worker_)
        return;
    // Shown at once; the worker confirms or corrects (Instant mode does not play).
    if (mode_ == PlaybackMode::Animate)
        updatePlaying(true);
    post([](SimulationWorker& worker) { worker.play(); });
}

void SimulationController::pause()
{
    updatePlaying(false);
    post([](SimulationWorker& worker) { worker.pause(); });
}

void SimulationController::togglePlaying()
{
    if (playing_)
        pause();
    else
        play();
}

void SimulationController::stepOnce()
{
    updatePlaying(false);
    post([](SimulationWorker& worker) { worker.stepOnce(); });
}

void SimulationController::reset()
{
    post([](SimulationWorker& worker) { worker.reset(); });
}

void SimulationController::setSpeed(double stepsPerSecond)
{
    speed_ = stepsPerSecond;
    post([stepsPerSecond](SimulationWorker& worker) { worker.setSpeed(stepsPerSecond); });
}

void SimulationController::setMode(PlaybackMode mode)
{
    mode_ = mode;
    if (mode_ == PlaybackMode::Instant)
        updatePlaying(false);
    post([mode](SimulationWorker& worker) { worker.setMode(mode); });
}

QString SimulationController::runLabel(int run) const
{
    if (run < 0 || run >= runEntries_.size())
        return {};
    return scene_.optimizers[runEntries_[run]].label();
}

void SimulationController::applyBatch(const TrajectoryBatch& batch)
{
    if (!worker_ || batch.generation != generation_)
        return;
    if (batch.reset) {
        if (pendingScene_) {
            scene_ = std::move(*pendingScene_);
            pendingScene_.reset();
            runEntries_.clear();
            for (int i = 0; i < scene_.optimizers.size(); ++i)
                if (scene_.optimizers[i].enabled)
                    runEntries_.append(i);
        }
        series_ = QVector<RunSeries>(batch.chunks.size());
        finished_ = false;
    }
    struct Stop
    {
        int run;
        RunStatus status;
        long long step;
    };
    QVector<Stop> stops;
    for (const RunChunk& chunk : batch.chunks) {
        if (chunk.run < 0 || chunk.run >= series_.size())
            continue;
        RunSeries& series = series_[chunk.run];
        const RunStatus before = series.status();
        series.append(chunk);
        if (before == RunStatus::Running && series.status() != RunStatus::Running)
            stops.append({chunk.run, series.status(), series.divergedAtStep()});
    }
    emit runsUpdated();
    for (const Stop& stop : stops) {
        if (stop.status == RunStatus::Diverged)
            emit runDiverged(stop.run, stop.step,
                tr("%1 diverged at step %2").arg(runLabel(stop.run)).arg(stop.step));
        else
            emit runFinished(stop.run);
    }
}

void SimulationController::onWorkerFinished(quint64 generation)
{
    if (generation != generation_)
        return;
    finished_ = true;
    emit finished();
}

void SimulationController::onWorkerPlayingChanged(bool playing)
{
    updatePlaying(playing);
}

void SimulationController::onSceneFailed(quint64 generation, const QString& message)
{
    if (generation == generation_)
        emit sceneFailed(message);
}

void SimulationController::updatePlaying(bool playing)
{
    if (playing == playing_)
        return;
    playing_ = playing;
    emit playingChanged(playing_);
}

} // namespace optviz
