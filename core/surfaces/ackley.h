#pragma once

#include "../surface.h"

namespace optviz {

// The Ackley function in 2-D:
//   f(x, y) = −a exp(−b √((x² + y²)/2)) − exp((cos cx + cos cy)/2) + a + e,
// with the textbook a = 20, b = 0.2, c = 2π: a nearly flat plate of ripples around a
// deep funnel whose tip, f = 0 at the origin, is the global minimum. Only that minimum
// is listed; the ripples' local minima are countless.
//
// Computed as −a expm1(−b r) − e expm1(m − 1), the same function rearranged so that
// f(0, 0) is exactly 0 and small values keep their precision.
//
// The funnel's tip is a cone: f is not differentiable at the origin. There we return
// the gradient 0 (the origin is the minimum, and 0 is in the subdifferential of the
// cone), and for the Hessian the matrix whose quadratic form gives the second
// derivative of f along every ray leaving the origin, (c² e / 2 − a b² / 2) I, positive
// definite for the textbook parameters: the cone's tangential curvature, which grows
// like 1/r, is left out. A Newton step there is then 0, as it should be at the minimum.
class Ackley final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit Ackley(const ParameterValues& resolved);

    double value2(double x, double y) const override;
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override;
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override { return {-5.0, 5.0, -5.0, 5.0}; }
    // On the rippled plate: local methods stop in the nearest ripple.
    Point2 defaultStart() const override { return {-3.2, 4.1}; }
    std::vector<Point2> minima() const override { return {{0.0, 0.0}}; }

private:
    double a_;
    double b_;
    double c_;
};

} // namespace optviz
