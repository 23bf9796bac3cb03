#include "rule_typesetter.h"

#include <QStringList>

#include <cmath>

namespace optviz {

namespace {

// Symbols, as HTML.
const QString theta = QStringLiteral("θ");
const QString gt = QStringLiteral("g<sub>t</sub>");
const QString larrow = QStringLiteral(" ← ");

QString sub(const QString& base, const QString& index)
{
    return QStringLiteral("%1<sub>%2</sub>").arg(base, index);
}

QString sup(const QString& base, const QString& power)
{
    return QStringLiteral("%1<sup>%2</sup>").arg(base, power);
}

// The bias-corrected moment, written out: "m / (1 − 0.9<sup>12</sup>)". (Not m̂: Qt's rich
// text misplaces combining accents.)
QString corrected(const QString& symbol, const QString& power)
{
    return symbol + QStringLiteral(" / (1 − ") + power + QStringLiteral(")");
}

// The state's names as the formulas write them.
QString symbolOf(const std::string& name, const std::string& optimizer)
{
    static const std::vector<std::pair<std::string, QString>> symbols = {
        {"gradient", QStringLiteral("g")},
        {"update", QStringLiteral("Δθ")},
        {"momentum_buffer", QStringLiteral("b")},
        {"exp_avg", QStringLiteral("m")},
        {"exp_avg_sq", QStringLiteral("v")},
        {"max_exp_avg_sq", QStringLiteral("v<sub>max</sub>")},
        {"square_avg", QStringLiteral("v")},
        {"grad_avg", QStringLiteral("a")},
        {"acc_delta", QStringLiteral("u")},
        {"sum", QStringLiteral("s")},
        {"exp_inf", QStringLiteral("u")},
        {"step_size", QStringLiteral("s")},
        {"prev", QStringLiteral("g<sub>prev</sub>")},
        {"direction", QStringLiteral("d")},
        {"newton_direction", QStringLiteral("d")},
        {"eigenvalues", QStringLiteral("λ")},
    };
    (void)optimizer;
    for (const auto& [key, symbol] : symbols)
        if (key == name)
            return symbol;
    return {};
}

class Rule
{
public:
    Rule(const ParameterValues& parameters, const OptimizerState& state)
        : p_(parameters)
        , state_(state)
    {
        const double* lr = state.scalar("lr");
        lr_ = lr ? *lr : value("lr");
        const double* step = state.scalar("step");
        t_ = step ? static_cast<long long>(*step) : 0;
    }

    double value(const char* name) const
    {
        const auto it = p_.find(name);
        return it == p_.end() ? 0.0 : it->second;
    }
    bool on(const char* name) const { return value(name) != 0.0; }
    QString n(double x) const { return RuleTypesetter::number(x); }
    QString v(const char* name) const { return n(value(name)); }
    QString lr() const { return n(lr_); }
    // The step number in a power, as the last step used it (t ≥ 1).
    QString t() const { return QString::number(std::max(1LL, t_)); }
    QString power(const char* base) const { return sup(v(base), t()); }

    void line(const QString& html) { lines_ << html; }
    // g = ∇f(θ) (+ λ·θ): torch's coupled weight decay.
    void gradient(bool coupledDecay = true)
    {
        if (coupledDecay && on("weight_decay"))
            line(gt + QStringLiteral(" = ∇f(θ) + ") + v("weight_decay") + QStringLiteral("·θ"));
        else
            line(gt + QStringLiteral(" = ∇f(θ)"));
    }
    // x ← β·x + (1 − β)·g
    void average(const QString& symbol, const char* beta, const QString& input)
    {
        line(symbol + larrow + v(beta) + QStringLiteral("·") + symbol + QStringLiteral(" + ")
            + n(1.0 - value(beta)) + QStringLiteral("·") + input);
    }

    QString html(const std::string& optimizer) const
    {
        QString text = QStringLiteral("<div style=\"line-height:140%\">") + lines_.join("<br>")
            + QStringLiteral("</div>");
        QStringList now;
        for (const auto& [name, values] : state_.vectors) {
            const QString symbol = symbolOf(name, optimizer);
            if (symbol.isEmpty())
                continue;
            QStringList parts;
            for (Eigen::Index i = 0; i < values.size() && i < 2; ++i)
                parts << n(values[i]);
            now << QStringLiteral("%1&nbsp;=&nbsp;(%2)").arg(symbol, parts.join(", "));
        }
        if (!now.isEmpty())
            text += QStringLiteral("<p style=\"margin-top:6px\">%1 %2</p>")
                        .arg(RuleTypesetter::tr("Now, at step t = %1:").arg(t_),
                            now.join(QStringLiteral(" · ")));
        return text;
    }

