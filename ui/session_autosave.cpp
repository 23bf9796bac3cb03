#include "session_autosave.h"

#include "app_settings.h"

#include <QLocale>
#include <QTimer>

namespace optviz {

SessionAutosave::SessionAutosave(AppSettings& settings, Snapshot snapshot, QObject* parent)
    : QObject(parent)
    , settings_(settings)
    , snapshot_(std::move(snapshot))
    , timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    timer_->setInterval(delayMs);
    connect(timer_, &QTimer::timeout, this, &SessionAutosave::saveNow);
}

void SessionAutosave::scheduleSave()
{
    timer_->start();
}

bool SessionAutosave::isPending() const
{
    return timer_->isActive();
}

void SessionAutosave::store()
{
    const Session session = snapshot_();
    settings_.setLastScene(session.scene);
    settings_.setLastSceneFile(session.path, session.modified, QDateTime::currentDateTimeUtc());
}

bool SessionAutosave::saveNow()
{
    timer_->stop();
    store();
    settings_.sync();
    if (settings_.lastSyncSucceeded())
        return true;
    emit saveFailed(tr("Cannot save the session: the settings file cannot be written. Save "
                       "the scene to a file to keep it."));
    return false;
}

std::optional<SessionAutosave::Session> SessionAutosave::restore(const AppSettings& settings)
{
    std::optional<Scene> scene = settings.lastScene();
    if (!scene)
        return std::nullopt;
    return Session {std::move(*scene), settings.lastScenePath(), settings.lastSceneModified(),
        settings.lastSceneSavedAt()};
}

QString SessionAutosave::restoredMessage(const Session& session)
{
    if (!session.savedAt.isValid()) // written by an older optviz
        return tr("Restored the last session");
    const QString when = QLocale().toString(session.savedAt.toLocalTime(), QLocale::ShortFormat);
    return session.modified ? tr("Restored the session of %1, with its unsaved edits").arg(when)
                            : tr("Restored the session of %1").arg(when);
}

} // namespace optviz
