#pragma once

#include "../optimizer.h"

namespace optviz {

// Adam and AdamW, as torch.optim.Adam and torch.optim.AdamW:
//   Adam:  g ← ∇f(θ) + weight_decay·θ      AdamW: θ ← θ·(1 − lr·weight_decay), g ← ∇f(θ)
//   m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  amsgrad: v̄ ← max(v̄, v), used for v
//   θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)
// bias_correction=false (ours, for teaching) drops both corrections:
//   θ ← θ − lr · m / (√v + eps), which shows why Adam's first steps need them.
class Adam final : public Optimizer
{
public:
    static ParameterSpecs parameters(bool decoupled);
    Adam(const ParameterValues& resolved, bool decoupled);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    bool decoupled_; // AdamW
    double beta1_, beta2_, eps_, weightDecay_;
    bool amsgrad_, biasCorrection_;
    Vector expAvg_, expAvgSq_, maxExpAvgSq_;
    // β₁ᵗ and β₂ᵗ, kept as running products rather than recomputed with pow()
    double beta1Power_ = 1.0, beta2Power_ = 1.0;
};

} // namespace optviz
