#include "adamax.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Adamax::parameters()
{
    return {learningRateParameter(0.002), beta1(), beta2(), epsilon(1e-8), weightDecay(0.0)};
}

Adamax::Adamax(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , beta1_(resolved.at("beta1"))
    , beta2_(resolved.at("beta2"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
{
}

void Adamax::resetState(int dimension)
{
    expAvg_ = Vector::Zero(dimension);
    expInf_ = Vector::Zero(dimension);
    beta1Power_ = 1.0;
}

void Adamax::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    beta1Power_ *= beta1_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    const auto g = gradient_.array();
    expAvg_.array() = beta1_ * expAvg_.array() + (1.0 - beta1_) * g;
    expInf_.array() = (beta2_ * expInf_.array()).max(g.abs() + eps_);
    const double clr = lr_ / (1.0 - beta1Power_);
    update_.array() = -clr * expAvg_.array() / expInf_.array();
    x += update_;
}

void Adamax::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("exp_avg", expAvg_);
    state.vectors.emplace_back("exp_inf", expInf_);
}

} // namespace optviz
