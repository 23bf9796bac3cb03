#include "surface_3d_texture.h"

#include "palette.h"
#include "thinned_polyline.h"

#include "core/contours.h"
#include "viridis_gradient.h"

#include <qcustomplot.h>

#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <limits>

namespace optviz {

namespace {

// Widths in texels of the 1024² texture, which the 3-D view shows foreshortened at about
// half size: paths about as wide as in the 2-D figure.
constexpr double haloWidth = 20.0;
constexpr double pathWidth = 12.0;
constexpr double markerRadius = 17.0;
constexpr double contourWidth = 2.0;
constexpr int contourAlpha = 120; // as the 2-D figure's contours

} // namespace

QPointF SurfaceTexture3D::texel(double x, double y) const
{
    const double u = (x - view_.xMin) / (view_.xMax - view_.xMin);
    const double v = (y - view_.yMin) / (view_.yMax - view_.yMin);
    return QPointF(u * size, (1.0 - v) * size);
}

void SurfaceTexture3D::setMesh(const Surface& surface, const SurfaceMesh3D& mesh)
{
    view_ = mesh.grid.view();
    const HeightScale& scale = mesh.scale;
    const SurfaceGrid grid = evaluateGrid(surface, view_, heatSamples, heatSamples);

    QImage heat(heatSamples, heatSamples, QImage::Format_ARGB32_Premultiplied);
    QCPColorGradient gradient = viridisGradient(350);
    const QCPRange range(scale.lower, scale.upper);
    std::vector<double> heights(std::size_t(heatSamples), 0.0);
    for (int row = 0; row < heatSamples; ++row) {
        for (int column = 0; column < heatSamples; ++column)
            heights[std::size_t(column)] = scale.height(grid.value(column, row));
        // Row 0 of the grid is yMin: the bottom line of the picture.
        auto* line = reinterpret_cast<QRgb*>(heat.scanLine(heatSamples - 1 - row));
        gradient.colorize(heights.data(), range, line, heatSamples, 1, scale.logarithmic);
    }

    base_ = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
    base_.fill(QColor(225, 225, 225)); // where f is not finite, as the figure's blank
    QPainter painter(&base_);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(QRectF(0, 0, size, size), heat);

    // The contours in opaque white on a layer of their own, laid over at the figure's
    // alpha: an opaque pen lets drawThinnedPolyline simplify them and stroke them in short
    // pieces, ten times faster than one translucent stroke per line (25 000 vertices).
    QImage contours(size, size, QImage::Format_ARGB32_Premultiplied);
    contours.fill(Qt::transparent);
    {
        QCPPainter contourPainter(&contours);
        contourPainter.setAntialiasing(true);
        contourPainter.setPen(QPen(Qt::white, contourWidth, Qt::SolidLine, Qt::RoundCap));
        QVector<QPointF> line;
        for (const Contour& contour : extractContours(grid, mesh.levels)) {
            for (const Polyline& polyline : contour.lines) {
                line.resize(qsizetype(polyline.size()));
                for (std::size_t i = 0; i < polyline.size(); ++i)
                    line[qsizetype(i)] = texel(polyline[i].x, polyline[i].y);
                drawThinnedPolyline(&contourPainter, line);
            }
        }
    }
    painter.setOpacity(contourAlpha / 255.0);
    painter.drawImage(0, 0, contours);
}

QImage SurfaceTexture3D::withPaths(
    const std::vector<RunPath3D>& paths, const QList<QColor>& colours) const
{
    QImage image = base_;
    if (image.isNull())
        return image;
    QCPPainter painter(&image);
    painter.setAntialiasing(true);
    // Each path as one line with NaN gaps between its pieces, which drawThinnedPolyline
    // simplifies to the texel and strokes in short pieces (a wide stroke of thousands of
    // self-crossing vertices is slow to fill in one go).
    std::vector<QVector<QPointF>> lines;
    lines.reserve(paths.size());
    const QPointF gap(std::numeric_limits<double>::quiet_NaN(), 0.0);
    for (const RunPath3D& path : paths) {
        QVector<QPointF> line;
        line.reserve(qsizetype(path.pointCount() + path.pieces.size()));
        for (const std::vector<PathPoint3D>& piece : path.pieces) {
            if (!line.isEmpty())
                line.append(gap);
            for (const PathPoint3D& p : piece)
                line.append(texel(p.x, p.y));
        }
        lines.push_back(std::move(line));
    }
    // Every halo under every path, as in the 2-D figure: crossing paths stay readable.
    painter.setPen(QPen(Qt::white, haloWidth, Qt::SolidLine, Qt::RoundCap));
    for (const QVector<QPointF>& line : lines)
        drawThinnedPolyline(&painter, line);
    for (std::size_t run = 0; run < paths.size(); ++run) {
        const QColor colour = colours.value(qsizetype(run), palette::pathColour(int(run)));
        painter.setPen(QPen(colour, pathWidth, Qt::SolidLine, Qt::RoundCap));
        drawThinnedPolyline(&painter, lines[run]);
    }
    for (std::size_t run = 0; run < paths.size(); ++run) {
        if (!paths[run].hasCurrent)
            continue;
        const QColor colour = colours.value(qsizetype(run), palette::pathColour(int(run)));
        painter.setPen(QPen(Qt::white, 3.0));
        painter.setBrush(colour);
        painter.drawEllipse(
            texel(paths[run].current.x, paths[run].current.y), markerRadius, markerRadius);
    }
    return image;
}

} // namespace optviz
