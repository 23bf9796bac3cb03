#pragma once

#include "core/optimizer.h"

#include <QCoreApplication>
#include <QString>

#include <string>

namespace optviz {

// The update rule an optimizer executes, typeset as rich text (sub- and superscripts,
// Greek letters, hats) for the step inspector: only the branches the parameters select
// (momentum or not, Nesterov, AMSGrad, weight decay coupled or decoupled, centering,
// bias correction, line search), with the hyperparameters and the step number t written
// in as numbers, followed by the current per-coordinate values of g, m, v, b... from the
// optimizer's state.
class RuleTypesetter
{
    Q_DECLARE_TR_FUNCTIONS(RuleTypesetter)

public:
    // `parameters`: every parameter of the optimizer, defaults filled in
    // (resolveParameters); `state`: its inspect() after the last step (its "lr" is the
    // learning rate in use, schedules included). Empty for an unknown optimizer.
    static QString html(const std::string& optimizer, const ParameterValues& parameters,
        const OptimizerState& state);

    // A number for a formula: 4 significant digits, a true minus sign, powers of ten as
    // superscripts (1·10⁻⁸ rather than 1e-08).
    static QString number(double value);
};

} // namespace optviz
