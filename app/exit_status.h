#pragma once

namespace optviz::cli {

// The CLI's exit statuses (spec/cli.md: 0 done, 2 bad input, 3 failed at run time): part
// of the public interface.
constexpr int exitOk = 0;
constexpr int exitFailure = 1; // an unexpected failure (an internal error)
// Bad input: one line on stderr names the argument. An output file that cannot be
// written is bad input when that is known before any work: its target is not a regular
// file (a device, a FIFO, a socket, a folder, also through a symbolic link), its folder
// does not exist, or it refuses a new file (EACCES, EROFS). Nothing is written then.
constexpr int exitBadInput = 2;
// Failed at run time: the run diverged (rows up to the last finite iterate) ...
constexpr int exitDiverged = 3;
// ... or writing the output failed after the work began (ENOSPC, EIO, a closed pipe);
// the old file, if there was one, is intact.
constexpr int exitWriteFailed = 3;

} // namespace optviz::cli
