#include "qhadam.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs QhAdam::parameters()
{
    return {
        learningRateParameter(0.001),
        beta1(),
        beta2(),
        {"nu1", 0.7, 0.0, 1.0, false, false, Scale::Linear,
            "weight of the first moment against the plain gradient"},
        {"nu2", 1.0, 0.0, 1.0, false, false, Scale::Linear,
            "weight of the second moment against the squared gradient"},
        epsilon(1e-8),
    };
}

QhAdam::QhAdam(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , beta1_(resolved.at("beta1"))
    , beta2_(resolved.at("beta2"))
    , nu1_(resolved.at("nu1"))
    , nu2_(resolved.at("nu2"))
    , eps_(resolved.at("eps"))
{
}

void QhAdam::resetState(int dimension)
{
    expAvg_ = Vector::Zero(dimension);
    expAvgSq_ = Vector::Zero(dimension);
    beta1Power_ = 1.0;
    beta2Power_ = 1.0;
}

void QhAdam::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    beta1Power_ *= beta1_;
    beta2Power_ *= beta2_;
    const auto g = gradient_.array();
    expAvg_.array() = beta1_ * expAvg_.array() + (1.0 - beta1_) * g;
    expAvgSq_.array() = beta2_ * expAvgSq_.array() + (1.0 - beta2_) * g.square();
    const auto mHat = expAvg_.array() / (1.0 - beta1Power_);
    const auto vHat = expAvgSq_.array() / (1.0 - beta2Power_);
    update_.array() = -lr_ * ((1.0 - nu1_) * g + nu1_ * mHat)
        / (((1.0 - nu2_) * g.square() + nu2_ * vHat).sqrt() + eps_);
    x += update_;
}

void QhAdam::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("exp_avg", expAvg_);
    state.vectors.emplace_back("exp_avg_sq", expAvgSq_);
}

} // namespace optviz
