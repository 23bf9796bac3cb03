#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace optviz::fuzz {

// Longest message a person should have to read: the longest legitimate one lists every
// optimizer or surface name, a few hundred characters.
constexpr std::size_t maxMessageLength = 1000;

// A property of the product that the input broke: printed, then abort() so that the
// fuzzer (or the corpus replay) reports it with the input that caused it.
[[noreturn]] inline void violated(const char* property, std::string_view detail)
{
    std::fprintf(
        stderr, "fuzz property violated: %s: %.*s\n", property, int(detail.size()), detail.data());
    std::abort();
}

// Bad input gets one clear line (docs/architecture.md): not empty, no line breaks or other
// control characters, of a readable length.
inline void checkMessage(std::string_view message)
{
    if (message.empty())
        violated("an error message is empty", message);
    if (message.size() > maxMessageLength)
        violated("an error message is too long to read", message.substr(0, 200));
    for (const char c : message)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            violated("an error message holds a control character", message);
}

} // namespace optviz::fuzz
