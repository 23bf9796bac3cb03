#include "surface.h"

#include <limits>

namespace optviz {

void Surface::hessian(const Vector& x, Matrix& result) const
{
    double hxx = 0.0, hxy = 0.0, hyy = 0.0;
    hessian2(x[0], x[1], hxx, hxy, hyy);
    result(0, 0) = hxx;
    result(0, 1) = hxy;
    result(1, 0) = hxy;
    result(1, 1) = hyy;
}

void Surface::rowValues(const double* xs, std::size_t count, double y, double* out) const
{
    for (std::size_t i = 0; i < count; ++i)
        out[i] = value2(xs[i], y);
}

double Surface::minimumValue() const
{
    const std::vector<Point2> known = minima();
    if (known.empty())
        return -std::numeric_limits<double>::infinity();
    return value2(known.front().x, known.front().y);
}

} // namespace optviz
