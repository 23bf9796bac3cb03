#pragma once

// A test-only surface with derivatives by hand, so that tests do not depend on which
// surfaces the catalogue holds: ½(a x² + b y²), its minimum at the origin.

#include "core/surface.h"

namespace optviz::testing {

class HandBowl final : public Surface
{
public:
    HandBowl(double a, double b)
        : a_(a)
        , b_(b)
    {
    }

    double value2(double x, double y) const override { return 0.5 * (a_ * x * x + b_ * y * y); }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = a_ * x;
        gy = b_ * y;
        return value2(x, y);
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = a_;
        hxy = 0.0;
        hyy = b_;
    }
    ViewRect defaultView() const override { return {-3.0, 3.0, -3.0, 3.0}; }
    Point2 defaultStart() const override { return {2.0, -1.5}; }
    std::vector<Point2> minima() const override { return {{0.0, 0.0}}; }

private:
    double a_, b_;
};

} // namespace optviz::testing
