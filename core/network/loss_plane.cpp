#include "loss_plane.h"

#include "../parameter.h"
#include "../random.h"

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace optviz {

LossPlane::LossPlane(Vector origin, Vector first, Vector second)
    : origin_(std::move(origin))
    , first_(std::move(first))
    , second_(std::move(second))
{
    if (first_.size() != origin_.size() || second_.size() != origin_.size())
        throw std::invalid_argument("the plane's origin and directions differ in size");
    const double a = first_.squaredNorm();
    const double b = first_.dot(second_);
    const double c = second_.squaredNorm();
    const double determinant = a * c - b * b;
    // |cos∠(d₁, d₂)| > 1 − 1e-12: the coordinates would be meaningless.
    if (!(a > 0.0) || !(c > 0.0) || !(determinant > 2e-12 * a * c))
        throw std::invalid_argument("the plane's directions are zero or parallel");
    g11_ = c / determinant;
    g12_ = -b / determinant;
    g22_ = a / determinant;
}

void LossPlane::point(double alpha, double beta, Vector& theta) const
{
    theta = origin_ + alpha * first_ + beta * second_;
}

PlaneCoordinates LossPlane::project(const Vector& theta) const
{
    double b1 = 0.0, b2 = 0.0;
    for (Eigen::Index i = 0; i < origin_.size(); ++i) {
        const double r = theta[i] - origin_[i];
        b1 += first_[i] * r;
        b2 += second_[i] * r;
    }
    PlaneCoordinates c;
    c.alpha = g11_ * b1 + g12_ * b2;
    c.beta = g12_ * b1 + g22_ * b2;
    // The residual summed directly rather than as ‖r‖² − cᵀb, which cancels for points
    // close to the plane, the very ones whose distance should read as zero.
    double squared = 0.0;
    for (Eigen::Index i = 0; i < origin_.size(); ++i) {
        const double r = theta[i] - origin_[i] - c.alpha * first_[i] - c.beta * second_[i];
        squared += r * r;
    }
    c.distance = std::sqrt(squared);
    return c;
}

std::vector<PlaneCoordinates> LossPlane::project(const Trajectory& trajectory) const
{
    if (trajectory.dimension() != dimension())
        throw std::invalid_argument("the trajectory's dimension differs from the plane's");
    std::vector<PlaneCoordinates> result;
    result.reserve(trajectory.size());
    const int d = trajectory.dimension();
    for (std::size_t k = 0; k < trajectory.size(); ++k)
        result.push_back(project(
            Eigen::Map<const Vector>(trajectory.coordinates().data() + k * std::size_t(d), d)));
    return result;
}

LossPlane LossPlane::filterNormalized(
    const Mlp& network, const Vector& centre, std::uint64_t seed, BiasDirection biases)
{
    if (centre.size() != network.parameterCount())
        throw std::invalid_argument("the centre is not a parameter vector of this network");
    Random random(seed);
    Vector directions[2];
    for (Vector& d : directions) {
        d.resize(centre.size());
        for (Eigen::Index i = 0; i < d.size(); ++i)
            d[i] = random.normal();
        for (int l = 0; l < network.layerCount(); ++l) {
            auto w = network.weights(d, l);
            const auto w0 = network.weights(centre, l);
            // One neuron's incoming weights are a "filter" of a dense layer.
            for (Eigen::Index row = 0; row < w.rows(); ++row) {
                const double norm = w.row(row).norm();
                if (norm > 0.0)
                    w.row(row) *= w0.row(row).norm() / norm;
            }
            if (biases == BiasDirection::Zero)
                network.biases(d, l).setZero();
            else
                network.biases(d, l) = network.biases(centre, l);
        }
    }
    return LossPlane(centre, directions[0], directions[1]);
}

PcaPlaneResult LossPlane::pca(
    const std::vector<const Trajectory*>& trajectories, PcaOrigin originChoice, int maxRows)
{
    if (trajectories.empty() || !trajectories.front() || trajectories.front()->empty())
        throw InvalidArgument("PCA directions need at least one trajectory with points");
    const int dimension = trajectories.front()->dimension();
    std::size_t total = 0;
    for (const Trajectory* t : trajectories) {
        if (!t || t->empty() || t->dimension() != dimension)
            throw InvalidArgument(
                "PCA directions need non-empty trajectories of the same dimension");
        total += t->size();
    }
    const Trajectory& reference = *trajectories.front();
    const Vector origin = originChoice == PcaOrigin::Start ? reference.point(0)
                                                           : reference.point(reference.size() - 1);

    // Thin evenly to at most maxRows rows (plus each trajectory's last point).
    const std::size_t cap = std::size_t(std::max(maxRows, 2));
    const std::size_t stride = (total + cap - 1) / cap;
    std::vector<std::pair<const Trajectory*, std::size_t>> rows;
    for (const Trajectory* t : trajectories) {
        for (std::size_t k = 0; k < t->size(); k += stride)
            rows.emplace_back(t, k);
        if ((t->size() - 1) % stride != 0)
            rows.emplace_back(t, t->size() - 1);
    }
    Matrix stacked(Eigen::Index(rows.size()), dimension);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& [t, k] = rows[r];
        stacked.row(Eigen::Index(r))
            = (Eigen::Map<const Vector>(
                   t->coordinates().data() + k * std::size_t(dimension), dimension)
                - origin)
                  .transpose();
    }

    const Eigen::BDCSVD<Matrix> svd(stacked, Eigen::ComputeThinV);
    const Vector& sigma = svd.singularValues();
    const double variance = sigma.squaredNorm();
    if (!(variance > 0.0) || !std::isfinite(variance))
        throw InvalidArgument("PCA directions need trajectories that move away from their "
                              "origin; these stay where they start");
    Vector first = svd.matrixV().col(0);
    Vector second;
    if (svd.matrixV().cols() >= 2) {
        second = svd.matrixV().col(1);
    } else {
        // One row: any unit vector orthogonal to the first will do; take the axis the
        // first leans on least.
        Eigen::Index axis = 0;
        first.cwiseAbs().minCoeff(&axis);
        second = -first[axis] * first;
        second[axis] += 1.0;
        second.normalize();
    }
    // Orient both so that the other end of the first trajectory (its end when the origin
    // is the start, its start otherwise) has non-negative coordinates: the same picture
    // every time, whatever signs the SVD returns.
    const Vector far = (originChoice == PcaOrigin::Start ? reference.point(reference.size() - 1)
                                                         : reference.point(0))
        - origin;
    if (first.dot(far) < 0.0)
        first = -first;
    if (second.dot(far) < 0.0)
        second = -second;

    PcaPlaneResult result;
    result.plane = LossPlane(origin, first, second);
    result.firstFraction = sigma[0] * sigma[0] / variance;
    result.secondFraction = sigma.size() > 1 ? sigma[1] * sigma[1] / variance : 0.0;
    return result;
}

ViewRect planeRange(const std::vector<std::vector<PlaneCoordinates>>& paths, double margin)
{
    ViewRect range {0.0, 0.0, 0.0, 0.0};
    for (const auto& path : paths)
        for (const PlaneCoordinates& c : path) {
            if (!std::isfinite(c.alpha) || !std::isfinite(c.beta))
                continue;
            range.xMin = std::min(range.xMin, c.alpha);
            range.xMax = std::max(range.xMax, c.alpha);
            range.yMin = std::min(range.yMin, c.beta);
            range.yMax = std::max(range.yMax, c.beta);
        }
    const double padX = range.xMax > range.xMin ? margin * (range.xMax - range.xMin) : 1.0;
    const double padY = range.yMax > range.yMin ? margin * (range.yMax - range.yMin) : 1.0;
    return {range.xMin - padX, range.xMax + padX, range.yMin - padY, range.yMax + padY};
}

} // namespace optviz
