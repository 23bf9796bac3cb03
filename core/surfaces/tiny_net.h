#pragma once

#include "../surface.h"

#include <vector>

namespace optviz {

// The smallest neural network with a non-convex loss: ŷ = w₂ tanh(w₁ t), one hidden
// unit and no biases, trained by mean squared error
//   L(w₁, w₂) = (1/n) Σ (w₂ tanh(w₁ tᵢ) − yᵢ)²,
// with x = w₁ and y = w₂. The data come from a teacher network of the same shape,
// y = 2 tanh(1.5 t) + noise·N(0, 1): for each sample in turn, tᵢ uniform in [−2, 2], then
// the noise, from one optviz::Random seeded with `seed`.
//
// Because tanh is odd, L(−w₁, −w₂) = L(w₁, w₂): the minima come in a symmetric pair near
// the teacher's ±(1.5, 2) (the same network, both signs flipped), found in the
// constructor by Newton's method on the exact Hessian. The origin is a saddle: there the
// gradient vanishes (the hidden unit is dead and its output weight is zero) and the
// Hessian is [[0, −2 mean(t y)], [−2 mean(t y), 0]]. Along w₁ = 0 the loss is flat.
//
// With hᵢ = tanh(w₁ tᵢ), hᵢ' = tᵢ (1 − hᵢ²) and rᵢ = w₂ hᵢ − yᵢ:
//   ∇L = (2/n) Σ rᵢ (w₂ hᵢ', hᵢ),
//   ∇²L = (2/n) Σ [(w₂ hᵢ', hᵢ)(w₂ hᵢ', hᵢ)ᵀ + rᵢ [[w₂ hᵢ'', hᵢ'], [hᵢ', 0]]],
// where hᵢ'' = −2 tᵢ hᵢ hᵢ'.
class TinyNet final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit TinyNet(const ParameterValues& resolved);

    double value2(double w1, double w2) const override;
    double valueAndGradient2(double w1, double w2, double& g1, double& g2) const override;
    void hessian2(double w1, double w2, double& h11, double& h12, double& h22) const override;

    ViewRect defaultView() const override;
    // In the "wrong-sign" quadrant: gradient descent flips w₂ and reaches the minimum
    // (−w₁*, −w₂*), adaptive methods pass by the saddle and reach (w₁*, w₂*).
    Point2 defaultStart() const override { return {-2.0, 2.0}; }
    // The two minima, the one with w₁ > 0 first; empty in the rare data sets where
    // Newton's method finds no minimum from the teacher's weights. With few samples and
    // heavy noise the minimum can lie far out along w₁ (tanh saturated into a step).
    std::vector<Point2> minima() const override { return minima_; }

    int sampleCount() const override { return static_cast<int>(inputs_.size()); }
    double batchValue(const Vector& x, const int* indices, int count) const override;
    double batchValueAndGradient(
        const Vector& x, const int* indices, int count, Vector& gradient) const override;
    void batchHessian(
        const Vector& x, const int* indices, int count, Matrix& hessian) const override;

    // The data set, for plots of the fit and for tests.
    const std::vector<double>& inputs() const { return inputs_; }
    const std::vector<double>& targets() const { return targets_; }

private:
    // Sums over the samples `indices[0..count)`, or over all samples when `indices` is
    // null, and returns the mean loss; the gradient and Hessian are written when asked for.
    double evaluate(double w1, double w2, const int* indices, int count, double* gradient,
        double* hessian) const;

    std::vector<double> inputs_;
    std::vector<double> targets_;
    std::vector<Point2> minima_;
};

} // namespace optviz
