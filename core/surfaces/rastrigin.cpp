#include "rastrigin.h"

#include <cmath>
#include <numbers>

namespace optviz {

using std::numbers::pi;

ParameterSpecs Rastrigin::parameters()
{
    return {
        {"A", 10.0, 0.0, 100.0, false, false, Scale::Linear,
            "amplitude of the cosine ripples (0: a plain bowl)"},
    };
}

Rastrigin::Rastrigin(const ParameterValues& resolved)
    : amplitude_(resolved.at("A"))
{
}

double Rastrigin::term(double t) const
{
    const double s = std::sin(pi * t);
    return t * t + 2.0 * amplitude_ * s * s;
}

double Rastrigin::slope(double t) const
{
    return 2.0 * t + 2.0 * pi * amplitude_ * std::sin(2.0 * pi * t);
}

double Rastrigin::curvature(double t) const
{
    return 2.0 + 4.0 * pi * pi * amplitude_ * std::cos(2.0 * pi * t);
}

} // namespace optviz
