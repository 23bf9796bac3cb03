#include "rmsprop.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Rmsprop::parameters()
{
    return {
        learningRateParameter(0.01),
        {"alpha", 0.99, 0.0, 1.0, false, true, Scale::Linear,
            "decay of the running mean of squared gradients"},
        epsilon(1e-8),
        weightDecay(0.0),
        {"momentum", 0.0, 0.0, 1.0, false, true, Scale::Linear,
            "momentum applied to the scaled step"},
        {"centered", 0.0, 0.0, 1.0, false, false, Scale::Boolean,
            "divide by the variance of the gradient instead of its raw second moment"},
    };
}

Rmsprop::Rmsprop(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , alpha_(resolved.at("alpha"))
    , eps_(resolved.at("eps"))
    , weightDecay_(resolved.at("weight_decay"))
    , momentum_(resolved.at("momentum"))
    , centered_(resolved.at("centered") != 0.0)
{
}

void Rmsprop::resetState(int dimension)
{
    squareAvg_ = Vector::Zero(dimension);
    gradAvg_ = Vector::Zero(dimension);
    buffer_ = Vector::Zero(dimension);
}

void Rmsprop::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    ++iterations_;
    if (weightDecay_ != 0.0)
        gradient_ += weightDecay_ * x;
    const auto g = gradient_.array();
    squareAvg_.array() = alpha_ * squareAvg_.array() + (1.0 - alpha_) * g.square();
    // update_ holds the denominator first, then the move.
    if (centered_) {
        gradAvg_.array() = alpha_ * gradAvg_.array() + (1.0 - alpha_) * g;
        update_.array() = (squareAvg_.array() - gradAvg_.array().square()).sqrt() + eps_;
    } else {
        update_.array() = squareAvg_.array().sqrt() + eps_;
    }
    if (momentum_ > 0.0) {
        buffer_.array() = momentum_ * buffer_.array() + g / update_.array();
        update_ = -lr_ * buffer_;
    } else {
        update_.array() = -lr_ * g / update_.array();
    }
    x += update_;
}

void Rmsprop::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("square_avg", squareAvg_);
    if (centered_)
        state.vectors.emplace_back("grad_avg", gradAvg_);
    if (momentum_ > 0.0)
        state.vectors.emplace_back("momentum_buffer", buffer_);
}

} // namespace optviz
