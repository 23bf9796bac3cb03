#include "random.h"

#include <cmath>
#include <utility>

namespace optviz {

double Random::normal()
{
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * factor;
    hasSpare_ = true;
    return u * factor;
}

std::uint64_t Random::below(std::uint64_t n)
{
    // Rejection sampling avoids the modulo bias.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = 0;
    do {
        r = engine_();
    } while (r >= limit);
    return r % n;
}

void Random::shuffle(int* first, int count)
{
    for (int i = count - 1; i > 0; --i) {
        const auto j = static_cast<int>(below(static_cast<std::uint64_t>(i) + 1));
        std::swap(first[i], first[j]);
    }
}

} // namespace optviz
