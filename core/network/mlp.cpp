#include "mlp.h"

#include "../random.h"
#include "kernels.h"

#include <cmath>
#include <stdexcept>

namespace optviz {

MlpWorkspace::MlpWorkspace(const Mlp& network, Eigen::Index capacity)
    : capacity_(capacity)
{
    for (int l = 0; l < network.layerCount(); ++l) {
        units_.push_back(network.layer(l).outputs);
        activations.emplace_back(capacity * network.layer(l).outputs);
        deltas.emplace_back(capacity * network.layer(l).outputs);
    }
}

void MlpWorkspace::reserveHessian()
{
    if (hasHessianBuffers())
        return;
    for (int units : units_) {
        rPre.emplace_back(capacity_ * units);
        rActivations.emplace_back(capacity_ * units);
        rDeltas.emplace_back(capacity_ * units);
        curvature.emplace_back(capacity_ * units);
    }
    rZero.assign(units_.size(), 1);
}

Mlp::Mlp(std::vector<int> sizes, Activation hidden)
    : sizes_(std::move(sizes))
    , activation_(hidden)
{
    if (sizes_.size() < 2)
        throw std::invalid_argument("a network needs at least an input and an output layer");
    for (int size : sizes_)
        if (size < 1)
            throw std::invalid_argument("every layer of a network needs at least one unit");
    for (std::size_t l = 0; l + 1 < sizes_.size(); ++l) {
        Layer layer;
        layer.inputs = sizes_[l];
        layer.outputs = sizes_[l + 1];
        layer.weightOffset = parameterCount_;
        layer.biasOffset = parameterCount_ + Eigen::Index(layer.inputs) * layer.outputs;
        parameterCount_ = layer.biasOffset + layer.outputs;
        layers_.push_back(layer);
    }
}

Activation Mlp::layerActivation(int index) const
{
    return index + 1 < layerCount() ? activation_ : Activation::Identity;
}

std::string Mlp::describe() const
{
    std::string text;
    for (std::size_t l = 0; l < sizes_.size(); ++l)
        text += (l ? "-" : "") + std::to_string(sizes_[l]);
    if (layerCount() > 1)
        text += " " + activationName(activation_);
    return text;
}

Eigen::Map<const Mlp::RowMatrix> Mlp::weights(const Vector& parameters, int index) const
{
    const Layer& l = layer(index);
    return {parameters.data() + l.weightOffset, l.outputs, l.inputs};
}

Eigen::Map<Mlp::RowMatrix> Mlp::weights(Vector& parameters, int index) const
{
    const Layer& l = layer(index);
    return {parameters.data() + l.weightOffset, l.outputs, l.inputs};
}

Eigen::Map<const Vector> Mlp::biases(const Vector& parameters, int index) const
{
    const Layer& l = layer(index);
    return {parameters.data() + l.biasOffset, l.outputs};
}

Eigen::Map<Vector> Mlp::biases(Vector& parameters, int index) const
{
    const Layer& l = layer(index);
    return {parameters.data() + l.biasOffset, l.outputs};
}

Vector Mlp::initialParameters(std::uint64_t seed) const
{
    Vector parameters = Vector::Zero(parameterCount_);
    Random random(seed);
    const bool he = activation_ == Activation::Relu || activation_ == Activation::LeakyRelu;
    const double slope = activation_ == Activation::LeakyRelu ? leakyReluSlope : 0.0;
    for (int l = 0; l < layerCount(); ++l) {
        const double fanIn = layer(l).inputs;
        const double fanOut = layer(l).outputs;
        const double deviation = he ? std::sqrt(2.0 / ((1.0 + slope * slope) * fanIn))
                                    : std::sqrt(2.0 / (fanIn + fanOut));
        auto w = weights(parameters, l);
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            for (Eigen::Index j = 0; j < w.cols(); ++j)
                w(i, j) = deviation * random.normal();
    }
    return parameters;
}

void Mlp::forward(const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace) const
{
    const Eigen::Index n = inputs.rows();
    for (int l = 0; l < layerCount(); ++l) {
        const Layer& shape = layer(l);
        const auto index = std::size_t(l);
        const double* below = l == 0 ? inputs.data() : workspace.activations[index - 1].data();
        double* z = workspace.activations[index].data();
        // z(:, i) = b_i + Σ_p a(:, p) W(i, p), W row-major.
        kernels::combineColumns(below, n, shape.inputs, parameters.data() + shape.weightOffset,
            shape.inputs, 1, shape.outputs, parameters.data() + shape.biasOffset, z);
        activate(layerActivation(l), z, n * shape.outputs);
    }
}

ConstMatrixView Mlp::outputs(const MlpWorkspace& workspace, Eigen::Index samples) const
{
    return MlpWorkspace::view(workspace.activations.back(), samples, outputCount());
}

MatrixView Mlp::outputGradient(MlpWorkspace& workspace, Eigen::Index samples) const
{
    return MlpWorkspace::view(workspace.deltas.back(), samples, outputCount());
}

void Mlp::backward(const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace,
    Vector& gradient) const
{
    const Eigen::Index n = inputs.rows();
    for (int l = layerCount() - 1; l >= 0; --l) {
        const Layer& shape = layer(l);
        const auto index = std::size_t(l);
        const double* delta = workspace.deltas[index].data();
        const double* below = l == 0 ? inputs.data() : workspace.activations[index - 1].data();
        // ∂W = δᵀ a (row-major, as θ stores W), ∂b = δᵀ 1.
        kernels::crossProducts(
            delta, n, shape.outputs, below, shape.inputs, gradient.data() + shape.weightOffset);
        kernels::columnSums(delta, n, shape.outputs, gradient.data() + shape.biasOffset);
        if (l == 0)
            break;
        // δ_below = (δ W) ⊙ f′: column p is Σ_i δ(:, i) W(i, p); tanh′ and σ′ are applied
        // as the products are stored, the others after.
        double* deltaBelow = workspace.deltas[index - 1].data();
        const double* activated = workspace.activations[index - 1].data();
        const Activation f = layerActivation(l - 1);
        const kernels::Factor factor = f == Activation::Tanh ? kernels::Factor::TanhDerivative
            : f == Activation::Sigmoid                       ? kernels::Factor::SigmoidDerivative
                                                             : kernels::Factor::None;
        kernels::combineColumns(delta, n, shape.outputs, parameters.data() + shape.weightOffset, 1,
            shape.inputs, shape.inputs, nullptr, deltaBelow, factor, activated);
        if (factor == kernels::Factor::None)
            multiplyByDerivative(f, activated, deltaBelow, n * shape.inputs);
    }
}

// The R-operator passes are Eigen products: Newton calls them once per parameter per
// step, where clarity matters more than the last factor of two.
//
// Notation per layer l, one row per sample: z_l = a_{l−1} W_lᵀ + 1 b_lᵀ, a_l = f(z_l),
// δ_l = ∂loss/∂z_l, δ_{l−1} = (δ_l W_l) ⊙ f′(z_{l−1}); (V_l, c_l) is the direction's part.
void Mlp::prepareHessian(
    const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace) const
{
    workspace.reserveHessian();
    const Eigen::Index n = inputs.rows();
    // curvature_{l−1} = (δ_l W_l) ⊙ f″(z_{l−1}): the part of R{δ_{l−1}} that comes from the
    // change of f′ along the direction, the same for every direction.
    for (int l = 1; l < layerCount(); ++l) {
        const Layer& shape = layer(l);
        const auto index = std::size_t(l);
        MatrixView curvature = MlpWorkspace::view(workspace.curvature[index - 1], n, shape.inputs);
        MatrixView backpropagated
            = MlpWorkspace::view(workspace.rDeltas[index - 1], n, shape.inputs);
        backpropagated.noalias()
            = MlpWorkspace::view(std::as_const(workspace.deltas[index]), n, shape.outputs)
            * weights(parameters, l);
        secondDerivative(layerActivation(l - 1), workspace.activations[index - 1].data(),
            curvature.data(), curvature.size());
        curvature.array() *= backpropagated.array();
    }
}

// R{z_l} = a_{l−1} V_lᵀ + R{a_{l−1}} W_lᵀ + 1 c_lᵀ and R{a_l} = f′(z_l) ⊙ R{z_l}, with
// R{a_0} = 0 (the inputs do not depend on θ).
void Mlp::rForward(const Vector& parameters, ConstMatrixView inputs, const Vector& direction,
    MlpWorkspace& workspace) const
{
    const Eigen::Index n = inputs.rows();
    bool zeroBelow = true; // R{a_{l−1}} = 0
    for (int l = 0; l < layerCount(); ++l) {
        const Layer& shape = layer(l);
        const auto index = std::size_t(l);
        const auto v = weights(direction, l);
        const auto c = biases(direction, l);
        const bool directionHere = !(v.array() == 0.0).all() || !(c.array() == 0.0).all();
        MatrixView rz = MlpWorkspace::view(workspace.rPre[index], n, shape.outputs);
        if (zeroBelow && !directionHere) {
            workspace.rZero[index] = 1;
            if (l + 1 == layerCount())
                rz.setZero(); // a zero direction: the loss's curvature sees R{z} = 0
            continue;
        }
        const ConstMatrixView below = l == 0
            ? inputs
            : MlpWorkspace::view(std::as_const(workspace.activations[index - 1]), n, shape.inputs);
        if (directionHere) {
            rz.noalias() = below * v.transpose();
            rz.rowwise() += c.transpose();
            if (!zeroBelow)
                rz.noalias() += MlpWorkspace::view(std::as_const(workspace.rActivations[index - 1]),
                                    n, shape.inputs)
                    * weights(parameters, l).transpose();
        } else {
            rz.noalias() = MlpWorkspace::view(
                               std::as_const(workspace.rActivations[index - 1]), n, shape.inputs)
                * weights(parameters, l).transpose();
        }
        workspace.rZero[index] = 0;
        zeroBelow = false;
        if (l + 1 < layerCount()) {
            MatrixView ra = MlpWorkspace::view(workspace.rActivations[index], n, shape.outputs);
            ra = rz;
            multiplyByDerivative(
                layerActivation(l), workspace.activations[index].data(), ra.data(), ra.size());
        }
    }
}

// With R{δ_L} = ∇²loss · R{z_L} given:
//   R{∂W_l} = R{δ_l}ᵀ a_{l−1} + δ_lᵀ R{a_{l−1}},  R{∂b_l} = R{δ_l}ᵀ 1,
//   R{δ_{l−1}} = (R{δ_l} W_l + δ_l V_l) ⊙ f′(z_{l−1}) + (δ_l W_l) ⊙ f″(z_{l−1}) ⊙ R{z_{l−1}}.
void Mlp::rBackward(const Vector& parameters, ConstMatrixView inputs, const Vector& direction,
    MlpWorkspace& workspace, Vector& result) const
{
    const Eigen::Index n = inputs.rows();
    for (int l = layerCount() - 1; l >= 0; --l) {
        const Layer& shape = layer(l);
        const auto index = std::size_t(l);
        const ConstMatrixView rDelta
            = MlpWorkspace::view(std::as_const(workspace.rDeltas[index]), n, shape.outputs);
        const ConstMatrixView delta
            = MlpWorkspace::view(std::as_const(workspace.deltas[index]), n, shape.outputs);
        const ConstMatrixView below = l == 0
            ? inputs
            : MlpWorkspace::view(std::as_const(workspace.activations[index - 1]), n, shape.inputs);
        const bool belowMoves = l > 0 && !workspace.rZero[index - 1];
        Eigen::Map<RowMatrix> rw(result.data() + shape.weightOffset, shape.outputs, shape.inputs);
        rw.noalias() = rDelta.transpose() * below;
        if (belowMoves)
            rw.noalias() += delta.transpose()
                * MlpWorkspace::view(
                    std::as_const(workspace.rActivations[index - 1]), n, shape.inputs);
        Eigen::Map<Vector>(result.data() + shape.biasOffset, shape.outputs)
            = rDelta.colwise().sum().transpose();
        if (l == 0)
            break;
        MatrixView rDeltaBelow = MlpWorkspace::view(workspace.rDeltas[index - 1], n, shape.inputs);
        rDeltaBelow.noalias() = rDelta * weights(parameters, l);
        const auto v = weights(direction, l);
        if (!(v.array() == 0.0).all())
            rDeltaBelow.noalias() += delta * v;
        multiplyByDerivative(layerActivation(l - 1), workspace.activations[index - 1].data(),
            rDeltaBelow.data(), rDeltaBelow.size());
        if (belowMoves)
            rDeltaBelow.array() += MlpWorkspace::view(std::as_const(workspace.curvature[index - 1]),
                                       n, shape.inputs)
                                       .array()
                * MlpWorkspace::view(std::as_const(workspace.rPre[index - 1]), n, shape.inputs)
                      .array();
    }
}

} // namespace optviz
