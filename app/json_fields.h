#pragma once

#include "core/parameter.h"

#include <string>
#include <string_view>

namespace optviz::cli {

// Pieces of the JSON that `run`, `sweep` and `train` write (spec/cli.md).

// {"name": value, ...}: every parameter of `specs` in catalogue order, the defaults
// filled in where `overrides` is silent, flags as true/false, numbers in their shortest
// exact form (0.9, not 0.90000000000000002). `owner` names them in an error.
void appendParameterObject(std::string& out, const ParameterSpecs& specs,
    const ParameterValues& overrides, std::string_view owner);

// `, "expression": "FORMULA"` when `expression` (the formula of surface expr) is not
// empty: what makes the output of a typed surface reproducible.
void appendExpressionField(std::string& out, const std::string& expression);

// A number as %.17g, or null where it is not finite: JSON has no inf or nan.
void appendJsonNumber(std::string& out, double value);

} // namespace optviz::cli
