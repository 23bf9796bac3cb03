#include "thinned_polyline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

QPolygonF simplifyPolyline(const QPolygonF& line, double tolerance)
{
    // Sleeve fitting (Zhao and Saalfeld, 1997), linear in the number of points: from the
    // last kept point (the anchor), each later point P narrows the cone of directions a
    // straight segment may take while passing within `tolerance` of P; the first point
    // outside the cone, or one that turns back towards the anchor (an oscillation along
    // a line), ends the segment at the point before it. (Douglas–Peucker was quadratic on
    // the zigzags that optimizers draw.) The cone is kept as its two edge directions, so
    // no trigonometry is needed.
    const qsizetype n = line.size();
    if (n < 3 || !(tolerance > 0.0))
        return line;
    const auto cross
        = [](const QPointF& a, const QPointF& b) { return a.x() * b.y() - a.y() * b.x(); };
    const double tolerance2 = tolerance * tolerance;
    QPolygonF simplified;
    simplified.append(line.front());
    QPointF anchor = line.front();
    bool hasCone = false;
    QPointF low, high; // the cone's edges, counterclockwise from low to high
    double reach2 = 0.0; // squared farthest distance from the anchor so far
    const auto narrow = [&](const QPointF& v, double d2) {
        reach2 = std::max(reach2, d2);
        if (d2 <= tolerance2)
            return;
        // v's direction turned by ± asin(tolerance / d).
        const double d = std::sqrt(d2);
        const double sine = tolerance / d;
        const double cosine = std::sqrt(1.0 - sine * sine);
        const QPointF u = v / d;
        const QPointF right(u.x() * cosine + u.y() * sine, u.y() * cosine - u.x() * sine);
        const QPointF left(u.x() * cosine - u.y() * sine, u.y() * cosine + u.x() * sine);
        if (!hasCone) {
            low = right;
            high = left;
            hasCone = true;
            return;
        }
        if (cross(low, right) > 0.0)
            low = right;
        if (cross(high, left) < 0.0)
            high = left;
    };
    const auto within = [&](const QPointF& v, double d2) {
        const double reach = std::sqrt(reach2);
        if (d2 < (reach - tolerance) * (reach - tolerance) && reach > tolerance)
            return false; // turning back
        if (!hasCone || d2 <= tolerance2)
            return true;
        return cross(low, v) >= 0.0 && cross(v, high) >= 0.0;
    };
    for (qsizetype i = 1; i < n; ++i) {
        const QPointF v = line[i] - anchor;
        const double d2 = v.x() * v.x() + v.y() * v.y();
        if (within(v, d2)) {
            narrow(v, d2);
            continue;
        }
        anchor = line[i - 1];
        simplified.append(anchor);
        hasCone = false;
        reach2 = 0.0;
        const QPointF w = line[i] - anchor;
        narrow(w, w.x() * w.x() + w.y() * w.y());
    }
    if (simplified.back() != line.back())
        simplified.append(line.back());
    return simplified;
}

namespace {

// Draws a polyline as a run of short polylines that share their end points. A wide pen's
// stroke is filled as one outline; where a line doubles back on itself many times (a
// noisy loss curve after adaptive sampling is a comb of vertical strokes) that outline
// has hundreds of overlapping edges on every scan line, and the raster engine's fill
// slows down several-fold (a 6 × 8192-step loss panel: 25 ms → 9 ms in 16-vertex
// pieces). With an opaque pen and round caps the joints between pieces are invisible.
// Vector output (SVG, PDF) keeps one path per line.
void drawPolylineInPieces(QCPPainter* painter, const QPolygonF& line, bool inPieces)
{
    constexpr qsizetype pieceVertices = 16;
    if (!inPieces || line.size() <= pieceVertices + 1 || painter->pen().color().alpha() < 255) {
        painter->drawPolyline(line);
        return;
    }
    for (qsizetype first = 0; first + 1 < line.size(); first += pieceVertices) {
        const qsizetype count = std::min(pieceVertices + 1, line.size() - first);
        painter->drawPolyline(line.data() + first, static_cast<int>(count));
    }
}

} // namespace

namespace {

// Liang–Barsky: the part of the segment a → b inside `bounds`, as parameters t0 ≤ t1 in
// [0, 1]; false where none is.
bool clipSegment(const QPointF& a, const QPointF& b, const QRectF& bounds, double& t0, double& t1)
{
    t0 = 0.0;
    t1 = 1.0;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - bounds.left(), bounds.right() - a.x(), a.y() - bounds.top(),
        bounds.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false; // parallel to this edge and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

} // namespace

QVector<QPointF> clipPolyline(const QVector<QPointF>& points, const QRectF& bounds)
{
    const QPointF gap(std::numeric_limits<double>::quiet_NaN(), 0.0);
    const auto finite
        = [](const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); };
    QVector<QPointF> clipped;
    clipped.reserve(points.size());
    bool open = false; // the last point appended ends a part that may continue
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
        const QPointF& a = points[i];
        const QPointF& b = points[i + 1];
        double t0 = 0.0, t1 = 1.0;
        if (!finite(a) || !finite(b) || !clipSegment(a, b, bounds, t0, t1)) {
            if (open)
                clipped.append(gap);
            open = false;
            continue;
        }
        const QPointF from = t0 > 0.0 ? a + t0 * (b - a) : a;
        const QPointF to = t1 < 1.0 ? a + t1 * (b - a) : b;
        if (!open || t0 > 0.0) {
            if (open)
                clipped.append(gap);
            clipped.append(from);
        }
        clipped.append(to);
        open = t1 >= 1.0;
        if (!open)
            clipped.append(gap);
    }
    if (points.size() == 1 && finite(points.front()) && bounds.contains(points.front()))
        clipped.append(points.front());
    return clipped;
}

void drawThinnedPolyline(QCPPainter* painter, const QVector<QPointF>& points)
{
    if (points.size() < 2 || painter->pen().style() == Qt::NoPen
        || painter->pen().color().alpha() == 0)
        return;
    // Exports may be scaled up (PNG at 3×, vector output zoomed by the viewer): keep more.
    const bool exporting = painter->modes().testFlag(QCPPainter::pmNoCaching)
        || painter->modes().testFlag(QCPPainter::pmVectorized);
    // A fraction of a pixel: a looser fit, though never more than a pixel off, shows
    // its vertices as kinks in a smooth curve (the direction turns at each of them).
    const double tolerance = exporting ? 0.05 : 0.2;
    QPen pen = painter->pen();
    pen.setJoinStyle(exporting ? Qt::RoundJoin : Qt::BevelJoin);
    painter->setPen(pen);

    QPolygonF piece;
    piece.reserve(points.size());
    const auto flush = [&] {
        if (piece.size() > 1)
            drawPolylineInPieces(painter, simplifyPolyline(piece, tolerance), !exporting);
        piece.clear();
    };
    for (const QPointF& p : points) {
        if (std::isfinite(p.x()) && std::isfinite(p.y()))
            piece.append(p);
        else
            flush(); // a gap
    }
    flush();
}

} // namespace optviz
