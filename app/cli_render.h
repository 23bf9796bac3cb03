#pragma once

#include <string>
#include <vector>

namespace optviz::cli {

// `optviz-cli render`: runs a scene (from --scene FILE.json, or from flags) and writes
// the figure the window shows as PNG, SVG or PDF. The only command that starts Qt's GUI
// machinery (offscreen when there is no display). Returns the exit status; throws
// InvalidArgument for bad input (status 2).
int renderCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