    double lrValue() const { return lr_; }
    long long step() const { return t_; }

private:
    const ParameterValues& p_;
    const OptimizerState& state_;
    QStringList lines_;
    double lr_ = 0.0;
    long long t_ = 0;
};

void sgd(Rule& r)
{
    r.gradient();
    const double momentum = r.value("momentum");
    if (momentum == 0.0) {
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·") + gt);
        return;
    }
    const double dampening = r.value("dampening");
    const QString newGradient
        = dampening == 0.0 ? gt : r.n(1.0 - dampening) + QStringLiteral("·") + gt;
    r.line(sub("b", "t") + larrow + r.v("momentum") + QStringLiteral("·") + sub("b", "t−1")
        + QStringLiteral(" + ") + newGradient + QStringLiteral(", &nbsp; ") + sub("b", "1")
        + QStringLiteral(" = ") + sub("g", "1"));
    if (r.on("nesterov"))
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·(") + gt
            + QStringLiteral(" + ") + r.v("momentum") + QStringLiteral("·") + sub("b", "t")
            + QStringLiteral(")"));
    else
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·")
            + sub("b", "t"));
}

void adagrad(Rule& r)
{
    r.gradient();
    r.line(QStringLiteral("s") + larrow + QStringLiteral("s + ") + sup(gt, "2")
        + (r.on("initial_accumulator_value") ? QStringLiteral(", &nbsp; ") + sub("s", "0")
                    + QStringLiteral(" = ") + r.v("initial_accumulator_value")
                                             : QString()));
    QString rate = r.lr();
    if (r.on("lr_decay")) {
        const double clr = r.lrValue()
            / (1.0 + static_cast<double>(std::max(1LL, r.step()) - 1) * r.value("lr_decay"));
        r.line(sub("η", "t") + QStringLiteral(" = ") + r.lr() + QStringLiteral(" / (1 + (t − 1)·")
            + r.v("lr_decay") + QStringLiteral(") = ") + r.n(clr));
        rate = sub("η", "t");
    }
    r.line(theta + larrow + theta + QStringLiteral(" − ") + rate + QStringLiteral("·") + gt
        + QStringLiteral(" / (√s + ") + r.v("eps") + QStringLiteral(")"));
}

void rmsprop(Rule& r)
{
    r.gradient();
    r.average(QStringLiteral("v"), "alpha", sup(gt, "2"));
    QString denominator = QStringLiteral("(√v + ") + r.v("eps") + QStringLiteral(")");
    if (r.on("centered")) {
        r.average(QStringLiteral("a"), "alpha", gt);
        denominator = QStringLiteral("(√(v − a<sup>2</sup>) + ") + r.v("eps") + QStringLiteral(")");
    }
    if (r.value("momentum") > 0.0) {
        r.line(QStringLiteral("b") + larrow + r.v("momentum") + QStringLiteral("·b + ") + gt
            + QStringLiteral(" / ") + denominator);
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·b"));
    } else {
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·") + gt
            + QStringLiteral(" / ") + denominator);
    }
}

void adadelta(Rule& r)
{
    r.gradient();
    r.average(QStringLiteral("v"), "rho", sup(gt, "2"));
    r.line(QStringLiteral("Δ = √(u + ") + r.v("eps") + QStringLiteral(") / √(v + ") + r.v("eps")
        + QStringLiteral(")·") + gt);
    r.average(QStringLiteral("u"), "rho", QStringLiteral("Δ<sup>2</sup>"));
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·Δ"));
}

void adam(Rule& r, bool decoupled)
{
    if (decoupled && r.on("weight_decay"))
        r.line(theta + larrow + theta + QStringLiteral("·(1 − ") + r.lr() + QStringLiteral("·")
            + r.v("weight_decay") + QStringLiteral(") = ") + theta + QStringLiteral("·")
            + r.n(1.0 - r.lrValue() * r.value("weight_decay")));
    r.gradient(!decoupled);
    r.average(QStringLiteral("m"), "beta1", gt);
    r.average(QStringLiteral("v"), "beta2", sup(gt, "2"));
    QString second = QStringLiteral("v");
    if (r.on("amsgrad")) {
        r.line(sub("v", "max") + larrow + QStringLiteral("max(") + sub("v", "max")
            + QStringLiteral(", v)"));
        second = sub("v", "max");
    }
    const QString eps = r.v("eps");
    if (r.on("bias_correction"))
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral(" / (1 − ")
            + r.power("beta1") + QStringLiteral(") · m / (√") + second + QStringLiteral(" / √(1 − ")
            + r.power("beta2") + QStringLiteral(") + ") + eps + QStringLiteral(")"));
    else
        r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·m / (√")
            + second + QStringLiteral(" + ") + eps + QStringLiteral(")"));
}

