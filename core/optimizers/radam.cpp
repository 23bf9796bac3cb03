#include "radam.h"

#include "hyperparameters.h"

#include <cmath>

namespace optviz {

ParameterSpecs Radam::parameters()
{
    return {learningRateParameter(0.001), beta1(), beta2(), epsilon(1e-8), weightDecay(0.0)};
}

Radam::Radam(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , beta1_(resolved.at("beta1"))
    , beta2_(resolved.at("beta2"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
{
}

void Radam::resetState(int dimension)
{
    expAvg_ = Vector::Zero(dimension);
    expAvgSq_ = Vector::Zero(dimension);
    beta1Power_ = 1.0;
    beta2Power_ = 1.0;
    rho_ = 0.0;
}

void Radam::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    const auto t = static_cast<double>(iterations_);
    beta1Power_ *= beta1_;
    beta2Power_ *= beta2_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    const auto g = gradient_.array();
    expAvg_.array() = beta1_ * expAvg_.array() + (1.0 - beta1_) * g;
    expAvgSq_.array() = beta2_ * expAvgSq_.array() + (1.0 - beta2_) * g.square();
    const double correction1 = 1.0 - beta1Power_;
    const double correction2 = 1.0 - beta2Power_;
    const double rhoInf = 2.0 / (1.0 - beta2_) - 1.0;
    rho_ = rhoInf - 2.0 * t * beta2Power_ / correction2;
    if (rho_ > 5.0) {
        const double rect = std::sqrt(
            (rho_ - 4.0) * (rho_ - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rho_));
        const double scale = lr_ * rect * std::sqrt(correction2);
        update_.array()
            = -(expAvg_.array() / correction1) * scale / (expAvgSq_.array().sqrt() + eps_);
    } else {
        update_.array() = -(expAvg_.array() / correction1) * lr_;
    }
    x += update_;
}

void Radam::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("exp_avg", expAvg_);
    state.vectors.emplace_back("exp_avg_sq", expAvgSq_);
    state.scalars.emplace_back("rho_t", rho_);
}

} // namespace optviz
