#pragma once

#include <Eigen/Core>

#include <string>
#include <string_view>
#include <vector>

namespace optviz {

// The activation of the hidden layers. The output layer is always the identity: its
// values are the logits that the losses take (torch's BCEWithLogitsLoss and
// CrossEntropyLoss), or the predictions themselves for regression.
enum class Activation { Identity, Tanh, Relu, LeakyRelu, Sigmoid };

// torch.nn.LeakyReLU's default negative slope.
constexpr double leakyReluSlope = 0.01;

// "identity", "tanh", "relu", "leaky_relu", "sigmoid".
std::string activationName(Activation activation);
// The hidden-layer activations, in the order `optviz-cli list` prints them.
const std::vector<Activation>& activations();
std::vector<std::string> activationNames();
// Throws InvalidArgument naming the accepted names.
Activation parseActivation(std::string_view name);
// One line for `optviz-cli list`: "tanh z", "max(0, z)", ...
std::string activationDefinition(Activation activation);

// Element-wise over `count` contiguous values, vectorised; no allocation. Derivatives are
// taken from the activated values a = f(z) (every activation here can), so that the
// forward pass keeps one matrix per layer. At the kinks (relu, leaky_relu at z = 0) the
// derivative is torch's: that of the z < 0 side.
//
// z → f(z), in place.
void activate(Activation activation, double* values, Eigen::Index count);
// delta ⊙= f′(z), given a = f(z).
void multiplyByDerivative(
    Activation activation, const double* activated, double* delta, Eigen::Index count);
// out = f″(z), given a = f(z) (zero for the piecewise-linear ones).
void secondDerivative(
    Activation activation, const double* activated, double* out, Eigen::Index count);

} // namespace optviz
