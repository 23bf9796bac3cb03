#pragma once

// A scene's runs computed to the end, as the figure tests draw them.

#include "core/surface.h"
#include "ui/run_series.h"
#include "ui/scene.h"
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

// A scene on `surface` (its default parameters) with one optimizer per entry of `runs`,
// at that learning rate (0: the optimizer's default), for `steps` steps.
inline Scene sceneWith(
    const std::string& surface, const QList<std::pair<std::string, double>>& runs, long long steps)
{
    Scene scene;
    scene.surface = surface;
    scene.surfaceParameters = resolveParameters(findSurface(surface)->parameters, {}, surface);
    scene.optimizers.clear();
    for (const auto& [name, lr] : runs) {
        OptimizerEntry entry = scene.makeEntry(name);
        if (lr > 0.0)
            entry.parameters["lr"] = lr;
        scene.optimizers.append(entry);
    }
    scene.steps = steps;
    return scene;
}

} // namespace optviz::testing
