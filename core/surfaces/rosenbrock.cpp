#include "rosenbrock.h"

namespace optviz {

ParameterSpecs Rosenbrock::parameters()
{
    return {
        {"a", 1.0, -10.0, 10.0, false, false, Scale::Linear, "position of the minimum (a, a²)"},
        {"b", 100.0, 0.0, 1.0e4, true, false, Scale::Log, "steepness of the valley walls"},
    };
}

Rosenbrock::Rosenbrock(const ParameterValues& resolved)
    : a_(resolved.at("a"))
    , b_(resolved.at("b"))
{
}

void Rosenbrock::hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    hxx = 2.0 - 4.0 * b_ * (y - x * x) + 8.0 * b_ * x * x;
    hxy = -4.0 * b_ * x;
    hyy = 2.0 * b_;
}

ViewRect Rosenbrock::defaultView() const
{
    // Frames the valley and the default start for the default a; follows a otherwise.
    const double cx = a_ - 1.0;
    return {cx - 2.0, cx + 2.0, a_ * a_ - 2.0, a_ * a_ + 3.0};
}

} // namespace optviz
