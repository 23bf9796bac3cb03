#include "optimizer.h"

namespace optviz {

const Vector* OptimizerState::vector(std::string_view name) const
{
    for (const auto& [key, value] : vectors)
        if (key == name)
            return &value;
    return nullptr;
}

const double* OptimizerState::scalar(std::string_view name) const
{
    for (const auto& [key, value] : scalars)
        if (key == name)
            return &value;
    return nullptr;
}

void Optimizer::reset(int dimension)
{
    gradient_ = Vector::Zero(dimension);
    update_ = Vector::Zero(dimension);
    iterations_ = 0;
    resetState(dimension);
}

void Optimizer::inspect(OptimizerState& state) const
{
    state.vectors.clear();
    state.scalars.clear();
    state.scalars.emplace_back("step", static_cast<double>(iterations_));
    state.scalars.emplace_back("lr", lr_);
    state.vectors.emplace_back("gradient", gradient_);
    state.vectors.emplace_back("update", update_);
    Vector effective = Vector::Zero(gradient_.size());
    for (Eigen::Index i = 0; i < gradient_.size(); ++i)
        if (gradient_[i] != 0.0)
            effective[i] = -update_[i] / gradient_[i];
    state.vectors.emplace_back("effective_lr", effective);
    inspectState(state);
}

} // namespace optviz
