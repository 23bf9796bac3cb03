#include "trajectory.h"

namespace optviz {

void Trajectory::reserve(std::size_t points)
{
    coordinates_.reserve(points * static_cast<std::size_t>(dimension_));
    losses_.reserve(points);
}

void Trajectory::clear()
{
    coordinates_.clear();
    losses_.clear();
}

void Trajectory::appendGrowing(const Vector& x, double loss)
{
    coordinates_.insert(coordinates_.end(), x.data(), x.data() + x.size());
    losses_.push_back(loss);
}

Vector Trajectory::point(std::size_t index) const
{
    return Eigen::Map<const Vector>(
        coordinates_.data() + index * static_cast<std::size_t>(dimension_), dimension_);
}

} // namespace optviz
