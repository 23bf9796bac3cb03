#pragma once

#include "dataset.h"
#include "mlp.h"

#include "../optimizer.h"

#include <string>

namespace optviz {

// The loss a data set trains with when the user says "auto": bce for two classes (one
// logit), ce for more (one logit per class), mse for regression.
Loss defaultLoss(const Dataset& data);
// Throws InvalidArgument if `loss` cannot train on `data` (bce or ce on regression).
void checkLossFits(Loss loss, const Dataset& data, std::string_view datasetName);
// The network outputs that `loss` needs on `data`: 1 for regression and for two classes
// with mse or bce, one per class otherwise.
int outputCountFor(Loss loss, const Dataset& data);
// The targets as the loss sees them (n × outputCountFor()): the values for regression, a
// 0/1 column for one-output classification, one-hot rows otherwise.
Matrix targetMatrix(Loss loss, const Dataset& data);

// Loss and accuracy of a network on a data set.
struct Evaluation
{
    double loss = 0.0;
    double accuracy = 0.0; // fraction of samples classified right; NaN for regression
};

// A network trained on a data set, as an Objective: f(θ) is the mean loss over the
// samples, with its exact gradient by backpropagation, so that every optimizer of the
// core trains it unchanged through GradientOracle and Runner (mini-batches through
// sampleCount() and batchValueAndGradient()).
//
// Which optimizers make sense: all first-order ones, full batch or mini-batch. bfgs and
// lbfgs want full batch (their line search and curvature pairs assume one fixed
// function; on mini-batches each step sees another); rprop too (its sign rule, like
// torch's, is meant for full batches). newton uses the exact Hessian below, which costs
// one R-operator pass per parameter and a dense eigendecomposition per step: fine for a
// few hundred parameters, refused above hessianParameterLimit. It shines without a
// hidden layer (linear, logistic and softmax regression are convex: a few steps to the
// minimum); with hidden layers the Hessian has eigenvalues near zero, along which even
// the saddle-free step |H|⁻¹g is huge, so it needs a small lr (≈ 0.1) to stay stable.
//
// Not thread-safe: the passes share preallocated workspaces (no allocation on the hot
// path), so each thread needs its own objective (copies are independent). The last
// full-batch forward pass is remembered, so that the runner's value(x) after a step and
// the optimizer's valueAndGradient(x) at the start of the next one cost one pass.
class NetworkObjective final : public Objective
{
public:
    // The network's input and output counts must match the data and the loss
    // (outputCountFor()); throws std::invalid_argument otherwise.
    NetworkObjective(Mlp network, Loss loss, Dataset data);

    NetworkObjective(const NetworkObjective&) = default;
    NetworkObjective& operator=(const NetworkObjective&) = delete;

    const Mlp& network() const { return network_; }
    Loss loss() const { return loss_; }
    const Dataset& data() const { return data_; }
    const Matrix& targets() const { return targets_; }

    int dimension() const override { return static_cast<int>(network_.parameterCount()); }
    double value(const Vector& x) const override;
    double valueAndGradient(const Vector& x, Vector& gradient) const override;

    // Networks of up to this many parameters offer their exact Hessian: a Newton step
    // (the Hessian, then its eigendecomposition) takes 25 ms at 337 parameters (2-16-16-1),
    // 170 ms at 700, half a second at the limit.
    static constexpr int hessianParameterLimit = 1000;
    bool hasHessian() const override { return dimension() <= hessianParameterLimit; }
    // The exact Hessian by Pearlmutter's R-operator, one column per parameter.
    void hessian(const Vector& x, Matrix& hessian) const override;
    // Why there is no Hessian (empty when there is one), for the CLI and the window.
    std::string hessianUnavailableReason() const;
    // Networks of up to this many parameters train with bfgs, whose dense P × P
    // inverse-Hessian estimate takes 8·P² bytes (200 MB at the limit).
    static constexpr int denseMatrixParameterLimit = 5000;
    // Why the named optimizer cannot train this network (newton without a Hessian, bfgs
    // past denseMatrixParameterLimit), or empty if it can. The CLI refuses with this
    // message; the window can disable the choice with it as the tooltip.
    std::string optimizerRefusal(const OptimizerInfo& optimizer) const;

    int sampleCount() const override { return static_cast<int>(data_.sampleCount()); }
    double batchValue(const Vector& x, const int* indices, int count) const override;
    double batchValueAndGradient(
        const Vector& x, const int* indices, int count, Vector& gradient) const override;
    void batchHessian(
        const Vector& x, const int* indices, int count, Matrix& hessian) const override;

    // Loss and accuracy over all samples (one forward pass; no allocation).
    Evaluation evaluate(const Vector& x) const;
    // The network's outputs for arbitrary inputs (m × inputCount, one per row), e.g. a
    // grid for a decision-boundary map: as probabilities for bce (σ) and ce (softmax),
    // as predictions for mse; m × outputCount. Allocates its own buffers; not for the
    // step loop.
    Matrix predict(const Vector& x, const Matrix& inputs) const;

private:
    double forwardAll(const Vector& x) const;
    ConstMatrixView allInputs() const;
    ConstMatrixView allTargets() const;
    // Copies the samples with the given indices into the batch buffers.
    int gather(const int* indices, int count) const;
    ConstMatrixView batchInputs(int count) const;
    ConstMatrixView batchTargets(int count) const;
    void hessianOf(
        const Vector& x, ConstMatrixView inputs, ConstMatrixView targets, Matrix& hessian) const;

    Mlp network_;
    Loss loss_;
    Dataset data_;
    Matrix targets_;

    mutable MlpWorkspace work_;
    mutable LossWorkspace lossWork_;
    mutable Vector batchInputs_; // capacity × inputs, the gathered mini-batch
    mutable Vector batchTargets_;
    // The parameters of the full-batch forward pass in work_, if it holds one.
    mutable Vector forwardAt_;
    mutable bool forwardValid_ = false;
    mutable double forwardLoss_ = 0.0;
    // Scratch of the Hessian: a unit direction and H times it.
    mutable Vector direction_;
    mutable Vector column_;
};

} // namespace optviz
