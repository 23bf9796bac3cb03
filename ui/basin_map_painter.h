#pragma once

#include "core/basins.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

namespace optviz::basins {

// The colours of a basin map, shared by `optviz-cli basins --out FILE.png` and the
// window's Basins dock: minimum i in the Okabe–Ito colours of the paths (without their
// black, which would read as "diverged"), grey where the run ended near no known
// minimum, near-black where it diverged.
QColor minimumColour(int index);
QColor noneColour();
QColor divergedColour();
QColor cellColour(const BasinCell& cell);

// One pixel per cell, the top row of the image being the top (largest y) of the map.
QImage cellImage(const BasinMap& map);

// Where a basin figure of `view` goes inside `area`: the title above, the map keeping
// the view's aspect ratio (within 1:3 and 3:1), tick labels left of and below it.
struct Layout
{
    QRectF title;
    QRectF map;
};
Layout layoutFor(const QRectF& area, const ViewRect& view, const QFont& font, bool withTitle);

// The point of the view under `pixel` of a map drawn in `mapRect`.
Point2 pointAt(const QPointF& pixel, const QRectF& mapRect, const ViewRect& view);

// Draws the title (in `titleColour`), the map's cells (unsmoothed), the known minima as
// stars with their indices, a frame and the tick labels, in `area` with `font`.
void paintMap(QPainter& painter, const QRectF& area, const BasinMap& map, const QString& title,
    const QColor& titleColour, const QFont& font);

// The legend: a swatch per known minimum ("0  (3, 2)"), then "none within tolerance"
// and "diverged", in rows inside `area`. Returns the height it used.
double paintLegend(QPainter& painter, const QRectF& area, const std::vector<Point2>& minima,
    const QFont& font, bool vertical);

// The whole figure for a file: the map with its title and the legend beside it, large
// enough to read on a projector.
QImage renderFigure(const BasinMap& map, const QString& title);

} // namespace optviz::basins
