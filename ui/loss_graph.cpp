#include "loss_graph.h"

#include "thinned_polyline.h"

namespace optviz {

void LossGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const
{
    if (mLineStyle != lsLine)
        QCPGraph::drawLinePlot(painter, lines);
    else // cut at a band around the panel: a diverged run's loss leaves it by decades
        drawThinnedPolyline(painter, clipPolyline(lines, clipRect().adjusted(-50, -50, 50, 50)));
}

} // namespace optviz
