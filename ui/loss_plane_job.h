#pragma once

#include "core/network/loss_plane_grid.h"
#include "core/network/network_objective.h"
#include "core/surface_grid.h"
#include "scene.h"

#include <QMetaType>
#include <QString>

#include <limits>
#include <memory>
#include <vector>

namespace optviz {

class NetworkSimulation;

// One run's path through parameter space, projected onto the plane: its points (θ after
// epochs 0, s, 2s, … and its latest epoch) as plane coordinates, with how far each lies
// off the plane.
struct PlanePath
{
    int run = 0;
    std::vector<double> alpha;
    std::vector<double> beta;
    std::vector<double> distance; // ‖θ − its projection‖
    std::vector<double> loss; // the training loss at θ (not on the plane)
    std::vector<int> epochs;
    double travel = 0.0; // the farthest the run got from its start, max ‖θₜ − θ₀‖

    // The largest distance off the plane as a fraction of the travel (0 when the run
    // never moved).
    double offPlaneFraction() const;
};

// What the loss-plane view shows: the training loss on a plane through parameter space
// (a coarse preview until `complete`), and every run's path projected onto it. An
// immutable value sent from the worker thread to the UI by shared pointer.
struct PlaneSnapshot
{
    PlaneDirections directions = PlaneDirections::Pca;
    QString message; // why there is no plane (then the grid is empty)
    SurfaceGrid grid; // α along x, β along y
    bool complete = false;
    // PCA: the share of the paths' squared distance from the start along each direction.
    double firstFraction = std::numeric_limits<double>::quiet_NaN();
    double secondFraction = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0; // the latest epoch the paths reach
    std::vector<PlanePath> paths;

    bool hasPlane() const { return !grid.isEmpty(); }
    double explainedFraction() const { return firstFraction + secondFraction; }
};

// The loss-plane computation for the current state of a NetworkSimulation: chooses the
// plane (PCA of the runs' recorded paths from their common start, or filter-normalised
// random directions through the first run's latest point), projects the paths, and
// evaluates the loss on a resolution × resolution lattice coarse pass first
// (LossPlaneGrid), so that a worker can advance it in slices and show it early. Works on
// its own copy of the training objective: the simulation may go on training meanwhile.
class LossPlaneJob
{
public:
    static constexpr int resolution = 65; // 64 cells a side, the lattice's edges included
    static constexpr int coarseStride = 8; // first pass 9 × 9, then 17², 33², 65²
    // PCA rows (points of all paths, thinned evenly): the SVD stays a few milliseconds
    // for the window's networks, so that the plane can follow the training live.
    static constexpr int maxPcaRows = 400;

    LossPlaneJob(const NetworkSimulation& simulation, PlaneDirections directions);

    // False when no plane can be drawn (PCA before any run moved): snapshot() says why.
    bool hasPlane() const { return grid_ != nullptr; }
    // Evaluates up to `points` more lattice points; returns how many.
    long long advance(long long points);
    bool finished() const { return !grid_ || grid_->finished(); }
    // The finest complete pass (LossPlaneGrid::completedStride), 0 before the first.
    int completedStride() const { return grid_ ? grid_->completedStride() : 0; }
    PlaneSnapshot snapshot() const;

private:
    std::unique_ptr<NetworkObjective> objective_;
    std::unique_ptr<LossPlaneGrid> grid_;
    PlaneSnapshot base_; // everything but the grid
};

// A plane snapshot on its way from the worker to the UI.
struct PlaneUpdate
{
    quint64 generation = 0;
    std::shared_ptr<const PlaneSnapshot> snapshot;
};

} // namespace optviz

Q_DECLARE_METATYPE(optviz::PlaneUpdate)
