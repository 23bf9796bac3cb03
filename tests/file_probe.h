#pragma once

// Looking at files as the tests of safe writing need to: their mode without following
// links, every name in a folder (our temporaries start with a dot), what a link says.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace optviz::testing {

inline std::string native(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

inline void put(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// The file's type and permission bits, of a link itself rather than of its target.
inline mode_t modeOf(const QString& path)
{
    struct stat status
    {
    };
    return ::lstat(native(path).c_str(), &status) == 0 ? status.st_mode : 0;
}

// The names in `folder`, hidden ones included.
inline QStringList entries(const QString& folder)
{
    return QDir(folder).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// What the link at `path` says, as it says it (empty if it is no link).
inline QString linkText(const QString& path)
{
    char buffer[4096];
    const ssize_t length = ::readlink(native(path).c_str(), buffer, sizeof buffer);
    return length < 0 ? QString() : QFile::decodeName(QByteArray(buffer, int(length)));
}

} // namespace optviz::testing
