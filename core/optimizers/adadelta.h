#pragma once

#include "../optimizer.h"

namespace optviz {

// Adadelta, as torch.optim.Adadelta: steps in units of past steps, no hand-set scale.
//   g ← ∇f(θ) + weight_decay·θ;  v ← rho·v + (1 − rho)·g²
//   Δ ← √(u + eps) / √(v + eps) · g;  u ← rho·u + (1 − rho)·Δ²;  θ ← θ − lr·Δ
class Adadelta final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Adadelta(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double rho_, eps_, weightDecay_;
    Vector squareAvg_, accDelta_;
};

} // namespace optviz
