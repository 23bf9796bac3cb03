#include "surface_3d_mesh.h"

#include "run_series.h"
#include "thinned_polyline.h"

#include "core/contour_levels.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

// As many contour levels as the 2-D figure draws (ui/figure.cpp), so that the levels,
// and with them the offset of a log scale, are the figure's.
constexpr int contourCount = 14;
// An iterate farther outside the view than this many view sizes ends a piece of the
// path: it is where a diverging run heads, and drawing towards 1e12 only smears a line.
constexpr double outsideViews = 1.0;

} // namespace

double HeightScale::height(double f) const
{
    if (!std::isfinite(f))
        return std::numeric_limits<double>::quiet_NaN();
    if (!logarithmic)
        return f;
    // Between the grid's nodes f can dip below the grid's minimum (a path reaching the
    // exact minimum does): such points sit on the floor of the axis, not off it.
    return std::max(f - minimum + offset, lower);
}

SurfaceMesh3D buildSurfaceMesh3D(const Surface& surface, const ViewRect& view, int samples)
{
    SurfaceMesh3D mesh;
    mesh.grid = evaluateGrid(surface, view, samples, samples);
    const SurfaceGrid& grid = mesh.grid;
    mesh.levels = chooseLevels(grid, contourCount);
    HeightScale& scale = mesh.scale;
    const bool spread = grid.hasFiniteValues() && grid.maxValue() > grid.minValue();
    // The rule of Figure::computeLandscape: log colours (here heights) where the levels
    // are log-spaced, offset a decade below the lowest level.
    scale.logarithmic = spread && !mesh.levels.empty() && chooseSpacing(grid) == LevelSpacing::Log;
    scale.minimum = grid.hasFiniteValues() ? grid.minValue() : 0.0;
    if (scale.logarithmic) {
        const double range = grid.maxValue() - scale.minimum;
        scale.offset = std::max((mesh.levels.front() - scale.minimum) / 10.0, range * 1e-12);
        scale.lower = scale.offset;
        scale.upper = range + scale.offset;
    } else if (spread) {
        scale.lower = grid.minValue();
        scale.upper = grid.maxValue();
    } else if (grid.hasFiniteValues()) {
        scale.lower = grid.minValue() - 1.0;
        scale.upper = grid.minValue() + 1.0;
    }
    return mesh;
}

std::size_t RunPath3D::pointCount() const
{
    std::size_t count = 0;
    for (const std::vector<PathPoint3D>& piece : pieces)
        count += piece.size();
    return count;
}

RunPath3D buildRunPath3D(
    const Surface& surface, const SurfaceMesh3D& mesh, const RunSeries& series, double tolerance)
{
    RunPath3D path;
    const ViewRect& view = mesh.grid.view();
    const double width = view.xMax - view.xMin;
    const double height = view.yMax - view.yMin;
    if (!(width > 0.0) || !(height > 0.0))
        return path;
    const QVector<double>& xs = series.x();
    const QVector<double>& ys = series.y();
    const qsizetype count = std::min(xs.size(), ys.size());

    // Pieces are simplified in view units (0…1 across the view), where `tolerance` means
    // the same on both axes; the kept points are a subset, taken with their exact data
    // coordinates (`indices` says where each unit point came from).
    QPolygonF unit;
    std::vector<qsizetype> indices;
    const auto flush = [&] {
        if (unit.isEmpty())
            return;
        const QPolygonF kept = simplifyPolyline(unit, tolerance);
        std::vector<PathPoint3D> piece;
        piece.reserve(std::size_t(kept.size()));
        std::size_t next = 0;
        for (const QPointF& p : kept) {
            while (next + 1 < indices.size() && unit[qsizetype(next)] != p)
                ++next;
            const double x = xs[indices[next]];
            const double y = ys[indices[next]];
            piece.push_back({x, y, mesh.scale.height(surface.value2(x, y))});
        }
        path.pieces.push_back(std::move(piece));
        unit.clear();
        indices.clear();
    };
    for (qsizetype i = 0; i < count; ++i) {
        const double x = xs[i];
        const double y = ys[i];
        const double u = (x - view.xMin) / width;
        const double v = (y - view.yMin) / height;
        const bool drawable = std::isfinite(u) && std::isfinite(v) && u >= -outsideViews
            && u <= 1.0 + outsideViews && v >= -outsideViews && v <= 1.0 + outsideViews
            && std::isfinite(mesh.scale.height(surface.value2(x, y)));
        if (!drawable) {
            flush();
            continue;
        }
        unit.append(QPointF(u, v));
        indices.push_back(i);
    }
    flush();
    if (!path.pieces.empty()) {
        path.hasCurrent = true;
        path.current = path.pieces.back().back();
    }
    return path;
}

} // namespace optviz
