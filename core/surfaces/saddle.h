#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = a x² − b y²: the simplest saddle, with no minimum (f is unbounded below
// along y). The x axis is its stable manifold: gradient descent started just off it
// slides towards the origin, stalls there where the gradient vanishes, and escapes
// only as the tiny y offset grows geometrically, by (1 + 2 b lr) per step. Adaptive
// methods, which rescale the tiny y gradient, escape much sooner.
class Saddle final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit Saddle(const ParameterValues& resolved);

    double value2(double x, double y) const override { return a_ * x * x - b_ * y * y; }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = 2.0 * a_ * x;
        gy = -2.0 * b_ * y;
        return a_ * x * x - b_ * y * y;
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 2.0 * a_;
        hxy = 0.0;
        hyy = -2.0 * b_;
    }

    ViewRect defaultView() const override { return {-2.0, 2.0, -2.0, 2.0}; }
    Point2 defaultStart() const override { return {-1.5, 0.01}; }
    std::vector<Point2> minima() const override { return {}; }

private:
    double a_;
    double b_;
};

} // namespace optviz
