#pragma once

#include "../optimizer.h"
#include "strong_wolfe.h"

namespace optviz {

// BFGS with a dense inverse-Hessian estimate H (n×n), in the frame of our L-BFGS (and so
// of torch.optim.LBFGS with max_iter=1): the same first step, line search, tolerances and
// early exits; only the direction differs. Each step evaluates f and g = ∇f at x, then:
//   stop here (no move, no state change) if max|g| ≤ tolerance_grad;
//   after the first step: y = g − g_prev, s = t·d (the previous move); if yᵀs > 1e-10
//     (positive curvature along s, which keeps H positive definite) update
//       H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,   ρ = 1/yᵀs,
//     the symmetric H closest to the old one (in a weighted norm) that maps y to s (the
//     secant condition H y = s); otherwise keep H. Before the first update H₀ = I is rescaled to
//     (yᵀs/yᵀy)·I, the curvature measured along s (Nocedal & Wright, Numerical Optimization,
//     eq. 6.20), so that the estimate starts at the objective's scale rather than at the
//     identity's;
//   d = −H·g (H = I on the first step: a gradient step);
//   t = min(1, 1/‖g‖₁)·lr on the first step, else lr;
//   stop here (no move) if the slope gᵀd > −tolerance_change;
//   with line_search, t comes from the strong-Wolfe line search starting at that t
//     (StrongWolfeLineSearch: c1 = 1e-4, c2 = 0.9, at most 26 evaluations), whose
//     curvature condition guarantees yᵀs > 0 on a smooth objective; without it t stays;
//   x ← x + t·d.
// On a quadratic with exact line searches BFGS finds the minimum in n steps; the Wolfe
// search accepts t = 1 as soon as it is good enough, so it takes a few more.
class Bfgs final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Bfgs(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

    // The current inverse-Hessian estimate.
    const Matrix& inverseHessian() const { return h_; }

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    void updateInverseHessian(double ys);

    bool lineSearch_;
    double toleranceGrad_, toleranceChange_;

    Matrix h_; // H, the inverse-Hessian estimate
    Vector d_; // the search direction
    Vector prevGradient_; // g at the previous step
    Vector y_, s_, hy_; // the curvature pair and H·y
    double t_ = 0.0;
    bool updated_ = false; // whether H has had an update (and its first-update scaling)
    long long nIter_ = 0; // steps that got past tolerance_grad
    long long funcEvals_ = 0;
    StrongWolfeLineSearch wolfe_;
};

} // namespace optviz
