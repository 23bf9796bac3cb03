#include "app_settings.h"

#include "io/output_target.h"
#include "safe_file.h"
#include "translation.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace optviz {

namespace {
const char* const lastSceneKey = "session/lastScene";
const char* const lastScenePathKey = "session/path";
const char* const lastSceneModifiedKey = "session/modified";
const char* const lastSceneSavedAtKey = "session/savedAt";
const char* const recentFilesKey = "files/recent";
const char* const geometryKey = "window/geometry";
const char* const stateKey = "window/state";
const char* const startPageKey = "startPage/show";
const char* const presentationKey = "window/presentation";
const char* const languageKey = "window/language";
} // namespace

AppSettings::AppSettings()
{
    if (!refused(defaultFilePath()))
        settings_ = std::make_unique<QSettings>("optviz", "optviz");
}

AppSettings::AppSettings(const QString& iniPath)
{
    if (!refused(iniPath))
        settings_ = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

AppSettings::~AppSettings() = default;

QString AppSettings::defaultFilePath()
{
    // As QSettings("optviz", "optviz") names it on an XDG platform (tst_safe_write checks
    // that the two agree): the file is checked before QSettings opens it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/optviz/optviz.conf");
}

bool AppSettings::refused(const QString& path)
{
    try {
        io::checkOutputTarget(QFile::encodeName(path).toStdString(), false);
        return false;
    } catch (const io::WriteError& problem) {
        // A missing folder is fine: QSettings creates it when it first saves.
        if (problem.reason() == io::WriteError::Reason::NoFolder)
            return false;
        fallbackFolder_ = std::make_unique<QTemporaryDir>();
        storageProblem_ = QCoreApplication::translate(
            "AppSettings", "Settings are kept for this session only: %1")
                              .arg(writeErrorMessage(problem));
        settings_ = std::make_unique<QSettings>(
            fallbackFolder_->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        return true;
    }
}

std::optional<Scene> AppSettings::lastScene() const
{
    const QByteArray json = settings_->value(lastSceneKey).toByteArray();
    if (json.isEmpty())
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    try {
        return Scene::fromJson(document.object());
    } catch (const InvalidArgument&) {
        return std::nullopt; // a scene from an older or damaged session: start afresh
    }
}

void AppSettings::setLastScene(const Scene& scene)
{
    settings_->setValue(lastSceneKey, QJsonDocument(scene.toJson()).toJson(QJsonDocument::Compact));
}

QString AppSettings::lastScenePath() const
{
    return settings_->value(lastScenePathKey).toString();
}

bool AppSettings::lastSceneModified() const
{
    return settings_->value(lastSceneModifiedKey, false).toBool();
}

QDateTime AppSettings::lastSceneSavedAt() const
{
    return QDateTime::fromString(settings_->value(lastSceneSavedAtKey).toString(), Qt::ISODate);
}

void AppSettings::setLastSceneFile(const QString& path, bool modified, const QDateTime& savedAt)
{
    settings_->setValue(lastScenePathKey, path);
    settings_->setValue(lastSceneModifiedKey, modified);
    settings_->setValue(lastSceneSavedAtKey, savedAt.toString(Qt::ISODate));
}

QStringList AppSettings::recentFiles() const
{
    return settings_->value(recentFilesKey).toStringList();
}

void AppSettings::addRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings_->setValue(recentFilesKey, files);
}

void AppSettings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    settings_->setValue(recentFilesKey, files);
}

QByteArray AppSettings::windowGeometry() const
{
    return settings_->value(geometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    settings_->setValue(geometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return settings_->value(stateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state)
{
    settings_->setValue(stateKey, state);
}

bool AppSettings::showStartPage() const
{
    return settings_->value(startPageKey, true).toBool();
}

void AppSettings::setShowStartPage(bool show)
{
    settings_->setValue(startPageKey, show);
}

bool AppSettings::presentationMode() const
{
    return settings_->value(presentationKey, false).toBool();
}

void AppSettings::setPresentationMode(bool on)
{
    settings_->setValue(presentationKey, on);
}

void AppSettings::sync()
{
    settings_->sync();
}

bool AppSettings::lastSyncSucceeded() const
{
    return settings_->status() == QSettings::NoError;
}

QString AppSettings::language() const
{
    return normalizedLanguage(settings_->value(languageKey).toString());
}

void AppSettings::setLanguage(const QString& language)
{
    settings_->setValue(languageKey, normalizedLanguage(language));
}

} // namespace optviz
