#include "sgd.h"

#include "hyperparameters.h"

namespace optviz {

ParameterSpecs Sgd::parameters(double momentum, bool nesterov)
{
    return {
        learningRateParameter(0.001),
        {"momentum", momentum, 0.0, 1.0, false, true, Scale::Linear,
            "fraction of the previous velocity kept each step"},
        {"dampening", 0.0, 0.0, 1.0, false, false, Scale::Linear,
            "fraction of the new gradient left out of the velocity"},
        {"nesterov", nesterov ? 1.0 : 0.0, 0.0, 1.0, false, false, Scale::Boolean,
            "look ahead: step along the gradient plus momentum times the velocity"},
        weightDecay(0.0),
    };
}

Sgd::Sgd(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , momentum_(resolved.at("momentum"))
    , dampening_(resolved.at("dampening"))
    , weightDecay_(resolved.at("weight_decay"))
    , nesterov_(resolved.at("nesterov") != 0.0)
{
    if (nesterov_ && (momentum_ <= 0.0 || dampening_ != 0.0))
        throw InvalidArgument("sgd parameter nesterov=true needs momentum > 0 and dampening=0");
}

void Sgd::resetState(int dimension)
{
    buffer_ = Vector::Zero(dimension);
}

void Sgd::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    // One loop over the coordinates rather than a chain of Eigen expressions: with two
    // coordinates, each expression's set-up costs more than its arithmetic.
    const bool firstStep = iterations_ == 0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        double g = gradient_[i];
        if (weightDecay_ != 0.0)
            g += weightDecay_ * x[i];
        gradient_[i] = g;
        double direction = g;
        if (momentum_ != 0.0) {
            // torch starts the buffer at the raw gradient, without dampening
            buffer_[i] = firstStep ? g : momentum_ * buffer_[i] + (1.0 - dampening_) * g;
            direction = nesterov_ ? g + momentum_ * buffer_[i] : buffer_[i];
        }
        update_[i] = -lr_ * direction;
        x[i] += update_[i];
    }
    ++iterations_;
}

void Sgd::inspectState(OptimizerState& state) const
{
    if (momentum_ != 0.0)
        state.vectors.emplace_back("momentum_buffer", buffer_);
}

} // namespace optviz
