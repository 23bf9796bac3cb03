#pragma once

#include "scene.h"

#include <QSize>
#include <QString>

namespace optviz {

// Trains the network of `settings` to its last epoch, computes the loss plane and writes
// the network workspace's figure (NetworkFigure) at `size` pixels to `path` (.png at
// `scale` × size, .svg or .pdf): what `optviz-cli render` draws for a scene with a
// "network" object. False with a message in `error` if the network cannot be trained or
// the file cannot be written. Needs a QApplication.
bool renderNetworkToFile(
    const NetworkSettings& settings, const QString& path, QSize size, double scale, QString* error);

} // namespace optviz
