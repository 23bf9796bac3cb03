#pragma once

#include "loss.h"

#include <vector>

namespace optviz {

class Mlp;

// The buffers of a forward and a backward pass over up to `capacity` samples, sized
// once so that the passes allocate nothing. Each buffer holds a layer's values for the
// samples of one pass as an n × units column-major matrix (one row per sample, n ≤
// capacity): view(buffer, n, units) sees the pass's part. A workspace belongs to one pass
// at a time: it is not thread-safe (give each thread its own).
class MlpWorkspace
{
public:
    MlpWorkspace() = default;
    MlpWorkspace(const Mlp& network, Eigen::Index capacity);

    Eigen::Index capacity() const { return capacity_; }

    // Per weight layer l: its activations f(a Wᵀ + b) (the outputs for the last layer)
    // and δ = ∂loss/∂z, the gradient with respect to its pre-activations.
    std::vector<Vector> activations;
    std::vector<Vector> deltas;

    // For Hessian-vector products (Pearlmutter's R-operator), sized by
    // reserveHessian(): R{z} and R{a} per layer, R{δ}, and the curvature term
    // (δ W) ⊙ f″ of the layers below the last.
    void reserveHessian();
    bool hasHessianBuffers() const { return !rPre.empty(); }
    std::vector<Vector> rPre;
    std::vector<Vector> rActivations;
    std::vector<Vector> rDeltas;
    std::vector<Vector> curvature;
    // Per layer: whether R{z} is zero (the direction has no component at or below it),
    // so that products with it are skipped.
    std::vector<unsigned char> rZero;

    static MatrixView view(Vector& buffer, Eigen::Index samples, Eigen::Index units)
    {
        return {buffer.data(), samples, units};
    }
    static ConstMatrixView view(const Vector& buffer, Eigen::Index samples, Eigen::Index units)
    {
        return {buffer.data(), samples, units};
    }

private:
    std::vector<int> units_; // per weight layer
    Eigen::Index capacity_ = 0;
};

} // namespace optviz
