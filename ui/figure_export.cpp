#include "figure_export.h"

#include "figure.h"
#include "network_render.h"
#include "run_series.h"
#include "scene_simulation.h"

namespace optviz {

bool renderSceneToFile(const Scene& scene, const QString& path, QSize size, double scale,
    QString* error, Figure::Panels panels)
{
    // A scene of the network workspace draws the network's figure (the panels apply to
    // the surfaces only).
    if (scene.network)
        return renderNetworkToFile(*scene.network, path, size, scale, error);
    try {
        SceneSimulation simulation(scene);
        const QVector<RunSeries> series = runThinned(simulation);

        Figure figure;
        figure.setAttribute(Qt::WA_DontShowOnScreen);
        figure.resize(size);
        figure.setPanels(panels);
        figure.setSceneLayout(scene.layout, int(series.size()));
        figure.setLossMeasure(scene.lossMeasure);
        figure.setLandscape(scene, simulation.surface());
        figure.setStart(scene.effectiveStart(simulation.surface()));
        figure.setRuns(scene, series);
        return figure.exportTo(path, scale, error);
    } catch (const InvalidArgument& problem) {
        if (error)
            *error = QString::fromUtf8(problem.what());
        return false;
    }
}

} // namespace optviz
