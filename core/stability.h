#pragma once

#include "surface.h"

#include <optional>

namespace optviz {

// The eigenvalues of a symmetric 2 × 2 Hessian.
struct Curvature
{
    double smallest = 0.0;
    double largest = 0.0;
};

Curvature hessianEigenvalues(double hxx, double hxy, double hyy);

// The curvature of a quadratic surface: its exact Hessian's eigenvalues if the Hessian
// is the same (to 1e-9, relative) at a spread of points over `view` and at the known
// minima, where the textbook stability results below hold exactly; nothing otherwise.
std::optional<Curvature> constantCurvature(const Surface& surface, const ViewRect& view);

// The edge of stability of torch's SGD on a quadratic with that curvature: the supremum
// of the learning rates for which it converges from every start. With weight decay the
// Hessian is H + weight_decay·I; with momentum m (heavy ball, b ← m·b + (1 − dampening)·g,
// θ ← θ − lr·b) the iteration on the eigenvalue λ has characteristic polynomial
// z² − (1 + m − h)·z + m, h = lr·(1 − dampening)·λ, whose roots lie inside the unit
// circle iff 0 ≤ m < 1 and 0 < h < 2(1 + m): lr < 2(1 + m) / ((1 − dampening)·L). Plain
// gradient descent (m = 0) gives the classic lr < 2/L. Nesterov's variant (torch's
// d = g + m·b) has z² − (1 + m − h(1 + m))·z + m(1 − h), stable iff
// h < 2(1 + m) / (1 + 2m). Nothing when no learning rate converges (a direction of zero
// or negative curvature, or m outside [0, 1)); +∞ when every one does (dampening 1).
std::optional<double> sgdLearningRateEdge(const Curvature& curvature, double momentum,
    double dampening, bool nesterov, double weightDecay);

} // namespace optviz
