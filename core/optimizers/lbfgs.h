#pragma once

#include "../optimizer.h"
#include "strong_wolfe.h"

namespace optviz {

// L-BFGS, as torch.optim.LBFGS computes one optimizer.step(closure) with max_iter=1 (one
// of our steps is one of torch's): the same arithmetic, the same order, bit for bit.
//
// Each step evaluates f and g = ∇f at x afresh (torch re-runs the closure: with noise or
// mini-batches, a new draw), then:
//   stop here (no move, no state change) if max|g| ≤ tolerance_grad;
//   first step: d = −g;
//   later: y = g − g_prev, s = t·d (the previous move); if yᵀs > 1e-10 (curvature seen
//     along s) push (s, y, ρ = 1/yᵀs) into the history, dropping the oldest beyond
//     history_size, and set γ = yᵀs/yᵀy; then d = −H·g by the two-loop recursion, where H
//     is the inverse-Hessian estimate built from the history on top of γ·I;
//   t = min(1, 1/‖g‖₁)·lr on the first step (the gradient's scale is unknown), else lr;
//   stop here (no move) if the slope gᵀd > −tolerance_change: d is not a descent
//     direction worth following;
//   with line_search, t comes from the strong-Wolfe line search starting at that t
//     (StrongWolfeLineSearch: c1 = 1e-4, c2 = 0.9, at most 26 evaluations);
//     without it t stays fixed;
//   x ← x + t·d.
// Where the history is rejected (yᵀs ≤ 1e-10) d is recomputed from the old history; when
// a step made no move, y = 0 and the history stays as it was. torch's defaults stop
// moving near a minimum once gᵀd > −1e-9 (on Rosenbrock, about 4e-5 from it); lower
// tolerance_change to go further.
class Lbfgs final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Lbfgs(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    // Column of the i-th oldest pair in the ring buffers.
    Eigen::Index slot(int i) const { return (historyStart_ + i) % historySize_; }
    void remember(double ys);
    void twoLoopDirection();

    int historySize_;
    bool lineSearch_;
    double toleranceGrad_, toleranceChange_;

    Vector d_; // the search direction
    Vector prevGradient_; // g at the previous step
    Vector y_, s_; // the newest curvature pair, before it is accepted
    // The history as ring buffers of history_size columns: y (torch's old_dirs) and
    // s (old_stps), with ρ = 1/yᵀs per column.
    Matrix oldDirs_, oldSteps_;
    Vector ro_;
    Vector al_; // the two-loop recursion's α, by age
    int historyStart_ = 0;
    int historyCount_ = 0;
    double t_ = 0.0;
    double hDiag_ = 1.0; // γ, the scale of the initial inverse Hessian
    double prevLoss_ = 0.0;
    long long nIter_ = 0; // torch's state['n_iter']: steps that got past tolerance_grad
    long long funcEvals_ = 0; // torch's state['func_evals']
    StrongWolfeLineSearch wolfe_;
};

} // namespace optviz
