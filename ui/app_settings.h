#pragma once

#include "scene.h"

#include <QByteArray>
#include <QDateTime>
#include <QSettings>
#include <QStringList>

#include <memory>
#include <optional>

class QTemporaryDir;

namespace optviz {

// Everything the window remembers between sessions, typed, over QSettings (KDE Step's
// "settings in one typed class"): the last scene, recent files, window geometry and
// dock layout.
//
// The settings file is checked as every output is (io/output_target.h): when it is, or a
// symbolic link leads to, a device, a FIFO, a socket or a folder, QSettings would rename
// its temporary file over that (replacing /dev/zero, say, when run as root). Then the
// file is left alone, this session's settings live in a temporary file that goes at exit,
// and storageProblem() says so, once, for the status bar.
class AppSettings
{
public:
    AppSettings(); // the application's QSettings (organisation "optviz", application "optviz")
    explicit AppSettings(const QString& iniPath); // a private file, for tests
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // Where QSettings keeps the application's settings (…/optviz/optviz.conf under the
    // XDG configuration folder), worked out without opening it.
    static QString defaultFilePath();
    // Empty if the settings file is used; otherwise a translated sentence saying why this
    // session's settings will not be kept.
    QString storageProblem() const { return storageProblem_; }

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
    // True (and the temporary store set up) if the settings file at `path` is refused.
    bool refused(const QString& path);

    std::unique_ptr<QTemporaryDir> fallbackFolder_; // only when the file is refused
    std::unique_ptr<QSettings> settings_;
    QString storageProblem_;
};

} // namespace optviz
