#pragma once

#include "../optimizer.h"

namespace optviz {

// Adagrad, as torch.optim.Adagrad: each coordinate's step shrinks with the sum of its
// squared gradients, so steep directions slow down first.
//   g ← ∇f(θ) + weight_decay·θ;  clr = lr / (1 + (t − 1)·lr_decay)
//   s ← s + g²;  θ ← θ − clr·g / (√s + eps)
class Adagrad final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Adagrad(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double lrDecay_, weightDecay_, initialAccumulator_, eps_;
    Vector sum_;
};

} // namespace optviz
