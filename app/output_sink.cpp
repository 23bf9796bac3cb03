#include "output_sink.h"

#include "core/parameter.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace optviz::cli {

namespace {
constexpr std::size_t flushThreshold = 1 << 20;
}

OutputSink::OutputSink(const std::string& path)
    : path_(path)
{
    if (path.empty()) {
        file_ = stdout;
        return;
    }
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_)
        throw InvalidArgument(
            "--out: cannot write '" + printable(path, 200) + "': " + std::strerror(errno));
    ownsFile_ = true;
    buffer_.reserve(flushThreshold + 4096);
}

OutputSink::~OutputSink()
{
    if (ownsFile_ && file_)
        std::fclose(file_);
}

void OutputSink::flushIfLarge()
{
    if (buffer_.size() >= flushThreshold)
        flush();
}

void OutputSink::flush()
{
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        throw std::runtime_error("cannot write " + (path_.empty() ? "to stdout" : "'" + path_ + "'")
            + ": " + std::strerror(errno));
    buffer_.clear();
}

void OutputSink::finish()
{
    flush();
    const bool failed = std::fflush(file_) != 0;
    if (ownsFile_) {
        const bool closeFailed = std::fclose(file_) != 0;
        file_ = nullptr;
        if (failed || closeFailed)
            throw std::runtime_error("cannot write '" + path_ + "': " + std::strerror(errno));
    } else if (failed) {
        throw std::runtime_error(std::string("cannot write to stdout: ") + std::strerror(errno));
    }
}

} // namespace optviz::cli
