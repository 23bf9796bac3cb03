#include "simulation_worker.h"

#include "chunk_collector.h"
#include "scene_simulation.h"

#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace optviz {

SimulationWorker::SimulationWorker(
    std::shared_ptr<const std::atomic<quint64>> latestGeneration, QObject* parent)
    : QObject(parent)
    , latestGeneration_(std::move(latestGeneration))
    , timer_(new QTimer(this))
{
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(tickMs);
    connect(timer_, &QTimer::timeout, this, &SimulationWorker::tick);
    clock_.start();
}

SimulationWorker::~SimulationWorker()
{
    // The runners point at the collectors: drop the runners first.
    simulation_.reset();
}

bool SimulationWorker::isStale() const
{
    return generation_ < latestGeneration_->load(std::memory_order_acquire);
}

bool SimulationWorker::isInterrupted() const
{
    return thread()->isInterruptionRequested();
}

bool SimulationWorker::isRunning() const
{
    return simulation_ && simulation_->isRunning();
}

void SimulationWorker::setScene(const Scene& scene, quint64 generation)
{
    // A slider dragged at 1000 events a second queues many scenes: only the newest
    // one is worth building.
    if (isInterrupted() || generation < latestGeneration_->load(std::memory_order_acquire))
        return;
    scene_ = scene;
    generation_ = generation;
    hasScene_ = true;
    startScene();
}

void SimulationWorker::startScene()
{
    try {
        rebuild();
    } catch (const std::exception& error) {
        simulation_.reset();
        collectors_.clear();
        sentStatus_.clear();
        setPlaying(false, false);
        sendBatch(true); // an empty reset: the UI shows no runs rather than stale ones
        emit sceneFailed(generation_, QString::fromStdString(error.what()));
        return;
    }
    if (mode_ == PlaybackMode::Instant) {
        computeToEnd(true);
        return;
    }
    sendBatch(true);
    checkFinished();
}

void SimulationWorker::rebuild()
{
    ++computation_;
    simulation_.reset();
    collectors_.clear();
    simulation_ = std::make_unique<SceneSimulation>(scene_);
    const int runs = simulation_->runCount();
    const int capacity = std::max(minPointsPerRun, maxPointsPerBatch / std::max(runs, 1));
    for (int run = 0; run < runs; ++run) {
        Runner& runner = simulation_->runner(run);
        auto collector = std::make_unique<ChunkCollector>(capacity);
        collector->attachTo(runner);
        collectors_.push_back(std::move(collector));
    }
    sentStatus_.assign(std::size_t(runs), RunStatus::Running);
    finishedSent_ = false;
    stepDebt_ = 0.0;
    lastTickNs_ = clock_.nsecsElapsed();
}

void SimulationWorker::play()
{
    if (isInterrupted())
        return;
    // Instant mode has nothing to play; neither has a scene that could not be built.
    if (mode_ == PlaybackMode::Instant || (hasScene_ && !simulation_)) {
        setPlaying(false, true);
        return;
    }
    // Play at the end of the runs replays them, as a video player does.
    if (simulation_ && !isRunning() && !isStale())
        startScene();
    // Before the first scene (or with a newer one on its way), playing waits for it.
    setPlaying(!simulation_ || isRunning() || isStale(), true);
}

void SimulationWorker::pause()
{
    setPlaying(false, true);
}

void SimulationWorker::stepOnce()
{
    setPlaying(false, true);
    if (isInterrupted() || isStale() || mode_ == PlaybackMode::Instant || !isRunning())
        return;
    advanceRuns(1, std::numeric_limits<qint64>::max());
    sendBatch(false);
    checkFinished();
}

void SimulationWorker::reset()
{
    if (isInterrupted() || isStale() || !hasScene_)
        return;
    startScene();
}

void SimulationWorker::setSpeed(double stepsPerSecond)
{
    speed_ = std::isfinite(stepsPerSecond) ? std::max(0.0, stepsPerSecond) : 0.0;
    stepDebt_ = std::min(stepDebt_, 1.0);
}

void SimulationWorker::setMode(PlaybackMode mode)
{
    if (mode == mode_)
        return;
    mode_ = mode;
    ++computation_; // Animate: the runs stay where the computation got to
    if (mode_ == PlaybackMode::Instant) {
        setPlaying(false, false);
        // Instant shows whole trajectories: finish the runs from where they are.
        if (isRunning() && !isStale() && !isInterrupted())
            computeToEnd(false);
    }
}

