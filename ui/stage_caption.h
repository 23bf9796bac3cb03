#pragma once

#include "core/step_anatomy.h"

#include <QCoreApplication>
#include <QString>

namespace optviz {

// The words of explain mode: a title and a caption (rich text, with the stage's numbers)
// for each stage of a step anatomy, and the arrow's short label. The core computes the
// stages; all wording lives here, in tr(), so that the translations cover it.
class StageCaption
{
    Q_DECLARE_TR_FUNCTIONS(StageCaption)

public:
    static QString title(const StepAnatomy& anatomy, int stage);
    static QString text(const StepAnatomy& anatomy, int stage);
    // What the arrow shows, in symbols: "−lr·g", "β·b", "Δθ"; empty for a stage without arrow.
    static QString arrowLabel(const StepAnatomy& anatomy, int stage);

    // A number as the captions write it: 4 significant digits, a true minus sign.
    static QString number(double value);
    // "(0.1234, −5.678)"
    static QString vector(const Vector& value);
};

} // namespace optviz
