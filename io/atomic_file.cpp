#include "atomic_file.h"

#include <cerrno>
#include <chrono>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

namespace optviz::io {

namespace {

constexpr const char* marker = ".optviz-";
constexpr std::size_t suffixLength = 6;
// A temporary's name must fit NAME_MAX (255) with the dot, the marker and the suffix.
constexpr std::size_t maxNamePart = 200;
// Where locks do not work (some network or FUSE file systems), a temporary is stale only
// when nobody has written to it for this long.
constexpr double unlockableAgeSeconds = 3600;

std::string temporaryPrefix(const std::string& targetName)
{
    return "." + targetName.substr(0, maxNamePart) + marker;
}

bool isSuffixCharacter(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string randomSuffix()
{
    static constexpr char alphabet[]
        = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    thread_local std::mt19937_64 generator = [] {
        std::random_device device;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        std::seed_seq seed {device(), device(), unsigned(::getpid()), unsigned(now)};
        return std::mt19937_64(seed);
    }();
    std::uniform_int_distribution<int> pick(0, int(sizeof alphabet) - 2);
    std::string suffix;
    for (std::size_t i = 0; i < suffixLength; ++i)
        suffix += alphabet[pick(generator)];
    return suffix;
}

std::string joined(const std::string& folder, const std::string& name)
{
    return folder == "/" ? "/" + name : folder + "/" + name;
}

void closeKeepingErrno(int fd)
{
    const int saved = errno;
    ::close(fd);
    errno = saved;
}

} // namespace

bool isTemporaryName(const std::string& entry, const std::string& targetName)
{
    const std::string prefix = temporaryPrefix(targetName);
    if (entry.size() != prefix.size() + suffixLength
        || entry.compare(0, prefix.size(), prefix) != 0)
        return false;
    for (std::size_t i = prefix.size(); i < entry.size(); ++i)
        if (!isSuffixCharacter(entry[i]))
            return false;
    return true;
}

int removeStaleTemporaries(const OutputTarget& target, double minimumAgeSeconds)
{
    const int folderFd = ::open(target.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderFd < 0)
        return 0;
    DIR* folder = ::fdopendir(folderFd);
    if (!folder) {
        ::close(folderFd);
        return 0;
    }
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    int removed = 0;
    while (const dirent* entry = ::readdir(folder)) {
        const std::string name = entry->d_name;
        if (!isTemporaryName(name, target.name))
            continue;
        // O_NOFOLLOW and O_NONBLOCK: a link or a FIFO of that name is opened harmlessly
        // and then left alone, as it is not a regular file.
        const int fd
            = ::openat(folderFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat status
        {
        };
        if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
            const double age = double(now.tv_sec - status.st_mtim.tv_sec)
                + 1e-9 * double(now.tv_nsec - status.st_mtim.tv_nsec);
            bool stale = false;
            if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
                stale = age >= minimumAgeSeconds;
            else if (errno != EWOULDBLOCK) // no locks here: age alone decides
                stale = age >= unlockableAgeSeconds;
            if (stale && ::unlinkat(folderFd, name.c_str(), 0) == 0)
                ++removed;
        }
        ::close(fd);
    }
    ::closedir(folder); // closes folderFd
    return removed;
}

AtomicFile::AtomicFile(const std::string& path)
    : target_(checkOutputTarget(path))
{
    removeStaleTemporaries(target_);
    struct stat old
    {
    };
    const bool hadFile = target_.exists && ::stat(target_.path.c_str(), &old) == 0;
    const std::string prefix = joined(target_.folder, temporaryPrefix(target_.name));
    for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
        temporary_ = prefix + randomSuffix();
        // 0666 less the umask (and the folder's default ACL), as a new file would get.
        fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ < 0 && errno != EEXIST)
            break;
    }
    if (fd_ < 0) {
        const int error = errno;
        temporary_.clear();
        throw WriteError(WriteError::Reason::System, WriteError::Stage::Create, target_.requested,
            target_.path, target_.folder, FileKind::Missing, error);
    }
    // Held until the file is closed or the process ends: removeStaleTemporaries() leaves
    // a held temporary alone. Where locks are unsupported, the age rule applies instead.
    ::flock(fd_, LOCK_EX | LOCK_NB);
    if (hadFile) {
        // Owner first: changing it clears the set-user-ID bits that fchmod then restores.
        // Only root may give a file away; for others the new file is theirs, as it would
        // be after any editor's save.
        if (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) [[maybe_unused]]
            const int ignored = ::fchown(fd_, old.st_uid, old.st_gid);
        ::fchmod(fd_, old.st_mode & 07777);
    }
}

AtomicFile::~AtomicFile()
{
    abort();
}

void AtomicFile::abort() noexcept
{
    if (fd_ < 0)
        return;
    closeKeepingErrno(fd_);
    fd_ = -1;
    const int saved = errno;
    ::unlink(temporary_.c_str());
    errno = saved;
}

void AtomicFile::fail(WriteError::Stage stage, int osError)
{
    abort();
    throw WriteError(WriteError::Reason::System, stage, target_.requested, target_.path, {},
        FileKind::Regular, osError);
}

void AtomicFile::write(const void* data, std::size_t size)
{
    if (fd_ < 0)
        throw WriteError(WriteError::Reason::System, WriteError::Stage::Write, target_.requested,
            target_.path, {}, FileKind::Regular, EBADF);
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd_, bytes, size);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            fail(WriteError::Stage::Write, errno);
        }
        if (written == 0) // cannot happen for a regular file; never loop forever
            fail(WriteError::Stage::Write, EIO);
        bytes += written;
        size -= std::size_t(written);
    }
}

void AtomicFile::commit()
{
    using Stage = WriteError::Stage;
    if (fd_ < 0)
        throw WriteError(WriteError::Reason::System, Stage::Commit, target_.requested, target_.path,
            {}, FileKind::Regular, EBADF);
    // On the disk before the name: after a power cut the new name never shows a file
    // whose blocks were not written yet.
    if (::fsync(fd_) != 0)
        fail(Stage::Commit, errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) { // network file systems report late write errors here
        const int error = errno;
        ::unlink(temporary_.c_str());
        throw WriteError(WriteError::Reason::System, Stage::Commit, target_.requested, target_.path,
            {}, FileKind::Regular, error);
    }
    // The target was checked when the write began; if something else has taken its place
    // since (a device node, a folder), leave it alone.
    struct stat now
    {
    };
    if (::lstat(target_.path.c_str(), &now) == 0 && !S_ISREG(now.st_mode)) {
        ::unlink(temporary_.c_str());
        const FileKind kind = kindOf(target_.path);
        throw WriteError(WriteError::Reason::NotRegularFile, Stage::Commit, target_.requested,
            target_.path, {}, kind == FileKind::Missing ? FileKind::Other : kind, 0);
    }
    if (::rename(temporary_.c_str(), target_.path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary_.c_str());
        throw WriteError(WriteError::Reason::System, Stage::Commit, target_.requested, target_.path,
            {}, FileKind::Regular, error);
    }
    // The rename itself on the disk too. Some file systems cannot sync a folder (EINVAL):
    // the file is complete either way.
    const int folderFd = ::open(target_.folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
}

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace optviz::io
