#pragma once

#include "figure.h"
#include "scene.h"

#include <QSize>
#include <QString>

namespace optviz {

// Runs the scene to its end (SceneSimulation::runToEnd) and writes its figure, drawn by
// an offscreen Figure of `size` pixels, to `path` (.png at `scale` × size, .svg or .pdf).
// What `optviz-cli render` and the window's "export scene" call. False with a message in
// `error` if the scene cannot be simulated (unknown names, bad combinations) or the file
// cannot be written. `panels` picks surface and loss, or either alone. A scene with a
// network draws the network workspace's figure instead (network_render.h). Needs a
// QApplication.
bool renderSceneToFile(const Scene& scene, const QString& path, QSize size, double scale,
    QString* error, Figure::Panels panels = Figure::Panels::SurfaceAndLoss);

} // namespace optviz
