#pragma once

#include "scene.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QTimer;

namespace optviz {

class AppSettings;

// The window's session on disk, a moment after every change: the scene, its file and
// whether it had unsaved edits. QSettings writes its file atomically (a QSaveFile renamed
// over the old one), so a crash or a power cut loses at most the last couple of seconds,
// never the whole file. At the next start the window restores the session, unsaved edits
// and all (restore()).
class SessionAutosave : public QObject
{
    Q_OBJECT

public:
    struct Session
    {
        Scene scene;
        QString path; // the scene's file; empty while untitled
        bool modified = false; // edits the file does not have
        QDateTime savedAt; // when the session was written (restore() only)
    };
    using Snapshot = std::function<Session()>;

    // After the last change: long enough that a slider's drag writes once, short enough
    // that a crash loses little.
    static constexpr int delayMs = 2000;

    SessionAutosave(AppSettings& settings, Snapshot snapshot, QObject* parent = nullptr);

    // Something changed: write the session delayMs from now (a later change postpones it).
    void scheduleSave();
    bool isPending() const;
    // Writes the session now and syncs the file; false (and saveFailed) if it cannot.
    bool saveNow();
    // Puts the session into the settings without syncing (the caller syncs, e.g. at quit).
    void store();

    // The session the settings hold, if any (and if its scene is still valid).
    static std::optional<Session> restore(const AppSettings& settings);
    // For the status bar: "Restored the session of 7 Dec 21:40, with its unsaved edits".
    static QString restoredMessage(const Session& session);

signals:
    void saveFailed(const QString& message);

private:
    AppSettings& settings_;
    Snapshot snapshot_;
    QTimer* timer_;
};

} // namespace optviz
