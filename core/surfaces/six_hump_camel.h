#pragma once

#include "../surface.h"

namespace optviz {

// The six-hump camel: f(x, y) = (4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y². Six local
// minima, two of them global (f ≈ −1.0316 at ≈ (±0.0898, ∓0.7126)), symmetric under
// (x, y) → (−x, −y): a small landscape where the start decides the basin.
class SixHumpCamel final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit SixHumpCamel(const ParameterValues& resolved);

    double value2(double x, double y) const override
    {
        const double x2 = x * x;
        const double y2 = y * y;
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double x2 = x * x;
        const double y2 = y * y;
        gx = x * (8.0 - 8.4 * x2 + 2.0 * x2 * x2) + y;
        gy = x + y * (16.0 * y2 - 8.0);
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override
    {
        const double x2 = x * x;
        hxx = 8.0 - 25.2 * x2 + 10.0 * x2 * x2;
        hxy = 1.0;
        hyy = 48.0 * y * y - 8.0;
    }

    ViewRect defaultView() const override { return {-2.5, 2.5, -1.5, 1.5}; }
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return minima_; }

private:
    std::vector<Point2> minima_;
};

} // namespace optviz
