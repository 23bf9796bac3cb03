#pragma once

#include <qcustomplot.h>

namespace optviz {

// QCustomPlot 2.1.0 has no viridis preset: the colour map of every heat map (the
// surface, the loss plane, the hyperparameter map, the 3-D view's texture) built from
// palette::viridisStops(), with `levels` colours, NaN cells transparent.
QCPColorGradient viridisGradient(int levels);

} // namespace optviz
