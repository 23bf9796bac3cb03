#include "linear_regression.h"
#include "../random.h"

#include <algorithm>
#include <cmath>

namespace optviz {

ParameterSpecs LinearRegression::parameters()
{
    return {
        {"samples", 50.0, 2.0, 100000.0, false, false, Scale::Integer, "number of data points"},
        {"slope", 3.0, -100.0, 100.0, false, false, Scale::Linear, "slope of the true line"},
        {"intercept", 2.0, -100.0, 100.0, false, false, Scale::Linear,
            "intercept of the true line"},
        {"noise", 0.5, 0.0, 100.0, false, false, Scale::Linear,
            "standard deviation of the noise on y"},
        {"seed", 1.0, 0.0, 9007199254740992.0, false, false, Scale::Integer,
            "seed of the data set"},
    };
}

LinearRegression::LinearRegression(const ParameterValues& resolved)
    : slope_(resolved.at("slope"))
    , intercept_(resolved.at("intercept"))
{
    const auto n = static_cast<std::size_t>(resolved.at("samples"));
    const double noise = resolved.at("noise");
    Random random(static_cast<std::uint64_t>(resolved.at("seed")));
    inputs_.resize(n);
    targets_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        inputs_[i] = random.uniform(-1.0, 1.0);
        targets_[i] = slope_ * inputs_[i] + intercept_ + noise * random.normal();
    }

    // Two passes: the means, then the moments about them (no cancellation).
    for (std::size_t i = 0; i < n; ++i) {
        meanT_ += inputs_[i];
        meanY_ += targets_[i];
    }
    const double count = static_cast<double>(n);
    meanT_ /= count;
    meanY_ /= count;
    for (std::size_t i = 0; i < n; ++i) {
        const double dt = inputs_[i] - meanT_;
        varT_ += dt * dt;
        covTY_ += dt * (targets_[i] - meanY_);
    }
    varT_ /= count;
    covTY_ /= count;
    meanTT_ = varT_ + meanT_ * meanT_;

    // var t > 0 with probability 1 for n ≥ 2 continuous draws.
    const double w = covTY_ / varT_;
    minimum_ = {w, meanY_ - w * meanT_};
    // The loss at the minimum, var y − cov² / var t, summed directly as the mean squared
    // residual: non-negative and accurate even for a perfect fit (noise = 0).
    for (std::size_t i = 0; i < n; ++i) {
        const double r = (targets_[i] - meanY_) - w * (inputs_[i] - meanT_);
        residualVar_ += r * r;
    }
    residualVar_ /= count;
}

double LinearRegression::value2(double w, double b) const
{
    const double d = w * meanT_ + b - meanY_;
    // var y − 2 w cov + w² var t, written as (var y − cov² / var t) + var t (w − w*)²: a
    // sum of non-negative terms, which never cancels.
    const double dw = w - minimum_.x;
    return residualVar_ + varT_ * dw * dw + d * d;
}

double LinearRegression::valueAndGradient2(double w, double b, double& gw, double& gb) const
{
    const double d = w * meanT_ + b - meanY_;
    gw = 2.0 * (w * varT_ - covTY_ + d * meanT_);
    gb = 2.0 * d;
    return value2(w, b);
}

void LinearRegression::hessian2(double, double, double& hww, double& hwb, double& hbb) const
{
    hww = 2.0 * meanTT_;
    hwb = 2.0 * meanT_;
    hbb = 2.0;
}

ViewRect LinearRegression::defaultView() const
{
    // Centred on the true line's (slope, intercept), which the fit lies close to; widened
    // if heavy noise or few samples put the least-squares minimum further away.
    const double offset
        = std::max(std::abs(minimum_.x - slope_), std::abs(minimum_.y - intercept_));
    const double half = std::max(4.0, 1.25 * offset);
    return {slope_ - half, slope_ + half, intercept_ - half, intercept_ + half};
}

Point2 LinearRegression::defaultStart() const
{
    // Up and to the left of the minimum: the first steps mostly fix the intercept (the
    // steep direction), then the path turns and crawls along the flat w direction.
    return {slope_ - 3.0, intercept_ + 3.0};
}

double LinearRegression::batchValue(const Vector& x, const int* indices, int count) const
{
    double sum = 0.0;
    for (int k = 0; k < count; ++k) {
        const auto i = static_cast<std::size_t>(indices[k]);
        const double r = x[0] * inputs_[i] + x[1] - targets_[i];
        sum += r * r;
    }
    return sum / count;
}

double LinearRegression::batchValueAndGradient(
    const Vector& x, const int* indices, int count, Vector& gradient) const
{
    double sum = 0.0, gw = 0.0, gb = 0.0;
    for (int k = 0; k < count; ++k) {
        const auto i = static_cast<std::size_t>(indices[k]);
        const double r = x[0] * inputs_[i] + x[1] - targets_[i];
        sum += r * r;
        gw += r * inputs_[i];
        gb += r;
    }
    gradient[0] = 2.0 * gw / count;
    gradient[1] = 2.0 * gb / count;
    return sum / count;
}

void LinearRegression::batchHessian(
    const Vector&, const int* indices, int count, Matrix& hessian) const
{
    double tt = 0.0, t = 0.0;
    for (int k = 0; k < count; ++k) {
        const double ti = inputs_[static_cast<std::size_t>(indices[k])];
        tt += ti * ti;
        t += ti;
    }
    hessian(0, 0) = 2.0 * tt / count;
    hessian(0, 1) = hessian(1, 0) = 2.0 * t / count;
    hessian(1, 1) = 2.0;
}

} // namespace optviz
