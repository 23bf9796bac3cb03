#pragma once

#include "scene.h"

#include <QByteArray>
#include <QDateTime>
#include <QSettings>
#include <QStringList>

#include <optional>

namespace optviz {

// Everything the window remembers between sessions, typed, over QSettings (KDE Step's
// "settings in one typed class"): the last scene, recent files, window geometry and
// dock layout.
class AppSettings
{
public:
    AppSettings(); // the application's QSettings (organisation "optviz", application "optviz")
    explicit AppSettings(const QString& iniPath); // a private file, for tests

    // The scene of the last session, if one was saved and is still valid.
    std::optional<Scene> lastScene() const;
    void setLastScene(const Scene& scene);
    // Beside the last scene (ui/session_autosave.h): its file (empty: untitled), whether
    // it had unsaved edits, and when it was written.
    QString lastScenePath() const;
    bool lastSceneModified() const;
    QDateTime lastSceneSavedAt() const;
    void setLastSceneFile(const QString& path, bool modified, const QDateTime& savedAt);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path); // most recent first, at most maxRecentFiles
    void removeRecentFile(const QString& path);
    static constexpr int maxRecentFiles = 8;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    // The start page with the lessons, shown at start unless the teacher turned it off.
    bool showStartPage() const; // true by default
    void setShowStartPage(bool show);
    // Presentation mode (large type, thick lines, fewer panels), as it was left.
    bool presentationMode() const; // false by default
    void setPresentationMode(bool on);

    // The window's language: "system" (the default: QLocale::system()), "en" or "zh_CN"
    // (ui/translation.h). Read once at start; a change applies at the next start.
    QString language() const;
    void setLanguage(const QString& language);

    void sync();
    // After sync(): false when the file could not be written (read-only, disk full).
    bool lastSyncSucceeded() const;

private:
    mutable QSettings settings_;
};

} // namespace optviz
