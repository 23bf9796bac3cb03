#include "number_format.h"

#include <charconv>

namespace optviz {

void appendNumber17(std::string& out, double value)
{
    char buffer[32];
    const auto result
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
    out.append(buffer, result.ptr);
}

} // namespace optviz
