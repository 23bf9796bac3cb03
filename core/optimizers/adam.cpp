#include "adam.h"

#include "hyperparameters.h"

#include <cmath>

namespace optviz {

ParameterSpecs Adam::parameters(bool decoupled)
{
    ParameterSpec decay = weightDecay(decoupled ? 0.01 : 0.0);
    if (decoupled)
        decay.meaning = "decoupled weight decay: θ shrinks by lr·weight_decay·θ each step";
    return {
        learningRate(0.001),
        beta1(),
        beta2(),
        epsilon(1e-8),
        decay,
        {"amsgrad", 0.0, 0.0, 1.0, false, false, Scale::Boolean,
            "use the maximum of past second moments (AMSGrad)"},
        {"bias_correction", 1.0, 0.0, 1.0, false, false, Scale::Boolean,
            "divide the moments by 1 − βᵗ so early steps are not too small"},
    };
}

Adam::Adam(const ParameterValues& resolved, bool decoupled)
    : decoupled_(decoupled)
    , lr_(resolved.at("lr"))
    , beta1_(resolved.at("beta1"))
    , beta2_(resolved.at("beta2"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
    , amsgrad_(resolved.at("amsgrad") != 0.0)
    , biasCorrection_(resolved.at("bias_correction") != 0.0)
{
}

void Adam::resetState(int dimension)
{
    expAvg_ = Vector::Zero(dimension);
    expAvgSq_ = Vector::Zero(dimension);
    maxExpAvgSq_ = Vector::Zero(dimension);
    beta1Power_ = 1.0;
    beta2Power_ = 1.0;
}

void Adam::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    beta1Power_ *= beta1_;
    beta2Power_ *= beta2_;
    update_.setZero();
    if (weightDecay_ != 0.0) {
        if (decoupled_)
            update_ = -(lr_ * weightDecay_) * x; // θ·(1 − lr·wd), before the Adam move
        else
            gradient_ += weightDecay_ * x;
    }
    const auto g = gradient_.array();
    expAvg_.array() = beta1_ * expAvg_.array() + (1.0 - beta1_) * g;
    expAvgSq_.array() = beta2_ * expAvgSq_.array() + (1.0 - beta2_) * g.square();
    const Vector* second = &expAvgSq_;
    if (amsgrad_) {
        maxExpAvgSq_ = maxExpAvgSq_.cwiseMax(expAvgSq_);
        second = &maxExpAvgSq_;
    }
    if (biasCorrection_) {
        const double stepSize = lr_ / (1.0 - beta1Power_);
        const double correction2Sqrt = std::sqrt(1.0 - beta2Power_);
        update_.array()
            -= stepSize * expAvg_.array() / (second->array().sqrt() / correction2Sqrt + eps_);
    } else {
        update_.array() -= lr_ * expAvg_.array() / (second->array().sqrt() + eps_);
    }
    x += update_;
}

void Adam::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("exp_avg", expAvg_);
    state.vectors.emplace_back("exp_avg_sq", expAvgSq_);
    if (amsgrad_)
        state.vectors.emplace_back("max_exp_avg_sq", maxExpAvgSq_);
    if (biasCorrection_) {
        state.scalars.emplace_back("bias_correction1", 1.0 - beta1Power_);
        state.scalars.emplace_back("bias_correction2", 1.0 - beta2Power_);
    }
}

} // namespace optviz
