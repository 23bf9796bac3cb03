#pragma once

#include "../surface.h"
#include "../trajectory.h"
#include "mlp.h"

#include <cstdint>
#include <vector>

namespace optviz {

// Where a parameter vector lies relative to a plane: its least-squares coordinates
// (α, β) and its Euclidean distance from the plane.
struct PlaneCoordinates
{
    double alpha = 0.0;
    double beta = 0.0;
    double distance = 0.0;
};

// How filter-normalised directions treat the biases (Li et al. 2018, and their code's
// `ignore='biasbn'` switch): Zero leaves them out of the direction (the paper's
// figures); Same sets the direction's bias entries to the biases themselves (their
// code's choice when biases are not ignored).
enum class BiasDirection { Zero, Same };

// The origin of PCA directions: the common start θ₀ of the trajectories (the natural
// choice when several optimizers are compared), or the final point of the first
// trajectory (Li et al., who project one training run: rows θₜ − θ_final).
enum class PcaOrigin { Start, Final };

class LossPlane;

struct PcaPlaneResult;

// A 2-D plane through parameter space, θ(α, β) = origin + α d₁ + β d₂ (Li et al. 2018,
// "Visualizing the Loss Landscape of Neural Nets"), on which the loss can be drawn as a
// surface and trajectories as paths. The directions need not be orthogonal (random
// filter-normalised ones are only nearly so); projection solves the 2×2 least-squares
// problem. A value type; its methods allocate nothing and are safe from any thread.
class LossPlane
{
public:
    LossPlane() = default;
    // Throws std::invalid_argument if the sizes differ or the directions are (nearly)
    // parallel or zero.
    LossPlane(Vector origin, Vector first, Vector second);

    int dimension() const { return static_cast<int>(origin_.size()); }
    const Vector& origin() const { return origin_; }
    const Vector& first() const { return first_; }
    const Vector& second() const { return second_; }

    // θ(α, β) into `theta` (sized dimension()).
    void point(double alpha, double beta, Vector& theta) const;
    PlaneCoordinates project(const Vector& theta) const;
    // Every point of a trajectory of this dimension.
    std::vector<PlaneCoordinates> project(const Trajectory& trajectory) const;

    // Li et al.'s filter-normalised random plane through `centre`: two directions of
    // N(0, 1) entries (drawn from optviz::Random(seed), d₁ then d₂), each neuron's row of
    // incoming weights rescaled to the norm of that neuron's weights in `centre`, so that
    // the picture does not depend on the scale of each layer.
    static LossPlane filterNormalized(const Mlp& network, const Vector& centre, std::uint64_t seed,
        BiasDirection biases = BiasDirection::Zero);

    // The plane of the two principal directions of trajectories that start at a common
    // θ₀ (Li et al. §7): the SVD of the stacked rows θₜ − origin (uncentred, so that the
    // plane passes through the origin). At most `maxRows` rows are used: longer
    // trajectories are thinned evenly, keeping their last point. Throws InvalidArgument
    // if the trajectories are empty, of other dimensions, or never move.
    static PcaPlaneResult pca(const std::vector<const Trajectory*>& trajectories,
        PcaOrigin origin = PcaOrigin::Start, int maxRows = 2000);

private:
    Vector origin_;
    Vector first_;
    Vector second_;
    // The inverse of the 2×2 Gram matrix [dᵢ·dⱼ], for least-squares coordinates.
    double g11_ = 1.0, g12_ = 0.0, g22_ = 1.0;
};

struct PcaPlaneResult
{
    LossPlane plane;
    // The fraction of Σ‖θₜ − origin‖² that each direction explains (σᵢ² / Σσ²), and
    // their sum: 1 for trajectories that lie in a 2-D plane through the origin.
    double firstFraction = 0.0;
    double secondFraction = 0.0;
    double explainedFraction() const { return firstFraction + secondFraction; }
};

// The (α, β) range to draw the plane over: the plane's origin (0, 0) and every point of
// the projected paths, widened by `margin` times the span on each side (by 1 where the
// span is zero), for LossPlaneGrid.
ViewRect planeRange(const std::vector<std::vector<PlaneCoordinates>>& paths, double margin = 0.2);

} // namespace optviz
