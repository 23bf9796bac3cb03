#pragma once

#include "gradient_oracle.h"
#include "lr_schedule.h"
#include "optimizer.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace optviz {

// What one stage of a step does. The window turns kind, symbol and numbers into a
// caption (translated there); the core only computes.
enum class StageKind {
    Gradient, // g = ∇f(θ) (+ weight_decay·θ): alone it would move −lr·g
    DecoupledDecay, // AdamW: θ shrinks by lr·weight_decay·θ before the Adam move
    DecayedMomentum, // the kept velocity or first moment shrinks: β·b
    AddGradient, // the new gradient joins it: b = β·b + (1 − dampening)·g, m = β₁m + (1 − β₁)g
    LookAhead, // Nesterov: the gradient plus momentum·b, the step taken "ahead"
    SecondMoment, // per-coordinate running size of the gradient: v, s, u (no arrow)
    BiasCorrection, // m / (1 − β₁ᵗ): the start-up bias of the moment removed
    Scaling, // the per-coordinate division that makes the step adaptive
    Mix, // quasi-hyperbolic: (1 − ν)·g + ν·b
    SignSteps, // Rprop: the step sizes grow or shrink, only the signs of g count
    Curvature, // Newton: the Hessian's eigenvalues (no arrow)
    Direction, // d = −|H|⁻¹g or −H·g: the curvature-corrected direction
    LineSearch, // the step length t chosen along d
    Move // θ_new = θ + Δθ: the step the optimizer really takes
};

// One stage: an arrow in parameter space (from → to; from == to for a stage that
// computes a per-coordinate quantity with no direction of its own), the quantity the
// stage computes per coordinate under `symbol` (PyTorch's state meaning: b, m, v, s, u,
// d, ...), and the scalars it used, by name (beta1, lr, t, ...).
struct StepStage
{
    StageKind kind = StageKind::Move;
    std::string symbol;
    Vector from, to;
    Vector value;
    std::vector<std::pair<std::string, double>> scalars;

    double scalar(std::string_view name, double fallback = 0.0) const;
};

// One real step of an optimizer taken apart, in the order the optimizer computes it.
// The arrows compose: the last stage (Move) ends where the optimizer's step ends.
struct StepAnatomy
{
    std::string optimizer; // catalogue name (an alias stays an alias: gd, momentum)
    long long step = 0; // 1-based: the step taken apart
    double lr = 0.0; // the learning rate the step used
    ParameterValues parameters; // every parameter, defaults filled in
    Vector start, end; // θ before, θ after (the optimizer's own result)
    double lossBefore = 0.0, lossAfter = 0.0;
    Vector gradient; // ∇f(θ) as the oracle gave it, before weight decay
    OptimizerState before, after; // the optimizer's state around the step
    std::vector<StepStage> stages;

    // The end of the Move stage: where the stages say the step lands.
    const Vector& composedEnd() const { return stages.back().to; }
};

// Takes one step of `optimizer` (built by makeOptimizer(name, overrides), in the state
// it is in) from x, in place, through `oracle`, exactly as a Runner does after
// beginStep(), and returns it taken apart. The stages are computed from the state before
// the step, the gradient and the parameters (for Newton, BFGS and L-BFGS also from the
// direction and step length the method chose); the step itself is the optimizer's own.
// Throws InvalidArgument for an unknown name.
StepAnatomy anatomizeStep(std::string_view name, const ParameterValues& overrides,
    Optimizer& optimizer, GradientOracle& oracle, Vector& x);

// Replays a run as a Runner takes it (same optimizer, gradient settings and learning-rate
// schedule) up to step − 1 and takes step `step` (≥ 1) apart. Throws InvalidArgument for an
// unknown optimizer, a bad parameter or step < 1.
StepAnatomy anatomizeRunStep(const Objective& objective, std::string_view name,
    const ParameterValues& overrides, const LearningRateSchedule& schedule,
    const GradientSettings& gradient, const Vector& start, long long step);

} // namespace optviz
