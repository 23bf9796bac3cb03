#include "step_anatomy.h"

#include "optimizers/strong_wolfe.h"

#include <algorithm>
#include <cmath>

namespace optviz {

double StepStage::scalar(std::string_view name, double fallback) const
{
    for (const auto& [key, number] : scalars)
        if (key == name)
            return number;
    return fallback;
}

namespace {

using Scalars = std::vector<std::pair<std::string, double>>;

// Builds the stages of one step. The formulas below restate the optimizers' rules (in
// core/optimizers/*) in the same order of operations; tst_step_anatomy checks that the
// Move stage lands where the optimizer itself lands, for every optimizer.
class AnatomyBuilder
{
public:
    AnatomyBuilder(StepAnatomy& anatomy)
        : a_(anatomy)
        , x0_(anatomy.start)
        , n_(anatomy.start.size())
        , lr_(anatomy.lr)
        , t_(static_cast<double>(anatomy.step))
    {
    }

    void build(std::string_view family);

private:
    double param(const char* name) const
    {
        const auto it = a_.parameters.find(name);
        return it == a_.parameters.end() ? 0.0 : it->second;
    }
    Vector before(const char* name, double fill = 0.0) const
    {
        const Vector* v = a_.before.vector(name);
        return v ? *v : Vector::Constant(n_, fill);
    }
    // x0 + scale·v
    Vector at(const Vector& v, double scale) const { return x0_ + scale * v; }
    void add(StageKind kind, std::string symbol, const Vector& from, const Vector& to,
        const Vector& value, Scalars scalars = {})
    {
        a_.stages.push_back({kind, std::move(symbol), from, to, value, std::move(scalars)});
    }
    // A per-coordinate quantity with no arrow of its own.
    void quantity(StageKind kind, std::string symbol, const Vector& value, Scalars scalars = {})
    {
        add(kind, std::move(symbol), x0_, x0_, value, std::move(scalars));
    }
    // g with torch's coupled weight decay: ∇f(θ) + weight_decay·θ.
    Vector decayedGradient(double weightDecay) const
    {
        Vector g = a_.gradient;
        if (weightDecay != 0.0)
            for (Eigen::Index i = 0; i < n_; ++i)
                g[i] += weightDecay * x0_[i];
        return g;
    }
    void gradientStage(const Vector& g, double weightDecay)
    {
        add(StageKind::Gradient, "g", x0_, at(g, -lr_), g,
            {{"lr", lr_}, {"weight_decay", weightDecay}});
    }
    // The kept moment decays (skipped while it is still zero: nothing to draw), then the
    // new gradient joins it; both drawn as moves of −scale·moment, tip to tail.
    void momentStages(const std::string& symbol, const Vector& old, const Vector& updated,
        double beta, double scale, Scalars extra = {})
    {
        Vector tail = x0_;
        if (!old.isZero(0.0)) {
            tail = at(beta * old, -scale);
            add(StageKind::DecayedMomentum, symbol, x0_, tail, beta * old,
                {{"beta", beta}, {"lr", scale}});
        }
        extra.emplace_back("beta", beta);
        extra.emplace_back("lr", scale);
        add(StageKind::AddGradient, symbol, tail, at(updated, -scale), updated, std::move(extra));
    }
    void move(const Vector& update, Scalars scalars = {})
    {
        Vector end = x0_;
        for (Eigen::Index i = 0; i < n_; ++i)
            end[i] += update[i];
        add(StageKind::Move, "Δθ", x0_, end, update, std::move(scalars));
    }

    // For the curvature methods lr is no gradient step size: the gradient stage shows −g
    // as a direction only, as long as the move (or the direction d, without a move).
    void gradientAsDirection()
    {
        double length = (a_.stages.back().to - x0_).norm();
        for (const StepStage& stage : a_.stages)
            if (stage.kind == StageKind::Direction && !(length > 0.0))
                length = (stage.to - x0_).norm();
        StepStage& gradient = a_.stages.front();
        const double norm = a_.gradient.norm();
        if (norm > 0.0 && length > 0.0 && std::isfinite(length))
            gradient.to = x0_ - (length / norm) * a_.gradient;
        gradient.scalars.emplace_back("direction_only", 1.0);
    }

