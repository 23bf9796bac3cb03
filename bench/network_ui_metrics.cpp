// ui.network_*: what the network workspace costs. The UI thread's share of one frame
// while training (the figure taking a batch: new epochs and three new decision
// boundaries, then a replot), and the worker's part that the teacher waits for: the
// whole loss plane (PCA directions and the 65 × 65 lattice) after the default three runs
// on moons.

#include "metric_registry.h"
#include "offscreen_application.h"
#include "timing.h"

#include "ui/loss_plane_job.h"
#include "ui/network_batch.h"
#include "ui/network_figure.h"
#include "ui/network_simulation.h"

#include <QApplication>

#include <optional>

namespace optviz::bench {

namespace {

constexpr int figureWidth = 1100; // the figure's part of a 1480-pixel window
constexpr int figureHeight = 760;
constexpr int frames = 40;

std::optional<double> frameMs()
{
    ensureApplication();
    NetworkSimulation simulation(NetworkSettings::defaultSettings());
    QVector<NetworkRunView> runs = runViewsOf(simulation);
    NetworkFigure figure;
    figure.setAttribute(Qt::WA_DontShowOnScreen);
    figure.resize(figureWidth, figureHeight);
    figure.setData(networkDataOf(simulation), runs);
    figure.replot(QCustomPlot::rpImmediateRefresh);
    // Each frame: every run a few epochs further, with a new boundary, as the worker
    // sends them at 30 epochs a second; the pictures are made beforehand (the worker's
    // part), the figure's update and replot are timed.
    std::vector<double> samples;
    for (int frame = 0; frame < frames; ++frame) {
        simulation.advanceSteps(2);
        for (int run = 0; run < runs.size(); ++run) {
            const std::vector<EpochRecord>& history = simulation.trainer(run).history();
            for (std::size_t row = std::size_t(runs[run].history.size()); row < history.size();
                 ++row)
                runs[run].history.append(history[row]);
            runs[run].picture = std::make_shared<const ModelPicture>(
                simulation.picture(run, NetworkSimulation::pictureResolution));
        }
        samples.push_back(1e3 * secondsOf([&] {
            figure.updateRuns(runs);
            figure.replot(QCustomPlot::rpImmediateRefresh);
        }));
    }
    return median(std::move(samples));
}

std::optional<double> planeMs()
{
    NetworkSimulation simulation(NetworkSettings::defaultSettings());
    simulation.runToEnd();
    const double seconds = medianSeconds(TimingPlan {1, 5}, [&] {
        LossPlaneJob job(simulation, PlaneDirections::Pca);
        while (!job.finished())
            job.advance(1 << 20);
        keepResult(job.snapshot().grid.minValue());
    });
    return 1e3 * seconds;
}

} // namespace

void registerNetworkUiMetrics(MetricRegistry& registry)
{
    registry.add("ui.network_frame_ms", "ms", frameMs);
    registry.add("ui.network_plane_ms.pca.65x65", "ms", planeMs);
}

} // namespace optviz::bench
