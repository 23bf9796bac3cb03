#pragma once

#include <cstdint>

namespace optviz {

// One user-facing seed drives several independent random streams (the data split, the
// initial weights, the mini-batch shuffles): each stream gets its own seed, mixed by
// splitmix64's finaliser (Steele, Lea & Flood 2014), so that the streams are not the
// same Mersenne Twister sequence read in different ways.
enum class SeedStream : std::uint64_t { DataSplit = 1, Initialization = 2, Shuffle = 3 };

constexpr std::uint64_t deriveSeed(std::uint64_t seed, SeedStream stream)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(stream) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace optviz
