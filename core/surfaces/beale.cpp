#include "beale.h"

namespace optviz {

namespace {

struct Residuals
{
    double r1, r2, r3;
};

Residuals residuals(double x, double y)
{
    const double y2 = y * y;
    return {1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y};
}

} // namespace

Beale::Beale(const ParameterValues&) { }

double Beale::value2(double x, double y) const
{
    const auto [r1, r2, r3] = residuals(x, y);
    return r1 * r1 + r2 * r2 + r3 * r3;
}

double Beale::valueAndGradient2(double x, double y, double& gx, double& gy) const
{
    const auto [r1, r2, r3] = residuals(x, y);
    const double y2 = y * y;
    gx = 2.0 * (r1 * (y - 1.0) + r2 * (y2 - 1.0) + r3 * (y2 * y - 1.0));
    gy = 2.0 * x * (r1 + 2.0 * r2 * y + 3.0 * r3 * y2);
    return r1 * r1 + r2 * r2 + r3 * r3;
}

void Beale::hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    const auto [r1, r2, r3] = residuals(x, y);
    const double y2 = y * y;
    // ∂rᵢ/∂x and ∂rᵢ/∂y.
    const double ax1 = y - 1.0, ax2 = y2 - 1.0, ax3 = y2 * y - 1.0;
    const double ay1 = x, ay2 = 2.0 * x * y, ay3 = 3.0 * x * y2;
    hxx = 2.0 * (ax1 * ax1 + ax2 * ax2 + ax3 * ax3);
    // ∂²rᵢ/∂x∂y = i yⁱ⁻¹ and ∂²rᵢ/∂y² = i (i − 1) x yⁱ⁻²; ∂²rᵢ/∂x² = 0.
    hxy = 2.0 * (ax1 * ay1 + ax2 * ay2 + ax3 * ay3 + r1 + 2.0 * y * r2 + 3.0 * y2 * r3);
    hyy = 2.0 * (ay1 * ay1 + ay2 * ay2 + ay3 * ay3 + 2.0 * x * r2 + 6.0 * x * y * r3);
}

Point2 Beale::defaultStart() const
{
    // Above the valley: cautious steps (Adam with lr = 0.01) first drift left towards the
    // saddle at (0, 1) before turning down the valley to the minimum.
    return {1.0, 1.5};
}

} // namespace optviz
