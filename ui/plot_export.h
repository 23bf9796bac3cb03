#pragma once

#include <QString>

class QCustomPlot;

namespace optviz {

// Writes a QCustomPlot at its current size to `path`: PNG at `scale` × the size, or SVG
// and PDF as vectors (one plot pixel is 1/96 inch), atomically (ui/safe_file.h), so that a
// failed export never leaves half a file. False with a one-line message in `error` for an
// unknown extension, a bad scale, a target that is not a regular file (also through a
// symbolic link), a missing folder or a write error (with the OS's reason). `title` names the
// document in SVG and PDF.
bool exportPlot(
    QCustomPlot& plot, const QString& path, double scale, const QString& title, QString* error);

} // namespace optviz
