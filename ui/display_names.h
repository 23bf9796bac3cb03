#pragma once

#include <QString>

#include <string>

namespace optviz {

// The names the window shows for the core's identifiers, in the window's language:
// "Quadratic bowl" / "二次碗" for "quadratic", "Cosine" / "余弦" for the schedule "cosine".
// Names of people (Rosenbrock, Himmelblau) stay as they are. Scene files, the CLI and
// `optviz-cli list` keep the identifiers; an unknown one is shown as it is, capitalised.
QString surfaceDisplayName(const std::string& name);
QString scheduleDisplayName(const std::string& name);

} // namespace optviz
