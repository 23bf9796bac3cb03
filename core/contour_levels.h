#pragma once

#include <vector>

namespace optviz {

class SurfaceGrid;

// How contour levels are spread between a grid's minimum and maximum.
enum class LevelSpacing { Linear, Log };

// `count` levels evenly spaced strictly inside (min, max):
//     min + k·(max − min)/(count + 1),  k = 1 … count.
// The ends are left out on purpose: a level at the minimum is at best a point, and one at
// the maximum encloses nothing. Empty if count < 1, min or max is not finite, or
// max ≤ min.
std::vector<double> linearLevels(double min, double max, int count);

// `count` levels at min + offset, the offsets log-spaced from range·10^−decades up to (not
// including) the range, range = max − min:
//     offset_k = range · 10^(−decades·(count − k)/count),  k = 0 … count − 1.
// For surfaces whose values span decades above their minimum (Rosenbrock: 0 at the
// minimum, thousands at the corners of the view), where linear levels would all crowd the
// walls and leave the valley, the interesting part, without a single line. Empty under
// the same conditions as linearLevels, or if decades ≤ 0.
std::vector<double> logLevels(double min, double max, int count, double decades = 4.0);

// The rule chooseLevels() applies. Let q be the 1st percentile of the finite values'
// offsets above their minimum (f − min; estimated on an evenly spread subsample of at
// most 128 × 128 grid points), range = max − min, and decades = log10(range / q): how many
// decades separate "the lowest 1% of the view" from the highest value.
// - decades > 3: Log spacing over min(decades, 6) decades, so the lowest line encloses
//   roughly the lowest 1% of the view. Rosenbrock on its default view: ≈ 3.6.
// - otherwise Linear. Any quadratic bowl is ≈ 2.2 whatever its scale (the area below a
//   level grows linearly with the level), 2.9 when as elongated as x² + 100y².
LevelSpacing chooseSpacing(const SurfaceGrid& grid);

// `count` levels for `grid` by the rule above; empty if the grid has fewer than two
// distinct finite values. Always sorted ascending, always strictly inside the range.
std::vector<double> chooseLevels(const SurfaceGrid& grid, int count);

} // namespace optviz
