#pragma once

#include "../optimizer.h"

namespace optviz {

// QHAdam (Ma & Yarats 2019): quasi-hyperbolic averaging of both of Adam's moments.
//   m, v and their bias-corrected m̂, v̂ as in Adam
//   θ ← θ − lr·((1 − nu1)·g + nu1·m̂) / (√((1 − nu2)·g² + nu2·v̂) + eps)
class QhAdam final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit QhAdam(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double beta1_, beta2_, nu1_, nu2_, eps_;
    Vector expAvg_, expAvgSq_;
    double beta1Power_ = 1.0, beta2Power_ = 1.0;
};

} // namespace optviz
