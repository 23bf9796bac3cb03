#pragma once

#include "surface_3d_mesh.h"

#include <QColor>
#include <QImage>
#include <QList>

#include <vector>

namespace optviz {

// The picture draped over the 3-D surface: the 2-D figure's heat map (viridis, on the
// same linear or log scale) with its contour lines, and the runs' paths painted on it.
// Q3DSurface draws only surface series (no lines), so paths drawn into the surface's
// texture are the way to show them on the surface: they follow the mesh exactly from
// every angle, where a line floating above it would cut through ridges or sink into
// valleys between grid nodes.
//
// The heat map is painted once per mesh (setMesh); paths() starts from a copy of it.
// Pure QPainter: no OpenGL, so it can be built and timed anywhere.
class SurfaceTexture3D
{
public:
    static constexpr int size = 1024; // texels per side
    static constexpr int heatSamples = 512; // f is evaluated on this grid, then scaled up

    // Paints the heat map and contours of `mesh` (its view, scale and levels).
    void setMesh(const Surface& surface, const SurfaceMesh3D& mesh);
    const QImage& base() const { return base_; }

    // The base with each path (halo, then colour) and its current point; colours[i]
    // for paths[i].
    QImage withPaths(const std::vector<RunPath3D>& paths, const QList<QColor>& colours) const;

    // Where the data point (x, y) lands in the texture (row 0 at the view's yMax: the
    // image is the top view as the 2-D figure shows it).
    QPointF texel(double x, double y) const;

private:
    QImage base_;
    ViewRect view_;
};

} // namespace optviz
