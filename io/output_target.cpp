#include "output_target.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace optviz::io {

namespace {

// Linux's own limit on links followed in one path (MAXSYMLINKS).
constexpr int maxLinks = 40;

FileKind kindOfMode(mode_t mode)
{
    if (S_ISREG(mode))
        return FileKind::Regular;
    if (S_ISDIR(mode))
        return FileKind::Folder;
    if (S_ISCHR(mode))
        return FileKind::CharacterDevice;
    if (S_ISBLK(mode))
        return FileKind::BlockDevice;
    if (S_ISFIFO(mode))
        return FileKind::Fifo;
    if (S_ISSOCK(mode))
        return FileKind::Socket;
    return FileKind::Other;
}

// A path as messages quote it: on one line, whatever bytes it holds.
std::string quoted(const std::string& path)
{
    std::string text = "'";
    for (const char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(
                escaped, sizeof escaped, "\\x%02X", unsigned(static_cast<unsigned char>(c)));
            text += escaped;
        } else {
            text += c;
        }
    }
    return text + "'";
}

// "dir/" of "dir/name", "" of "name": the prefix that a relative link target joins.
std::string folderPrefix(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string folderOf(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string readLink(const std::string& path)
{
    std::vector<char> buffer(256);
    for (;;) {
        const ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size());
        if (length < 0)
            return {};
        if (std::size_t(length) < buffer.size())
            return std::string(buffer.data(), std::size_t(length));
        buffer.resize(buffer.size() * 2);
    }
}

} // namespace

const char* kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Missing:
        return "nothing";
    case FileKind::Regular:
        return "a regular file";
    case FileKind::Folder:
        return "a folder";
    case FileKind::CharacterDevice:
        return "a character device";
    case FileKind::BlockDevice:
        return "a block device";
    case FileKind::Fifo:
        return "a FIFO (named pipe)";
    case FileKind::Socket:
        return "a socket";
    case FileKind::Other:
        break;
    }
    return "a special file";
}

WriteError::WriteError(Reason reason, Stage stage, std::string requested, std::string resolved,
    std::string folder, FileKind kind, int osError)
    : std::runtime_error("cannot write " + quoted(requested) + ": "
        + describe(reason, requested, resolved, folder, kind, osError))
    , reason_(reason)
    , stage_(stage)
    , requested_(std::move(requested))
    , resolved_(std::move(resolved))
    , folder_(std::move(folder))
    , kind_(kind)
    , osError_(osError)
{
}

std::string WriteError::detail() const
{
    return describe(reason_, requested_, resolved_, folder_, kind_, osError_);
}

std::string WriteError::describe(Reason reason, const std::string& requested,
    const std::string& resolved, const std::string& folder, FileKind kind, int osError)
{
    switch (reason) {
    case Reason::NotRegularFile:
        if (resolved != requested)
            return "it is a symbolic link to " + quoted(resolved) + ", which is " + kindName(kind)
                + ", not a regular file";
        return std::string("it is ") + kindName(kind) + ", not a regular file";
    case Reason::NoFolder:
        if (kind == FileKind::Missing)
            return "the folder " + quoted(folder) + " does not exist";
        return quoted(folder) + " is " + kindName(kind) + ", not a folder";
    case Reason::System:
        break;
    }
    std::string text = std::strerror(osError);
    if (!folder.empty())
        text += " (creating a file in " + quoted(folder) + ")";
    return text;
}

FileKind kindOf(const std::string& path)
{
    struct stat status
    {
    };
    return ::stat(path.c_str(), &status) == 0 ? kindOfMode(status.st_mode) : FileKind::Missing;
}

OutputTarget checkOutputTarget(const std::string& path, bool needWritableFolder)
{
    using Reason = WriteError::Reason;
    const auto refuse = [&path](Reason reason, const std::string& resolved,
                            const std::string& folder, FileKind kind, int osError) {
        return WriteError(reason, WriteError::Stage::Check, path, resolved, folder, kind, osError);
    };
    if (path.empty())
        throw refuse(Reason::System, path, {}, FileKind::Missing, ENOENT);
    if (path.back() == '/') // "out/" names a folder, existing or not
        throw refuse(Reason::NotRegularFile, path, {}, FileKind::Folder, 0);

    // Links are followed one by one rather than with realpath(), which fails on a
    // dangling link: a link to a file not written yet names the file to create.
    OutputTarget target;
    target.requested = path;
    std::string current = path;
    for (int links = 0;;) {
        struct stat status
        {
        };
        if (::lstat(current.c_str(), &status) == 0) {
            if (S_ISLNK(status.st_mode)) {
                if (++links > maxLinks)
                    throw refuse(Reason::System, current, {}, FileKind::Other, ELOOP);
                const std::string link = readLink(current);
                if (link.empty())
                    throw refuse(
                        Reason::System, current, {}, FileKind::Other, errno ? errno : EINVAL);
                current = link.front() == '/' ? link : folderPrefix(current) + link;
                continue;
            }
            const FileKind kind = kindOfMode(status.st_mode);
            if (kind != FileKind::Regular)
                throw refuse(Reason::NotRegularFile, current, {}, kind, 0);
            target.exists = true;
            break;
        }
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR) {
            const std::string folder = folderOf(current);
            const FileKind folderKind = kindOf(folder);
            if (folderKind != FileKind::Folder)
                throw refuse(Reason::NoFolder, current, folder, folderKind, error);
            if (error == ENOTDIR) // cannot happen with a folder there; be safe
                throw refuse(Reason::System, current, {}, FileKind::Other, error);
            break;
        }
        throw refuse(Reason::System, current, {}, FileKind::Other, error);
    }
    target.path = current;
    target.folder = folderOf(current);
    target.name = nameOf(current);
    if (target.name == "." || target.name == "..")
        throw refuse(Reason::NotRegularFile, current, {}, FileKind::Folder, 0);
    if (needWritableFolder) {
        // The file itself: a read-only file says "do not overwrite me", as fopen would.
        if (target.exists && ::faccessat(AT_FDCWD, current.c_str(), W_OK, AT_EACCESS) != 0)
            throw refuse(Reason::System, current, {}, FileKind::Regular, errno);
        if (::faccessat(AT_FDCWD, target.folder.c_str(), W_OK | X_OK, AT_EACCESS) != 0)
            throw refuse(Reason::System, current, target.folder, FileKind::Folder, errno);
    }
    return target;
}

} // namespace optviz::io
