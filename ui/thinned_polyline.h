#pragma once

#include <qcustomplot.h>

#include <QPolygonF>
#include <QVector>

namespace optviz {

// Strokes a polyline given in pixels after simplifying it (sleeve fitting) so that the
// drawn line departs from the true one by a fraction of a pixel; NaN points split
// it. Thousands of tiny optimizer steps otherwise cost the stroker a join each (an atan2
// and more per vertex), which dominated replots with wide antialiased pens; a smooth
// stretch of a path needs only a few vertices at screen resolution. On screen the joins
// are bevelled (a round join costs an arc per vertex); exports, where time does not
// matter, keep more detail and round the joins.
void drawThinnedPolyline(QCPPainter* painter, const QVector<QPointF>& points);

// The simplification itself: the points of `line` (first and last always) such that no
// dropped point lies farther than `tolerance` from the simplified line.
QPolygonF simplifyPolyline(const QPolygonF& line, double tolerance);

// The parts of a polyline (in pixels) inside `bounds`, cut where it leaves them: a NaN
// point between the parts. A diverged run's loss reaches 10³⁸ and beyond, pixels that
// the raster engine cannot stroke (it drew nothing of the curve); cut at a band around
// the plot, the visible part is exact.
QVector<QPointF> clipPolyline(const QVector<QPointF>& points, const QRectF& bounds);

} // namespace optviz
