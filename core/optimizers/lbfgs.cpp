#include "lbfgs.h"

#include "hyperparameters.h"

namespace optviz {

namespace {
// torch's curvature test: a pair whose yᵀs is not clearly positive would make the
// inverse-Hessian estimate indefinite, so it is left out of the history.
constexpr double minCurvature = 1e-10;
} // namespace

ParameterSpecs Lbfgs::parameters()
{
    ParameterSpec lr = learningRateParameter(1.0);
    lr.meaning = "step length tried first along the direction (the fixed step without line "
                 "search)";
    ParameterSpecs specs = {
        lr,
        {"history_size", 10.0, 1.0, 1000.0, false, false, Scale::Integer,
            "how many recent steps and gradient changes shape the curvature estimate"},
    };
    for (ParameterSpec& spec : lineSearchParameters())
        specs.push_back(std::move(spec));
    return specs;
}

Lbfgs::Lbfgs(const ParameterValues& resolved)
    : Optimizer(resolved.at("lr"))
    , historySize_(static_cast<int>(resolved.at("history_size")))
    , lineSearch_(resolved.at("line_search") != 0.0)
    , toleranceGrad_(resolved.at("tolerance_grad"))
    , toleranceChange_(resolved.at("tolerance_change"))
{
}

void Lbfgs::resetState(int dimension)
{
    d_ = Vector::Zero(dimension);
    prevGradient_ = Vector::Zero(dimension);
    y_ = Vector::Zero(dimension);
    s_ = Vector::Zero(dimension);
    oldDirs_ = Matrix::Zero(dimension, historySize_);
    oldSteps_ = Matrix::Zero(dimension, historySize_);
    ro_ = Vector::Zero(historySize_);
    al_ = Vector::Zero(historySize_);
    historyStart_ = 0;
    historyCount_ = 0;
    t_ = 0.0;
    hDiag_ = 1.0;
    prevLoss_ = 0.0;
    nIter_ = 0;
    funcEvals_ = 0;
    wolfe_.reset(dimension);
}

void Lbfgs::remember(double ys)
{
    Eigen::Index column;
    if (historyCount_ == historySize_) {
        column = historyStart_; // overwrite the oldest pair
        historyStart_ = (historyStart_ + 1) % historySize_;
    } else {
        column = slot(historyCount_);
        ++historyCount_;
    }
    oldDirs_.col(column) = y_;
    oldSteps_.col(column) = s_;
    ro_[column] = 1.0 / ys;
}

void Lbfgs::twoLoopDirection()
{
    // d = −H·g without forming H: the first loop peels the pairs off newest first, the
    // scaled identity stands in for the oldest curvature, the second loop adds the
    // pairs back oldest first.
    d_ = -gradient_;
    for (int i = historyCount_ - 1; i >= 0; --i) {
        const Eigen::Index k = slot(i);
        al_[i] = oldSteps_.col(k).dot(d_) * ro_[k];
        addScaled(d_, -al_[i], oldDirs_.col(k));
    }
    d_ *= hDiag_;
    for (int i = 0; i < historyCount_; ++i) {
        const Eigen::Index k = slot(i);
        const double be = oldDirs_.col(k).dot(d_) * ro_[k];
        addScaled(d_, al_[i] - be, oldSteps_.col(k));
    }
}

void Lbfgs::step(GradientOracle& oracle, Vector& x)
{
    ++iterations_;
    update_.setZero();
    const double loss = oracle.valueAndGradient(x, gradient_);
    ++funcEvals_;
    if (gradient_.cwiseAbs().maxCoeff() <= toleranceGrad_)
        return; // optimal as far as the tolerance can tell: torch returns before any update

    ++nIter_;
    if (nIter_ == 1) {
        d_ = -gradient_;
        historyStart_ = 0;
        historyCount_ = 0;
        hDiag_ = 1.0;
    } else {
        y_ = gradient_ - prevGradient_;
        s_ = d_ * t_;
        const double ys = y_.dot(s_);
        if (ys > minCurvature) {
            remember(ys);
            hDiag_ = ys / y_.dot(y_);
        }
        twoLoopDirection();
    }
    prevGradient_ = gradient_;
    prevLoss_ = loss;

    FirstStep initial {lr_, false};
    if (nIter_ == 1)
        initial = firstStepLength(gradient_, lr_);
    t_ = moveAlongDirection(oracle, x, d_, loss, gradient_, initial, lineSearch_, toleranceChange_,
        wolfe_, funcEvals_, update_);
}

void Lbfgs::inspectState(OptimizerState& state) const
{
    state.vectors.emplace_back("direction", d_);
    state.scalars.emplace_back("t", t_);
    state.scalars.emplace_back("H_diag", hDiag_);
    state.scalars.emplace_back("history", static_cast<double>(historyCount_));
    state.scalars.emplace_back("n_iter", static_cast<double>(nIter_));
    state.scalars.emplace_back("func_evals", static_cast<double>(funcEvals_));
}

} // namespace optviz
