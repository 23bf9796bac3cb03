#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = 0.26 (x² + y²) − 0.48 xy: a quadratic bowl with its minimum f = 0 at the
// origin, nearly flat along the diagonal (Hessian eigenvalues 0.04 along (1, 1) and 1
// along (1, −1), a condition number of 25), so plain gradient descent first drops
// onto the diagonal and then creeps along it.
class Matyas final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit Matyas(const ParameterValues&) { }

    double value2(double x, double y) const override
    {
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = 0.52 * x - 0.48 * y;
        gy = 0.52 * y - 0.48 * x;
        return 0.26 * (x * x + y * y) - 0.48 * x * y;
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 0.52;
        hxy = -0.48;
        hyy = 0.52;
    }

    ViewRect defaultView() const override { return {-10.0, 10.0, -10.0, 10.0}; }
    // Off the flat diagonal: gradient descent drops onto it quickly, then creeps.
    Point2 defaultStart() const override { return {-8.0, -4.0}; }
    std::vector<Point2> minima() const override { return {{0.0, 0.0}}; }
};

} // namespace optviz
