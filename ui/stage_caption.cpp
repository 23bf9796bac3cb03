#include "stage_caption.h"

namespace optviz {

namespace {

bool isMomentum(const StepStage& stage)
{
    return stage.symbol == "b";
}

bool oneOf(const StepAnatomy& anatomy, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        if (anatomy.optimizer == name)
            return true;
    return false;
}

bool isSgdFamily(const StepAnatomy& anatomy)
{
    return oneOf(anatomy, {"sgd", "gd", "momentum", "nesterov"});
}

} // namespace

QString StageCaption::number(double value)
{
    QString text = QString::number(value, 'g', 4);
    if (text.startsWith('-'))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QString StageCaption::vector(const Vector& value)
{
    QStringList parts;
    for (Eigen::Index i = 0; i < value.size(); ++i)
        parts << number(value[i]);
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString StageCaption::title(const StepAnatomy& anatomy, int index)
{
    const StepStage& stage = anatomy.stages.at(std::size_t(index));
    switch (stage.kind) {
    case StageKind::Gradient:
        return tr("The gradient");
    case StageKind::DecoupledDecay:
        return tr("Decoupled weight decay");
    case StageKind::DecayedMomentum:
        return isMomentum(stage) ? tr("The velocity decays") : tr("The first moment decays");
    case StageKind::AddGradient:
        return isMomentum(stage) ? tr("The new gradient joins the velocity")
                                 : tr("The new gradient joins the first moment");
    case StageKind::LookAhead:
        return tr("Nesterov look-ahead");
    case StageKind::SecondMoment:
        return tr("Per-coordinate size of the gradient");
    case StageKind::BiasCorrection:
        return tr("Bias correction");
    case StageKind::Scaling:
        return tr("Per-coordinate scaling");
    case StageKind::Mix:
        return tr("Quasi-hyperbolic mix");
    case StageKind::SignSteps:
        return tr("Step sizes from the signs");
    case StageKind::Curvature:
        return tr("Curvature");
    case StageKind::Direction:
        return anatomy.optimizer == "newton" ? tr("Newton direction")
                                             : tr("Quasi-Newton direction");
    case StageKind::LineSearch:
        return tr("Step length along the direction");
    case StageKind::Move:
        return tr("The move");
    }
    return {};
}

QString StageCaption::arrowLabel(const StepAnatomy& anatomy, int index)
{
    const StepStage& stage = anatomy.stages.at(std::size_t(index));
    if (stage.from == stage.to)
        return {};
    switch (stage.kind) {
    case StageKind::Gradient:
        return stage.scalar("sign_only") != 0.0 ? tr("−sign(g)·s") : tr("−lr·g");
    case StageKind::DecoupledDecay:
        return tr("−lr·λ·θ");
    case StageKind::DecayedMomentum:
        return isMomentum(stage) ? tr("−lr·β·b") : tr("−lr·β₁·m");
    case StageKind::AddGradient:
        return isMomentum(stage) ? tr("−lr·b") : tr("−lr·m");
    case StageKind::LookAhead:
        return anatomy.optimizer == "nadam" ? tr("+ μ·m̂ part") : tr("−lr·(g + β·b)");
    case StageKind::SecondMoment:
    case StageKind::Curvature:
        return {};
    case StageKind::BiasCorrection:
        return tr("−lr·m̂");
    case StageKind::Scaling:
        return tr("scaled");
    case StageKind::Mix:
        return tr("mix");
    case StageKind::SignSteps:
        return tr("−sign(g)·s");
    case StageKind::Direction:
        return tr("d");
    case StageKind::LineSearch:
        return tr("t·d");
    case StageKind::Move:
        return tr("Δθ");
    }
    return {};
}

QString StageCaption::text(const StepAnatomy& anatomy, int index)
{
    const StepStage& stage = anatomy.stages.at(std::size_t(index));
    const QString value = vector(stage.value);
    const auto s = [&](const char* name) { return number(stage.scalar(name)); };
    switch (stage.kind) {
    case StageKind::Gradient: {
        QString text;
        if (stage.scalar("weight_decay") != 0.0)
            text = tr("g = ∇f(θ) + weight_decay·θ = %1 (weight_decay = %2).")
                       .arg(value, s("weight_decay"));
        else
            text = tr("g = ∇f(θ) = %1 at θ = %2.").arg(value, vector(anatomy.start));
        if (stage.scalar("sign_only") != 0.0)
            return text + QLatin1Char(' ')
                + tr("Rprop ignores its size: only the sign of each coordinate counts.");
        if (stage.scalar("direction_only") != 0.0)
            return text + QLatin1Char(' ')
                + tr("−g is the steepest way down (drawn as long as the move); the curvature "
                     "will turn and stretch it.");
        return text + QLatin1Char(' ')
            + tr("Alone it would move θ by −lr·g = %1 (lr = %2).")
                  .arg(vector(-stage.scalar("lr") * stage.value), s("lr"));
    }
    case StageKind::DecoupledDecay:
        return tr("AdamW first shrinks θ toward 0, apart from the gradient: −lr·weight_decay·θ = "
                  "%1 (lr = %2, weight_decay = %3).")
            .arg(value, s("lr"), s("weight_decay"));
    case StageKind::DecayedMomentum:
        if (isMomentum(stage))
            return tr("The velocity b kept from the last step shrinks: momentum·b = %1 "
                      "(momentum = %2).")
                .arg(value, s("beta"));
        return tr("The running mean of gradients m shrinks: β₁·m = %1 (β₁ = %2).")
            .arg(value, s("beta"));
    case StageKind::AddGradient:
        if (isMomentum(stage)) {
            if (stage.scalar("first") != 0.0)
                return tr("First step: the velocity starts as the gradient itself, b = g = %1.")
                    .arg(value);
            if (anatomy.optimizer == "rmsprop")
                return tr("The scaled gradient joins it: b ← momentum·b + g/(√v + ε) = %1.")
                    .arg(value);
            if (anatomy.optimizer == "qhm")
                return tr("b ← β·b + (1 − β)·g = %1 (β = %2).").arg(value, s("beta"));
            return tr("b ← momentum·b + (1 − dampening)·g = %1 (dampening = %2).")
                .arg(value, s("dampening"));
        }
        return tr("m ← β₁·m + (1 − β₁)·g = %1 (β₁ = %2): a running mean of gradients.")
            .arg(value, s("beta"));
    case StageKind::LookAhead:
        if (anatomy.optimizer == "nadam")
            return tr("Nesterov momentum: the momentum part is weighted with next step's "
                      "μₜ₊₁ = %1, as if looking one step ahead: %2.")
                .arg(s("mu_next"), value);
        return tr("Nesterov looks ahead: the step follows g + momentum·b = %1, the gradient "
                  "plus where the velocity is about to carry θ.")
            .arg(value);
    case StageKind::SecondMoment:
        if (anatomy.optimizer == "adagrad")
            return tr("Adagrad adds up squared gradients, per coordinate: s ← s + g² = %1. "
                      "Coordinates that were steep get ever smaller steps.")
                .arg(value);
        if (anatomy.optimizer == "adamax")
            return tr("The largest recent gradient per coordinate: u ← max(β₂·u, |g| + ε) = %1 "
                      "(β₂ = %2).")
                .arg(value, s("beta"));
        if (anatomy.optimizer == "rmsprop")
            return tr("A running mean of squared gradients, per coordinate: v ← α·v + (1 − α)·g² "
                      "= %1 (α = %2)%3.")
                .arg(value, s("beta"),
                    stage.scalar("centered") != 0.0
                        ? tr("; centered: the squared running mean a² of g is subtracted")
                        : QString());
        if (anatomy.optimizer == "adadelta")
            return tr("A running mean of squared gradients, per coordinate: v ← ρ·v + (1 − ρ)·g² "
                      "= %1 (ρ = %2).")
                .arg(value, s("beta"));
        if (stage.scalar("amsgrad") != 0.0)
            return tr("v ← β₂·v + (1 − β₂)·g², and AMSGrad keeps the largest v seen: %1 "
                      "(β₂ = %2).")
                .arg(value, s("beta"));
        return tr("A running mean of squared gradients, per coordinate: v ← β₂·v + (1 − β₂)·g² "
                  "= %1 (β₂ = %2).")
            .arg(value, s("beta"));
    case StageKind::BiasCorrection:
        return tr("m and v started at 0, so early on they are too small: divided by "
                  "1 − β₁ᵗ = %1 at step t = %3, m becomes %2.")
            .arg(s("correction"), value, s("t"));
    case StageKind::Scaling:
        if (anatomy.optimizer == "adagrad")
            return tr("Each coordinate is divided by its own √s + ε: Δθ = −lr·g / (√s + ε) = %1 "
                      "(lr = %2).")
                .arg(value, s("lr"));
        if (anatomy.optimizer == "rmsprop")
            return tr("Each coordinate is divided by its own root mean square: g / (√v + ε) = "
                      "%1. Steep and flat directions get steps of similar size.")
                .arg(value);
        if (anatomy.optimizer == "adadelta")
            return tr("Steps in units of past steps: Δ = √(u + ε) / √(v + ε) · g = %1, u the "
                      "running mean of squared past steps.")
                .arg(value);
        if (anatomy.optimizer == "adamax")
            return tr("Each coordinate is divided by its u: −lr/(1 − β₁ᵗ)·m / u = %1.").arg(value);
        if (anatomy.optimizer == "nadam")
            return tr("The gradient part, scaled per coordinate: −lr·(1 − μₜ)/(1 − Πₜ)·g / "
                      "(√(v / (1 − β₂ᵗ)) + ε) = %1 (μₜ = %2).")
                .arg(value, s("mu"));
        if (anatomy.optimizer == "radam")
            return stage.scalar("rectified") != 0.0
                ? tr("ρₜ = %1 > 5: the variance estimate is trusted, so each coordinate is "
                     "divided by √v + ε, times √(1 − β₂ᵗ) and the rectifier r = %2: %3.")
                      .arg(s("rho"), s("rect"), value)
                : tr("ρₜ = %1 ≤ 5: too few steps to trust v, so no per-coordinate scaling yet: "
                     "−lr·m / (1 − β₁ᵗ) = %2.")
                      .arg(s("rho"), value);
        if (anatomy.optimizer == "qhadam")
            return tr("Each coordinate is divided by √((1 − ν₂)·g² + ν₂·v / (1 − β₂ᵗ)) + ε "
                      "(ν₂ = %1): %2.")
                .arg(s("nu2"), value);
        return tr("Each coordinate is divided by the root of its own v (bias-corrected) plus ε, "
                  "so steep and flat directions get steps of similar size: %1.")
            .arg(value);
    case StageKind::Mix:
        return tr("A mix of the plain gradient and the momentum: (1 − ν)·g + ν·%1 = %2 "
                  "(ν = %3).")
            .arg(anatomy.optimizer == "qhadam" ? QStringLiteral("m / (1 − β₁ᵗ)")
                                               : QStringLiteral("b"),
                value, s("nu"));
    case StageKind::SignSteps:
        return tr("Each step size grows ×%1 where g kept its sign, shrinks ×%2 where it flipped "
                  "(no move there), within [%3, %4]: s = %5. θ moves by −sign(g)·s.")
            .arg(s("etaplus"), s("etaminus"), s("step_min"), s("step_max"), value);
    case StageKind::Curvature:
        return tr("The Hessian's eigenvalues λ = %1: the curvature along its eigenvectors. "
                  "Negative ones are taken as |λ|, so the step goes downhill even at a saddle.")
            .arg(value);
    case StageKind::Direction:
        if (anatomy.optimizer == "newton")
            return tr("d = −|H|⁻¹·g = %1: long along flat directions, short along curved ones. "
                      "lr = 1 would land on the minimum of a quadratic.")
                .arg(value);
        if (stage.scalar("first") != 0.0)
            return tr("First step: no curvature known yet, so d = −g = %1.").arg(value);
        return tr("d = −H·g = %1, H the inverse-Hessian estimate built from past steps and "
                  "gradient changes.")
            .arg(value);
    case StageKind::LineSearch:
        if (stage.scalar("line_search") != 0.0)
            return tr("A strong-Wolfe line search picks t = %1 along d: enough decrease, and "
                      "a slope that has flattened.")
                .arg(s("t"));
        return tr("No line search: a fixed step length t = %1 along d.").arg(s("t"));
    case StageKind::Move: {
        if (stage.scalar("converged") != 0.0)
            return tr("The gradient is below tolerance_grad = %1: converged, no move.")
                .arg(s("tolerance_grad"));
        if (stage.scalar("stalled") != 0.0)
            return tr("d is no descent direction worth following (gᵀd > −tolerance_change): "
                      "no move.");
        QString text = tr("θ ← θ + Δθ, Δθ = %1. New θ = %2; loss %3 → %4.")
                           .arg(value, vector(stage.to), number(anatomy.lossBefore),
                               number(anatomy.lossAfter));
        if (isSgdFamily(anatomy) && anatomy.stages.size() == 2)
            text += QLatin1Char(' ') + tr("Plain gradient descent: the move is −lr·g itself.");
        return text;
    }
    }
    return {};
}

} // namespace optviz
