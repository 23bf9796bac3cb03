#pragma once

#include "../optimizer.h"

namespace optviz {

// Quasi-hyperbolic momentum (Ma & Yarats 2019): a weighted mean of plain SGD and
// momentum SGD, nu = 0 being SGD and nu = 1 (normalized) momentum.
//   b ← momentum·b + (1 − momentum)·g  (b starts at 0);  θ ← θ − lr·((1 − nu)·g + nu·b)
class Qhm final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Qhm(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    double momentum_, nu_;
    Vector buffer_;
};

} // namespace optviz