void adamax(Rule& r)
{
    r.gradient();
    r.average(QStringLiteral("m"), "beta1", gt);
    r.line(QStringLiteral("u") + larrow + QStringLiteral("max(") + r.v("beta2")
        + QStringLiteral("·u, |") + gt + QStringLiteral("| + ") + r.v("eps") + QStringLiteral(")"));
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral(" / (1 − ")
        + r.power("beta1") + QStringLiteral(") · m / u"));
}

void nadam(Rule& r)
{
    r.gradient();
    r.line(sub("μ", "t") + QStringLiteral(" = ") + r.v("beta1") + QStringLiteral("·(1 − ½·")
        + sup(QStringLiteral("0.96"), QStringLiteral("t·") + r.v("momentum_decay"))
        + QStringLiteral("), &nbsp; ") + sub("Π", "t") + QStringLiteral(" = ") + sub("μ", "1")
        + QStringLiteral("⋯") + sub("μ", "t"));
    r.average(QStringLiteral("m"), "beta1", gt);
    r.average(QStringLiteral("v"), "beta2", sup(gt, "2"));
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·(1 − ")
        + sub("μ", "t") + QStringLiteral(")/(1 − ") + sub("Π", "t") + QStringLiteral(")·") + gt
        + QStringLiteral(" / (√(") + corrected("v", r.power("beta2")) + QStringLiteral(") + ")
        + r.v("eps") + QStringLiteral(") − ") + r.lr() + QStringLiteral("·") + sub("μ", "t+1")
        + QStringLiteral("/(1 − ") + sub("Π", "t") + sub("μ", "t+1") + QStringLiteral(")·m / (√(")
        + corrected("v", r.power("beta2")) + QStringLiteral(") + ") + r.v("eps")
        + QStringLiteral(")"));
}

void radam(Rule& r)
{
    r.gradient();
    r.average(QStringLiteral("m"), "beta1", gt);
    r.average(QStringLiteral("v"), "beta2", sup(gt, "2"));
    const double rhoInf = 2.0 / (1.0 - r.value("beta2")) - 1.0;
    r.line(sub("ρ", "∞") + QStringLiteral(" = ") + r.n(rhoInf) + QStringLiteral(", &nbsp; ")
        + sub("ρ", "t") + QStringLiteral(" = ") + sub("ρ", "∞") + QStringLiteral(" − 2t·")
        + r.power("beta2") + QStringLiteral(" / (1 − ") + r.power("beta2") + QStringLiteral(")"));
    r.line(sub("ρ", "t") + QStringLiteral(" > 5: ") + theta + larrow + theta + QStringLiteral(" − ")
        + r.lr() + QStringLiteral("·") + sub("r", "t") + QStringLiteral("·m/(1 − ")
        + r.power("beta1") + QStringLiteral(")·√(1 − ") + r.power("beta2")
        + QStringLiteral(") / (√v + ") + r.v("eps") + QStringLiteral(")"));
    r.line(sub("ρ", "t") + QStringLiteral(" ≤ 5: ") + theta + larrow + theta + QStringLiteral(" − ")
        + r.lr() + QStringLiteral("·m/(1 − ") + r.power("beta1") + QStringLiteral(")"));
}

void rprop(Rule& r)
{
    r.line(QStringLiteral("η = ") + r.v("etaplus") + QStringLiteral(" if ") + gt
        + QStringLiteral("·") + sub("g", "prev") + QStringLiteral(" > 0, ") + r.v("etaminus")
        + QStringLiteral(" if &lt; 0, else 1"));
    r.line(QStringLiteral("s") + larrow + QStringLiteral("clamp(η·s, ") + r.v("step_min")
        + QStringLiteral(", ") + r.v("step_max") + QStringLiteral("), &nbsp; ") + sub("s", "0")
        + QStringLiteral(" = ") + r.v("lr"));
    r.line(gt + larrow + QStringLiteral("0 where ") + gt + QStringLiteral("·") + sub("g", "prev")
        + QStringLiteral(" &lt; 0"));
    r.line(theta + larrow + theta + QStringLiteral(" − sign(") + gt + QStringLiteral(")·s"));
}

void qhm(Rule& r)
{
    r.gradient(false);
    r.average(QStringLiteral("b"), "momentum", gt);
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·(")
        + r.n(1.0 - r.value("nu")) + QStringLiteral("·") + gt + QStringLiteral(" + ") + r.v("nu")
        + QStringLiteral("·b)"));
}

