#include "nadam.h"

#include "hyperparameters.h"

#include <cmath>

namespace optviz {

ParameterSpecs Nadam::parameters()
{
    return {
        learningRateParameter(0.002),
        beta1(),
        beta2(),
        epsilon(1e-8),
        weightDecay(0.0),
        {"momentum_decay", 0.004, 0.0, 1.0, false, false, Scale::Log,
            "ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ))"},
    };
}

Nadam::Nadam(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , beta1_(resolved.at("beta1"))
    , beta2_(resolved.at("beta2"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
    , momentumDecay_(resolved.at("momentum_decay"))
{
}

void Nadam::resetState(int dimension)
{
    expAvg_ = Vector::Zero(dimension);
    expAvgSq_ = Vector::Zero(dimension);
    muProduct_ = 1.0;
    beta2Power_ = 1.0;
}

double Nadam::momentumAt(double t) const
{
    return beta1_ * (1.0 - 0.5 * std::pow(0.96, t * momentumDecay_));
}

void Nadam::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    const auto t = static_cast<double>(iterations_);
    beta2Power_ *= beta2_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    // μₜ is the previous step's μₜ₊₁: one pow() per step instead of two.
    const double mu = iterations_ == 1 ? momentumAt(t) : muNext_;
    const double muNext = momentumAt(t + 1.0);
    muNext_ = muNext;
    muProduct_ *= mu;
    const double muProductNext = muProduct_ * muNext;
    const auto g = gradient_.array();
    expAvg_.array() = beta1_ * expAvg_.array() + (1.0 - beta1_) * g;
    expAvgSq_.array() = beta2_ * expAvgSq_.array() + (1.0 - beta2_) * g.square();
    const double gradWeight = -lr_ * (1.0 - mu) / (1.0 - muProduct_);
    const double avgWeight = -lr_ * muNext / (1.0 - muProductNext);
    // torch adds the two terms to θ one after the other; so do we, for identical rounding.
    const auto denom = (expAvgSq_.array() / (1.0 - beta2Power_)).sqrt() + eps_;
    update_.array() = gradWeight * g / denom;
    update_.array() += avgWeight * expAvg_.array() / denom;
    x += update_;
}

void Nadam::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("exp_avg", expAvg_);
    state.vectors.emplace_back("exp_avg_sq", expAvgSq_);
    state.scalars.emplace_back("mu_product", muProduct_);
}

} // namespace optviz
