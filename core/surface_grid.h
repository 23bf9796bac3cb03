#pragma once

#include "surface.h"

#include <limits>
#include <vector>

namespace optviz {

// A surface sampled on a regular lattice: `columns` × `rows` values over a ViewRect,
// the raw material of the heat map and of the contour lines.
//
// Samples sit on the lattice corners, edges included:
//     x(i) = xMin + i·(xMax − xMin)/(columns − 1),   i = 0 … columns − 1
//     y(j) = yMin + j·(yMax − yMin)/(rows − 1),      j = 0 … rows − 1
// so the first and last samples lie exactly on the view's border (contours then reach
// the border, and QCPColorMap's setRange(xMin..xMax, yMin..yMax), which also places its
// data points at the range ends, shows each value where it was computed).
//
// Values are stored row-major with row 0 at yMin: value(i, j) is values()[j·columns + i].
// A value that is not finite (a user's surface may overflow) is stored as NaN, and
// consumers skip it: it does not count in minValue()/maxValue(), contour extraction
// skips the cells that touch it, and a heat map leaves it blank.
//
// An immutable value type: safe to build in the worker and hand to the UI by value.
class SurfaceGrid
{
public:
    SurfaceGrid() = default;
    // Takes columns·rows values in the layout above. Throws InvalidArgument if columns or
    // rows is below 2, the view is empty or not finite, or the value count does not match.
    SurfaceGrid(const ViewRect& view, int columns, int rows, std::vector<double> values);

    int columns() const { return columns_; }
    int rows() const { return rows_; }
    const ViewRect& view() const { return view_; }
    bool isEmpty() const { return values_.empty(); }

    double x(int column) const;
    double y(int row) const;
    double value(int column, int row) const
    {
        return values_[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns_)
            + static_cast<std::size_t>(column)];
    }
    const std::vector<double>& values() const { return values_; }

    // The range of the finite values; both NaN when there is none.
    double minValue() const { return minValue_; }
    double maxValue() const { return maxValue_; }
    bool hasFiniteValues() const { return finiteCount_ > 0; }
    std::size_t finiteCount() const { return finiteCount_; }

    // Throws InvalidArgument unless a grid of this shape can be built (see the constructor).
    static void checkShape(const ViewRect& view, int columns, int rows);

private:
    ViewRect view_;
    int columns_ = 0;
    int rows_ = 0;
    double dx_ = 0.0;
    double dy_ = 0.0;
    std::vector<double> values_;
    double minValue_ = std::numeric_limits<double>::quiet_NaN();
    double maxValue_ = std::numeric_limits<double>::quiet_NaN();
    std::size_t finiteCount_ = 0;
};

// Evaluates `surface` at every sample point of a columns × rows grid over `view`.
// Single-threaded; one virtual rowValues() call per row and no allocation besides the
// grid itself (a 600 × 600 Rosenbrock grid takes about 1 ms).
SurfaceGrid evaluateGrid(const Surface& surface, const ViewRect& view, int columns, int rows);

} // namespace optviz
