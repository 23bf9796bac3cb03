#include "newton.h"

#include "hyperparameters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace optviz {

namespace {
// Relative floor on |λ|: far below any curvature worth following, far above round-off
// in a well-scaled Hessian.
constexpr double relativeCurvatureFloor = 1e-8;
} // namespace

ParameterSpecs Newton::parameters()
{
    ParameterSpec lr = learningRateParameter(1.0);
    lr.meaning = "learning rate: the fraction of the Newton step taken (1 = full step)";
    return {lr};
}

Newton::Newton(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
{
}

void Newton::resetState(int dimension)
{
    hessian_ = Matrix::Zero(dimension, dimension);
    eigenvalues_ = Vector::Zero(dimension);
    eigenvectors_ = Matrix::Identity(dimension, dimension);
    projected_ = Vector::Zero(dimension);
    direction_ = Vector::Zero(dimension);
}

bool Newton::decompose()
{
    if (!hessian_.allFinite())
        return false;
    if (hessian_.rows() == 2) {
        solver2_.computeDirect(Eigen::Matrix2d(hessian_));
        if (solver2_.info() != Eigen::Success)
            return false;
        eigenvalues_ = solver2_.eigenvalues();
        eigenvectors_ = solver2_.eigenvectors();
        return true;
    }
    solver_.compute(hessian_);
    if (solver_.info() != Eigen::Success)
        return false;
    eigenvalues_ = solver_.eigenvalues();
    eigenvectors_ = solver_.eigenvectors();
    return true;
}

void Newton::step(GradientOracle& oracle, Vector& x)
{
    if (!oracle.hasHessian())
        throw std::logic_error("newton needs second derivatives, and this objective has no "
                               "Hessian (check OptimizerInfo::usesHessian before running)");
    ++iterations_;
    oracle.valueAndGradient(x, gradient_);
    oracle.hessian(x, hessian_);
    if (!decompose()) {
        // No usable curvature: let the iterate become NaN so that the runner reports the
        // divergence where it happened.
        eigenvalues_.setConstant(std::numeric_limits<double>::quiet_NaN());
        direction_.setConstant(std::numeric_limits<double>::quiet_NaN());
        update_ = direction_;
        x += update_;
        return;
    }
    const Matrix& v = eigenvectors_;
    const double floor = relativeCurvatureFloor * std::max(1.0, eigenvalues_.cwiseAbs().maxCoeff());
    projected_.noalias() = v.transpose() * gradient_;
    for (Eigen::Index i = 0; i < projected_.size(); ++i)
        projected_[i] /= std::max(std::abs(eigenvalues_[i]), floor);
    direction_.noalias() = v * projected_;
    direction_ = -direction_;
    update_ = lr_ * direction_;
    x += update_;
}

void Newton::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("eigenvalues", eigenvalues_);
    state.vectors.emplace_back("newton_direction", direction_);
}

} // namespace optviz
