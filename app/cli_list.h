#pragma once

#include <string>
#include <vector>

namespace optviz::cli {

// `optviz-cli list`: every surface and optimizer with its parameters, defaults, ranges
// and meanings (and each surface's known minima, indexed as `basins` reports them).
int listCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
