#include "bfgs.h"

#include "hyperparameters.h"

namespace optviz {

namespace {
// The curvature test of our L-BFGS (torch's): skip pairs without clear positive curvature.
constexpr double minCurvature = 1e-10;
} // namespace

ParameterSpecs Bfgs::parameters()
{
    ParameterSpec lr = learningRateParameter(1.0);
    lr.meaning = "step length tried first along the direction (the fixed step without line "
                 "search)";
    ParameterSpecs specs = {lr};
    for (ParameterSpec& spec : lineSearchParameters())
        specs.push_back(std::move(spec));
    return specs;
}

Bfgs::Bfgs(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , lineSearch_(resolved.at("line_search") != 0.0)
    , toleranceGrad_(resolved.at("tolerance_grad"))
    , toleranceChange_(resolved.at("tolerance_change"))
{
}

void Bfgs::resetState(int dimension)
{
    h_ = Matrix::Identity(dimension, dimension);
    d_ = Vector::Zero(dimension);
    prevGradient_ = Vector::Zero(dimension);
    y_ = Vector::Zero(dimension);
    s_ = Vector::Zero(dimension);
    hy_ = Vector::Zero(dimension);
    t_ = 0.0;
    updated_ = false;
    nIter_ = 0;
    funcEvals_ = 0;
    wolfe_.reset(dimension);
}

void Bfgs::updateInverseHessian(double ys)
{
    if (!updated_) {
        h_.setIdentity();
        h_ *= ys / y_.dot(y_);
        updated_ = true;
    }
    // Expanded, with H symmetric: H − ρ(s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ; one pass
    // over H, no temporaries, and each entry computed symmetrically in i and j so that H
    // stays exactly symmetric.
    const double rho = 1.0 / ys;
    hy_.noalias() = h_ * y_;
    const double ssScale = rho * rho * y_.dot(hy_) + rho;
    const Eigen::Index n = h_.rows();
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = 0; i < n; ++i)
            h_(i, j) += ssScale * (s_[i] * s_[j]) - rho * (s_[i] * hy_[j] + hy_[i] * s_[j]);
}

void Bfgs::step(GradientOracle& oracle, Vector& x)
{
    ++iterations_;
    update_.setZero();
    const double loss = oracle.valueAndGradient(x, gradient_);
    ++funcEvals_;
    if (gradient_.cwiseAbs().maxCoeff() <= toleranceGrad_)
        return;

    ++nIter_;
    if (nIter_ > 1) {
        y_ = gradient_ - prevGradient_;
        s_ = d_ * t_;
        const double ys = y_.dot(s_);
        if (ys > minCurvature)
            updateInverseHessian(ys);
    }
    d_.noalias() = h_ * gradient_;
    d_ = -d_;
    prevGradient_ = gradient_;

    FirstStep initial {lr_, false};
    if (nIter_ == 1)
        initial = firstStepLength(gradient_, lr_);
    t_ = moveAlongDirection(oracle, x, d_, loss, gradient_, initial, lineSearch_, toleranceChange_,
        wolfe_, funcEvals_, update_);
}

void Bfgs::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("direction", d_);
    state.vectors.emplace_back("inverse_hessian_diagonal", h_.diagonal());
    state.scalars.emplace_back("t", t_);
    state.scalars.emplace_back("n_iter", static_cast<double>(nIter_));
    state.scalars.emplace_back("func_evals", static_cast<double>(funcEvals_));
}

} // namespace optviz
