#include "adagrad.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Adagrad::parameters()
{
    return {
        learningRateParameter(0.01),
        {"lr_decay", 0.0, 0.0, 1000.0, false, false, Scale::Linear,
            "learning-rate decay: lr / (1 + (t − 1)·lr_decay)"},
        weightDecay(0.0),
        {"initial_accumulator_value", 0.0, 0.0, 1.0e6, false, false, Scale::Linear,
            "starting value of the sum of squared gradients"},
        epsilon(1e-10),
    };
}

Adagrad::Adagrad(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , lrDecay_(resolved.at("lr_decay"))
    , weightDecay_(resolved.at("weight_decay"))
    , initialAccumulator_(resolved.at("initial_accumulator_value"))
    , eps_(resolved.at("eps"))
{
}

void Adagrad::resetState(int dimension)
{
    sum_ = Vector::Constant(dimension, initialAccumulator_);
}

void Adagrad::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    const double clr = lr_ / (1.0 + static_cast<double>(iterations_ - 1) * lrDecay_);
    sum_.array() += gradient_.array().square();
    update_.array() = -clr * gradient_.array() / (sum_.array().sqrt() + eps_);
    x += update_;
}

void Adagrad::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("sum", sum_);
}

} // namespace optviz
