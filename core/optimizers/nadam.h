#pragma once

#include "../optimizer.h"

namespace optviz {

// NAdam (Dozat 2016), as torch.optim.NAdam documents it: Adam with Nesterov momentum and
// a momentum schedule. (torch 1.13's code multiplies μₜ into the product twice, a bug
// fixed later; we follow the documented rule.)
//   μₜ = β₁(1 − ½·0.96^(t·momentum_decay)),  Πₜ = μ₁⋯μₜ
//   g ← ∇f(θ) + weight_decay·θ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
//   θ ← θ − lr·[(1 − μₜ)/(1 − Πₜ)·g + μₜ₊₁/(1 − Πₜμₜ₊₁)·m] / (√(v/(1 − β₂ᵗ)) + eps)
class Nadam final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Nadam(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double beta1_, beta2_, eps_, weightDecay_, momentumDecay_;
    Vector expAvg_, expAvgSq_;
    double momentumAt(double t) const; // μₜ
    double muProduct_ = 1.0;
    double muNext_ = 0.0; // μₜ₊₁ of the last step
    double beta2Power_ = 1.0;
};

} // namespace optviz
