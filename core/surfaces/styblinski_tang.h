#pragma once

#include "../surface.h"

namespace optviz {

// The Styblinski–Tang function in 2-D: f(x, y) = ½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ), a sum of two
// identical double wells tilted by the linear term. Each well has a deeper minimum at
// xᵢ ≈ −2.9035 and a shallower one at xᵢ ≈ 2.7468, so the plane holds four minima; the
// global one, f ≈ −78.332, is at (−2.9035, −2.9035).
class StyblinskiTang final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit StyblinskiTang(const ParameterValues& resolved);

    double value2(double x, double y) const override { return well(x) + well(y); }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = wellSlope(x);
        gy = wellSlope(y);
        return well(x) + well(y);
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 6.0 * x * x - 16.0;
        hxy = 0.0;
        hyy = 6.0 * y * y - 16.0;
    }

    ViewRect defaultView() const override { return {-5.0, 5.0, -5.0, 5.0}; }
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return minima_; }

private:
    static double well(double t) { return 0.5 * (t * t * (t * t - 16.0) + 5.0 * t); }
    static double wellSlope(double t) { return t * (2.0 * t * t - 16.0) + 2.5; }

    std::vector<Point2> minima_;
};

} // namespace optviz
