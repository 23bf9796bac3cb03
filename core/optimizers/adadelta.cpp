#include "adadelta.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Adadelta::parameters()
{
    return {
        learningRateParameter(1.0),
        {"rho", 0.9, 0.0, 1.0, false, false, Scale::Linear,
            "decay of the running means of squared gradients and squared steps"},
        epsilon(1e-6),
        weightDecay(0.0),
    };
}

Adadelta::Adadelta(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , rho_(resolved.at("rho"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
{
}

void Adadelta::resetState(int dimension)
{
    squareAvg_ = Vector::Zero(dimension);
    accDelta_ = Vector::Zero(dimension);
}

void Adadelta::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    const auto g = gradient_.array();
    squareAvg_.array() = rho_ * squareAvg_.array() + (1.0 - rho_) * g.square();
    // update_ holds Δ first, then the move −lr·Δ.
    update_.array() = (accDelta_.array() + eps_).sqrt() / (squareAvg_.array() + eps_).sqrt() * g;
    accDelta_.array() = rho_ * accDelta_.array() + (1.0 - rho_) * update_.array().square();
    update_ *= -lr_;
    x += update_;
}

void Adadelta::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("square_avg", squareAvg_);
    state.vectors.emplace_back("acc_delta", accDelta_);
}

} // namespace optviz
