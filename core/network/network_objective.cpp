#include "network_objective.h"

#include "kernels.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace optviz {

Loss defaultLoss(const Dataset& data)
{
    if (!data.isClassification())
        return Loss::Mse;
    return data.classCount == 2 ? Loss::BinaryCrossEntropy : Loss::CrossEntropy;
}

void checkLossFits(Loss loss, const Dataset& data, std::string_view datasetName)
{
    if (loss != Loss::Mse && !data.isClassification())
        throw InvalidArgument("loss '" + lossName(loss) + "' needs a classification dataset; "
            + std::string(datasetName) + " is a regression dataset; accepted: mse, auto");
}

int outputCountFor(Loss loss, const Dataset& data)
{
    if (!data.isClassification())
        return 1;
    if (data.classCount == 2 && loss != Loss::CrossEntropy)
        return 1;
    return data.classCount;
}

Matrix targetMatrix(Loss loss, const Dataset& data)
{
    const Eigen::Index n = data.sampleCount();
    if (!data.isClassification())
        return data.values;
    const int outputs = outputCountFor(loss, data);
    Matrix targets = Matrix::Zero(n, outputs);
    for (Eigen::Index s = 0; s < n; ++s) {
        const int label = data.labels[std::size_t(s)];
        if (outputs == 1)
            targets(s, 0) = label;
        else
            targets(s, label) = 1.0;
    }
    return targets;
}

NetworkObjective::NetworkObjective(Mlp network, Loss loss, Dataset data)
    : network_(std::move(network))
    , loss_(loss)
    , data_(std::move(data))
{
    if (loss_ != Loss::Mse && !data_.isClassification())
        throw std::invalid_argument("bce and ce need a classification data set");
    if (network_.inputCount() != data_.inputCount())
        throw std::invalid_argument("the network's input count does not match the data");
    if (network_.outputCount() != outputCountFor(loss_, data_))
        throw std::invalid_argument("the network's output count does not match the loss");
    targets_ = targetMatrix(loss_, data_);
    const Eigen::Index capacity = std::max<Eigen::Index>(data_.sampleCount(), 1);
    work_ = MlpWorkspace(network_, capacity);
    lossWork_ = LossWorkspace(network_.outputCount(), capacity);
    batchInputs_.resize(capacity * network_.inputCount());
    batchTargets_.resize(capacity * network_.outputCount());
    forwardAt_.resize(network_.parameterCount());
    direction_ = Vector::Zero(network_.parameterCount());
    column_.resize(network_.parameterCount());
}

double NetworkObjective::forwardAll(const Vector& x) const
{
    // Bitwise comparison: the cache must never stand in for a pass at another point.
    if (forwardValid_ && x.size() == forwardAt_.size()
        && std::memcmp(x.data(), forwardAt_.data(), sizeof(double) * std::size_t(x.size())) == 0)
        return forwardLoss_;
    const Eigen::Index n = data_.sampleCount();
    network_.forward(x, allInputs(), work_);
    forwardLoss_ = lossValue(loss_, network_.outputs(work_, n), allTargets(), lossWork_);
    forwardAt_ = x;
    forwardValid_ = true;
    return forwardLoss_;
}

double NetworkObjective::value(const Vector& x) const
{
    return forwardAll(x);
}

double NetworkObjective::valueAndGradient(const Vector& x, Vector& gradient) const
{
    const double loss = forwardAll(x);
    const Eigen::Index n = data_.sampleCount();
    lossGradient(loss_, network_.outputs(work_, n), allTargets(), network_.outputGradient(work_, n),
        lossWork_);
    network_.backward(x, allInputs(), work_, gradient);
    return loss;
}

ConstMatrixView NetworkObjective::allInputs() const
{
    return {data_.inputs.data(), data_.sampleCount(), data_.inputCount()};
}

ConstMatrixView NetworkObjective::allTargets() const
{
    return {targets_.data(), targets_.rows(), targets_.cols()};
}

ConstMatrixView NetworkObjective::batchInputs(int count) const
{
    return {batchInputs_.data(), count, data_.inputCount()};
}

ConstMatrixView NetworkObjective::batchTargets(int count) const
{
    return {batchTargets_.data(), count, targets_.cols()};
}

int NetworkObjective::gather(const int* indices, int count) const
{
    forwardValid_ = false; // the workspace is about to hold a mini-batch's pass
    MatrixView inputs(batchInputs_.data(), count, data_.inputCount());
    MatrixView targets(batchTargets_.data(), count, targets_.cols());
    for (int k = 0; k < count; ++k) {
        inputs.row(k) = data_.inputs.row(indices[k]);
        targets.row(k) = targets_.row(indices[k]);
    }
    return count;
}

double NetworkObjective::batchValue(const Vector& x, const int* indices, int count) const
{
    const int n = gather(indices, count);
    network_.forward(x, batchInputs(n), work_);
    return lossValue(loss_, network_.outputs(work_, n), batchTargets(n), lossWork_);
}

double NetworkObjective::batchValueAndGradient(
    const Vector& x, const int* indices, int count, Vector& gradient) const
{
    const int n = gather(indices, count);
    const ConstMatrixView inputs = batchInputs(n);
    const ConstMatrixView targets = batchTargets(n);
    network_.forward(x, inputs, work_);
    const double loss = lossValue(loss_, network_.outputs(work_, n), targets, lossWork_);
    lossGradient(
        loss_, network_.outputs(work_, n), targets, network_.outputGradient(work_, n), lossWork_);
    network_.backward(x, inputs, work_, gradient);
    return loss;
}

