#pragma once

#include <QString>

class QCustomPlot;

namespace optviz {

// Writes a QCustomPlot at its current size to `path`: PNG at `scale` × the size, or SVG
// and PDF as vectors (one plot pixel is 1/96 inch), atomically (QSaveFile), so that a
// failed export never leaves half a file. False with a one-line message in `error` for an
// unknown extension, a bad scale, a missing folder or a write error. `title` names the
// document in SVG and PDF.
bool exportPlot(
    QCustomPlot& plot, const QString& path, double scale, const QString& title, QString* error);

} // namespace optviz
