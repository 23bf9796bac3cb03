#pragma once

#include "core/surface.h"
#include "core/surface_grid.h"

#include <vector>

namespace optviz {

class RunSeries;

// The 3-D view's height scale, chosen by the rule the 2-D figure colours by: where the
// surface spans decades above its minimum (chooseSpacing() says Log), the height is
// f − min + offset on a logarithmic axis, the offset a decade below the lowest contour
// level, so the valley is not a flat floor; otherwise the height is f itself.
struct HeightScale
{
    bool logarithmic = false;
    double minimum = 0.0; // f's lowest value on the grid
    double offset = 0.0; // added to f − minimum on a log scale
    double lower = 0.0; // the height axis's range
    double upper = 1.0;

    // The height of value f; NaN for a value that is not finite. On a log scale, values
    // below the grid's minimum (between its nodes) get the axis's floor, `lower`.
    double height(double f) const;
};

// The surface as the 3-D view draws it: f on a samples × samples grid over the 2-D view
// rectangle (corners included, row 0 at yMin: core/surface_grid.h), the height scale and
// the contour levels of the 2-D figure's rule (chooseLevels).
struct SurfaceMesh3D
{
    SurfaceGrid grid;
    HeightScale scale;
    std::vector<double> levels;

    double height(int column, int row) const { return scale.height(grid.value(column, row)); }
};

// Throws InvalidArgument for a view or sample count SurfaceGrid refuses.
SurfaceMesh3D buildSurfaceMesh3D(const Surface& surface, const ViewRect& view, int samples);

struct PathPoint3D
{
    double x = 0.0;
    double y = 0.0;
    double height = 0.0; // scale.height(f(x, y)): on the surface
};

// One run's trajectory lying on the surface: finite pieces (the path is cut wherever a
// coordinate or f is not finite, or the iterate left the view by more than its size,
// which is where a diverging run heads), simplified so that no dropped point lies
// farther than `tolerance` (a fraction of the view's width and height) from the kept
// line. `current` is the newest point that could be drawn.
struct RunPath3D
{
    std::vector<std::vector<PathPoint3D>> pieces;
    bool hasCurrent = false;
    PathPoint3D current;

    std::size_t pointCount() const;
};

RunPath3D buildRunPath3D(
    const Surface& surface, const SurfaceMesh3D& mesh, const RunSeries& series, double tolerance);

} // namespace optviz
