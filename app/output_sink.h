#pragma once

#include "io/atomic_file.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace optviz::cli {

// A failure while writing output (a full disk, an I/O error, a closed pipe): the command
// fails at run time (exitWriteFailed) and the message carries the OS's reason.
class WriteFailed : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The check of an --out (or --save-scene) target before any work: a device, a FIFO, a
// socket or a folder, a missing folder, or a folder we may not create a file in, are bad
// input (InvalidArgument naming `flag`, exit 2). Creates nothing. An empty path (stdout)
// passes.
void checkOutputFlag(const std::string& flag, const std::string& path);

// Where a command's text output goes: stdout, or the file of --out. Text is gathered in
// a buffer and written in large blocks, so million-row trajectories stream quickly and
// use little memory. A file is written atomically (io::AtomicFile): into a temporary file
// beside it, renamed over it by finish(); until then, and whenever the command fails or
// is killed, the old file stays as it was.
class OutputSink
{
public:
    // An empty path means stdout. Throws InvalidArgument (exit 2) if the target is
    // refused or its temporary file cannot be created: before any work.
    explicit OutputSink(const std::string& path);
    ~OutputSink(); // without finish(): the file stays as it was
    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;

    // The buffer to append to; call flushIfLarge() now and then, finish() at the end.
    std::string& buffer() { return buffer_; }
    void flushIfLarge();
    // Writes what is left and puts the file in place; throws WriteFailed on a write error.
    void finish();

private:
    void flush();

    std::string path_;
    std::unique_ptr<io::AtomicFile> file_; // null: stdout
    std::string buffer_;
};

} // namespace optviz::cli
