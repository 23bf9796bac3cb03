#include "himmelblau.h"
#include "stationary_point.h"

namespace optviz {

Himmelblau::Himmelblau(const ParameterValues&)
{
    // (3, 2) is exact; the other three are roots of a quartic with no tidy closed form,
    // so the six-digit textbook values are polished here to full precision.
    minima_ = {{3.0, 2.0}, refineStationaryPoint(*this, {-2.805118, 3.131312}),
        refineStationaryPoint(*this, {-3.779310, -3.283186}),
        refineStationaryPoint(*this, {3.584428, -1.848126})};
}

void Himmelblau::hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    const double p = x * x + y - 11.0;
    const double q = x + y * y - 7.0;
    hxx = 4.0 * p + 8.0 * x * x + 2.0;
    hxy = 4.0 * (x + y);
    hyy = 4.0 * q + 8.0 * y * y + 2.0;
}

Point2 Himmelblau::defaultStart() const
{
    // Just below the local maximum, where the basins meet: plain gradient descent rolls
    // to the lower-left minimum, Adam and RMSprop to the lower-right one.
    return {-0.25, -1.1};
}

} // namespace optviz
