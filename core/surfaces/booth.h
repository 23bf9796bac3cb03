#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = (x + 2y − 7)² + (2x + y − 5)²: a tilted quadratic bowl with its minimum
// f = 0 at (1, 3). Its Hessian [[10, 8], [8, 10]] has eigenvalues 18 (along (1, 1)) and
// 2 (along (1, −1)): a condition number of 9, along axes that are not x and y.
class Booth final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit Booth(const ParameterValues&) { }

    double value2(double x, double y) const override
    {
        const double p = x + 2.0 * y - 7.0;
        const double q = 2.0 * x + y - 5.0;
        return p * p + q * q;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double p = x + 2.0 * y - 7.0;
        const double q = 2.0 * x + y - 5.0;
        gx = 2.0 * p + 4.0 * q;
        gy = 4.0 * p + 2.0 * q;
        return p * p + q * q;
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 10.0;
        hxy = 8.0;
        hyy = 10.0;
    }

    ViewRect defaultView() const override { return {-4.0, 6.0, -2.0, 8.0}; }
    // Mostly along the shallow direction (1, −1) from the minimum, a little along the
    // steep one: large steps zigzag, small ones curve into the valley and crawl.
    Point2 defaultStart() const override { return {-3.0, 6.0}; }
    std::vector<Point2> minima() const override { return {{1.0, 3.0}}; }
};

} // namespace optviz
