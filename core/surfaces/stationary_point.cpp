#include "stationary_point.h"

#include <cmath>

namespace optviz {

namespace {

double gradientNorm(const Surface& surface, Point2 p)
{
    double gx = 0.0, gy = 0.0;
    surface.valueAndGradient2(p.x, p.y, gx, gy);
    return std::hypot(gx, gy);
}

} // namespace

Point2 refineStationaryPoint(const Surface& surface, Point2 guess)
{
    constexpr int maxIterations = 100;
    constexpr int maxHalvings = 40;

    Point2 p = guess;
    double norm = gradientNorm(surface, p);
    for (int iteration = 0; iteration < maxIterations && norm > 0.0 && std::isfinite(norm);
         ++iteration) {
        double gx = 0.0, gy = 0.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
        surface.valueAndGradient2(p.x, p.y, gx, gy);
        surface.hessian2(p.x, p.y, hxx, hxy, hyy);
        const double det = hxx * hyy - hxy * hxy;
        if (det == 0.0 || !std::isfinite(det))
            break;
        // d = −H⁻¹ g, by Cramer's rule (2 × 2).
        const double dx = -(hyy * gx - hxy * gy) / det;
        const double dy = -(hxx * gy - hxy * gx) / det;

        bool improved = false;
        double t = 1.0;
        for (int halving = 0; halving < maxHalvings; ++halving, t *= 0.5) {
            const Point2 candidate {p.x + t * dx, p.y + t * dy};
            const double candidateNorm = gradientNorm(surface, candidate);
            if (candidateNorm < norm) {
                p = candidate;
                norm = candidateNorm;
                improved = true;
                break;
            }
        }
        if (!improved) // rounding noise: no representable point nearby does better
            break;
    }
    return p;
}

bool hasPositiveDefiniteHessian(const Surface& surface, Point2 p)
{
    double hxx = 0.0, hxy = 0.0, hyy = 0.0;
    surface.hessian2(p.x, p.y, hxx, hxy, hyy);
    return hxx > 0.0 && hxx * hyy - hxy * hxy > 0.0;
}

} // namespace optviz
