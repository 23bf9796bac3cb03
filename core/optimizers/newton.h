#pragma once

#include "../optimizer.h"

#include <Eigen/Eigenvalues>

namespace optviz {

// Damped saddle-free Newton (Dauphin et al. 2014, "Identifying and attacking the saddle
// point problem in high-dimensional non-convex optimization"):
//   H = ∇²f(x) = V Λ Vᵀ (eigendecomposition, H symmetric)
//   |H| = V |Λ|_δ Vᵀ, each eigenvalue λ replaced by max(|λ|, δ), δ = 1e-8·max(1, max|λ|)
//   d solves |H| d = g, i.e. d = V |Λ|_δ⁻¹ Vᵀ g;   x ← x − lr·d
// Where H is positive definite |H| = H and this is exactly Newton's step: lr = 1 lands on
// the minimum of a quadratic in one step. Plain Newton jumps to the stationary point of
// the local quadratic model, which is a saddle where H is indefinite and a maximum where
// it is negative definite: it is drawn to them. Taking |λ| keeps the step length 1/|λ|
// along each eigenvector but always points it downhill, so along negative curvature the
// step moves away from the saddle. The floor δ bounds the step where curvature vanishes
// (a flat direction would otherwise get an infinite step).
// Needs the Hessian: the catalogue marks newton usesHessian; stepping on an objective
// without one throws std::logic_error.
class Newton final : public Optimizer
{
public:
    static ParameterSpecs parameters();
    explicit Newton(const ParameterValues& resolved);

    void step(GradientOracle& oracle, Vector& x) override;

protected:
    void resetState(int dimension) override;
    void inspectState(OptimizerState& state) const override;

private:
    // Computes eigenvalues_ and eigenvectors_ of hessian_; false if that failed.
    bool decompose();

    Matrix hessian_;
    // On the 2-D surfaces a closed-form 2×2 decomposition: exact to round-off and free of
    // heap allocation. The general solver sizes itself on first use and allocates a small
    // workspace on every call, which is noise next to an n×n Hessian.
    Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> solver2_;
    Eigen::SelfAdjointEigenSolver<Matrix> solver_;
    Vector eigenvalues_; // of the last Hessian, ascending
    Matrix eigenvectors_;
    Vector projected_; // Vᵀg, then |Λ|_δ⁻¹ Vᵀg
    Vector direction_; // −d = −|H|⁻¹g, the direction the step moves along
};

} // namespace optviz
