#include "loss_graph.h"

#include "thinned_polyline.h"

namespace optviz {

void LossGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    if (mLineStyle != lsLine)
        QCPGraph::drawLinePlot(painter, lines);
    else
        drawThinnedPolyline(painter, lines);
}

} // namespace optviz
