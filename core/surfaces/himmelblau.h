#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four minima, all with f = 0, one in each
// quadrant, and a local maximum near (−0.27, −0.92). Which minimum an optimizer reaches
// depends on where it starts and on its momentum, which is the lesson.
//
// With p = x² + y − 11 and q = x + y² − 7: ∇f = (4xp + 2q, 2p + 4yq),
// ∇²f = [[4p + 8x² + 2, 4(x + y)], [4(x + y), 4q + 8y² + 2]].
class Himmelblau final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit Himmelblau(const ParameterValues& resolved);

    double value2(double x, double y) const override
    {
        const double p = x * x + y - 11.0;
        const double q = x + y * y - 7.0;
        return p * p + q * q;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double p = x * x + y - 11.0;
        const double q = x + y * y - 7.0;
        gx = 4.0 * x * p + 2.0 * q;
        gy = 2.0 * p + 4.0 * y * q;
        return p * p + q * q;
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override { return {-5.0, 5.0, -5.0, 5.0}; }
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return minima_; }

private:
    std::vector<Point2> minima_;
};

} // namespace optviz
