#pragma once

#include <qcustomplot.h>

namespace optviz {

// A QCPCurve for optimizer paths: every iterate stays in the data, and the stroke is
// thinned in pixel space at each paint (drawThinnedPolyline), so a path of thousands of
// tiny steps replots fast and looks the same at any zoom.
class TrajectoryCurve : public QCPCurve
{
    Q_OBJECT

public:
    using QCPCurve::QCPCurve;

protected:
    void drawCurveLine(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

} // namespace optviz
