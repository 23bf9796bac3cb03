#pragma once

#include "../parameter.h"

// The parameter descriptions that many optimizers share, written once.
namespace optviz {

inline ParameterSpec learningRateParameter(double defaultValue)
{
    return {"lr", defaultValue, 0.0, 1000.0, true, false, Scale::Log,
        "learning rate: how far each step moves"};
}

inline ParameterSpec weightDecay(double defaultValue)
{
    return {"weight_decay", defaultValue, 0.0, 100.0, false, false, Scale::Linear,
        "L2 penalty: adds weight_decay·θ to the gradient"};
}

inline ParameterSpec epsilon(double defaultValue)
{
    return {"eps", defaultValue, 0.0, 1.0, false, false, Scale::Log,
        "added to the denominator so it never divides by zero"};
}

inline ParameterSpec beta(const char* name, double defaultValue, const char* meaning)
{
    return {name, defaultValue, 0.0, 1.0, false, true, Scale::Linear, meaning};
}

inline ParameterSpec beta1(double defaultValue = 0.9)
{
    return beta("beta1", defaultValue, "decay of the running mean of gradients (1st moment)");
}

inline ParameterSpec beta2(double defaultValue = 0.999)
{
    return beta(
        "beta2", defaultValue, "decay of the running mean of squared gradients (2nd moment)");
}

} // namespace optviz
