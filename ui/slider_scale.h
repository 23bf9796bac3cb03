#pragma once

#include "core/parameter.h"

namespace optviz {

// The mapping between a slider's integer positions and a parameter's values, chosen
// from its ParameterSpec. The travel is the useful part of the accepted range (lr:
// 1e-6 … 10; weight_decay: [0, 1] of [0, 100]):
//   Log     1000 positions from low to high geometrically (position 0 is exactly 0
//           first when the spec accepts 0); values rounded to 4 significant digits
//   Linear  a round step (0.001 for [0, 1), 0.1 for [−180, 180]), 500 … 5000 positions
// valueAt() also takes fractional positions (a fine drag): log values keep 4 digits,
// linear ones get one decimal more than the grid. precisePosition() is its inverse,
// clamped to the travel.
class SliderScale
{
public:
    explicit SliderScale(const ParameterSpec& spec);

    // Another travel (Log: low > 0); false, and unchanged, if it is not one.
    bool setTravel(double low, double high);

    double low() const { return low_; }
    double high() const { return high_; }
    double step() const { return step_; } // Linear only
    bool zeroAtStart() const { return zeroAtStart_; }
    int firstPosition() const { return firstPosition_; }
    int lastPosition() const { return lastPosition_; }
    int pageStep() const; // a twentieth of the travel

    double precisePosition(double value) const;
    int position(double value) const;
    double valueAt(double position) const;

private:
    void layOutPositions();

    ParameterSpec spec_;
    double low_ = 0.0;
    double high_ = 1.0;
    double step_ = 0.01;
    int decimals_ = 2;
    int firstPosition_ = 0;
    int lastPosition_ = 100;
    bool zeroAtStart_ = false;
};

} // namespace optviz
