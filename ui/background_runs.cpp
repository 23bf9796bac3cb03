#include "background_runs.h"

#include "core/parameter.h"

#include <QThread>

#include <exception>

namespace optviz {

BackgroundRuns::BackgroundRuns(QObject* parent)
    : QObject(parent)
{
}

BackgroundRuns::~BackgroundRuns()
{
    cancel();
    for (const QPointer<QThread>& thread : threads_)
        if (thread)
            thread->wait();
}

void BackgroundRuns::cancel()
{
    if (current_)
        current_->cancel = true;
    current_.reset();
}

double BackgroundRuns::progress() const
{
    if (!current_)
        return 0.0;
    return std::min(
        1.0, double(current_->progress.load()) / double(std::max(1LL, current_->total)));
}

void BackgroundRuns::start(Work work, std::function<void()> done, long long total)
{
    cancel();
    auto batch = std::make_shared<Batch>();
    batch->total = std::max(1LL, total);
    current_ = batch;
    // The message of a failure, written by the thread before it finishes and read here
    // after QThread::finished, which orders the two.
    auto error = std::make_shared<QString>();
    QThread* thread = QThread::create([batch, error, work = std::move(work)] {
        ParallelControl control;
        control.cancel = &batch->cancel;
        control.progress = &batch->progress;
        try {
            work(control);
        } catch (const std::exception& failure) {
            *error = QString::fromUtf8(failure.what());
        }
    });
    thread->setParent(this); // deleted with the panel (after the wait) if not before
    threads_.removeAll(nullptr);
    threads_.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, batch, error, done = std::move(done)] {
        thread->deleteLater();
        if (batch != current_ || batch->cancel)
            return; // superseded: a newer batch is on its way
        current_.reset();
        if (!error->isEmpty())
            emit failed(*error);
        else if (done)
            done();
        emit finished();
    });
    thread->start();
    emit started();
}

} // namespace optviz
