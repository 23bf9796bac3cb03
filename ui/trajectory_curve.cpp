#include "trajectory_curve.h"

#include "thinned_polyline.h"

namespace optviz {

void TrajectoryCurve::drawCurveLine(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    drawThinnedPolyline(painter, lines);
}

} // namespace optviz
