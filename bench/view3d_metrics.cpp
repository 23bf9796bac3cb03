// ui.view3d_*: the 3-D view's CPU work on the UI thread, without OpenGL (the graph's
// upload comes on top): rebuilding the mesh and its texture when the scene or the view
// changes, and redrawing the paths on each (throttled) batch of streamed runs.

#include "metric_registry.h"
#include "timing.h"

#include "ui/run_series.h"
#include "ui/surface_3d_mesh.h"
#include "ui/surface_3d_texture.h"
#include "ui/surface_3d_view.h"

#include "core/surface.h"

#include <QColor>
#include <QList>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace optviz::bench {

namespace {

constexpr TimingPlan view3dPlan {2, 15};
constexpr int runCount = 3;
constexpr int runPoints = 8192; // RunSeries' capacity: the longest path the view gets

// Rosenbrock on its default view, as the window opens.
struct Landscape
{
    std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    ViewRect view = surface->defaultView();
};

// Spirals into the minimum with a wobble, so that thinning keeps many points.
QVector<RunSeries> spiralRuns()
{
    QVector<RunSeries> runs;
    for (int run = 0; run < runCount; ++run) {
        RunChunk chunk;
        for (int i = 0; i < runPoints; ++i) {
            const double t = double(i) / runPoints;
            const double radius = 2.0 * (1.0 - t) + 0.02 * std::sin(i * 0.7);
            const double angle = 40.0 * t + run * 2.0;
            chunk.steps.append(double(i));
            chunk.x.append(1.0 + radius * std::cos(angle));
            chunk.y.append(1.0 + radius * std::sin(angle));
            chunk.loss.append(0.0);
        }
        chunk.stepsTaken = runPoints - 1;
        RunSeries series(runPoints);
        series.append(chunk);
        runs.append(series);
    }
    return runs;
}

std::optional<double> measureMesh(const std::string& metric)
{
    const Landscape landscape;
    SurfaceTexture3D texture;
    const double seconds = medianSeconds(view3dPlan, [&] {
        const SurfaceMesh3D mesh
            = buildSurfaceMesh3D(*landscape.surface, landscape.view, Surface3DView::meshSamples);
        texture.setMesh(*landscape.surface, mesh);
        keepResult(mesh.scale.upper);
    });
    if (texture.base().isNull()) {
        reportFailure(metric, "no texture was painted");
        return std::nullopt;
    }
    return seconds * 1e3;
}

std::optional<double> measurePaths(const std::string& metric)
{
    const Landscape landscape;
    const SurfaceMesh3D mesh
        = buildSurfaceMesh3D(*landscape.surface, landscape.view, Surface3DView::meshSamples);
    SurfaceTexture3D texture;
    texture.setMesh(*landscape.surface, mesh);
    const QVector<RunSeries> runs = spiralRuns();
    const QList<QColor> colours {QColor(213, 94, 0), QColor(0, 114, 178), QColor(0, 158, 115)};
    std::size_t points = 0;
    const double seconds = medianSeconds(view3dPlan, [&] {
        std::vector<RunPath3D> paths;
        for (const RunSeries& run : runs)
            paths.push_back(
                buildRunPath3D(*landscape.surface, mesh, run, 0.5 / SurfaceTexture3D::size));
        const QImage image = texture.withPaths(paths, colours);
        points = 0;
        for (const RunPath3D& path : paths)
            points += path.pointCount();
        keepResult(double(image.width()));
    });
    if (points < 2 * runCount) {
        reportFailure(metric, "the paths came out empty");
        return std::nullopt;
    }
    return seconds * 1e3;
}

} // namespace

void registerView3DMetrics(MetricRegistry& registry)
{
    registry.add("ui.view3d_mesh_ms", "ms", [] { return measureMesh("ui.view3d_mesh_ms"); });
    registry.add("ui.view3d_paths_ms", "ms", [] { return measurePaths("ui.view3d_paths_ms"); });
}

} // namespace optviz::bench
