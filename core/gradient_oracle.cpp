#include "gradient_oracle.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace optviz {

GradientOracle::GradientOracle(const Objective& objective, const GradientSettings& settings)
    : objective_(objective)
    , settings_(settings)
    , random_(settings.seed)
{
    const int samples = objective.sampleCount();
    if (samples > 0 && settings.batchSize > 0 && settings.batchSize < samples) {
        order_.resize(static_cast<std::size_t>(samples));
        batch_.resize(static_cast<std::size_t>(settings.batchSize));
        cursor_ = samples; // the first beginStep() shuffles
    }
    exact_ = batch_.empty() && !(settings_.noise > 0.0) && !(settings_.clipNorm > 0.0);
}

void GradientOracle::drawBatch()
{
    const int samples = static_cast<int>(order_.size());
    if (cursor_ >= samples) {
        // A new epoch: reshuffle. The last batch of an epoch may be smaller, as with
        // a data loader that does not drop the last batch.
        std::iota(order_.begin(), order_.end(), 0);
        random_.shuffle(order_.data(), samples);
        cursor_ = 0;
    }
    batchCount_ = std::min(settings_.batchSize, samples - cursor_);
    std::copy_n(order_.begin() + cursor_, batchCount_, batch_.begin());
    cursor_ += batchCount_;
}

double GradientOracle::value(const Vector& x) const
{
    if (batch_.empty())
        return objective_.value(x);
    return objective_.batchValue(x, batch_.data(), batchCount_);
}

double GradientOracle::perturbedValueAndGradient(const Vector& x, Vector& gradient)
{
    const double f = batch_.empty()
        ? objective_.valueAndGradient(x, gradient)
        : objective_.batchValueAndGradient(x, batch_.data(), batchCount_, gradient);
    if (settings_.noise > 0.0)
        for (Eigen::Index i = 0; i < gradient.size(); ++i)
            gradient[i] += settings_.noise * random_.normal();
    if (settings_.clipNorm > 0.0) {
        const double norm = gradient.norm();
        if (norm > settings_.clipNorm)
            gradient *= settings_.clipNorm / norm;
    }
    return f;
}

void GradientOracle::hessian(const Vector& x, Matrix& hessian) const
{
    if (batch_.empty())
        objective_.hessian(x, hessian);
    else
        objective_.batchHessian(x, batch_.data(), batchCount_, hessian);
}

} // namespace optviz
