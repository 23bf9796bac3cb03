#include "six_hump_camel.h"
#include "stationary_point.h"

namespace optviz {

SixHumpCamel::SixHumpCamel(const ParameterValues&)
{
    // The textbook gives four digits; polish them. The other three of each pair follow
    // exactly from the symmetry f(−x, −y) = f(x, y) (negation is exact in floating point).
    const Point2 global = refineStationaryPoint(*this, {0.0898, -0.7126});
    const Point2 second = refineStationaryPoint(*this, {-1.7036, 0.7961});
    const Point2 third = refineStationaryPoint(*this, {1.6071, 0.5687});
    minima_ = {global, {-global.x, -global.y}, second, {-second.x, -second.y}, third,
        {-third.x, -third.y}};
}

Point2 SixHumpCamel::defaultStart() const
{
    // Between the humps: the paths curve round the left ones into a global minimum.
    return {-1.0, -1.0};
}

} // namespace optviz
