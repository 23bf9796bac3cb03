#include "qhm.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Qhm::parameters()
{
    return {
        learningRateParameter(0.001),
        {"momentum", 0.999, 0.0, 1.0, false, true, Scale::Linear,
            "decay of the momentum buffer (β)"},
        {"nu", 0.7, 0.0, 1.0, false, false, Scale::Linear,
            "weight of momentum against the plain gradient (0: SGD, 1: momentum)"},
    };
}

Qhm::Qhm(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , momentum_(resolved.at("momentum"))
    , nu_(resolved.at("nu"))
{
}

void Qhm::resetState(int dimension)
{
    buffer_ = Vector::Zero(dimension);
}

void Qhm::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    buffer_ = momentum_ * buffer_ + (1.0 - momentum_) * gradient_;
    update_ = -lr_ * ((1.0 - nu_) * gradient_ + nu_ * buffer_);
    x += update_;
}

void Qhm::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("momentum_buffer", buffer_);
}

} // namespace optviz
