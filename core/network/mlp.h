#pragma once

#include "activation.h"
#include "loss.h"
#include "mlp_workspace.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace optviz {

// A multi-layer perceptron: dense layers z = W a + b, the hidden activation f after each
// hidden layer, the identity after the last (its outputs are logits or predictions).
// Mlp holds only the architecture; the parameters θ are a flat vector in torch's order
// (`torch.nn.utils.parameters_to_vector` of a stack of nn.Linear): per layer the weight
// W (outputs × inputs, row-major: neuron by neuron) and then the bias b. Every pass
// works on a whole batch at once, one sample per row (z = a Wᵀ + 1 bᵀ for n × units
// matrices), as matrix products vectorised across the samples (kernels.h).
class Mlp
{
public:
    using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    struct Layer
    {
        int inputs = 0;
        int outputs = 0;
        Eigen::Index weightOffset = 0; // where W starts in θ
        Eigen::Index biasOffset = 0; // where b starts in θ
    };

    // sizes = {inputs, hidden…, outputs}: at least two entries, each ≥ 1. Throws
    // std::invalid_argument otherwise (callers validate user input before).
    Mlp(std::vector<int> sizes, Activation hidden);

    const std::vector<int>& sizes() const { return sizes_; }
    int inputCount() const { return sizes_.front(); }
    int outputCount() const { return sizes_.back(); }
    int layerCount() const { return static_cast<int>(layers_.size()); }
    const Layer& layer(int index) const { return layers_[static_cast<std::size_t>(index)]; }
    Activation activation() const { return activation_; }
    // The activation after layer `index`: the hidden one, the identity for the last.
    Activation layerActivation(int index) const;
    Eigen::Index parameterCount() const { return parameterCount_; }
    // "2-16-16-1 tanh".
    std::string describe() const;

    // Views of one layer's weights and biases inside θ.
    Eigen::Map<const RowMatrix> weights(const Vector& parameters, int layer) const;
    Eigen::Map<RowMatrix> weights(Vector& parameters, int layer) const;
    Eigen::Map<const Vector> biases(const Vector& parameters, int layer) const;
    Eigen::Map<Vector> biases(Vector& parameters, int layer) const;

    // Seeded initial parameters: Xavier (Glorot) normal, std √(2/(fan_in + fan_out)),
    // for tanh, sigmoid and identity networks; He (Kaiming) normal, std
    // √(2/((1 + s²) fan_in)) with s the negative slope, for relu and leaky_relu ones,
    // every layer alike. Biases start at zero. Weights are drawn layer by layer, neuron
    // by neuron, from one optviz::Random(seed).
    Vector initialParameters(std::uint64_t seed) const;

    // The forward pass over the n = inputs.rows() samples (inputs n × inputCount(), n ≤
    // workspace capacity): fills workspace.activations; outputs() then views the
    // network's outputs (n × outputCount()).
    void forward(const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace) const;
    ConstMatrixView outputs(const MlpWorkspace& workspace, Eigen::Index samples) const;
    // Where the caller writes ∂loss/∂outputs before backward().
    MatrixView outputGradient(MlpWorkspace& workspace, Eigen::Index samples) const;
    // Backpropagation after forward() on the same inputs, with outputGradient() filled:
    // writes ∂loss/∂θ into `gradient` (sized parameterCount()) and leaves every layer's
    // ∂loss/∂z in workspace.deltas.
    void backward(const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace,
        Vector& gradient) const;

    // Exact Hessian-vector products by Pearlmutter's R-operator (1994), after forward()
    // and backward() on the same inputs. prepareHessian() computes the terms shared by
    // all directions; hessianVectorProduct() then gives H·v for one direction v of θ,
    // exact up to round-off (no finite differences). `lossCurvature` applies the loss's
    // Hessian with respect to the outputs to R{outputs}.
    void prepareHessian(
        const Vector& parameters, ConstMatrixView inputs, MlpWorkspace& workspace) const;
    template<typename LossCurvature>
    void hessianVectorProduct(const Vector& parameters, ConstMatrixView inputs,
        const Vector& direction, MlpWorkspace& workspace, Vector& result,
        LossCurvature&& lossCurvature) const;

private:
    void rForward(const Vector& parameters, ConstMatrixView inputs, const Vector& direction,
        MlpWorkspace& workspace) const;
    void rBackward(const Vector& parameters, ConstMatrixView inputs, const Vector& direction,
        MlpWorkspace& workspace, Vector& result) const;

    std::vector<int> sizes_;
    std::vector<Layer> layers_;
    Activation activation_;
    Eigen::Index parameterCount_ = 0;
};

template<typename LossCurvature>
void Mlp::hessianVectorProduct(const Vector& parameters, ConstMatrixView inputs,
    const Vector& direction, MlpWorkspace& workspace, Vector& result,
    LossCurvature&& lossCurvature) const
{
    const Eigen::Index n = inputs.rows();
    rForward(parameters, inputs, direction, workspace);
    const int last = layerCount() - 1;
    const auto index = static_cast<std::size_t>(last);
    lossCurvature(MlpWorkspace::view(std::as_const(workspace.rPre[index]), n, outputCount()),
        MlpWorkspace::view(workspace.rDeltas[index], n, outputCount()));
    rBackward(parameters, inputs, direction, workspace, result);
}

} // namespace optviz
