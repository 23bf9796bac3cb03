#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: a sum of squared
// residuals rᵢ = cᵢ − x + x yⁱ, zero at (3, 0.5). Flat valleys and steep walls a few
// units away (values reach 10⁵ in the corners of the view) make it a test of step-size
// robustness; a saddle at (0, 1) lures paths that start on the left.
//
// ∇f = 2 Σ rᵢ ∇rᵢ, ∇²f = 2 Σ (∇rᵢ ∇rᵢᵀ + rᵢ ∇²rᵢ), with ∇rᵢ = (yⁱ − 1, i x yⁱ⁻¹).
class Beale final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit Beale(const ParameterValues& resolved);

    double value2(double x, double y) const override;
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override;
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override { return {-4.5, 4.5, -4.5, 4.5}; }
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return {{3.0, 0.5}}; }
};

} // namespace optviz
