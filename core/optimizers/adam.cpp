#include "adam.h"

#include "hyperparameters.h"

#include <algorithm>
#include <cmath>

namespace optviz {

ParameterSpecs Adam::parameters(bool decoupled)
{
    ParameterSpec decay = weightDecay(decoupled ? 0.01 : 0.0);
    if (decoupled)
        decay.meaning = "decoupled weight decay: θ shrinks by lr·weight_decay·θ each step";
    return {
        learningRateParameter(0.001),
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
    : Optimizer(resolved.at("lr"))
    , decoupled_(decoupled)
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
    // Without bias correction the same formula holds with both corrections equal to 1.
    const double stepSize = biasCorrection_ ? lr_ / (1.0 - beta1Power_) : lr_;
    const double correction2Sqrt = biasCorrection_ ? std::sqrt(1.0 - beta2Power_) : 1.0;
    const double decoupledDecay = decoupled_ ? lr_ * weightDecay_ : 0.0;
    const double coupledDecay = decoupled_ ? 0.0 : weightDecay_;
    // One loop over the coordinates rather than a chain of Eigen expressions: with two
    // coordinates, each expression's set-up costs more than its arithmetic.
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        double g = gradient_[i];
        if (coupledDecay != 0.0)
            g += coupledDecay * x[i];
        gradient_[i] = g;
        expAvg_[i] = beta1_ * expAvg_[i] + (1.0 - beta1_) * g;
        expAvgSq_[i] = beta2_ * expAvgSq_[i] + (1.0 - beta2_) * (g * g);
        double second = expAvgSq_[i];
        if (amsgrad_) {
            maxExpAvgSq_[i] = std::max(maxExpAvgSq_[i], second);
            second = maxExpAvgSq_[i];
        }
        // AdamW first shrinks θ by lr·weight_decay·θ, then takes the Adam move.
        const double decay = decoupledDecay != 0.0 ? -decoupledDecay * x[i] : 0.0;
        update_[i] = decay - stepSize * expAvg_[i] / (std::sqrt(second) / correction2Sqrt + eps_);
        x[i] += update_[i];
    }
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
