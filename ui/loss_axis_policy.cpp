#include "loss_axis_policy.h"

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// The smallest of 1, 2, 5, 10, 20, 50 … that is at least `value`.
double oneTwoFiveAtLeast(double value)
{
    if (!(value > 1.0) || !std::isfinite(value))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= value * (1.0 - 1e-12))
            return m * magnitude;
    return 10.0 * magnitude;
}

} // namespace

double LossAxisPolicy::stepAxisEnd(double lastStep, double budget) const
{
    const double whole = std::max({1.0, budget, lastStep});
    if (!followSteps_)
        return whole;
    // A quarter of the steps taken as headroom, and at least ten steps: single steps at
    // the start are a tenth of the axis each, not a sliver of the whole budget.
    const double wanted = oneTwoFiveAtLeast(std::max(10.0, 1.25 * lastStep));
    return std::max(std::min(wanted, whole), std::max(1.0, lastStep));
}

bool LossAxisPolicy::chooseLogarithmic(
    const Values& values, double lastStep, bool landscapeSpansDecades)
{
    logarithmic_ = decide(values, lastStep, landscapeSpansDecades);
    return logarithmic_;
}

bool LossAxisPolicy::decide(const Values& values, double lastStep, bool landscapeSpansDecades)
{
    const bool current = logarithmic_;
    const bool restarted = lastStep < lastStepSeen_;
    lastStepSeen_ = lastStep;
    const bool possible = values.hasData && !values.anyNegative && std::isfinite(values.minPositive)
        && values.minPositive > 0.0;
    const double span = possible ? values.max / values.minPositive : 0.0;
    if (!followSteps_)
        return possible && span > instantLogSpan;
    if (!values.hasData)
        return current && !restarted;
    if (!possible)
        return false;
    if (current && !restarted)
        return true; // once log, log until the runs start over
    if (lastStep <= 0.0 || restarted)
        return landscapeSpansDecades || span > followingLogSpan; // the first points
    return span > followingLogSpan;
}

} // namespace optviz
