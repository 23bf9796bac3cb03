// surface.*: the landscape behind every frame of the surface view — evaluating a
// surface on a grid and extracting its contour lines.

#include "metric_registry.h"
#include "timing.h"

#include "core/contour_levels.h"
#include "core/contours.h"
#include "core/expression/expression_surface.h"
#include "core/surface.h"
#include "core/surface_grid.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace optviz::bench {

namespace {

// The surface view's resolution.
constexpr int gridColumns = 600;
constexpr int gridRows = 600;
constexpr int contourLevelCount = 20;
// Milliseconds per call, so more repetitions than the core runs for a steady median.
constexpr TimingPlan gridPlan {2, 15};

std::optional<double> measureGrid(const std::string& metric)
{
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    const ViewRect view = surface->defaultView();
    const double seconds = medianSeconds(gridPlan, [&] {
        const SurfaceGrid grid = evaluateGrid(*surface, view, gridColumns, gridRows);
        keepResult(grid.maxValue());
    });
    // Check the result once, outside the timing: a grid with holes would time less work.
    const SurfaceGrid grid = evaluateGrid(*surface, view, gridColumns, gridRows);
    if (grid.finiteCount() != static_cast<std::size_t>(gridColumns) * gridRows) {
        reportFailure(metric, "the grid has non-finite values");
        return std::nullopt;
    }
    return seconds * 1e3;
}

// A typed formula's grid (the surface view of "expr"), through the same evaluateGrid as
// the built-in surfaces: the compiled program evaluated a block of a row at a time. The
// default formula, whose sin and cos dominate the cost, stands for what users type.
std::optional<double> measureExpressionGrid(const std::string& metric)
{
    const ExpressionSurface surface(ExpressionSurface::defaultFormula);
    const ViewRect view = surface.defaultView();
    const double seconds = medianSeconds(gridPlan, [&] {
        const SurfaceGrid grid = evaluateGrid(surface, view, gridColumns, gridRows);
        keepResult(grid.maxValue());
    });
    const SurfaceGrid grid = evaluateGrid(surface, view, gridColumns, gridRows);
    if (grid.finiteCount() != static_cast<std::size_t>(gridColumns) * gridRows) {
        reportFailure(metric, "the grid has non-finite values");
        return std::nullopt;
    }
    return seconds * 1e3;
}

// Times the extraction alone; the grid and its levels (chooseLevels, as the surface view
// picks them) are made once beforehand.
std::optional<double> measureContours(const std::string& metric)
{
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    const SurfaceGrid grid = evaluateGrid(*surface, surface->defaultView(), gridColumns, gridRows);
    const std::vector<double> levels = chooseLevels(grid, contourLevelCount);
    if (levels.size() != static_cast<std::size_t>(contourLevelCount)) {
        reportFailure(metric,
            "chooseLevels gave " + std::to_string(levels.size()) + " levels, not "
                + std::to_string(contourLevelCount));
        return std::nullopt;
    }
    std::size_t points = 0;
    const double seconds = medianSeconds(gridPlan, [&] {
        const std::vector<Contour> contours = extractContours(grid, levels);
        points = 0;
        for (const Contour& contour : contours)
            for (const Polyline& line : contour.lines)
                points += line.size();
        keepResult(static_cast<double>(points));
    });
    if (points == 0) {
        reportFailure(metric, "no contour line was extracted");
        return std::nullopt;
    }
    return seconds * 1e3;
}

} // namespace

void registerSurfaceMetrics(MetricRegistry& registry)
{
    const std::string size = std::to_string(gridColumns) + "x" + std::to_string(gridRows);
    const std::string grid = "surface.grid_ms.rosenbrock." + size;
    registry.add(grid, "ms", [grid] { return measureGrid(grid); });
    const std::string contours = "surface.contours_ms.rosenbrock." + size;
    registry.add(contours, "ms", [contours] { return measureContours(contours); });
    const std::string expression = "surface.expr_grid_600_ms";
    registry.add(expression, "ms", [expression] { return measureExpressionGrid(expression); });
}

} // namespace optviz::bench
