#pragma once

#include "../optimizer.h"

namespace optviz {

// Adamax, as torch.optim.Adamax: Adam with the infinity norm in place of the RMS.
//   g ← ∇f(θ) + weight_decay·θ;  m ← β₁m + (1 − β₁)g;  u ← max(β₂u, |g| + eps)
//   θ ← θ − lr/(1 − β₁ᵗ) · m / u
class Adamax final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Adamax(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double beta1_, beta2_, eps_, weightDecay_;
    Vector expAvg_, expInf_;
    double beta1Power_ = 1.0;
};

} // namespace optviz
