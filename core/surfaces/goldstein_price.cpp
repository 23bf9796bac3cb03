#include "goldstein_price.h"

namespace optviz {

void GoldsteinPrice::hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    // f = A(u) B(t) with ∂u = (1, 1), ∂t = (2, −3).
    const double u = x + y;
    const double t = 2.0 * x - 3.0 * y;
    const double av = a(u), bv = b(t), da = aSlope(u), db = bSlope(t);
    const double dda = aCurvature(u), ddb = bCurvature(t);
    hxx = dda * bv + 4.0 * da * db + 4.0 * av * ddb;
    hxy = dda * bv - da * db - 6.0 * av * ddb;
    hyy = dda * bv - 6.0 * da * db + 9.0 * av * ddb;
}

Point2 GoldsteinPrice::defaultStart() const
{
    // Between three basins: Adam with lr = 0.1 finds the global minimum, with lr = 0.01
    // (and RMSprop) the local one at (−0.6, −0.4); plain gradient descent needs lr ≲ 1e-5,
    // the gradients here are in the thousands.
    return {-0.5, 0.5};
}

} // namespace optviz
