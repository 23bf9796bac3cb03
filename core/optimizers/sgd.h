#pragma once

#include "../optimizer.h"

namespace optviz {

// Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD:
//   g ← ∇f(θ) + weight_decay·θ
//   b ← g on the first step, else momentum·b + (1 − dampening)·g
//   d ← g + momentum·b (Nesterov) or b (heavy ball); d = g without momentum
//   θ ← θ − lr·d
class Sgd final : public Optimizer
{
public:
    // Defaults differ per alias: gd (momentum 0), momentum (0.9), nesterov (0.9, on).
    static ParameterSpecs parameters(double momentum, bool nesterov);
    explicit Sgd(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double momentum_, dampening_, weightDecay_;
    bool nesterov_;
    Vector buffer_;
};

} // namespace optviz
