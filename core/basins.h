#pragma once

#include "parallel_runs.h"
#include "run_setup.h"
#include "surface.h"

#include <vector>

namespace optviz {

// A W × H grid of start points over a view: the centres of its cells. Row 0 is the
// bottom row (y near view.yMin), column 0 the left one.
struct BasinGrid
{
    static constexpr int maxSide = 2000;

    ViewRect view;
    int width = 100;
    int height = 100;

    Point2 cellCentre(int column, int row) const;
    // Throws InvalidArgument unless 1 ≤ width, height ≤ maxSide and the view is finite
    // with xMin < xMax and yMin < yMax.
    void check() const;
    friend bool operator==(const BasinGrid&, const BasinGrid&) = default;
};

// Where the run from one cell centre ended up.
struct BasinCell
{
    // Index into the surface's minima() (the order `optviz-cli list` prints) of the
    // minimum the final iterate is within the tolerance of (the nearest, should several
    // be); −1 if none, or if the run diverged.
    int minimum = -1;
    // The step from which the run stayed within the tolerance of that minimum; the step
    // budget if it ended near none.
    long long steps = 0;
    bool diverged = false;
};

struct BasinMap
{
    BasinGrid grid;
    std::vector<Point2> minima; // the surface's known minima
    double tolerance = 0.0; // a distance
    long long steps = 0; // the step budget of every run
    std::vector<BasinCell> cells; // row by row from the bottom: cells[row · width + column]
    bool complete = false; // false if cancelled

    const BasinCell& at(int column, int row) const
    {
        return cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(grid.width)
            + static_cast<std::size_t>(column)];
    }
};

// The basins of attraction of the surface's known minima for one optimizer: runs it from
// every cell centre of `grid` for setup.steps steps, on every core (ParallelControl);
// the result does not depend on the thread count. Throws InvalidArgument for an unknown
// optimizer or bad parameters, a bad grid, or a tolerance that is not a positive number.
BasinMap runBasins(const RunSetup& setup, const BasinGrid& grid, double tolerance,
    const ParallelControl& control = {});

} // namespace optviz
