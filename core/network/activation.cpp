#include "activation.h"

#include "../parameter.h"
#include "kernels.h"

namespace optviz {

namespace {
using ArrayMap = Eigen::Map<Eigen::ArrayXd>;
using ConstArrayMap = Eigen::Map<const Eigen::ArrayXd>;
} // namespace

std::string activationName(Activation activation)
{
    switch (activation) {
    case Activation::Identity:
        return "identity";
    case Activation::Tanh:
        return "tanh";
    case Activation::Relu:
        return "relu";
    case Activation::LeakyRelu:
        return "leaky_relu";
    case Activation::Sigmoid:
        return "sigmoid";
    }
    return "identity";
}

const std::vector<Activation>& activations()
{
    static const std::vector<Activation> all = {Activation::Tanh, Activation::Relu,
        Activation::LeakyRelu, Activation::Sigmoid, Activation::Identity};
    return all;
}

std::vector<std::string> activationNames()
{
    std::vector<std::string> names;
    for (Activation activation : activations())
        names.push_back(activationName(activation));
    return names;
}

Activation parseActivation(std::string_view name)
{
    for (Activation activation : activations())
        if (activationName(activation) == name)
            return activation;
    throw InvalidArgument(unknownNameMessage("activation", name, activationNames()));
}

std::string activationDefinition(Activation activation)
{
    switch (activation) {
    case Activation::Identity:
        return "z (no hidden non-linearity: the network stays linear)";
    case Activation::Tanh:
        return "tanh z (Xavier initialisation)";
    case Activation::Relu:
        return "max(0, z) (He initialisation)";
    case Activation::LeakyRelu:
        return "max(0.01 z, z) (He initialisation)";
    case Activation::Sigmoid:
        return "1 / (1 + e^-z) (Xavier initialisation)";
    }
    return "";
}

void activate(Activation activation, double* values, Eigen::Index count)
{
    ArrayMap z(values, count);
    switch (activation) {
    case Activation::Identity:
        return;
    case Activation::Tanh:
        kernels::tanhInPlace(values, count);
        return;
    case Activation::Relu:
        z = z.max(0.0);
        return;
    case Activation::LeakyRelu:
        z = z.max(leakyReluSlope * z);
        return;
    case Activation::Sigmoid:
        kernels::sigmoid(values, values, count);
        return;
    }
}

void multiplyByDerivative(
    Activation activation, const double* activated, double* delta, Eigen::Index count)
{
    const ConstArrayMap a(activated, count);
    ArrayMap d(delta, count);
    switch (activation) {
    case Activation::Identity:
        return;
    case Activation::Tanh:
        kernels::multiplyByTanhDerivative(activated, delta, count);
        return;
    case Activation::Relu:
        d = (a > 0.0).select(d, 0.0);
        return;
    case Activation::LeakyRelu:
        d = (a > 0.0).select(d, leakyReluSlope * d);
        return;
    case Activation::Sigmoid:
        kernels::multiplyBySigmoidDerivative(activated, delta, count);
        return;
    }
}

void secondDerivative(
    Activation activation, const double* activated, double* out, Eigen::Index count)
{
    const ConstArrayMap a(activated, count);
    ArrayMap result(out, count);
    switch (activation) {
    case Activation::Identity:
    case Activation::Relu:
    case Activation::LeakyRelu:
        result.setZero();
        return;
    case Activation::Tanh:
        // d/dz (1 − a²) = −2a(1 − a²)
        result = -2.0 * a * (1.0 - a.square());
        return;
    case Activation::Sigmoid:
        // d/dz a(1 − a) = a(1 − a)(1 − 2a)
        result = a * (1.0 - a) * (1.0 - 2.0 * a);
        return;
    }
}

} // namespace optviz
