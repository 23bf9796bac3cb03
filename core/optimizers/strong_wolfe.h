#pragma once

#include "../gradient_oracle.h"
#include "../parameter.h"

namespace optviz {

// The parameters that bfgs and lbfgs share with torch.optim.LBFGS, torch's defaults:
// line_search (on: strong Wolfe, off: the fixed step lr), tolerance_grad and
// tolerance_change.
ParameterSpecs lineSearchParameters();

// y ← y + alpha·x with a single rounding per coordinate (a fused multiply-add). This is
// what torch's y.add_(x, alpha=alpha) computes in its AVX2 and AVX-512 CPU kernels, the
// ones it runs on any recent x86-64 CPU. Rounding the same way lets lbfgs reproduce
// torch.optim.LBFGS to the last bit.
void addScaled(Eigen::Ref<Vector> y, double alpha, const Eigen::Ref<const Vector>& x);

// The minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped
// to [xMin, xMax]; the middle of that interval where the cubic has no minimum. The
// formula is torch's _cubic_interpolate (from minFunc's polyinterp).
double cubicInterpolate(
    double x1, double f1, double g1, double x2, double f2, double g2, double xMin, double xMax);
// The same, clamped to the interval between x1 and x2.
double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2);

// The first step length of torch.optim.LBFGS, t = min(1, 1/‖g‖₁)·lr: the gradient's scale
// says nothing about the curvature yet, so the first move is at most lr long in the
// 1-norm. `tensor` says whether torch ends up holding t as a 0-dim tensor (when
// 1/‖g‖₁ < 1) rather than a Python float, which StrongWolfeLineSearch::search needs to
// round as torch does.
struct FirstStep
{
    double t = 0.0;
    bool tensor = false;
};
FirstStep firstStepLength(const Vector& g, double lr);

// The strong-Wolfe line search of torch.optim.LBFGS (torch's _strong_wolfe, itself a port
// of minFunc's WolfeLineSearch), shared by lbfgs and bfgs.
//
// Along a descent direction d from x, with slope gtd = ∇f(x)·d < 0, it looks for a step
// length t whose point x + t·d satisfies both strong Wolfe conditions:
//   sufficient decrease  f(x + t·d) ≤ f(x) + c1·t·gtd       (c1 = 1e-4)
//   curvature            |∇f(x + t·d)·d| ≤ c2·|gtd|          (c2 = 0.9)
// i.e. the loss drops at least a little in proportion to the step, and the slope has
// flattened enough that a longer step would not gain much more.
//
// Phase 1 (bracketing) tries the initial t. If it fails the decrease test, or the loss
// rose from the previous trial, or the slope has turned uphill, the last two trials
// bracket an acceptable t. Otherwise the step was too timid: the next trial is the
// minimizer of the cubic through the last two trials, kept within
// [t + 0.01·(t − t_prev), 10·t], so t grows at most tenfold per trial.
// Phase 2 (zoom) shrinks the bracket: each trial is the cubic minimizer between its ends,
// moved 10 % of the bracket's width inside when it lands that close to an end twice in a
// row (or on or beyond an end); the trial replaces the end it improves on. It stops when both
// conditions hold or when the bracket is narrower than tolerance_change (measured as
// width·max|d|).
// At most 25 trials after the first (torch's max_ls). The result is the best end of the
// bracket, which may be t = 0 (no move) when nothing better was found.
class StrongWolfeLineSearch
{
public:
    static constexpr double c1 = 1e-4;
    static constexpr double c2 = 0.9;
    static constexpr int maxIterations = 25; // trials after the first

    struct Result
    {
        double t = 0.0; // the accepted step length
        double value = 0.0; // f(x + t·d)
        int evaluations = 0;
    };

    // Sizes the work vectors, so that searches do not allocate.
    void reset(int dimension);

    // Searches along d from x, where the loss is f, the gradient g and the slope
    // gtd = g·d < 0, starting from the step length t. Evaluates through the oracle.
    // `tensorT` says whether torch would hold the initial t as a 0-dim tensor rather
    // than a Python float (see firstStepLength): it changes how one division rounds.
    Result search(GradientOracle& oracle, const Vector& x, double t, bool tensorT, const Vector& d,
        double f, const Vector& g, double gtd, double toleranceChange);

    // The gradient at the accepted point, after search().
    const Vector& gradient() const { return bracketGradient_[low_]; }

private:
    double evaluate(GradientOracle& oracle, const Vector& x, double t, const Vector& d);

    Vector trial_; // x + t·d
    Vector newGradient_; // the gradient at the latest trial
    Vector prevGradient_; // and at the one before it
    Vector bracketGradient_[2];
    int low_ = 0;
};

// The move that ends every bfgs and lbfgs step once the direction d is known, as torch
// takes it: no move unless d descends enough (gᵀd ≤ −toleranceChange: torch then leaves x
// as it is and keeps d and t); otherwise the line search from `initial` (or the fixed
// step) and x ← x + t·d. Returns t; adds the line search's evaluations to `evaluations`
// and writes the move into `update` (left as it is when there is none).
double moveAlongDirection(GradientOracle& oracle, Vector& x, const Vector& d, double loss,
    const Vector& g, FirstStep initial, bool lineSearch, double toleranceChange,
    StrongWolfeLineSearch& search, long long& evaluations, Vector& update);

} // namespace optviz
