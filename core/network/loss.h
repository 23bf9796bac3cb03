#pragma once

#include "../objective.h"

#include <string>
#include <string_view>
#include <vector>

namespace optviz {

// Contiguous column-major views of workspace memory, one row per sample (n × units):
// each unit's values over the samples are contiguous, which is what the hot loops
// vectorise over (kernels.h).
using MatrixView = Eigen::Map<Matrix>;
using ConstMatrixView = Eigen::Map<const Matrix>;

// The training losses, each a mean over samples with torch's reduction='mean':
//   mse  (z − y)² averaged over all outputs and samples          (torch MSELoss)
//   bce  max(z, 0) − z y + log(1 + e^−|z|) averaged the same way   (BCEWithLogitsLoss)
//   ce   −Σᵢ yᵢ log softmax(z)ᵢ averaged over samples              (CrossEntropyLoss)
// z are the network's outputs (logits for bce and ce), y the targets: values for mse,
// 0/1 per output for bce, one-hot (or probability) rows for ce. One row per sample.
enum class Loss { Mse, BinaryCrossEntropy, CrossEntropy };

// "mse", "bce", "ce".
std::string lossName(Loss loss);
const std::vector<Loss>& losses();
std::vector<std::string> lossNames();
// Throws InvalidArgument naming the accepted names.
Loss parseLoss(std::string_view name);
// One line for `optviz-cli list`.
std::string lossDefinition(Loss loss);

// Scratch for the losses (cross-entropy's softmax): sized once, reused every call.
struct LossWorkspace
{
    LossWorkspace() = default;
    LossWorkspace(int outputs, Eigen::Index capacity);

    Vector probabilities; // capacity × outputs, the softmax of each row
    Vector rowMax; // capacity
    Vector rowSum;
    Vector rowWeight;
};

// The mean loss of `outputs` against `targets` (same shape). No allocation.
double lossValue(
    Loss loss, ConstMatrixView outputs, ConstMatrixView targets, LossWorkspace& workspace);
// The gradient of the mean loss with respect to the outputs, into `gradient` (same
// shape). No allocation.
void lossGradient(Loss loss, ConstMatrixView outputs, ConstMatrixView targets, MatrixView gradient,
    LossWorkspace& workspace);
// result = ∇²ℓ(z)·direction: the Hessian of the mean loss with respect to the outputs
// applied to a direction of the same shape (block-diagonal by sample), for the
// exact Hessian of the network (Pearlmutter's R-operator).
void lossHessianProduct(Loss loss, ConstMatrixView outputs, ConstMatrixView targets,
    ConstMatrixView direction, MatrixView result, LossWorkspace& workspace);

} // namespace optviz
