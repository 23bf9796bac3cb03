#pragma once

#include "output_target.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace optviz::io {

// Replaces a file atomically: the bytes go to a temporary file in the target's own folder
// (".NAME.optviz-XXXXXX"), and commit() flushes it to the disk (fsync) and renames it over
// the target. A crash, a full disk or kill -9 at any moment leaves either the old file
// intact or the new one complete, never a mixture or a cut file.
//
// The target is checkOutputTarget()'s: symbolic links are followed and the rename goes
// over the file they lead to, so that a link stays a link and shows the new content (the
// link itself is never replaced by a regular file). A target that is not a regular file
// (a device, a FIFO, a socket, a folder) is refused before anything is created. The new
// file keeps the old one's permission bits (and its owner and group when we may set
// them); a new file gets 0666 less the umask, as fopen() would give it. As with any
// editor's atomic save, other hard links to the old file keep the old contents.
//
// While a writer lives it holds a lock (flock) on its temporary file; the kernel drops
// the lock when the process ends, even by kill -9. The next writer of the same target
// removes the temporaries that nobody holds: what an interrupted writer left behind.
class AtomicFile
{
public:
    // Checks the target, removes stale temporaries of it and creates the temporary file.
    // Throws WriteError (stage Check or Create): nothing has been written then.
    explicit AtomicFile(const std::string& path);
    // Without commit(), removes the temporary file: the target stays as it was.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Appends to the temporary file. Throws WriteError (stage Write, with the OS's reason,
    // e.g. ENOSPC) after removing the temporary file.
    void write(const void* data, std::size_t size);
    void write(std::string_view bytes) { write(bytes.data(), bytes.size()); }
    // fsync, then rename over the target. Throws WriteError (stage Commit) after removing
    // the temporary file; the target is then as it was.
    void commit();
    // Removes the temporary file; the target stays as it was. Safe to call twice.
    void abort() noexcept;

    bool isOpen() const { return fd_ >= 0; }
    const OutputTarget& target() const { return target_; }
    const std::string& temporaryPath() const { return temporary_; }

private:
    [[noreturn]] void fail(WriteError::Stage stage, int osError);

    OutputTarget target_;
    std::string temporary_;
    int fd_ = -1;
};

// One AtomicFile write of `bytes` to `path`; throws WriteError.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// True if `entry` (a name in a folder) has the form of AtomicFile's temporary files for a
// target named `targetName`.
bool isTemporaryName(const std::string& entry, const std::string& targetName);

// Removes the temporary files of `target` that no living writer holds and that nobody
// has modified for `minimumAgeSeconds` (a writer that has created its temporary file but
// not locked it yet, microseconds later, is young). Where the file system has no locks,
// a temporary is stale after an hour without writes. Returns how many were removed.
// Never follows a link and never removes anything but regular files.
int removeStaleTemporaries(const OutputTarget& target, double minimumAgeSeconds = 1.0);

} // namespace optviz::io
