#include "quadratic.h"

#include <cmath>
#include <numbers>

namespace optviz {

ParameterSpecs Quadratic::parameters()
{
    return {
        {"a", 1.0, 0.0, 1.0e4, true, false, Scale::Log, "curvature along the rotated u axis"},
        {"b", 10.0, 0.0, 1.0e4, true, false, Scale::Log, "curvature along the rotated v axis"},
        {"angle", 0.0, -180.0, 180.0, false, false, Scale::Linear,
            "rotation of the bowl's axes, in degrees"},
        {"cx", 0.0, -100.0, 100.0, false, false, Scale::Linear, "x of the minimum"},
        {"cy", 0.0, -100.0, 100.0, false, false, Scale::Linear, "y of the minimum"},
    };
}

Quadratic::Quadratic(const ParameterValues& resolved)
    : a_(resolved.at("a"))
    , b_(resolved.at("b"))
    , cx_(resolved.at("cx"))
    , cy_(resolved.at("cy"))
    , cos_(std::cos(resolved.at("angle") * std::numbers::pi / 180.0))
    , sin_(std::sin(resolved.at("angle") * std::numbers::pi / 180.0))
{
}

void Quadratic::hessian2(double, double, double& hxx, double& hxy, double& hyy) const
{
    hxx = a_ * cos_ * cos_ + b_ * sin_ * sin_;
    hxy = (a_ - b_) * cos_ * sin_;
    hyy = a_ * sin_ * sin_ + b_ * cos_ * cos_;
}

ViewRect Quadratic::defaultView() const
{
    return {cx_ - 3.0, cx_ + 3.0, cy_ - 3.0, cy_ + 3.0};
}

Point2 Quadratic::defaultStart() const
{
    // (u, v) = (−2.5, 1): mostly along the shallow axis with a component along the steep
    // one, so gradient descent zigzags across the valley. Rotated with the bowl, so the
    // picture is the same at every angle (and stays inside the view: |(−2.5, 1)| < 3).
    const double u = -2.5;
    const double v = 1.0;
    return {cx_ + cos_ * u - sin_ * v, cy_ + sin_ * u + cos_ * v};
}

} // namespace optviz
