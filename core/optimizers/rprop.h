#pragma once

#include "../optimizer.h"

namespace optviz {

// Rprop, as torch.optim.Rprop: only the sign of the gradient counts. Each coordinate's
// step size grows by etaplus while the sign holds and shrinks by etaminus when it flips
// (and that coordinate then skips its move and forgets its gradient).
//   s ← clamp(s·η, step_min, step_max), η = etaplus, etaminus or 1 by sign(g·g_prev)
//   g ← 0 where the sign flipped;  θ ← θ − sign(g)·s;  g_prev ← g
// s starts at lr on the first step; later changes of lr (a schedule) do not reach it.
class Rprop final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Rprop(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double etaMinus_, etaPlus_, stepMin_, stepMax_;
    Vector prev_, stepSize_;
};

} // namespace optviz
