#include "network_render.h"

#include "loss_plane_job.h"
#include "network_batch.h"
#include "network_figure.h"
#include "network_simulation.h"

namespace optviz {

bool renderNetworkToFile(
    const NetworkSettings& settings, const QString& path, QSize size, double scale, QString* error)
{
    try {
        NetworkSimulation simulation(settings);
        simulation.runToEnd();
        LossPlaneJob plane(simulation, settings.plane);
        while (!plane.finished())
            plane.advance(1 << 20);

        NetworkFigure figure;
        figure.setAttribute(Qt::WA_DontShowOnScreen);
        figure.resize(size);
        figure.setData(networkDataOf(simulation), runViewsOf(simulation));
        figure.setPlane(std::make_shared<const PlaneSnapshot>(plane.snapshot()));
        return figure.exportTo(path, scale, error);
    } catch (const InvalidArgument& problem) {
        if (error)
            *error = QString::fromUtf8(problem.what());
        return false;
    }
}

} // namespace optviz
