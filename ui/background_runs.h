#pragma once

#include "core/parallel_runs.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace optviz {

// Runs one batch of computation at a time (a hyperparameter map, the basin maps) on a
// thread of its own, so the UI thread never waits: Qt's worker pattern reduced to what a
// panel needs. start() cancels the batch in flight (its result is dropped, its thread
// ends within milliseconds: the core checks the flag between chunks of steps) and starts
// the new one. Results travel in the work function's captures; `done` runs on the UI
// thread when the newest batch finished uncancelled.
class BackgroundRuns : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<void(const ParallelControl& control)>;

    explicit BackgroundRuns(QObject* parent = nullptr);
    ~BackgroundRuns() override; // cancels and waits for every thread

    // `total`: how many runs the work reports through control.progress.
    void start(Work work, std::function<void()> done, long long total);
    void cancel();
    bool isRunning() const { return current_ != nullptr; }
    // Of the batch in flight: runs finished / total, in [0, 1].
    double progress() const;

signals:
    void started();
    void finished(); // after `done`, or after failed()
    void failed(const QString& message); // the work threw (bad parameters)

private:
    struct Batch
    {
        std::atomic<bool> cancel {false};
        std::atomic<long long> progress {0};
        long long total = 1;
    };

    std::shared_ptr<Batch> current_;
    QList<QPointer<QThread>> threads_;
};

} // namespace optviz
