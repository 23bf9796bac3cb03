#pragma once

// The Qt side of io/atomic_file.h: every file the window and `optviz-cli render` write
// goes through it (figures, animations, trajectories, scenes), so that the same checks
// (symbolic links followed; devices, FIFOs, sockets and folders refused) and the same
// atomic replacement apply everywhere, with messages in the window's language.

#include "io/atomic_file.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>

namespace optviz {

// "cannot write 'PATH': it is a character device, not a regular file", translated.
QString writeErrorMessage(const io::WriteError& error);
// The same without "cannot write 'PATH': ", for callers that name the file themselves.
QString writeErrorReason(const io::WriteError& error);

// io::checkOutputTarget() for a QString path: true if `path` can be written (nothing is
// created); false with the translated message in `error`.
bool checkOutputPath(const QString& path, QString* error);

// A write-only QIODevice over io::AtomicFile, for QImageWriter, QSvgGenerator and giflib:
// open() creates the temporary file beside the target, commit() puts it in place, and
// close() or destruction without commit() discards it (the target stays as it was).
class SafeFile : public QIODevice
{
public:
    explicit SafeFile(const QString& path);
    ~SafeFile() override;

    // WriteOnly is the only mode. False with errorString() when the target is refused.
    bool open(OpenMode mode) override;
    // False with errorString() when the bytes could not all be put in place.
    bool commit();
    // Discards what was written; the target stays as it was.
    void close() override;
    bool isSequential() const override { return true; }

    const QString& fileName() const { return path_; }
    // A write failed (errorString() has the OS's reason); commit() will fail.
    bool writeFailed() const { return failed_; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    QString path_;
    std::unique_ptr<io::AtomicFile> file_;
    bool failed_ = false; // a write failed: errorString() says why
};

// Writes `bytes` to `path` through a SafeFile: false with the translated message.
bool writeFileSafely(const QString& path, const QByteArray& bytes, QString* error);

} // namespace optviz
