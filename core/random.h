#pragma once

#include <cstdint>
#include <random>

namespace optviz {

// Seeded random numbers that are the same on every platform and standard library:
// std::mt19937_64 is fully specified, but std::normal_distribution and
// std::uniform_real_distribution are not, so we derive our own from its raw bits.
// Data sets, gradient noise and mini-batch shuffles all draw from this.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : engine_(seed)
    {
    }

    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    // Standard normal, Marsaglia's polar method (one spare value is kept).
    double normal();
    // Uniform integer in [0, n).
    std::uint64_t below(std::uint64_t n);
    // Fisher–Yates shuffle of [first, first + count).
    void shuffle(int* first, int count);

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

} // namespace optviz
