#pragma once

#include "../surface_grid.h"
#include "loss_plane.h"

#include <vector>

namespace optviz {

// The exact loss on a columns × rows lattice of a LossPlane: value(i, j) is
// objective.value(θ(α(i), β(j))). The lattice follows SurfaceGrid's conventions (α along
// x, β along y, edges included, row-major with row 0 at the range's β minimum), so that
// toSurfaceGrid() feeds the window's heat map and contour code unchanged.
//
// Coarse first: the points are evaluated in passes, the first taking every
// coarseStride-th point in each direction, each next pass halving the stride, so that a
// worker can advance() in small chunks and the window can show the whole plane early
// and sharpen it (preview()). The objective is borrowed and, like the network
// objective, not thread-safe: give the grid its own copy when another thread trains.
class LossPlaneGrid
{
public:
    // coarseStride: a power of two ≥ 1 (1: plain row-by-row order). Throws
    // InvalidArgument for a bad shape or range (as SurfaceGrid), a stride that is not a
    // power of two, or a plane of another dimension than the objective.
    LossPlaneGrid(const Objective& objective, LossPlane plane, const ViewRect& range, int columns,
        int rows, int coarseStride = 4);

    int columns() const { return columns_; }
    int rows() const { return rows_; }
    const ViewRect& range() const { return range_; }
    const LossPlane& plane() const { return plane_; }
    double alpha(int column) const;
    double beta(int row) const;

    // Evaluates up to `points` more points; returns how many. No allocation.
    long long advance(long long points);
    void evaluateAll() { advance(pointCount()); }
    bool finished() const { return cursor_ == order_.size(); }
    long long evaluatedCount() const { return static_cast<long long>(cursor_); }
    long long pointCount() const { return static_cast<long long>(order_.size()); }

    // values()[row·columns + column]; NaN where not evaluated yet or not finite.
    const std::vector<double>& values() const { return values_; }
    // The finest stride whose pass is complete (1 when finished); 0 before the first.
    int completedStride() const;
    // What to draw meanwhile: every point not evaluated yet takes the value of the
    // corner of its block in the finest complete pass (nearest-neighbour upsampling);
    // all NaN before the first pass completes.
    std::vector<double> preview() const;
    // preview() as a SurfaceGrid.
    SurfaceGrid toSurfaceGrid() const;

private:
    const Objective& objective_;
    LossPlane plane_;
    ViewRect range_;
    int columns_;
    int rows_;
    int coarseStride_;
    std::vector<int> order_; // point indices in evaluation order
    std::vector<std::size_t> passEnds_; // order_ index where each pass ends
    std::size_t cursor_ = 0;
    std::vector<double> values_;
    Vector theta_; // scratch
};

} // namespace optviz
