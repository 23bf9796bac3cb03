#include "ackley.h"

#include <cmath>
#include <numbers>

namespace optviz {

using std::numbers::e;
using std::numbers::sqrt2;

ParameterSpecs Ackley::parameters()
{
    return {
        {"a", 20.0, 0.0, 100.0, true, false, Scale::Linear, "depth of the central funnel"},
        {"b", 0.2, 0.0, 10.0, true, false, Scale::Log, "how fast the funnel flattens out"},
        {"c", 2.0 * std::numbers::pi, 0.0, 100.0, false, false, Scale::Linear,
            "angular frequency of the ripples"},
    };
}

Ackley::Ackley(const ParameterValues& resolved)
    : a_(resolved.at("a"))
    , b_(resolved.at("b"))
    , c_(resolved.at("c"))
{
}

// With s = |(x, y)|, the radius in the formula is r = s / √2.

double Ackley::value2(double x, double y) const
{
    const double r = std::hypot(x, y) / sqrt2;
    const double m = 0.5 * (std::cos(c_ * x) + std::cos(c_ * y));
    return -a_ * std::expm1(-b_ * r) - e * std::expm1(m - 1.0);
}

double Ackley::valueAndGradient2(double x, double y, double& gx, double& gy) const
{
    const double s = std::hypot(x, y);
    const double r = s / sqrt2;
    const double m = 0.5 * (std::cos(c_ * x) + std::cos(c_ * y));
    // The cone part −a exp(−b r) has gradient a b exp(−b r) ∇r with ∇r = (x, y) / (√2 s).
    const double cone = s > 0.0 ? a_ * b_ * std::exp(-b_ * r) / (sqrt2 * s) : 0.0;
    const double ripple = 0.5 * c_ * std::exp(m);
    gx = cone * x + ripple * std::sin(c_ * x);
    gy = cone * y + ripple * std::sin(c_ * y);
    return -a_ * std::expm1(-b_ * r) - e * std::expm1(m - 1.0);
}

void Ackley::hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    // The ripple part −exp(m): ∂²/∂x² = (c²/2) eᵐ (cos cx − sin² cx / 2),
    // ∂²/∂x∂y = −(c²/4) eᵐ sin cx sin cy.
    const double m = 0.5 * (std::cos(c_ * x) + std::cos(c_ * y));
    const double em = std::exp(m);
    const double sx = std::sin(c_ * x), sy = std::sin(c_ * y);
    hxx = 0.5 * c_ * c_ * em * (std::cos(c_ * x) - 0.5 * sx * sx);
    hxy = -0.25 * c_ * c_ * em * sx * sy;
    hyy = 0.5 * c_ * c_ * em * (std::cos(c_ * y) - 0.5 * sy * sy);

    // The cone part φ(r) = −a exp(−b r): ∇²φ = φ'' ∇r∇rᵀ + φ' ∇²r, with φ' = a b exp(−b r),
    // φ'' = −a b² exp(−b r), ∇r∇rᵀ = n nᵀ / 2 and ∇²r = (I − n nᵀ) / (√2 s) for the unit
    // vector n = (x, y) / s.
    const double s = std::hypot(x, y);
    const double r = s / sqrt2;
    const double radial = -0.5 * a_ * b_ * b_ * std::exp(-b_ * r);
    if (s == 0.0) {
        // The radial curvature alone, the same along every ray (see the class comment).
        hxx += radial;
        hyy += radial;
        return;
    }
    const double tangential = a_ * b_ * std::exp(-b_ * r) / (sqrt2 * s);
    const double nx = x / s, ny = y / s;
    hxx += radial * nx * nx + tangential * (1.0 - nx * nx);
    hxy += (radial - tangential) * nx * ny;
    hyy += radial * ny * ny + tangential * (1.0 - ny * ny);
}

} // namespace optviz