std::string NetworkObjective::hessianUnavailableReason() const
{
    if (hasHessian())
        return {};
    return "the exact Hessian of this network would be " + std::to_string(dimension()) + "×"
        + std::to_string(dimension())
        + " with a dense eigendecomposition every Newton step; it is offered up to "
        + std::to_string(hessianParameterLimit)
        + " parameters. Use bfgs or lbfgs, which need only gradients";
}

std::string NetworkObjective::optimizerRefusal(const OptimizerInfo& optimizer) const
{
    if (optimizer.usesHessian && !hasHessian())
        return optimizer.name + ": " + hessianUnavailableReason()
            + " (this network: " + network_.describe() + ")";
    if (optimizer.name == "bfgs" && dimension() > denseMatrixParameterLimit)
        return "bfgs keeps a dense " + std::to_string(dimension()) + "×"
            + std::to_string(dimension()) + " inverse-Hessian estimate, offered up to "
            + std::to_string(denseMatrixParameterLimit) + " parameters (this network: "
            + network_.describe() + "). Use lbfgs, which keeps " + "a few vectors instead";
    return {};
}

void NetworkObjective::hessian(const Vector& x, Matrix& hessian) const
{
    forwardAll(x);
    hessianOf(x, allInputs(), allTargets(), hessian);
}

void NetworkObjective::batchHessian(
    const Vector& x, const int* indices, int count, Matrix& hessian) const
{
    const int n = gather(indices, count);
    network_.forward(x, batchInputs(n), work_);
    hessianOf(x, batchInputs(n), batchTargets(n), hessian);
}

// After the forward pass on `inputs`: the backward pass (for every layer's δ), then one
// R-operator pass per parameter, each giving one column H eᵢ.
void NetworkObjective::hessianOf(
    const Vector& x, ConstMatrixView inputs, ConstMatrixView targets, Matrix& hessian) const
{
    const Eigen::Index n = inputs.rows();
    const ConstMatrixView outputs = network_.outputs(work_, n);
    lossGradient(loss_, outputs, targets, network_.outputGradient(work_, n), lossWork_);
    network_.backward(x, inputs, work_, column_);
    network_.prepareHessian(x, inputs, work_);
    const auto curvature = [&](ConstMatrixView rOutputs, MatrixView result) {
        lossHessianProduct(loss_, outputs, targets, rOutputs, result, lossWork_);
    };
    for (Eigen::Index i = 0; i < direction_.size(); ++i) {
        direction_[i] = 1.0;
        network_.hessianVectorProduct(x, inputs, direction_, work_, column_, curvature);
        direction_[i] = 0.0;
        hessian.col(i) = column_;
    }
    // Exact in exact arithmetic; averaging removes the round-off asymmetry, which
    // symmetric eigensolvers would otherwise silently ignore half of.
    for (Eigen::Index j = 0; j < hessian.cols(); ++j)
        for (Eigen::Index i = j + 1; i < hessian.rows(); ++i)
            hessian(i, j) = hessian(j, i) = 0.5 * (hessian(i, j) + hessian(j, i));
}

Evaluation NetworkObjective::evaluate(const Vector& x) const
{
    Evaluation result;
    result.loss = forwardAll(x);
    if (!data_.isClassification()) {
        result.accuracy = std::numeric_limits<double>::quiet_NaN();
        return result;
    }
    const Eigen::Index n = data_.sampleCount();
    const ConstMatrixView outputs = network_.outputs(work_, n);
    // One output: the logit's sign for bce, 0.5 for mse's 0/1 targets.
    const double threshold = loss_ == Loss::Mse ? 0.5 : 0.0;
    Eigen::Index correct = 0;
    for (Eigen::Index s = 0; s < n; ++s) {
        Eigen::Index predicted = 0;
        if (outputs.cols() == 1)
            predicted = outputs(s, 0) > threshold ? 1 : 0;
        else
            outputs.row(s).maxCoeff(&predicted);
        correct += predicted == data_.labels[std::size_t(s)];
    }
    result.accuracy
        = n > 0 ? double(correct) / double(n) : std::numeric_limits<double>::quiet_NaN();
    return result;
}

Matrix NetworkObjective::predict(const Vector& x, const Matrix& inputs) const
{
    if (inputs.cols() != network_.inputCount())
        throw std::invalid_argument("predict: the inputs have the wrong number of columns");
    const Eigen::Index m = inputs.rows();
    MlpWorkspace workspace(network_, std::max<Eigen::Index>(m, 1));
    network_.forward(x, ConstMatrixView(inputs.data(), m, inputs.cols()), workspace);
    Matrix outputs = network_.outputs(workspace, m);
    if (loss_ == Loss::BinaryCrossEntropy) {
        kernels::sigmoid(outputs.data(), outputs.data(), outputs.size());
    } else if (loss_ == Loss::CrossEntropy) {
        for (Eigen::Index s = 0; s < m; ++s) {
            auto row = outputs.row(s);
            row = (row.array() - row.maxCoeff()).exp().matrix();
            row /= row.sum();
        }
    }
    return outputs;
}

} // namespace optviz
