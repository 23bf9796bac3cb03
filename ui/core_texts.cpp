// Every text of the core that the window shows (ParameterSpec meanings, optimizer and
// schedule summaries, data set, activation and loss definitions, the surfaces' prose
// definitions), for lupdate: the core has no Qt, so its texts are translated where the
// window shows them, with coreText() (context "Core"). tst_translation fails when a
// catalogue text is missing here or in the Chinese catalogue; add it to both.

#include <QtGlobal>

namespace {

[[maybe_unused]] const char* const coreTexts[] = {
    QT_TRANSLATE_NOOP("Core", "stochastic gradient descent, optional (Nesterov) momentum"),
    QT_TRANSLATE_NOOP("Core", "learning rate: how far each step moves"),
    QT_TRANSLATE_NOOP("Core", "fraction of the previous velocity kept each step"),
    QT_TRANSLATE_NOOP("Core", "fraction of the new gradient left out of the velocity"),
    QT_TRANSLATE_NOOP(
        "Core", "look ahead: step along the gradient plus momentum times the velocity"),
    QT_TRANSLATE_NOOP("Core", "L2 penalty: adds weight_decay·θ to the gradient"),
    QT_TRANSLATE_NOOP("Core", "plain gradient descent: θ ← θ − lr·∇f"),
    QT_TRANSLATE_NOOP("Core", "heavy-ball momentum: a velocity that remembers past gradients"),
    QT_TRANSLATE_NOOP("Core", "Nesterov momentum: the gradient taken a step ahead"),
    QT_TRANSLATE_NOOP("Core", "per-coordinate steps shrinking with the sum of squared gradients"),
    QT_TRANSLATE_NOOP("Core", "learning-rate decay: lr / (1 + (t − 1)·lr_decay)"),
    QT_TRANSLATE_NOOP("Core", "starting value of the sum of squared gradients"),
    QT_TRANSLATE_NOOP("Core", "added to the denominator so it never divides by zero"),
    QT_TRANSLATE_NOOP("Core", "per-coordinate steps scaled by a running RMS of gradients"),
    QT_TRANSLATE_NOOP("Core", "decay of the running mean of squared gradients"),
    QT_TRANSLATE_NOOP("Core", "momentum applied to the scaled step"),
    QT_TRANSLATE_NOOP(
        "Core", "divide by the variance of the gradient instead of its raw second moment"),
    QT_TRANSLATE_NOOP("Core", "steps in units of past steps: no learning rate to tune"),
    QT_TRANSLATE_NOOP("Core", "decay of the running means of squared gradients and squared steps"),
    QT_TRANSLATE_NOOP("Core", "momentum plus RMS scaling, with bias correction"),
    QT_TRANSLATE_NOOP("Core", "decay of the running mean of gradients (1st moment)"),
    QT_TRANSLATE_NOOP("Core", "decay of the running mean of squared gradients (2nd moment)"),
    QT_TRANSLATE_NOOP("Core", "use the maximum of past second moments (AMSGrad)"),
    QT_TRANSLATE_NOOP("Core", "divide the moments by 1 − βᵗ so early steps are not too small"),
    QT_TRANSLATE_NOOP("Core", "Adam with decoupled weight decay"),
    QT_TRANSLATE_NOOP("Core", "decoupled weight decay: θ shrinks by lr·weight_decay·θ each step"),
    QT_TRANSLATE_NOOP("Core", "Adam with the infinity norm in place of the RMS"),
    QT_TRANSLATE_NOOP("Core", "Adam with Nesterov momentum"),
    QT_TRANSLATE_NOOP("Core", "ψ in the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ))"),
    QT_TRANSLATE_NOOP("Core", "Adam whose adaptive step is rectified while its variance is large"),
    QT_TRANSLATE_NOOP("Core", "sign-based steps that grow while the sign holds"),
    QT_TRANSLATE_NOOP("Core", "initial step size of every coordinate"),
    QT_TRANSLATE_NOOP("Core", "step-size factor when the gradient's sign flips"),
    QT_TRANSLATE_NOOP("Core", "step-size factor while the gradient's sign holds"),
    QT_TRANSLATE_NOOP("Core", "smallest step size"),
    QT_TRANSLATE_NOOP("Core", "largest step size"),
    QT_TRANSLATE_NOOP("Core", "quasi-hyperbolic momentum: a mix of SGD and momentum"),
    QT_TRANSLATE_NOOP("Core", "decay of the momentum buffer (β)"),
    QT_TRANSLATE_NOOP(
        "Core", "weight of momentum against the plain gradient (0: SGD, 1: momentum)"),
    QT_TRANSLATE_NOOP("Core", "quasi-hyperbolic Adam"),
    QT_TRANSLATE_NOOP("Core", "weight of the first moment against the plain gradient"),
    QT_TRANSLATE_NOOP("Core", "weight of the second moment against the squared gradient"),
    QT_TRANSLATE_NOOP(
        "Core", "saddle-free Newton: x − lr·|H|⁻¹g, downhill even where H is indefinite"),
    QT_TRANSLATE_NOOP(
        "Core", "learning rate: the fraction of the Newton step taken (1 = full step)"),
    QT_TRANSLATE_NOOP(
        "Core", "quasi-Newton: a dense inverse-Hessian estimate, strong-Wolfe line search"),
    QT_TRANSLATE_NOOP(
        "Core", "step length tried first along the direction (the fixed step without line search)"),
    QT_TRANSLATE_NOOP(
        "Core", "choose each step length by a strong-Wolfe line search (off: the fixed step lr)"),
    QT_TRANSLATE_NOOP("Core", "no move once the largest gradient component is at most this"),
    QT_TRANSLATE_NOOP("Core",
        "no move once the slope along the direction is above −this; the line search's finest "
        "bracket"),
    QT_TRANSLATE_NOOP(
        "Core", "limited-memory BFGS with a strong-Wolfe line search, as torch.optim.LBFGS"),
    QT_TRANSLATE_NOOP(
        "Core", "how many recent steps and gradient changes shape the curvature estimate"),
    QT_TRANSLATE_NOOP("Core", "lr every step (no schedule)"),
    QT_TRANSLATE_NOOP(
        "Core", "lr·gamma^floor(k/step_size): drops by gamma every step_size steps (StepLR)"),
    QT_TRANSLATE_NOOP("Core", "steps between two drops"),
    QT_TRANSLATE_NOOP("Core", "factor of each drop"),
    QT_TRANSLATE_NOOP("Core", "steps of linear warm-up before the schedule starts (0: none)"),
    QT_TRANSLATE_NOOP("Core", "the warm-up's first lr as a fraction of lr"),
    QT_TRANSLATE_NOOP("Core", "lr·gamma^k: shrinks by gamma every step (ExponentialLR)"),
    QT_TRANSLATE_NOOP("Core", "factor applied every step"),
    QT_TRANSLATE_NOOP("Core",
        "eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2: half a cosine from lr to eta_min "
        "(CosineAnnealingLR)"),
    QT_TRANSLATE_NOOP("Core", "steps from lr down to eta_min (after that it rises again)"),
    QT_TRANSLATE_NOOP("Core", "the smallest learning rate, reached at step T_max"),
    QT_TRANSLATE_NOOP("Core",
        "lr·(start_factor + (1 − start_factor)·k/warmup) for k < warmup, then lr (LinearLR)"),
    QT_TRANSLATE_NOOP("Core", "steps of linear warm-up from start_factor·lr to lr"),
    QT_TRANSLATE_NOOP("Core", "position of the minimum (a, a²)"),
    QT_TRANSLATE_NOOP("Core", "steepness of the valley walls"),
    QT_TRANSLATE_NOOP("Core", "curvature along the rotated u axis"),
    QT_TRANSLATE_NOOP("Core", "curvature along the rotated v axis"),
    QT_TRANSLATE_NOOP("Core", "rotation of the bowl's axes, in degrees"),
    QT_TRANSLATE_NOOP("Core", "x of the minimum"),
    QT_TRANSLATE_NOOP("Core", "y of the minimum"),
    QT_TRANSLATE_NOOP("Core", "upward curvature along x"),
    QT_TRANSLATE_NOOP("Core", "downward curvature along y"),
    QT_TRANSLATE_NOOP("Core",
        "mean squared error of the line ŷ = w·t + b on seeded data y = slope·t + intercept + "
        "noise·N(0, 1), t ∈ [−1, 1]; x is w, y is b"),
    QT_TRANSLATE_NOOP("Core", "number of data points"),
    QT_TRANSLATE_NOOP("Core", "slope of the true line"),
    QT_TRANSLATE_NOOP("Core", "intercept of the true line"),
    QT_TRANSLATE_NOOP("Core", "standard deviation of the noise on y"),
    QT_TRANSLATE_NOOP("Core", "seed of the data set"),
    QT_TRANSLATE_NOOP("Core",
        "mean squared error of the network ŷ = w₂·tanh(w₁·t) on seeded data y = 2 tanh(1.5 t) + "
        "noise·N(0, 1), t ∈ [−2, 2]; x is w₁, y is w₂"),
    QT_TRANSLATE_NOOP("Core", "amplitude of the cosine ripples (0: a plain bowl)"),
    QT_TRANSLATE_NOOP("Core", "depth of the central funnel"),
    QT_TRANSLATE_NOOP("Core", "how fast the funnel flattens out"),
    QT_TRANSLATE_NOOP("Core", "angular frequency of the ripples"),
    QT_TRANSLATE_NOOP("Core",
        "two interleaved half circles (sklearn's make_moons, centred): (cos s - 0.5, sin s - 0.25) "
        "and (0.5 - cos s, 0.25 - sin s), s in [0, pi]"),
    QT_TRANSLATE_NOOP("Core", "number of samples, training and test together"),
    QT_TRANSLATE_NOOP("Core", "standard deviation of the Gaussian noise"),
    QT_TRANSLATE_NOOP("Core", "fraction of the samples held out as the test set"),
    QT_TRANSLATE_NOOP("Core", "seed of the samples and of the split"),
    QT_TRANSLATE_NOOP(
        "Core", "two concentric circles, class 0 of radius 1 and class 1 of radius 0.5"),
    QT_TRANSLATE_NOOP("Core", "uniform in [-1, 1]^2, class 1 in the quadrants where x*y < 0"),
    QT_TRANSLATE_NOOP("Core",
        "interleaved spiral arms, one per class c of k: radius t, angle 2 pi (c/k + 1.5 t), t in "
        "[0, 1]"),
    QT_TRANSLATE_NOOP("Core", "number of classes"),
    QT_TRANSLATE_NOOP(
        "Core", "Gaussian blobs of std noise around k points evenly on the unit circle"),
    QT_TRANSLATE_NOOP(
        "Core", "y = 3t + 2 + noise, t uniform in [-1, 1] (the data of the linreg surface)"),
    QT_TRANSLATE_NOOP("Core", "y = sin(pi t) + noise, t uniform in [-1, 1]"),
    QT_TRANSLATE_NOOP("Core", "tanh z (Xavier initialisation)"),
    QT_TRANSLATE_NOOP("Core", "max(0, z) (He initialisation)"),
    QT_TRANSLATE_NOOP("Core", "max(0.01 z, z) (He initialisation)"),
    QT_TRANSLATE_NOOP("Core", "1 / (1 + e^-z) (Xavier initialisation)"),
    QT_TRANSLATE_NOOP("Core", "z (no hidden non-linearity: the network stays linear)"),
    QT_TRANSLATE_NOOP("Core", "mean squared error, mean of (z - y)^2 over outputs and samples"),
    QT_TRANSLATE_NOOP("Core",
        "binary cross-entropy with logits, one sigmoid output per class (one output for two "
        "classes)"),
    QT_TRANSLATE_NOOP("Core", "softmax cross-entropy, one output (logit) per class"),
    // The typed formula's surface, defined in words.
    QT_TRANSLATE_NOOP("Core",
        "a formula in x and y typed with --expr: + - * / ^ ( ), numbers, pi, e, sin cos tan exp "
        "log sqrt abs tanh sinh cosh atan; in the window, first sin(x)*cos(y) + 0.1*(x^2 + y^2)"),
    // The formula of the rotated bowl, whose words are translated.
    QT_TRANSLATE_NOOP(
        "Core", "½ (a u² + b v²), (u, v) = (x − cx, y − cy) rotated by −angle degrees"),
    // ParameterSpec::rangeText() of a count.
    QT_TRANSLATE_NOOP("Core", "integer in %1"),
    // The window's own ParameterSpecs (ui/surface_panel.cpp: the stochastic gradient).
    QT_TRANSLATE_NOOP("Core",
        "standard deviation σ of Gaussian noise added to every gradient component, the same for "
        "every optimizer (0 = exact gradients)"),
    QT_TRANSLATE_NOOP("Core",
        "a gradient longer than this is scaled down to this length before the optimizer sees it (0 "
        "= no clipping)"),
    QT_TRANSLATE_NOOP("Core",
        "seed of the gradient noise and of the mini-batch shuffles: the same seed gives the same "
        "run"),
    QT_TRANSLATE_NOOP("Core",
        "data points per gradient step on the data surfaces (linreg, tinynet), drawn without "
        "replacement each epoch; 0 = all of them (full batch)"),
};

} // namespace
