#include "surface_grid.h"

#include <cmath>
#include <string>
#include <utility>

namespace optviz {

namespace {

// The sample coordinate of index i of n over [lo, hi]; the last sample is hi exactly, so
// that rounding in i·step never leaves the border sample a hair inside or outside the view.
double samplePosition(double lo, double hi, double step, int i, int n)
{
    return i == n - 1 ? hi : lo + i * step;
}

} // namespace

void SurfaceGrid::checkShape(const ViewRect& view, int columns, int rows)
{
    if (columns < 2 || rows < 2)
        throw InvalidArgument("a surface grid needs at least 2 × 2 samples, got "
            + std::to_string(columns) + " × " + std::to_string(rows));
    const bool finite = std::isfinite(view.xMin) && std::isfinite(view.xMax)
        && std::isfinite(view.yMin) && std::isfinite(view.yMax);
    if (!finite || !(view.xMin < view.xMax) || !(view.yMin < view.yMax))
        throw InvalidArgument("a surface grid needs a finite view with xMin < xMax and "
                              "yMin < yMax");
}

SurfaceGrid::SurfaceGrid(const ViewRect& view, int columns, int rows, std::vector<double> values)
    : view_(view)
    , columns_(columns)
    , rows_(rows)
    , values_(std::move(values))
{
    checkShape(view, columns, rows);
    if (values_.size() != static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows))
        throw InvalidArgument("a " + std::to_string(columns) + " × " + std::to_string(rows)
            + " surface grid needs as many values, got " + std::to_string(values_.size()));
    dx_ = (view.xMax - view.xMin) / (columns - 1);
    dy_ = (view.yMax - view.yMin) / (rows - 1);

    // One pass: turn ±inf into NaN (so consumers have a single "skip me" test) and take
    // the range of the rest.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    std::size_t finite = 0;
    for (double& v : values_) {
        if (std::isfinite(v)) {
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            ++finite;
        } else {
            v = nan;
        }
    }
    finiteCount_ = finite;
    minValue_ = finite > 0 ? lo : nan;
    maxValue_ = finite > 0 ? hi : nan;
}

double SurfaceGrid::x(int column) const
{
    return samplePosition(view_.xMin, view_.xMax, dx_, column, columns_);
}

double SurfaceGrid::y(int row) const
{
    return samplePosition(view_.yMin, view_.yMax, dy_, row, rows_);
}

SurfaceGrid evaluateGrid(const Surface& surface, const ViewRect& view, int columns, int rows)
{
    SurfaceGrid::checkShape(view, columns, rows);
    const std::size_t width = static_cast<std::size_t>(columns);
    const double dx = (view.xMax - view.xMin) / (columns - 1);
    const double dy = (view.yMax - view.yMin) / (rows - 1);

    // The x coordinates once, not per row (and bit-identical to SurfaceGrid::x()).
    std::vector<double> xs(width);
    for (int i = 0; i < columns; ++i)
        xs[static_cast<std::size_t>(i)] = samplePosition(view.xMin, view.xMax, dx, i, columns);

    std::vector<double> values(width * static_cast<std::size_t>(rows));
    double* out = values.data();
    for (int j = 0; j < rows; ++j) {
        const double y = samplePosition(view.yMin, view.yMax, dy, j, rows);
        surface.rowValues(xs.data(), width, y, out);
        out += width;
    }
    return SurfaceGrid(view, columns, rows, std::move(values));
}

} // namespace optviz
