#pragma once

namespace optviz::cli {

// The CLI's exit statuses (spec/cli.md): part of the public interface.
constexpr int exitOk = 0;
constexpr int exitFailure = 1; // an unexpected failure (a write error, an internal error)
constexpr int exitBadInput = 2; // bad input: one line on stderr names the argument
constexpr int exitDiverged = 3; // the run diverged; rows up to the last finite iterate

} // namespace optviz::cli
