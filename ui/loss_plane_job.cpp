#include "loss_plane_job.h"

#include "core/network/seeds.h"
#include "network_simulation.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <exception>

namespace optviz {

namespace {

// A run's path as the plane sees it: θ at the recorded epochs and at the latest one,
// non-finite points (a run that diverged) left out.
struct RecordedPath
{
    Trajectory trajectory;
    std::vector<int> epochs;
};

RecordedPath recordedPath(const Trainer& trainer)
{
    const Trajectory& history = trainer.parameterHistory();
    RecordedPath path {Trajectory(history.dimension()), {}};
    const int stride = trainer.parameterHistoryStride();
    const auto add = [&path](const Vector& theta, double loss, int epoch) {
        if (!theta.allFinite() || !std::isfinite(loss))
            return;
        path.trajectory.append(theta, loss);
        path.epochs.push_back(epoch);
    };
    for (std::size_t k = 0; k < history.size(); ++k)
        add(history.point(k), history.loss(k), int(k) * stride);
    const int latest = trainer.history().empty() ? 0 : trainer.history().back().epoch;
    if (path.epochs.empty() || path.epochs.back() != latest)
        add(trainer.parameters(),
            trainer.history().empty() ? 0.0 : trainer.history().back().trainLoss, latest);
    return path;
}

std::uint64_t planeSeed(const NetworkSettings& settings)
{
    const auto it = settings.datasetParameters.find("seed");
    const std::uint64_t seed
        = it == settings.datasetParameters.end() ? 1 : std::uint64_t(it->second);
    // Not the data's own stream: the directions would repeat the samples' normal draws.
    return deriveSeed(seed ^ 0x706C616E65ULL, SeedStream::Initialization);
}

} // namespace

double PlanePath::offPlaneFraction() const
{
    if (!(travel > 0.0) || distance.empty())
        return 0.0;
    return *std::max_element(distance.begin(), distance.end()) / travel;
}

LossPlaneJob::LossPlaneJob(const NetworkSimulation& simulation, PlaneDirections directions)
{
    base_.directions = directions;
    std::vector<RecordedPath> recorded;
    for (int run = 0; run < simulation.runCount(); ++run) {
        recorded.push_back(recordedPath(simulation.trainer(run)));
        base_.epoch = std::max(
            base_.epoch, recorded.back().epochs.empty() ? 0 : recorded.back().epochs.back());
    }

    LossPlane plane;
    try {
        if (directions == PlaneDirections::Pca) {
            std::vector<const Trajectory*> paths;
            for (const RecordedPath& path : recorded)
                if (!path.trajectory.empty())
                    paths.push_back(&path.trajectory);
            if (paths.empty())
                throw InvalidArgument("no run has a finite path");
            const PcaPlaneResult pca = LossPlane::pca(paths, PcaOrigin::Start, maxPcaRows);
            plane = pca.plane;
            base_.firstFraction = pca.firstFraction;
            base_.secondFraction = pca.secondFraction;
        } else {
            // Li et al. look at the neighbourhood of a trained network: the first run's
            // latest point.
            const Vector& centre
                = simulation.runCount() > 0 && simulation.trainer(0).parameters().allFinite()
                ? simulation.trainer(0).parameters()
                : simulation.start();
            plane = LossPlane::filterNormalized(
                simulation.network(), centre, planeSeed(simulation.settings()));
        }
    } catch (const std::exception&) {
        // English keys, translated where they are shown (NetworkFigure).
        base_.message = directions == PlaneDirections::Pca
            ? QString::fromUtf8(QT_TRANSLATE_NOOP("optviz::NetworkFigure",
                "The PCA plane needs\npaths that move:\ntrain a few epochs."))
            : QString::fromUtf8(QT_TRANSLATE_NOOP("optviz::NetworkFigure",
                "No plane: the network\nhas no finite parameters\nto centre it on."));
        return;
    }

    std::vector<std::vector<PlaneCoordinates>> projected;
    for (int run = 0; run < int(recorded.size()); ++run) {
        const RecordedPath& source = recorded[std::size_t(run)];
        std::vector<PlaneCoordinates> coordinates = plane.project(source.trajectory);
        PlanePath path;
        path.run = run;
        path.epochs = source.epochs;
        path.loss = source.trajectory.losses();
        for (const PlaneCoordinates& c : coordinates) {
            path.alpha.push_back(c.alpha);
            path.beta.push_back(c.beta);
            path.distance.push_back(c.distance);
        }
        if (!source.trajectory.empty()) {
            const Vector first = source.trajectory.point(0);
            for (std::size_t k = 1; k < source.trajectory.size(); ++k)
                path.travel = std::max(path.travel, (source.trajectory.point(k) - first).norm());
        }
        projected.push_back(std::move(coordinates));
        base_.paths.push_back(std::move(path));
    }

    ViewRect range = planeRange(projected, 0.2);
    if (directions == PlaneDirections::Random) {
        // Filter-normalised directions have the scale of the weights: ±1 is Li et al.'s view.
        range.xMin = std::min(range.xMin, -1.0);
        range.xMax = std::max(range.xMax, 1.0);
        range.yMin = std::min(range.yMin, -1.0);
        range.yMax = std::max(range.yMax, 1.0);
    }
    objective_ = std::make_unique<NetworkObjective>(simulation.trainObjective());
    try {
        grid_ = std::make_unique<LossPlaneGrid>(
            *objective_, plane, range, resolution, resolution, coarseStride);
    } catch (const InvalidArgument& error) {
        base_.message = QString::fromUtf8(error.what());
    }
}

long long LossPlaneJob::advance(long long points)
{
    return grid_ ? grid_->advance(points) : 0;
}

PlaneSnapshot LossPlaneJob::snapshot() const
{
    PlaneSnapshot snapshot = base_;
    if (grid_ && grid_->completedStride() > 0) {
        snapshot.grid = grid_->toSurfaceGrid();
        snapshot.complete = grid_->finished();
    }
    return snapshot;
}

} // namespace optviz
