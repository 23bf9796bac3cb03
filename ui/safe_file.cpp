#include "safe_file.h"

#include <QCoreApplication>
#include <QFile>

namespace optviz {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("SafeFile", text);
}

QString kindText(io::FileKind kind)
{
    switch (kind) {
    case io::FileKind::Missing:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "nothing"));
    case io::FileKind::Regular:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a regular file"));
    case io::FileKind::Folder:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a folder"));
    case io::FileKind::CharacterDevice:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a character device"));
    case io::FileKind::BlockDevice:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a block device"));
    case io::FileKind::Fifo:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a FIFO (named pipe)"));
    case io::FileKind::Socket:
        return translated(QT_TRANSLATE_NOOP("SafeFile", "a socket"));
    case io::FileKind::Other:
        break;
    }
    return translated(QT_TRANSLATE_NOOP("SafeFile", "a special file"));
}

std::string encoded(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QString decoded(const std::string& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path));
}

} // namespace

QString writeErrorReason(const io::WriteError& error)
{
    using Reason = io::WriteError::Reason;
    // Several arguments in one arg() call: a '%1' inside a file name stays as it is.
    switch (error.reason()) {
    case Reason::NotRegularFile:
        if (error.resolved() != error.requested())
            return translated(QT_TRANSLATE_NOOP("SafeFile",
                                  "it is a symbolic link to '%1', which is %2, not a regular file"))
                .arg(decoded(error.resolved()), kindText(error.kind()));
        return translated(QT_TRANSLATE_NOOP("SafeFile", "it is %1, not a regular file"))
            .arg(kindText(error.kind()));
    case Reason::NoFolder:
        if (error.kind() == io::FileKind::Missing)
            return translated(QT_TRANSLATE_NOOP("SafeFile", "the folder '%1' does not exist"))
                .arg(decoded(error.folder()));
        return translated(QT_TRANSLATE_NOOP("SafeFile", "'%1' is %2, not a folder"))
            .arg(decoded(error.folder()), kindText(error.kind()));
    case Reason::System:
        break;
    }
    // The OS's own words (strerror, in the system's language), as QFile reports them.
    const QString reason = qt_error_string(error.osError());
    if (!error.folder().empty())
        return translated(QT_TRANSLATE_NOOP("SafeFile", "%1 (creating a file in '%2')"))
            .arg(reason, decoded(error.folder()));
    return reason;
}

QString writeErrorMessage(const io::WriteError& error)
{
    return translated(QT_TRANSLATE_NOOP("SafeFile", "cannot write '%1': %2"))
        .arg(decoded(error.requested()), writeErrorReason(error));
}

bool checkOutputPath(const QString& path, QString* error)
{
    try {
        io::checkOutputTarget(encoded(path));
        return true;
    } catch (const io::WriteError& problem) {
        if (error)
            *error = writeErrorMessage(problem);
        return false;
    }
}

SafeFile::SafeFile(const QString& path)
    : path_(path)
{
}

SafeFile::~SafeFile()
{
    SafeFile::close();
}

bool SafeFile::open(OpenMode mode)
{
    if (isOpen() || (mode & ~(WriteOnly | Truncate | Unbuffered)) != 0 || !(mode & WriteOnly)) {
        setErrorString(translated(QT_TRANSLATE_NOOP("SafeFile",
                                      "cannot write '%1': a file is written once, from the start"))
                           .arg(path_));
        return false;
    }
    failed_ = false;
    try {
        file_ = std::make_unique<io::AtomicFile>(encoded(path_));
    } catch (const io::WriteError& problem) {
        setErrorString(writeErrorMessage(problem));
        return false;
    }
    return QIODevice::open(WriteOnly | Unbuffered);
}

qint64 SafeFile::readData(char*, qint64)
{
    return -1;
}

qint64 SafeFile::writeData(const char* data, qint64 size)
{
    if (!file_ || !file_->isOpen())
        return -1;
    try {
        file_->write(data, std::size_t(size));
    } catch (const io::WriteError& problem) {
        setErrorString(writeErrorMessage(problem));
        failed_ = true;
        return -1;
    }
    return size;
}

bool SafeFile::commit()
{
    if (!isOpen() || !file_ || !file_->isOpen()) {
        // A write failed before (its message is kept), or the file was never opened.
        if (!failed_)
            setErrorString(
                translated(QT_TRANSLATE_NOOP("SafeFile", "cannot write '%1': the file is not open"))
                    .arg(path_));
        QIODevice::close();
        file_.reset();
        return false;
    }
    bool ok = true;
    try {
        file_->commit();
    } catch (const io::WriteError& problem) {
        setErrorString(writeErrorMessage(problem));
        ok = false;
    }
    file_.reset();
    QIODevice::close();
    return ok;
}

void SafeFile::close()
{
    file_.reset(); // discards the temporary file unless committed
    if (isOpen())
        QIODevice::close();
}

bool writeFileSafely(const QString& path, const QByteArray& bytes, QString* error)
{
    SafeFile file(path);
    const bool ok
        = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    if (!ok && error)
        *error = file.errorString();
    return ok;
}

} // namespace optviz
