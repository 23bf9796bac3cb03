#include "stability.h"

#include <cmath>
#include <limits>

namespace optviz {

Curvature hessianEigenvalues(double hxx, double hxy, double hyy)
{
    const double mean = 0.5 * (hxx + hyy);
    const double radius = std::hypot(0.5 * (hxx - hyy), hxy);
    return {mean - radius, mean + radius};
}

std::optional<Curvature> constantCurvature(const Surface& surface, const ViewRect& view)
{
    double hxx0 = 0.0, hxy0 = 0.0, hyy0 = 0.0;
    const Point2 centre {0.5 * (view.xMin + view.xMax), 0.5 * (view.yMin + view.yMax)};
    surface.hessian2(centre.x, centre.y, hxx0, hxy0, hyy0);
    const double scale = std::abs(hxx0) + std::abs(hxy0) + std::abs(hyy0);
    if (!std::isfinite(scale))
        return std::nullopt;
    std::vector<Point2> points = surface.minima();
    // A 5 × 5 lattice at irregular fractions, so that no symmetry of the surface hides
    // a change of curvature.
    const double fractions[] = {0.0, 0.23, 0.51, 0.78, 1.0};
    for (const double fx : fractions)
        for (const double fy : fractions)
            points.push_back({view.xMin + fx * (view.xMax - view.xMin),
                view.yMin + fy * (view.yMax - view.yMin)});
    for (const Point2& p : points) {
        double hxx = 0.0, hxy = 0.0, hyy = 0.0;
        surface.hessian2(p.x, p.y, hxx, hxy, hyy);
        const double difference
            = std::abs(hxx - hxx0) + std::abs(hxy - hxy0) + std::abs(hyy - hyy0);
        if (!(difference <= 1e-9 * scale))
            return std::nullopt;
    }
    return hessianEigenvalues(hxx0, hxy0, hyy0);
}

std::optional<double> sgdLearningRateEdge(const Curvature& curvature, double momentum,
    double dampening, bool nesterov, double weightDecay)
{
    const double smallest = curvature.smallest + weightDecay;
    const double largest = curvature.largest + weightDecay;
    if (!(smallest > 0.0) || !(momentum >= 0.0 && momentum < 1.0) || !std::isfinite(largest))
        return std::nullopt;
    // Without momentum torch's SGD uses the gradient as it is: no dampening.
    const double damped = momentum > 0.0 ? 1.0 - dampening : 1.0;
    if (damped <= 0.0)
        return std::numeric_limits<double>::infinity();
    const double edge
        = nesterov ? 2.0 * (1.0 + momentum) / (1.0 + 2.0 * momentum) : 2.0 * (1.0 + momentum);
    return edge / (damped * largest);
}

} // namespace optviz
