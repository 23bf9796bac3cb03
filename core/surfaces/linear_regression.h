#pragma once

#include "../surface.h"

#include <vector>

namespace optviz {

// Linear regression as a surface: the mean squared error
//   L(w, b) = (1/n) Σ (w tᵢ + b − yᵢ)²
// of the line ŷ = w t + b over a seeded noisy data set, with x = w and y = b. The data:
// for each sample in turn, tᵢ uniform in [−1, 1], then yᵢ = slope·tᵢ + intercept +
// noise·N(0, 1), both drawn from one optviz::Random seeded with `seed` (the normal draw
// happens even when noise = 0, so that the tᵢ do not depend on the noise level).
//
// L is a convex quadratic: its Hessian 2 [[mean t², mean t], [mean t, 1]] is constant,
// and its minimum is the least-squares line, w* = cov(t, y) / var(t), b* = ȳ − w* t̄.
// Since var t ≈ 1/3, the bowl is about three times flatter along w than along b: the
// classic elongated loss of unnormalised features.
//
// The full-batch loss is O(1) from sufficient statistics, written about the means (with
// d = w t̄ + b − ȳ: L = w² var t − 2 w cov(t, y) + var y + d²) so that it keeps its
// precision near the minimum. The mini-batch methods sum over the given samples.
class LinearRegression final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit LinearRegression(const ParameterValues& resolved);

    double value2(double w, double b) const override;
    double valueAndGradient2(double w, double b, double& gw, double& gb) const override;
    void hessian2(double w, double b, double& hww, double& hwb, double& hbb) const override;

    ViewRect defaultView() const override;
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return {minimum_}; }

    int sampleCount() const override { return static_cast<int>(inputs_.size()); }
    double batchValue(const Vector& x, const int* indices, int count) const override;
    double batchValueAndGradient(
        const Vector& x, const int* indices, int count, Vector& gradient) const override;
    void batchHessian(
        const Vector& x, const int* indices, int count, Matrix& hessian) const override;

    // The data set, for plots of the fitted line and for tests.
    const std::vector<double>& inputs() const { return inputs_; }
    const std::vector<double>& targets() const { return targets_; }

private:
    std::vector<double> inputs_;
    std::vector<double> targets_;
    double slope_;
    double intercept_;
    // Sufficient statistics: means, and (co)variances about the means.
    double meanT_ = 0.0;
    double meanY_ = 0.0;
    double meanTT_ = 0.0; // mean of t², for the Hessian
    double varT_ = 0.0;
    double covTY_ = 0.0;
    double residualVar_ = 0.0; // the loss at the minimum
    Point2 minimum_;
};

} // namespace optviz
