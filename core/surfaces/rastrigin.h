#pragma once

#include "../surface.h"

namespace optviz {

// The Rastrigin function in 2-D: f(x, y) = 2A + Σ (xᵢ² − A cos 2πxᵢ), a bowl covered in
// a regular egg-box of local minima near every integer point; the global one is f = 0 at
// the origin. Local methods stop in whichever dimple they start near; it is the picture
// of "non-convex". Only the global minimum is listed: the local ones number about a
// hundred in the view and would bury the markers.
//
// Computed as Σ (xᵢ² + 2A sin² πxᵢ), the same function (A − A cos 2θ = 2A sin² θ) without
// the cancellation of 2A − A cos − A cos near the minimum, so that f(0, 0) is exactly 0.
class Rastrigin final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit Rastrigin(const ParameterValues& resolved);

    double value2(double x, double y) const override { return term(x) + term(y); }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = slope(x);
        gy = slope(y);
        return term(x) + term(y);
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = curvature(x);
        hxy = 0.0;
        hyy = curvature(y);
    }

    ViewRect defaultView() const override { return {-5.12, 5.12, -5.12, 5.12}; }
    // Between dimples: local methods settle in a nearby one, far from the origin.
    Point2 defaultStart() const override { return {-3.6, 2.6}; }
    std::vector<Point2> minima() const override { return {{0.0, 0.0}}; }

private:
    double term(double t) const;
    double slope(double t) const;
    double curvature(double t) const;

    double amplitude_;
};

} // namespace optviz