void SimulationWorker::setPlaying(bool playing, bool confirm)
{
    if (playing == playing_) {
        // The controller shows the state it asked for before we get here; confirm it.
        if (confirm)
            emit playingChanged(playing_);
        return;
    }
    playing_ = playing;
    if (playing_) {
        lastTickNs_ = clock_.nsecsElapsed();
        timer_->start();
    } else {
        timer_->stop();
    }
    emit playingChanged(playing_);
}

void SimulationWorker::tick()
{
    if (!playing_ || isInterrupted())
        return;
    const qint64 now = clock_.nsecsElapsed();
    // After a stall (a busy machine, a suspended laptop), do not catch up.
    const qint64 elapsed = std::min<qint64>(now - lastTickNs_, 100'000'000);
    lastTickNs_ = now;
    // A newer scene is on its way: nothing to compute for this one.
    if (isStale() || !simulation_)
        return;
    if (speed_ <= 0.0) {
        advanceRuns(std::numeric_limits<long long>::max(), now + workPerTickNs);
    } else {
        stepDebt_ += speed_ * double(elapsed) * 1e-9;
        const double whole = std::floor(stepDebt_);
        stepDebt_ -= whole;
        // Steps that do not fit in the tick's time are dropped, not owed: the speed
        // is then simply the fastest this machine can go.
        if (whole >= 1.0)
            advanceRuns(static_cast<long long>(std::min(whole, 1e15)), now + workPerTickNs);
    }
    if (isStale() || isInterrupted())
        return;
    sendBatch(false);
    checkFinished();
}

void SimulationWorker::computeToEnd(bool startsWithReset)
{
    resetPending_ = startsWithReset;
    computeSlice(++computation_);
}

void SimulationWorker::computeSlice(quint64 computation)
{
    // A newer scene, a reset or a switch to Animate started or stopped another
    // computation; a stale scene is abandoned for the newer one already queued.
    if (computation != computation_ || !simulation_ || isStale() || isInterrupted())
        return;
    advanceRuns(
        std::numeric_limits<long long>::max(), clock_.nsecsElapsed() + qint64(tickMs) * 1'000'000);
    if (isStale() || isInterrupted())
        return;
    // One batch per slice: a long computation shows its progress at the animation's
    // frame rate, and a short one arrives whole in the reset batch.
    sendBatch(resetPending_);
    resetPending_ = false;
    if (!isRunning()) {
        checkFinished();
        return;
    }
    // The next slice goes behind the commands that arrived meanwhile (pause, mode,
    // a new scene), so that they never wait for the whole computation.
    QMetaObject::invokeMethod(
        this, [this, computation] { computeSlice(computation); }, Qt::QueuedConnection);
}

void SimulationWorker::advanceRuns(long long steps, qint64 deadlineNs)
{
    long long remaining = steps;
    while (remaining > 0) {
        const long long n = std::min(chunkSteps_, remaining);
        const qint64 start = clock_.nsecsElapsed();
        bool any = false;
        for (int run = 0; run < simulation_->runCount(); ++run) {
            Runner& runner = simulation_->runner(run);
            if (runner.status() == RunStatus::Running) {
                runner.advance(n);
                any = true;
            }
        }
        if (!any)
            return;
        remaining -= n;
        const qint64 end = clock_.nsecsElapsed();
        // Rounds of about a millisecond: long enough to cost nothing, short enough that
        // a deadline, a newer scene or the window closing is noticed at once.
        if (n == chunkSteps_) {
            const qint64 round = end - start;
            if (round < 250'000 && chunkSteps_ < (1LL << 24))
                chunkSteps_ *= 2;
            else if (round > 2'000'000 && chunkSteps_ > 1)
                chunkSteps_ /= 2;
        }
        if (end >= deadlineNs || isStale() || isInterrupted())
            return;
    }
}

void SimulationWorker::sendBatch(bool reset)
{
    TrajectoryBatch batch;
    batch.generation = generation_;
    batch.reset = reset;
    const int runs = simulation_ ? simulation_->runCount() : 0;
    for (int run = 0; run < runs; ++run) {
        const Runner& runner = simulation_->runner(run);
        ChunkCollector& collector = *collectors_[std::size_t(run)];
        RunStatus& sent = sentStatus_[std::size_t(run)];
        if (!reset && collector.isEmpty() && runner.status() == sent)
            continue;
        RunChunk chunk = collector.takeChunk(run, runner);
        sent = chunk.status;
        batch.chunks.append(std::move(chunk));
    }
    if (reset || !batch.chunks.isEmpty())
        emit batchReady(batch);
}

void SimulationWorker::checkFinished()
{
    if (!simulation_ || isRunning())
        return;
    setPlaying(false, false);
    if (!finishedSent_) {
        finishedSent_ = true;
        emit finished(generation_);
    }
}

} // namespace optviz
