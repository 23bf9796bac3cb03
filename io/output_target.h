#pragma once

// Where a file the program writes really goes, and whether it may go there: the checks
// shared by every output (the CLI's --out and --save-scene, the window's exports, scene
// saves and settings). Plain C++ and POSIX: no Qt, so that the CLI's text commands and
// the tests use it as they are; ui/safe_file.h adapts it to Qt's devices and messages.

#include <stdexcept>
#include <string>

namespace optviz::io {

// What a path names (after following symbolic links).
enum class FileKind { Missing, Regular, Folder, CharacterDevice, BlockDevice, Fifo, Socket, Other };

// "a character device", "a FIFO (named pipe)", …: the words of the messages.
const char* kindName(FileKind kind);

// A target that may be replaced: `path` with every symbolic link followed.
struct OutputTarget
{
    std::string requested; // as given
    std::string path; // the file that a write renames over (== requested without links)
    std::string folder; // path's folder, where the temporary file is created
    std::string name; // path's last component
    bool exists = false; // a regular file is there now
    bool viaSymlink() const { return path != requested; }
};

// Why a write cannot happen or did not complete. `stage` says how far it got: a failure
// at Check or Create wrote nothing anywhere (the CLI treats it as bad input, exit 2);
// at Write or Commit the old file is intact but the work is lost (exit 3).
class WriteError : public std::runtime_error
{
public:
    enum class Reason {
        NotRegularFile, // kind() says what it is instead
        NoFolder, // folder() does not exist or is not a folder
        System, // osError() is the errno (EACCES, ENOSPC, EROFS, ELOOP, …)
    };
    enum class Stage { Check, Create, Write, Commit };

    WriteError(Reason reason, Stage stage, std::string requested, std::string resolved,
        std::string folder, FileKind kind, int osError);

    Reason reason() const { return reason_; }
    Stage stage() const { return stage_; }
    bool wroteNothing() const { return stage_ == Stage::Check || stage_ == Stage::Create; }
    const std::string& requested() const { return requested_; }
    const std::string& resolved() const { return resolved_; }
    const std::string& folder() const { return folder_; }
    FileKind kind() const { return kind_; }
    int osError() const { return osError_; }

    // The English sentence of what(), without "cannot write 'PATH': ": for example
    // "it is a symbolic link to '/dev/full', which is a character device, not a regular
    // file", or "No space left on device".
    std::string detail() const;

private:
    static std::string describe(Reason reason, const std::string& requested,
        const std::string& resolved, const std::string& folder, FileKind kind, int osError);

    Reason reason_;
    Stage stage_;
    std::string requested_, resolved_, folder_;
    FileKind kind_;
    int osError_;
};

// Follows every symbolic link of `path` (a dangling link names the file to create) and
// checks that the end is a regular file, or nothing in an existing folder. With
// `needWritableFolder`, also that this process may create a file in that folder (the
// temporary file goes there), which reports EACCES and EROFS before any work. Creates
// nothing. Throws WriteError at stage Check.
OutputTarget checkOutputTarget(const std::string& path, bool needWritableFolder = true);

// The kind of what `path` names, following symbolic links; Missing if nothing is there.
FileKind kindOf(const std::string& path);

} // namespace optviz::io
