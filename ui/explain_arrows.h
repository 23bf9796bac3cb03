#pragma once

#include "core/step_anatomy.h"

#include <QColor>
#include <QPointer>

#include <vector>

class QCPAbstractItem;

namespace optviz {

class Figure;

// The arrows of explain mode on a figure's map: the stages of a step anatomy up to the
// current one, the current stage bold in its colour, the earlier ones faint, so that the
// composition stays visible. Arrows are drawn about the step's start point at a common
// scale (scale()) chosen so that the longest reads at about a third of the view: a step
// of 0.001 is as visible as one of 1. Owns its items; does not replot.
class ExplainArrows
{
public:
    explicit ExplainArrows(Figure* figure);
    ~ExplainArrows();
    ExplainArrows(const ExplainArrows&) = delete;
    ExplainArrows& operator=(const ExplainArrows&) = delete;

    void show(const StepAnatomy& anatomy, int stage, int map, const QColor& moveColour);
    void clear();

    // Drawn length / true length.
    double scale() const { return scale_; }
    // Arrows drawn (the faint ones included), for tests.
    int arrowCount() const { return arrowCount_; }

    // The colour of a stage kind (Okabe–Ito).
    static QColor colour(StageKind kind, const QColor& moveColour);

private:
    Figure* figure_;
    std::vector<QPointer<QCPAbstractItem>> items_;
    double scale_ = 1.0;
    int arrowCount_ = 0;
};

} // namespace optviz
