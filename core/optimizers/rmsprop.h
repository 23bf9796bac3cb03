#pragma once

#include "../optimizer.h"

namespace optviz {

// RMSprop, as torch.optim.RMSprop: divide by a running root mean square of gradients.
//   g ← ∇f(θ) + weight_decay·θ;  v ← alpha·v + (1 − alpha)·g²
//   centered: a ← alpha·a + (1 − alpha)·g, denominator √(v − a²) + eps, else √v + eps
//   momentum > 0: b ← momentum·b + g / denominator, θ ← θ − lr·b
//   otherwise:    θ ← θ − lr·g / denominator
class Rmsprop final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Rmsprop(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double alpha_, eps_, weightDecay_, momentum_;
    bool centered_;
    Vector squareAvg_, gradAvg_, buffer_;
};

} // namespace optviz
