#include "styblinski_tang.h"
#include "stationary_point.h"

namespace optviz {

StyblinskiTang::StyblinskiTang(const ParameterValues&)
{
    // The wells' minima are roots of the cubic 2t³ − 16t + 2.5; polishing the diagonal
    // points gives both roots to full precision at once.
    const Point2 low = refineStationaryPoint(*this, {-2.903534, -2.903534});
    const Point2 high = refineStationaryPoint(*this, {2.746803, 2.746803});
    minima_ = {{low.x, low.y}, {low.x, high.y}, {high.x, low.y}, {high.x, high.y}};
}

Point2 StyblinskiTang::defaultStart() const
{
    // Local methods settle in the shallow well of y and reach the deep well of x only:
    // a local minimum (f ≈ −64.2), with the global one a ridge away.
    return {0.0, 4.5};
}

} // namespace optviz
