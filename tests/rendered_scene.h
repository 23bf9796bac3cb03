#pragma once

// A scene's runs computed to the end, as the figure tests draw them.

#include "ui/run_series.h"
#include "ui/scene_simulation.h"

#include <memory>

namespace optviz::testing {

struct Rendered
{
    std::unique_ptr<SceneSimulation> simulation;
    QVector<RunSeries> series;
};

inline Rendered simulate(const Scene& scene)
{
    Rendered rendered;
    rendered.simulation = std::make_unique<SceneSimulation>(scene);
    rendered.simulation->runToEnd();
    rendered.series = seriesOf(*rendered.simulation);
    return rendered;
}

} // namespace optviz::testing
