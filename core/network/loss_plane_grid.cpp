#include "loss_plane_grid.h"

#include <cmath>
#include <limits>

namespace optviz {

LossPlaneGrid::LossPlaneGrid(const Objective& objective, LossPlane plane, const ViewRect& range,
    int columns, int rows, int coarseStride)
    : objective_(objective)
    , plane_(std::move(plane))
    , range_(range)
    , columns_(columns)
    , rows_(rows)
    , coarseStride_(coarseStride)
{
    SurfaceGrid::checkShape(range, columns, rows);
    if (coarseStride < 1 || (coarseStride & (coarseStride - 1)) != 0 || coarseStride > 1024)
        throw InvalidArgument("coarse stride " + std::to_string(coarseStride)
            + " is not accepted; accepted: a power of two in [1, 1024]");
    if (plane_.dimension() != objective.dimension())
        throw InvalidArgument("the plane's dimension (" + std::to_string(plane_.dimension())
            + ") differs from the objective's (" + std::to_string(objective.dimension()) + ")");
    order_.reserve(std::size_t(columns) * std::size_t(rows));
    for (int stride = coarseStride; stride >= 1; stride /= 2) {
        const int previous = stride * 2;
        for (int j = 0; j < rows; j += stride)
            for (int i = 0; i < columns; i += stride) {
                if (stride < coarseStride && i % previous == 0 && j % previous == 0)
                    continue; // done in the previous pass
                order_.push_back(j * columns + i);
            }
        passEnds_.push_back(order_.size());
    }
    values_.assign(order_.size(), std::numeric_limits<double>::quiet_NaN());
    theta_.resize(plane_.dimension());
}

double LossPlaneGrid::alpha(int column) const
{
    return range_.xMin + column * (range_.xMax - range_.xMin) / (columns_ - 1);
}

double LossPlaneGrid::beta(int row) const
{
    return range_.yMin + row * (range_.yMax - range_.yMin) / (rows_ - 1);
}

long long LossPlaneGrid::advance(long long points)
{
    long long done = 0;
    while (done < points && cursor_ < order_.size()) {
        const int index = order_[cursor_];
        plane_.point(alpha(index % columns_), beta(index / columns_), theta_);
        const double value = objective_.value(theta_);
        values_[std::size_t(index)]
            = std::isfinite(value) ? value : std::numeric_limits<double>::quiet_NaN();
        ++cursor_;
        ++done;
    }
    return done;
}

int LossPlaneGrid::completedStride() const
{
    int stride = coarseStride_;
    int completed = 0;
    for (std::size_t end : passEnds_) {
        if (cursor_ < end)
            break;
        completed = stride;
        stride /= 2;
    }
    return completed;
}

std::vector<double> LossPlaneGrid::preview() const
{
    const int stride = completedStride();
    if (stride <= 1)
        return stride == 1
            ? values_
            : std::vector<double>(values_.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<double> result = values_;
    // A point evaluated in a later, partial pass keeps its own value; the rest copy their
    // block corner. NaN also marks a non-finite value; such a point takes its corner's,
    // which is as good a preview.
    for (int j = 0; j < rows_; ++j)
        for (int i = 0; i < columns_; ++i) {
            const std::size_t index = std::size_t(j) * std::size_t(columns_) + std::size_t(i);
            if (std::isnan(result[index]))
                result[index] = values_[std::size_t(j - j % stride) * std::size_t(columns_)
                    + std::size_t(i - i % stride)];
        }
    return result;
}

SurfaceGrid LossPlaneGrid::toSurfaceGrid() const
{
    return SurfaceGrid(range_, columns_, rows_, preview());
}

} // namespace optviz
