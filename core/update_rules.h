#pragma once

#include <string_view>

namespace optviz {

// The update rule an optimizer implements, written out in a few lines of plain text
// (Unicode), as the step inspector shows it beside the current numbers. The symbols
// match the state names of OptimizerState: g the gradient, m exp_avg, v exp_avg_sq,
// b momentum_buffer. Empty for an unknown name.
std::string_view updateRule(std::string_view optimizerName);

} // namespace optviz
