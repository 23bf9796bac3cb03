#include "saddle.h"

namespace optviz {

ParameterSpecs Saddle::parameters()
{
    return {
        {"a", 1.0, 0.0, 1.0e3, true, false, Scale::Log, "upward curvature along x"},
        {"b", 1.0, 0.0, 1.0e3, true, false, Scale::Log, "downward curvature along y"},
    };
}

Saddle::Saddle(const ParameterValues& resolved)
    : a_(resolved.at("a"))
    , b_(resolved.at("b"))
{
}

} // namespace optviz
