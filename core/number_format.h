#pragma once

#include <string>

namespace optviz {

// Appends `value` with 17 significant digits, exactly as printf's "%.17g" would: enough
// to read back the same double, which the CLI's CSV and JSON promise. std::to_chars is
// several times faster than snprintf, which matters for million-row outputs.
void appendNumber17(std::string& out, double value);

} // namespace optviz
