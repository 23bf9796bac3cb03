#pragma once

#include "objective.h"

#include <cstddef>
#include <vector>

namespace optviz {

// The iterates of a run in flat arrays: point k's coordinates are
// coordinates()[k·dimension() … (k + 1)·dimension() − 1] and its loss is losses()[k].
// Row 0 is the start. Flat arrays copy cheaply into plots and files.
class Trajectory
{
public:
    explicit Trajectory(int dimension = 2)
        : dimension_(dimension)
    {
    }

    int dimension() const { return dimension_; }
    std::size_t size() const { return losses_.size(); }
    bool empty() const { return losses_.empty(); }

    void reserve(std::size_t points);
    void clear();
    // The runner calls this once per step, which on a 2-D surface is a few dozen
    // instructions: so a small inline fast path for a 2-D point with room reserved, and
    // the rest (growth, other dimensions) out of line. A generic range insert inline
    // would call memcpy for two doubles and be too big to inline.
    void append(const Vector& x, double loss)
    {
        if (x.size() == 2 && coordinates_.capacity() - coordinates_.size() >= 2
            && losses_.size() < losses_.capacity()) {
            coordinates_.push_back(x[0]);
            coordinates_.push_back(x[1]);
            losses_.push_back(loss);
        } else {
            appendGrowing(x, loss);
        }
    }

    double coordinate(std::size_t point, int axis) const
    {
        return coordinates_[point * static_cast<std::size_t>(dimension_)
            + static_cast<std::size_t>(axis)];
    }
    double loss(std::size_t point) const { return losses_[point]; }
    Vector point(std::size_t index) const;

    const std::vector<double>& coordinates() const { return coordinates_; }
    const std::vector<double>& losses() const { return losses_; }

private:
    void appendGrowing(const Vector& x, double loss);

    int dimension_;
    std::vector<double> coordinates_;
    std::vector<double> losses_;
};

} // namespace optviz
