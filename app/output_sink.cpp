#include "output_sink.h"

#include "core/parameter.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace optviz::cli {

namespace {
constexpr std::size_t flushThreshold = 1 << 20;
}

void checkOutputFlag(const std::string& flag, const std::string& path)
{
    if (path.empty())
        return;
    try {
        io::checkOutputTarget(path);
    } catch (const io::WriteError& error) {
        throw InvalidArgument(flag + ": " + error.what());
    }
}

OutputSink::OutputSink(const std::string& path)
    : path_(path)
{
    if (path.empty())
        return;
    try {
        file_ = std::make_unique<io::AtomicFile>(path);
    } catch (const io::WriteError& error) {
        throw InvalidArgument(std::string("--out: ") + error.what());
    }
    buffer_.reserve(flushThreshold + 4096);
}

OutputSink::~OutputSink() = default;

void OutputSink::flushIfLarge()
{
    if (buffer_.size() >= flushThreshold)
        flush();
}

void OutputSink::flush()
{
    if (buffer_.empty())
        return;
    if (file_) {
        try {
            file_->write(buffer_);
        } catch (const io::WriteError& error) {
            throw WriteFailed(error.what());
        }
    } else if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size()) {
        throw WriteFailed(std::string("cannot write to stdout: ") + std::strerror(errno));
    }
    buffer_.clear();
}

void OutputSink::finish()
{
    flush();
    if (!file_) {
        if (std::fflush(stdout) != 0)
            throw WriteFailed(std::string("cannot write to stdout: ") + std::strerror(errno));
        return;
    }
    try {
        file_->commit();
    } catch (const io::WriteError& error) {
        throw WriteFailed(error.what());
    }
}

} // namespace optviz::cli
