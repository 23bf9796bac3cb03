#pragma once

#include "../surface.h"

namespace optviz {

// Polishes an approximate stationary point of `surface` to full double precision with
// Newton's method on its exact Hessian. Minima quoted to six digits in the literature
// (Himmelblau's, the six-hump camel's) or found only numerically (tinynet's) would
// otherwise leave gradients of 1e-6 where "distance to optimum" and the tests want the
// true point. Each Newton step is backtracked until it reduces |∇f| (the Newton
// direction always does, whatever the Hessian's signature); the iteration stops when
// rounding stops the gradient from shrinking, and returns the point with the smallest
// gradient seen.
Point2 refineStationaryPoint(const Surface& surface, Point2 guess);

// True when the Hessian of `surface` at `p` is positive definite.
bool hasPositiveDefiniteHessian(const Surface& surface, Point2 p);

} // namespace optviz
