#pragma once

#include <qcustomplot.h>

namespace optviz {

// A QCPGraph for loss curves: after QCustomPlot's adaptive sampling, the stroke is
// thinned in pixel space like the paths' (drawThinnedPolyline).
class LossGraph : public QCPGraph
{
    Q_OBJECT

public:
    using QCPGraph::QCPGraph;

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

} // namespace optviz