void qhadam(Rule& r)
{
    r.gradient(false);
    r.average(QStringLiteral("m"), "beta1", gt);
    r.average(QStringLiteral("v"), "beta2", sup(gt, "2"));
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr() + QStringLiteral("·(")
        + r.n(1.0 - r.value("nu1")) + QStringLiteral("·") + gt + QStringLiteral(" + ") + r.v("nu1")
        + QStringLiteral("·") + corrected("m", r.power("beta1")) + QStringLiteral(") / (√(")
        + r.n(1.0 - r.value("nu2")) + QStringLiteral("·") + sup(gt, "2") + QStringLiteral(" + ")
        + r.v("nu2") + QStringLiteral("·") + corrected("v", r.power("beta2"))
        + QStringLiteral(") + ") + r.v("eps") + QStringLiteral(")"));
}

void newton(Rule& r)
{
    r.gradient(false);
    r.line(QStringLiteral(
        "H = ∇²f(θ) = V·diag(λ)·V<sup>T</sup>, &nbsp; |H| = V·diag(max(|λ|, δ))·V<sup>T</sup>"));
    r.line(theta + larrow + theta + QStringLiteral(" − ") + r.lr()
        + QStringLiteral("·|H|<sup>−1</sup>·") + gt);
}

void quasiNewton(Rule& r, bool limited)
{
    r.gradient(false);
    r.line(RuleTypesetter::tr("stop if max|g<sub>t</sub>| ≤ %1").arg(r.v("tolerance_grad")));
    r.line(QStringLiteral("s = ") + sub(theta, "t") + QStringLiteral(" − ") + sub(theta, "t−1")
        + QStringLiteral(", &nbsp; y = ") + gt + QStringLiteral(" − ") + sub("g", "t−1")
        + QStringLiteral(", &nbsp; ρ = 1/y<sup>T</sup>s"));
    if (limited)
        r.line(RuleTypesetter::tr("d = −H·g<sub>t</sub> by the two-loop recursion over the last "
                                  "%1 pairs (s, y) with y<sup>T</sup>s &gt; 10<sup>−10</sup>")
                   .arg(r.v("history_size")));
    else {
        r.line(RuleTypesetter::tr(
            "if y<sup>T</sup>s &gt; 10<sup>−10</sup>: H ← (I − ρsy<sup>T</sup>)·H·(I − "
            "ρys<sup>T</sup>) + ρss<sup>T</sup>"));
        r.line(QStringLiteral("d = −H·") + gt + QStringLiteral(", &nbsp; ") + sub("H", "0")
            + QStringLiteral(" = I"));
    }
    if (r.on("line_search"))
        r.line(RuleTypesetter::tr("t: strong-Wolfe line search from t = %1 (c<sub>1</sub> = "
                                  "10<sup>−4</sup>, c<sub>2</sub> = 0.9)")
                   .arg(r.lr()));
    else
        r.line(RuleTypesetter::tr("t = %1 (first step: %1·min(1, 1/‖g‖<sub>1</sub>))").arg(r.lr()));
    r.line(theta + larrow + theta + QStringLiteral(" + t·d"));
}

} // namespace

QString RuleTypesetter::number(double value)
{
    if (value == 0.0)
        return QStringLiteral("0");
    QString text = QString::number(value, 'g', 4);
    const qsizetype e = text.indexOf('e');
    if (e >= 0) {
        QString mantissa = text.left(e);
        const int exponent = text.mid(e + 1).toInt();
        QString power = QString::number(std::abs(exponent));
        if (exponent < 0)
            power.prepend(QChar(0x2212));
        text = (mantissa == "1" ? QString() : mantissa + QStringLiteral("·"))
            + QStringLiteral("10<sup>%1</sup>").arg(power);
    }
    if (text.startsWith('-'))
        text.replace(0, 1, QChar(0x2212));
    return text;
}

QString RuleTypesetter::html(
    const std::string& optimizer, const ParameterValues& parameters, const OptimizerState& state)
{
    Rule rule(parameters, state);
    const std::string& o = optimizer;
    if (o == "sgd" || o == "gd" || o == "momentum" || o == "nesterov")
        sgd(rule);
    else if (o == "adagrad")
        adagrad(rule);
    else if (o == "rmsprop")
        rmsprop(rule);
    else if (o == "adadelta")
        adadelta(rule);
    else if (o == "adam" || o == "adamw")
        adam(rule, o == "adamw");
    else if (o == "adamax")
        adamax(rule);
    else if (o == "nadam")
        nadam(rule);
    else if (o == "radam")
        radam(rule);
    else if (o == "rprop")
        rprop(rule);
    else if (o == "qhm")
        qhm(rule);
    else if (o == "qhadam")
        qhadam(rule);
    else if (o == "newton")
        newton(rule);
    else if (o == "bfgs" || o == "lbfgs")
        quasiNewton(rule, o == "lbfgs");
    else
        return {};
    return rule.html(optimizer);
}

} // namespace optviz
