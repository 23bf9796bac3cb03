#include "contour_levels.h"

#include "surface_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

constexpr double logThresholdDecades = 3.0;
constexpr double maxLogDecades = 6.0;
constexpr double lowQuantile = 0.01;
constexpr int maxSamplesPerSide = 128;

bool validRange(double min, double max, int count)
{
    return count >= 1 && std::isfinite(min) && std::isfinite(max) && max > min;
}

// Next to a huge min, min + a tiny offset can round back to min, and two offsets to the
// same level; keep the promise of distinct, ascending levels strictly inside (min, max).
void keepStrictlyInside(std::vector<double>& levels, double min, double max)
{
    levels.erase(std::remove_if(levels.begin(), levels.end(),
                     [min, max](double level) { return !(level > min && level < max); }),
        levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
}

// How many decades the finite values span above their minimum: log10(range / q) with q
// the lowest-1% offset. Infinite when at least 1% of the values sit exactly at the
// minimum; 0 when the grid has no spread at all.
double spanDecades(const SurfaceGrid& grid)
{
    if (!grid.hasFiniteValues())
        return 0.0;
    const double min = grid.minValue();
    const double range = grid.maxValue() - min;
    if (!(range > 0.0))
        return 0.0;

    // A strided 2-D subsample: strides per axis rather than one flat stride, which could
    // alias with the row length and sample a single column.
    const int strideX = (grid.columns() + maxSamplesPerSide - 1) / maxSamplesPerSide;
    const int strideY = (grid.rows() + maxSamplesPerSide - 1) / maxSamplesPerSide;
    std::vector<double> offsets;
    offsets.reserve(static_cast<std::size_t>(maxSamplesPerSide * maxSamplesPerSide));
    for (int j = 0; j < grid.rows(); j += strideY) {
        for (int i = 0; i < grid.columns(); i += strideX) {
            const double v = grid.value(i, j);
            if (!std::isnan(v))
                offsets.push_back(v - min);
        }
    }
    if (offsets.empty())
        return 0.0;
    const auto k
        = static_cast<std::ptrdiff_t>(lowQuantile * static_cast<double>(offsets.size() - 1));
    std::nth_element(offsets.begin(), offsets.begin() + k, offsets.end());
    const double q = offsets[static_cast<std::size_t>(k)];
    return q > 0.0 ? std::log10(range / q) : std::numeric_limits<double>::infinity();
}

} // namespace

std::vector<double> linearLevels(double min, double max, int count)
{
    std::vector<double> levels;
    if (!validRange(min, max, count))
        return levels;
    levels.reserve(static_cast<std::size_t>(count));
    const double step = (max - min) / (count + 1);
    for (int k = 1; k <= count; ++k)
        levels.push_back(min + k * step);
    keepStrictlyInside(levels, min, max);
    return levels;
}

std::vector<double> logLevels(double min, double max, int count, double decades)
{
    std::vector<double> levels;
    if (!validRange(min, max, count) || !(decades > 0.0) || !std::isfinite(decades))
        return levels;
    levels.reserve(static_cast<std::size_t>(count));
    const double range = max - min;
    for (int k = 0; k < count; ++k) {
        const double offset = range * std::pow(10.0, -decades * (count - k) / count);
        levels.push_back(min + offset);
    }
    keepStrictlyInside(levels, min, max);
    return levels;
}

LevelSpacing chooseSpacing(const SurfaceGrid& grid)
{
    return spanDecades(grid) > logThresholdDecades ? LevelSpacing::Log : LevelSpacing::Linear;
}

std::vector<double> chooseLevels(const SurfaceGrid& grid, int count)
{
    if (!grid.hasFiniteValues())
        return {};
    const double decades = spanDecades(grid);
    if (decades > logThresholdDecades)
        return logLevels(grid.minValue(), grid.maxValue(), count, std::min(decades, maxLogDecades));
    return linearLevels(grid.minValue(), grid.maxValue(), count);
}

} // namespace optviz
