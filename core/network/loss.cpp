#include "loss.h"

#include "../parameter.h"
#include "kernels.h"

#include <cmath>

namespace optviz {

std::string lossName(Loss loss)
{
    switch (loss) {
    case Loss::Mse:
        return "mse";
    case Loss::BinaryCrossEntropy:
        return "bce";
    case Loss::CrossEntropy:
        return "ce";
    }
    return "mse";
}

const std::vector<Loss>& losses()
{
    static const std::vector<Loss> all = {Loss::Mse, Loss::BinaryCrossEntropy, Loss::CrossEntropy};
    return all;
}

std::vector<std::string> lossNames()
{
    std::vector<std::string> names;
    for (Loss loss : losses())
        names.push_back(lossName(loss));
    return names;
}

Loss parseLoss(std::string_view name)
{
    for (Loss loss : losses())
        if (lossName(loss) == name)
            return loss;
    throw InvalidArgument(unknownNameMessage("loss", name, lossNames()));
}

std::string lossDefinition(Loss loss)
{
    switch (loss) {
    case Loss::Mse:
        return "mean squared error, mean of (z - y)^2 over outputs and samples";
    case Loss::BinaryCrossEntropy:
        return "binary cross-entropy with logits, one sigmoid output per class "
               "(one output for two classes)";
    case Loss::CrossEntropy:
        return "softmax cross-entropy, one output (logit) per class";
    }
    return "";
}

LossWorkspace::LossWorkspace(int outputs, Eigen::Index capacity)
    : probabilities(capacity * outputs)
    , rowMax(capacity)
    , rowSum(capacity)
    , rowWeight(capacity)
{
}

namespace {

// The softmax of every row into workspace.probabilities, and the log-sum-exp's pieces:
// log Σ exp z = rowMax + log(rowSum). Also the row sums of the targets (1 for one-hot
// targets), which scale the softmax in the gradient.
void softmax(ConstMatrixView z, ConstMatrixView y, LossWorkspace& workspace)
{
    const Eigen::Index n = z.rows();
    auto max = workspace.rowMax.head(n);
    auto sum = workspace.rowSum.head(n);
    MatrixView p(workspace.probabilities.data(), n, z.cols());
    max = z.rowwise().maxCoeff();
    p = z.colwise() - max;
    kernels::exp(p.data(), p.data(), p.size());
    sum = p.rowwise().sum();
    p.array().colwise() /= sum.array();
    workspace.rowWeight.head(n) = y.rowwise().sum();
}

double crossEntropyValue(ConstMatrixView z, ConstMatrixView y, LossWorkspace& workspace)
{
    const Eigen::Index n = z.rows();
    softmax(z, y, workspace);
    // Σᵢ yᵢ (log Σ exp z − zᵢ), with log Σ exp z − zᵢ = log(sum) − (zᵢ − max) ≥ 0 per term.
    double total = 0.0;
    for (Eigen::Index s = 0; s < n; ++s) {
        const double lse = std::log(workspace.rowSum[s]);
        const double max = workspace.rowMax[s];
        for (Eigen::Index i = 0; i < z.cols(); ++i)
            total += y(s, i) * (lse - (z(s, i) - max));
    }
    return total / static_cast<double>(n);
}

} // namespace

double lossValue(
    Loss loss, ConstMatrixView outputs, ConstMatrixView targets, LossWorkspace& workspace)
{
    const auto elements = static_cast<double>(outputs.size());
    switch (loss) {
    case Loss::Mse:
        return (outputs - targets).squaredNorm() / elements;
    case Loss::BinaryCrossEntropy:
        return kernels::binaryCrossEntropySum(outputs.data(), targets.data(), outputs.size())
            / elements;
    case Loss::CrossEntropy:
        return crossEntropyValue(outputs, targets, workspace);
    }
    return 0.0;
}

void lossGradient(Loss loss, ConstMatrixView outputs, ConstMatrixView targets, MatrixView gradient,
    LossWorkspace& workspace)
{
    const auto elements = static_cast<double>(outputs.size());
    switch (loss) {
    case Loss::Mse:
        gradient = (2.0 / elements) * (outputs - targets);
        return;
    case Loss::BinaryCrossEntropy:
        kernels::sigmoid(outputs.data(), gradient.data(), outputs.size());
        gradient = (gradient - targets) * (1.0 / elements);
        return;
    case Loss::CrossEntropy: {
        // (w p − y)/n per row, w = Σ y (1 for one-hot targets).
        const Eigen::Index n = outputs.rows();
        softmax(outputs, targets, workspace);
        const ConstMatrixView p(workspace.probabilities.data(), n, outputs.cols());
        gradient.array()
            = p.array().colwise() * workspace.rowWeight.head(n).array() - targets.array();
        gradient *= 1.0 / static_cast<double>(n);
        return;
    }
    }
}

void lossHessianProduct(Loss loss, ConstMatrixView outputs, ConstMatrixView targets,
    ConstMatrixView direction, MatrixView result, LossWorkspace& workspace)
{
    const auto elements = static_cast<double>(outputs.size());
    switch (loss) {
    case Loss::Mse:
        result = (2.0 / elements) * direction;
        return;
    case Loss::BinaryCrossEntropy: {
        // σ′(z) = σ(1 − σ), element by element.
        kernels::sigmoid(outputs.data(), result.data(), outputs.size());
        result.array()
            = result.array() * (1.0 - result.array()) * direction.array() * (1.0 / elements);
        return;
    }
    case Loss::CrossEntropy: {
        // Per row, w (diag p − p pᵀ) r with w = Σ y: the softmax's Jacobian.
        const Eigen::Index n = outputs.rows();
        softmax(outputs, targets, workspace);
        const ConstMatrixView p(workspace.probabilities.data(), n, outputs.cols());
        result.array() = p.array() * direction.array();
        for (Eigen::Index s = 0; s < n; ++s) {
            const double pr = result.row(s).sum();
            result.row(s) -= pr * p.row(s);
            result.row(s) *= workspace.rowWeight[s] / static_cast<double>(n);
        }
        return;
    }
    }
}

} // namespace optviz
