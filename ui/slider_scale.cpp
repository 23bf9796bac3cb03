#include "slider_scale.h"

#include "number_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace optviz {

namespace {

// Log sliders: this many positions over the travel, whatever its decades (lr's seven:
// 1.6 % per position), so that a pixel of a 200–300 px slider is a small step.
constexpr int logPositions = 1000;
// Linear sliders: at least this many positions (a round step: 500 … 5000 of them).
constexpr int linearPositions = 500;
// Page Up/Down: this fraction of the travel.
constexpr int pagesPerTravel = 20;

double roundDecimals(double value, int decimals)
{
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return std::strtod(buffer, nullptr);
}

} // namespace

SliderScale::SliderScale(const ParameterSpec& spec)
    : spec_(spec)
{
    if (spec_.scale != Scale::Log && spec_.scale != Scale::Linear)
        return; // counts and switches have no slider
    const double minimum = spec_.minimum;
    const double maximum = spec_.maximum;
    if (spec_.scale == Scale::Log) {
        // Where dragging is useful, not the whole accepted range: a learning rate
        // beyond 10 only diverges and one below 1e-6 barely moves in a budget, and an
        // epsilon matters between "negligible" (1e-12) and "dominates" (1).
        if (spec_.name == "lr") {
            low_ = 1e-6;
            high_ = 10.0;
        } else if (spec_.defaultValue <= 1e-4) {
            low_ = 1e-12;
            high_ = 1.0;
        } else {
            low_ = spec_.defaultValue / 100.0;
            high_ = spec_.defaultValue * 100.0;
        }
        low_ = std::max(low_, minimum);
        high_ = std::min(high_, maximum);
        if (!(low_ > 0.0))
            low_ = std::min(1e-12, high_ / 10.0);
        if (!spec_.accepts(low_))
            low_ *= 1.01; // an excluded positive minimum: just inside it
        if (!(low_ < high_))
            low_ = high_ / 10.0;
        zeroAtStart_ = spec_.accepts(0.0);
        layOutPositions();
        return;
    }
    low_ = minimum;
    high_ = maximum;
    // Penalties such as weight_decay accept [0, 100] but are dragged near 0, and a data
    // set's noise of 0.5 wants [0, 5] rather than [0, 100]: where the default is small
    // against a wide range, travel up to a round number ten times it (at least 1).
    const double span = maximum - minimum;
    const double offset = spec_.defaultValue - minimum;
    if (minimum >= 0.0 && span > 20.0 && offset <= span / 100.0) {
        const double target = std::max(1.0, 10.0 * offset);
        double round = std::pow(10.0, std::floor(std::log10(target)));
        for (double factor : {1.0, 2.0, 5.0, 10.0})
            if (round * factor >= target * (1 - 1e-12)) {
                round *= factor;
                break;
            }
        high_ = std::min(maximum, minimum + round);
    }
    layOutPositions();
}

bool SliderScale::setTravel(double low, double high)
{
    if (!(low < high) || (spec_.scale == Scale::Log && !(low > 0.0)))
        return false;
    low_ = low;
    high_ = high;
    layOutPositions();
    return true;
}

int SliderScale::pageStep() const
{
    return std::max(1, (lastPosition_ - firstPosition_) / pagesPerTravel);
}

void SliderScale::layOutPositions()
{
    if (spec_.scale == Scale::Log) {
        firstPosition_ = 0;
        lastPosition_ = (zeroAtStart_ ? 1 : 0) + logPositions;
    } else {
        // A round step (0.001 for [0, 1), 0.1 for [−180, 180]) so that every position
        // is a short decimal.
        const double span = high_ - low_;
        step_ = std::pow(10.0, std::floor(std::log10(span / linearPositions)));
        decimals_ = std::max(0, int(-std::floor(std::log10(step_) + 1e-9)));
        const int steps = int(std::lround(span / step_));
        firstPosition_ = (spec_.minimumExclusive && low_ == spec_.minimum) ? 1 : 0;
        lastPosition_ = steps - ((spec_.maximumExclusive && high_ == spec_.maximum) ? 1 : 0);
    }
}

double SliderScale::precisePosition(double value) const
{
    const double first = firstPosition_;
    const double last = lastPosition_;
    if (spec_.scale == Scale::Log) {
        const int base = zeroAtStart_ ? 1 : 0;
        if (zeroAtStart_ && value <= 0.0)
            return 0.0;
        if (value <= low_)
            return base;
        if (value >= high_)
            return last;
        const double steps = last - base;
        return base + steps * std::log(value / low_) / std::log(high_ / low_);
    }
    return std::clamp((value - low_) / step_, first, last);
}

int SliderScale::position(double value) const
{
    return int(std::lround(precisePosition(value)));
}

double SliderScale::valueAt(double position) const
{
    position = std::clamp(position, double(firstPosition_), double(lastPosition_));
    const bool whole = position == std::round(position);
    if (spec_.scale == Scale::Log) {
        const int base = zeroAtStart_ ? 1 : 0;
        if (zeroAtStart_ && position < base)
            return position < 0.5 ? 0.0 : low_; // between 0 and the travel: no log scale
        if (position == base)
            return low_;
        if (position == lastPosition_)
            return high_;
        const double t = (position - base) / double(lastPosition_ - base);
        // "0.00316", not "0.0031622776601683794".
        return roundedToSignificant(low_ * std::pow(high_ / low_, t), 4);
    }
    if (position == 0.0)
        return low_;
    if (position * step_ >= high_ - low_)
        return high_;
    // Whole positions are grid values; a fine drag adds one decimal.
    const double value = roundDecimals(low_ + position * step_, decimals_ + (whole ? 0 : 1));
    if (spec_.accepts(value))
        return value;
    return roundDecimals(low_ + std::round(position) * step_, decimals_); // an excluded end
}

} // namespace optviz
