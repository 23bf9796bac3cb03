#include "rprop.h"

#include "hyperparameters.h"

#include <algorithm>

namespace optviz {

ParameterSpecs Rprop::parameters()
{
    return {
        {"lr", 0.01, 0.0, 1000.0, true, false, Scale::Log, "initial step size of every coordinate"},
        {"etaminus", 0.5, 0.0, 1.0, true, true, Scale::Linear,
            "step-size factor when the gradient's sign flips"},
        {"etaplus", 1.2, 1.0, 100.0, true, false, Scale::Linear,
            "step-size factor while the gradient's sign holds"},
        {"step_min", 1e-6, 0.0, 1000.0, false, false, Scale::Log, "smallest step size"},
        {"step_max", 50.0, 0.0, 1.0e6, true, false, Scale::Log, "largest step size"},
    };
}

Rprop::Rprop(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , etaMinus_(resolved.at("etaminus"))
    , etaPlus_(resolved.at("etaplus"))
    , stepMin_(resolved.at("step_min"))
    , stepMax_(resolved.at("step_max"))
{
    if (stepMin_ > stepMax_)
        throw InvalidArgument("rprop parameters step_min and step_max: need step_min <= step_max");
}

void Rprop::resetState(int dimension)
{
    prev_ = Vector::Zero(dimension);
    stepSize_ = Vector::Zero(dimension); // set from lr on the first step, as torch does
}

void Rprop::step(GradientOracle& oracle, Vector& x)
{
    oracle.valueAndGradient(x, gradient_);
    // torch fills state['step_size'] with the lr of the first step (a warm-up's, under a
    // schedule) and never reads lr again.
    if (iterations_ == 0)
        stepSize_.setConstant(lr_);
    ++iterations_;
    for (Eigen::Index i = 0; i < gradient_.size(); ++i) {
        const double product = gradient_[i] * prev_[i];
        double factor = 1.0;
        if (product > 0.0)
            factor = etaPlus_;
        else if (product < 0.0)
            factor = etaMinus_;
        stepSize_[i] = std::clamp(stepSize_[i] * factor, stepMin_, stepMax_);
        if (product < 0.0)
            gradient_[i] = 0.0; // the sign flipped: no move, and no memory of this gradient
        const double sign = (gradient_[i] > 0.0) - (gradient_[i] < 0.0);
        update_[i] = -sign * stepSize_[i];
    }
    prev_ = gradient_;
    x += update_;
}

void Rprop::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("prev", prev_);
    state.vectors.emplace_back("step_size", stepSize_);
}

} // namespace optviz
