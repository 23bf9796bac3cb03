#pragma once

#include "scene.h"

#include <QString>

namespace optviz {

// Writes every enabled optimizer's full trajectory of `scene` (recomputed to the step
// budget, so the file is exact even where the window shows a thinned history):
// CSV with columns optimizer,label,step,x,y,loss, or JSON with the scene and one
// object per run; chosen by the extension (.csv or .json). Numbers have 17 significant
// digits, as optviz-cli run writes them. Atomic (ui/safe_file.h: never over a device,
// through symbolic links to their file); false and a one-line message on error.
bool exportTrajectories(const Scene& scene, const QString& path, QString* error);

} // namespace optviz
