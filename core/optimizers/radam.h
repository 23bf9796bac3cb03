#pragma once

#include "../optimizer.h"

namespace optviz {

// RAdam (Liu et al. 2019), as torch.optim.RAdam computes it: Adam whose adaptive step is
// switched on only once the variance of v̂ is tractable (ρₜ > 5), and rectified then.
//   g ← ∇f(θ) + weight_decay·θ;  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
//   ρ∞ = 2/(1 − β₂) − 1;  ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ);  m̂ = m/(1 − β₁ᵗ)
//   ρₜ > 5: r = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ)),
//           θ ← θ − lr·m̂·r·√(1 − β₂ᵗ)/(√v + eps)      (eps outside the root, as torch)
//   else:   θ ← θ − lr·m̂
class Radam final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Radam(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double beta1_, beta2_, eps_, weightDecay_;
    Vector expAvg_, expAvgSq_;
    double beta1Power_ = 1.0, beta2Power_ = 1.0;
    double rho_ = 0.0; // ρₜ of the last step, for the inspector
};

} // namespace optviz