    void sgd();
    void adagrad();
    void rmsprop();
    void adadelta();
    void adam(bool decoupled);
    void adamax();
    void nadam();
    void radam();
    void rprop();
    void qhm();
    void qhadam();
    void newton();
    void lineSearchMethod();

    StepAnatomy& a_;
    const Vector& x0_;
    Eigen::Index n_;
    double lr_;
    double t_; // the step number, 1-based, as a double
};

void AnatomyBuilder::build(std::string_view family)
{
    if (family == "sgd")
        sgd();
    else if (family == "adagrad")
        adagrad();
    else if (family == "rmsprop")
        rmsprop();
    else if (family == "adadelta")
        adadelta();
    else if (family == "adam" || family == "adamw")
        adam(family == "adamw");
    else if (family == "adamax")
        adamax();
    else if (family == "nadam")
        nadam();
    else if (family == "radam")
        radam();
    else if (family == "rprop")
        rprop();
    else if (family == "qhm")
        qhm();
    else if (family == "qhadam")
        qhadam();
    else if (family == "newton")
        newton();
    else if (family == "bfgs" || family == "lbfgs")
        lineSearchMethod();
    else
        throw InvalidArgument("step anatomy: no stages known for optimizer '" + std::string(family)
            + "'"); // a catalogue entry without stages: a programming error caught by the tests
}

void AnatomyBuilder::sgd()
{
    const double momentum = param("momentum"), dampening = param("dampening");
    const double weightDecay = param("weight_decay");
    const bool nesterov = param("nesterov") != 0.0;
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    Vector direction = g;
    if (momentum != 0.0) {
        const bool first = a_.step == 1;
        const Vector old = first ? Vector::Zero(n_) : before("momentum_buffer");
        Vector buffer(n_);
        for (Eigen::Index i = 0; i < n_; ++i)
            buffer[i] = first ? g[i] : momentum * old[i] + (1.0 - dampening) * g[i];
        momentStages("b", old, buffer, momentum, lr_,
            {{"dampening", dampening}, {"first", first ? 1.0 : 0.0}});
        if (nesterov) {
            for (Eigen::Index i = 0; i < n_; ++i)
                direction[i] = g[i] + momentum * buffer[i];
            add(StageKind::LookAhead, "d", at(g, -lr_), at(direction, -lr_), direction,
                {{"beta", momentum}, {"lr", lr_}});
        } else {
            direction = buffer;
        }
    }
    Vector update(n_);
    for (Eigen::Index i = 0; i < n_; ++i)
        update[i] = -lr_ * direction[i];
    move(update);
}

void AnatomyBuilder::adagrad()
{
    const double weightDecay = param("weight_decay"), lrDecay = param("lr_decay");
    const double eps = param("eps");
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const double clr = lr_ / (1.0 + (t_ - 1.0) * lrDecay);
    const Vector sum = (before("sum").array() + g.array().square()).matrix();
    quantity(StageKind::SecondMoment, "s", sum, {{"lr_decay", lrDecay}, {"clr", clr}});
    const Vector update = (-clr * g.array() / (sum.array().sqrt() + eps)).matrix();
    add(StageKind::Scaling, "s", x0_, at(update, 1.0), update, {{"lr", clr}, {"eps", eps}});
    move(update);
}

void AnatomyBuilder::rmsprop()
{
    const double alpha = param("alpha"), eps = param("eps"), momentum = param("momentum");
    const double weightDecay = param("weight_decay");
    const bool centered = param("centered") != 0.0;
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const Vector v
        = (alpha * before("square_avg").array() + (1.0 - alpha) * g.array().square()).matrix();
    Vector denominator(n_);
    if (centered) {
        const Vector mean
            = (alpha * before("grad_avg").array() + (1.0 - alpha) * g.array()).matrix();
        denominator = ((v.array() - mean.array().square()).sqrt() + eps).matrix();
    } else {
        denominator = (v.array().sqrt() + eps).matrix();
    }
    quantity(StageKind::SecondMoment, "v", v,
        {{"beta", alpha}, {"centered", centered ? 1.0 : 0.0}, {"eps", eps}});
    const Vector scaled = (g.array() / denominator.array()).matrix();
    add(StageKind::Scaling, "v", x0_, at(scaled, -lr_), scaled, {{"lr", lr_}, {"eps", eps}});
    if (momentum > 0.0) {
        const Vector old = before("momentum_buffer");
        const Vector buffer = (momentum * old.array() + scaled.array()).matrix();
        momentStages("b", old, buffer, momentum, lr_);
        move(-lr_ * buffer);
    } else {
        move((-lr_ * g.array() / denominator.array()).matrix());
    }
}

void AnatomyBuilder::adadelta()
{
    const double rho = param("rho"), eps = param("eps"), weightDecay = param("weight_decay");
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const Vector v
        = (rho * before("square_avg").array() + (1.0 - rho) * g.array().square()).matrix();
    quantity(StageKind::SecondMoment, "v", v, {{"beta", rho}});
    const Vector delta
        = ((before("acc_delta").array() + eps).sqrt() / (v.array() + eps).sqrt() * g.array())
              .matrix();
    add(StageKind::Scaling, "u", x0_, at(delta, -lr_), delta, {{"lr", lr_}, {"eps", eps}});
    move(delta * -lr_);
}

void AnatomyBuilder::adam(bool decoupled)
{
    const double beta1 = param("beta1"), beta2 = param("beta2"), eps = param("eps");
    const double weightDecay = param("weight_decay");
    const bool amsgrad = param("amsgrad") != 0.0, biasCorrection = param("bias_correction") != 0.0;
    const double correction1 = 1.0 - std::pow(beta1, t_), correction2 = 1.0 - std::pow(beta2, t_);
    const double stepSize = biasCorrection ? lr_ / correction1 : lr_;
    const double correction2Sqrt = biasCorrection ? std::sqrt(correction2) : 1.0;
    const Vector g = decayedGradient(decoupled ? 0.0 : weightDecay);
    gradientStage(g, decoupled ? 0.0 : weightDecay);
    Vector decay = Vector::Zero(n_);
    if (decoupled && weightDecay != 0.0) {
        decay = -(lr_ * weightDecay) * x0_;
        add(StageKind::DecoupledDecay, "θ", x0_, at(decay, 1.0), decay,
            {{"lr", lr_}, {"weight_decay", weightDecay}});
    }
    const Vector m = (beta1 * before("exp_avg").array() + (1.0 - beta1) * g.array()).matrix();
    momentStages("m", before("exp_avg"), m, beta1, lr_);
    Vector v = (beta2 * before("exp_avg_sq").array() + (1.0 - beta2) * g.array().square()).matrix();
    if (amsgrad)
        v = v.cwiseMax(before("max_exp_avg_sq"));
    quantity(StageKind::SecondMoment, "v", v, {{"beta", beta2}, {"amsgrad", amsgrad ? 1.0 : 0.0}});
    if (biasCorrection)
        add(StageKind::BiasCorrection, "m", x0_, at(m, -stepSize), m / correction1,
            {{"correction", correction1}, {"correction2", correction2}, {"t", t_}});
    Vector adaptive(n_), update(n_);
    for (Eigen::Index i = 0; i < n_; ++i) {
        adaptive[i] = -stepSize * m[i] / (std::sqrt(v[i]) / correction2Sqrt + eps);
        update[i] = decay[i] + adaptive[i];
    }
    add(StageKind::Scaling, "v", x0_, at(adaptive, 1.0), adaptive,
        {{"lr", stepSize}, {"eps", eps}, {"correction2", biasCorrection ? correction2 : 1.0}});
    move(update);
}

void AnatomyBuilder::adamax()
{
    const double beta1 = param("beta1"), beta2 = param("beta2"), eps = param("eps");
    const double weightDecay = param("weight_decay");
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const Vector m = (beta1 * before("exp_avg").array() + (1.0 - beta1) * g.array()).matrix();
    momentStages("m", before("exp_avg"), m, beta1, lr_);
    const Vector u = (beta2 * before("exp_inf").array()).max(g.array().abs() + eps).matrix();
    quantity(StageKind::SecondMoment, "u", u, {{"beta", beta2}, {"eps", eps}});
    const double correction1 = 1.0 - std::pow(beta1, t_);
    const double clr = lr_ / correction1;
    add(StageKind::BiasCorrection, "m", x0_, at(m, -clr), m / correction1,
        {{"correction", correction1}, {"t", t_}});
    const Vector update = (-clr * m.array() / u.array()).matrix();
    add(StageKind::Scaling, "u", x0_, at(update, 1.0), update, {{"lr", clr}});
    move(update);
}

void AnatomyBuilder::nadam()
{
    const double beta1 = param("beta1"), beta2 = param("beta2"), eps = param("eps");
    const double weightDecay = param("weight_decay"), psi = param("momentum_decay");
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const Vector m = (beta1 * before("exp_avg").array() + (1.0 - beta1) * g.array()).matrix();
    momentStages("m", before("exp_avg"), m, beta1, lr_);
    const Vector v
        = (beta2 * before("exp_avg_sq").array() + (1.0 - beta2) * g.array().square()).matrix();
    quantity(StageKind::SecondMoment, "v", v, {{"beta", beta2}});
    const auto momentumAt = [&](double t) { return beta1 * (1.0 - 0.5 * std::pow(0.96, t * psi)); };
    const double mu = momentumAt(t_), muNext = momentumAt(t_ + 1.0);
    const double* productBefore = a_.before.scalar("mu_product");
    const double product = (productBefore ? *productBefore : 1.0) * mu;
    const double gradWeight = -lr_ * (1.0 - mu) / (1.0 - product);
    const double avgWeight = -lr_ * muNext / (1.0 - product * muNext);
    const double correction2 = 1.0 - std::pow(beta2, t_);
    const Vector denominator = ((v.array() / correction2).sqrt() + eps).matrix();
    const Vector gradPart = (gradWeight * g.array() / denominator.array()).matrix();
    Vector update = gradPart;
    update.array() += avgWeight * m.array() / denominator.array();
    add(StageKind::Scaling, "v", x0_, at(gradPart, 1.0), gradPart,
        {{"mu", mu}, {"mu_product", product}, {"weight", -gradWeight}, {"eps", eps}});
    add(StageKind::LookAhead, "m", at(gradPart, 1.0), at(update, 1.0), update - gradPart,
        {{"mu_next", muNext}, {"weight", -avgWeight}});
    move(update);
}

void AnatomyBuilder::radam()
{
    const double beta1 = param("beta1"), beta2 = param("beta2"), eps = param("eps");
    const double weightDecay = param("weight_decay");
    const Vector g = decayedGradient(weightDecay);
    gradientStage(g, weightDecay);
    const Vector m = (beta1 * before("exp_avg").array() + (1.0 - beta1) * g.array()).matrix();
    momentStages("m", before("exp_avg"), m, beta1, lr_);
    const Vector v
        = (beta2 * before("exp_avg_sq").array() + (1.0 - beta2) * g.array().square()).matrix();
    quantity(StageKind::SecondMoment, "v", v, {{"beta", beta2}});
    const double beta2Power = std::pow(beta2, t_);
    const double correction1 = 1.0 - std::pow(beta1, t_), correction2 = 1.0 - beta2Power;
    const Vector mHat = m / correction1;
    add(StageKind::BiasCorrection, "m", x0_, at(mHat, -lr_), mHat,
        {{"correction", correction1}, {"t", t_}});
    const double rhoInf = 2.0 / (1.0 - beta2) - 1.0;
    const double rho = rhoInf - 2.0 * t_ * beta2Power / correction2;
    Vector update(n_);
    double rect = 0.0;
    if (rho > 5.0) {
        rect = std::sqrt(
            (rho - 4.0) * (rho - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rho));
        const double scale = lr_ * rect * std::sqrt(correction2);
        update = (-(m.array() / correction1) * scale / (v.array().sqrt() + eps)).matrix();
    } else {
        update = (-(m.array() / correction1) * lr_).matrix();
    }
    add(StageKind::Scaling, "v", x0_, at(update, 1.0), update,
        {{"rho", rho}, {"rect", rect}, {"rectified", rho > 5.0 ? 1.0 : 0.0}, {"eps", eps}});
    move(update);
}

void AnatomyBuilder::rprop()
{
    const double etaMinus = param("etaminus"), etaPlus = param("etaplus");
    const double stepMin = param("step_min"), stepMax = param("step_max");
    const Vector& g = a_.gradient;
    // torch fills the step sizes with lr on the first step
    const Vector old = a_.step == 1 ? Vector::Constant(n_, lr_) : before("step_size");
    const Vector prev = before("prev");
    Vector signs(n_), sizes(n_), update(n_);
    for (Eigen::Index i = 0; i < n_; ++i) {
        const double product = g[i] * prev[i];
        const double factor = product > 0.0 ? etaPlus : (product < 0.0 ? etaMinus : 1.0);
        sizes[i] = std::clamp(old[i] * factor, stepMin, stepMax);
        const double used = product < 0.0 ? 0.0 : g[i];
        signs[i] = (g[i] > 0.0) - (g[i] < 0.0);
        const double sign = (used > 0.0) - (used < 0.0);
        update[i] = -sign * sizes[i];
    }
    // Only the signs of g count: drawn as the old step sizes along −sign(g).
    add(StageKind::Gradient, "g", x0_, at(Vector(-signs.cwiseProduct(old)), 1.0), g,
        {{"lr", lr_}, {"weight_decay", 0.0}, {"sign_only", 1.0}});
    add(StageKind::SignSteps, "s", x0_, at(update, 1.0), sizes,
        {{"etaplus", etaPlus}, {"etaminus", etaMinus}, {"step_min", stepMin},
            {"step_max", stepMax}});
    move(update);
}

void AnatomyBuilder::qhm()
{
    const double momentum = param("momentum"), nu = param("nu");
    const Vector& g = a_.gradient;
    gradientStage(g, 0.0);
    const Vector old = before("momentum_buffer");
    const Vector buffer = momentum * old + (1.0 - momentum) * g;
    momentStages("b", old, buffer, momentum, lr_);
    const Vector mix = (1.0 - nu) * g + nu * buffer;
    const Vector update = -lr_ * mix;
    add(StageKind::Mix, "b", x0_, at(update, 1.0), mix, {{"nu", nu}, {"lr", lr_}});
    move(update);
}

void AnatomyBuilder::qhadam()
{
    const double beta1 = param("beta1"), beta2 = param("beta2"), eps = param("eps");
    const double nu1 = param("nu1"), nu2 = param("nu2");
    const Vector& g = a_.gradient;
    gradientStage(g, 0.0);
    const Vector m = (beta1 * before("exp_avg").array() + (1.0 - beta1) * g.array()).matrix();
    momentStages("m", before("exp_avg"), m, beta1, lr_);
    const Vector v
        = (beta2 * before("exp_avg_sq").array() + (1.0 - beta2) * g.array().square()).matrix();
    quantity(StageKind::SecondMoment, "v", v, {{"beta", beta2}});
    const double correction1 = 1.0 - std::pow(beta1, t_), correction2 = 1.0 - std::pow(beta2, t_);
    const Vector mHat = m / correction1;
    const Vector vHat = v / correction2;
    add(StageKind::BiasCorrection, "m", x0_, at(mHat, -lr_), mHat,
        {{"correction", correction1}, {"correction2", correction2}, {"t", t_}});
    const Vector mix = ((1.0 - nu1) * g.array() + nu1 * mHat.array()).matrix();
    add(StageKind::Mix, "m", x0_, at(mix, -lr_), mix, {{"nu", nu1}, {"lr", lr_}});
    const Vector update = (-lr_ * mix.array()
        / (((1.0 - nu2) * g.array().square() + nu2 * vHat.array()).sqrt() + eps))
                              .matrix();
    add(StageKind::Scaling, "v", x0_, at(update, 1.0), update, {{"nu2", nu2}, {"eps", eps}});
    move(update);
}

void AnatomyBuilder::newton()
{
    const Vector& g = a_.gradient;
    gradientStage(g, 0.0);
    // The eigen-decomposition and |H|⁻¹g are the optimizer's own (its state after the step).
    const Vector* eigenvalues = a_.after.vector("eigenvalues");
    const Vector* direction = a_.after.vector("newton_direction");
    const Vector lambda = eigenvalues ? *eigenvalues : Vector::Zero(n_);
    const Vector d = direction ? *direction : Vector::Zero(n_);
    quantity(StageKind::Curvature, "λ", lambda);
    add(StageKind::Direction, "d", x0_, at(d, 1.0), d, {{"lr", lr_}});
    move(lr_ * d, {{"lr", lr_}});
    gradientAsDirection();
}

void AnatomyBuilder::lineSearchMethod()
{
    const Vector& g = a_.gradient;
    const double tolGrad = param("tolerance_grad"), tolChange = param("tolerance_change");
    gradientStage(g, 0.0);
    if (g.cwiseAbs().maxCoeff() <= tolGrad) {
        move(Vector::Zero(n_), {{"converged", 1.0}, {"tolerance_grad", tolGrad}});
        gradientAsDirection();
        return;
    }
    // The direction and the step length are the method's own: the two-loop recursion
    // or the dense H, and the strong-Wolfe line search (their state after the step).
    const Vector* direction = a_.after.vector("direction");
    const double* length = a_.after.scalar("t");
    const Vector d = direction ? *direction : Vector::Zero(n_);
    const double t = length ? *length : 0.0;
    add(StageKind::Direction, "d", x0_, at(d, 1.0), d,
        {{"first",
            a_.step == 1 || a_.before.scalar("n_iter") == nullptr
                    || *a_.before.scalar("n_iter") == 0.0
                ? 1.0
                : 0.0}});
    if (g.dot(d) > -tolChange) {
        move(Vector::Zero(n_), {{"stalled", 1.0}, {"tolerance_change", tolChange}});
        gradientAsDirection();
        return;
    }
    Vector end = x0_;
    addScaled(end, t, d);
    add(StageKind::LineSearch, "t", x0_, end, d * t,
        {{"t", t}, {"line_search", param("line_search")}, {"lr", lr_}});
    move(end - x0_);
    a_.stages.back().to = end; // x0 + (end − x0) may round differently from end itself
    gradientAsDirection();
}

} // namespace

StepAnatomy anatomizeStep(std::string_view name, const ParameterValues& overrides,
    Optimizer& optimizer, GradientOracle& oracle, Vector& x)
{
    const OptimizerInfo* info = findOptimizer(name);
    if (!info)
        throw InvalidArgument(unknownNameMessage("optimizer", name, optimizerNames()));
    StepAnatomy anatomy;
    anatomy.optimizer = info->name;
    anatomy.parameters = resolveParameters(info->parameters, overrides, info->name);
    anatomy.step = optimizer.iterations() + 1;
    anatomy.lr = optimizer.learningRate();
    anatomy.start = x;
    anatomy.lossBefore = oracle.objective().value(x);
    // The gradient the step will see: a copy of the oracle draws the same noise and
    // mini-batch as the real one is about to.
    {
        GradientOracle probe = oracle;
        anatomy.gradient = Vector::Zero(x.size());
        probe.valueAndGradient(x, anatomy.gradient);
    }
    optimizer.inspect(anatomy.before);
    optimizer.step(oracle, x);
    optimizer.inspect(anatomy.after);
    anatomy.end = x;
    anatomy.lossAfter = oracle.objective().value(x);
    AnatomyBuilder(anatomy).build(info->aliasOf.empty() ? info->name : info->aliasOf);
    return anatomy;
}

StepAnatomy anatomizeRunStep(const Objective& objective, std::string_view name,
    const ParameterValues& overrides, const LearningRateSchedule& schedule,
    const GradientSettings& gradient, const Vector& start, long long step)
{
    if (step < 1)
        throw InvalidArgument("step anatomy: step must be ≥ 1, not " + std::to_string(step));
    std::unique_ptr<Optimizer> optimizer = makeOptimizer(name, overrides);
    const double baseRate = optimizer->learningRate();
    optimizer->reset(objective.dimension());
    GradientOracle oracle(objective, gradient);
    Vector x = start;
    // The Runner's loop (core/runner.cpp), step for step: schedule, batch, step.
    for (long long k = 0; k < step; ++k) {
        if (!schedule.isConstant())
            optimizer->setLearningRate(schedule.rate(baseRate, k));
        oracle.beginStep();
        if (k + 1 == step)
            return anatomizeStep(name, overrides, *optimizer, oracle, x);
        optimizer->step(oracle, x);
    }
    return {}; // not reached: step ≥ 1
}

} // namespace optviz
