#pragma once

#include <cstdio>
#include <string>

namespace optviz::cli {

// Where a command's text output goes: stdout, or the file of --out. Text is gathered in
// a buffer and written in large blocks, so million-row trajectories stream quickly and
// use little memory. Write failures (a full disk, a closed pipe) surface as exceptions.
class OutputSink
{
public:
    // An empty path means stdout. Throws InvalidArgument if the file cannot be opened.
    explicit OutputSink(const std::string& path);
    ~OutputSink();
    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;

    // The buffer to append to; call flushIfLarge() now and then, finish() at the end.
    std::string& buffer() { return buffer_; }
    void flushIfLarge();
    // Writes what is left and closes; throws std::runtime_error on a write error.
    void finish();

private:
    void flush();

    std::string path_;
    std::FILE* file_ = nullptr;
    bool ownsFile_ = false;
    std::string buffer_;
};

} // namespace optviz::cli
