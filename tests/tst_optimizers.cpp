// The first-order optimizers against independent truth:
//  * torch.optim 1.13 in float64 (and, where the spec departs from torch or torch has no
//    such optimizer, small Python references written from the formulas), replayed step
//    by step from tests/data/torch_reference.csv, made by scripts/torch_reference.py;
//  * first and second steps worked out here by hand from the documented rules;
//  * convergence of every catalogued optimizer on a well-conditioned bowl;
//  * the inspector's state, gradient noise and clipping, and parameter validation.

#include "core/gradient_oracle.h"
#include "core/optimizer.h"
#include "core/runner.h"
#include "core/surface.h"
#include "hand_bowl.h"

#include <QPointF>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace optviz;

Q_DECLARE_METATYPE(optviz::ParameterValues)

// Counting heap allocations: on glibc the test replaces malloc (which operator new and
// Eigen both use) with a counting wrapper around glibc's own, so that the design's "no
// heap allocation inside the step loop" can be checked, not just promised.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define OPTVIZ_COUNT_MALLOC 1
namespace {
std::atomic<bool> countingMallocs {false};
std::atomic<long> mallocCount {0};
} // namespace
extern "C" void* __libc_malloc(std::size_t size);
extern "C" void* malloc(std::size_t size) noexcept
{
    if (countingMallocs.load(std::memory_order_relaxed))
        mallocCount.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}
#endif

namespace {

using Bowl = optviz::testing::HandBowl;

// A test-only Himmelblau, as the spec defines it (independent of the catalogue).
class Himmelblau final : public Surface
{
public:
    double value2(double x, double y) const override
    {
        const double u = x * x + y - 11.0;
        const double v = x + y * y - 7.0;
        return u * u + v * v;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double u = x * x + y - 11.0;
        const double v = x + y * y - 7.0;
        gx = 4.0 * x * u + 2.0 * v;
        gy = 2.0 * u + 4.0 * y * v;
        return u * u + v * v;
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 12.0 * x * x + 4.0 * y - 42.0;
        hxy = 4.0 * (x + y);
        hyy = 4.0 * x + 12.0 * y * y - 26.0;
    }
    ViewRect defaultView() const override { return {-5.0, 5.0, -5.0, 5.0}; }
    Point2 defaultStart() const override { return {0.0, 0.0}; }
    std::vector<Point2> minima() const override { return {{3.0, 2.0}}; }
};

// The surfaces the reference file names: "quadratic" is the catalogue's default
// quadratic, ½(x² + 10y²).
std::unique_ptr<Surface> referenceSurface(const std::string& name)
{
    if (name == "quadratic")
        return std::make_unique<Bowl>(1.0, 10.0);
    if (name == "himmelblau")
        return std::make_unique<Himmelblau>();
    return makeSurface(name);
}

Vector point(double x, double y)
{
    Vector v(2);
    v << x, y;
    return v;
}

// One case of the reference file: a start, an optimizer and the iterates it must produce.
struct ReferenceCase
{
    std::string name, source, optimizer, params, surface;
    double startX = 0.0, startY = 0.0;
    std::vector<QPointF> path; // path[k] is the iterate after k steps
};

std::vector<std::string> split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, separator))
        parts.push_back(part);
    return parts;
}

double toDouble(const std::string& text)
{
    double value = 0.0;
    if (!parseDouble(text, value))
        throw std::runtime_error("not a number in the reference file: " + text);
    return value;
}

// Reads the file once; cases keep the file's order.
const std::vector<ReferenceCase>& referenceCases()
{
    static const std::vector<ReferenceCase> cases = [] {
        std::vector<ReferenceCase> result;
        std::ifstream file(OPTVIZ_TEST_DATA_DIR "/torch_reference.csv");
        if (!file)
            return result;
        std::string line;
        std::getline(file, line); // header
        while (std::getline(file, line)) {
            const auto f = split(line, ',');
            if (f.size() != 10)
                throw std::runtime_error("malformed reference line: " + line);
            if (result.empty() || result.back().name != f[0]) {
                ReferenceCase c;
                c.name = f[0];
                c.source = f[1];
                c.optimizer = f[2];
                c.params = f[3];
                c.surface = f[4];
                c.startX = toDouble(f[5]);
                c.startY = toDouble(f[6]);
                result.push_back(std::move(c));
            }
            ReferenceCase& c = result.back();
            if (std::stoul(f[7]) != c.path.size())
                throw std::runtime_error("reference steps out of order: " + line);
            c.path.emplace_back(toDouble(f[8]), toDouble(f[9]));
        }
        return result;
    }();
    return cases;
}

// "lr=0.01;amsgrad=true" → overrides, parsed the way the CLI parses them.
ParameterValues parseOverrides(const std::string& optimizer, const std::string& text)
{
    ParameterValues values;
    const OptimizerInfo* info = findOptimizer(optimizer);
    if (!info)
        throw InvalidArgument("unknown optimizer " + optimizer);
    for (const std::string& item : split(text, ';')) {
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const ParameterSpec* spec = findParameter(info->parameters, key);
        if (!spec)
            throw InvalidArgument(optimizer + " has no parameter " + key);
        values[key] = parseParameterValue(*spec, item.substr(eq + 1), optimizer);
    }
    return values;
}

// Relative error with a tiny absolute floor: points near 0 compare at 1e-12·scale.
double relativeError(double ours, double reference, double scale)
{
    return std::abs(ours - reference) / std::max(std::abs(reference), 1e-3 * scale);
}

constexpr double referenceTolerance = 1e-9;

// Hand computations below use these: the gradient of ½(x² + 10y²).
QPointF bowlGradient(QPointF p)
{
    return {p.x(), 10.0 * p.y()};
}

double sign(double v)
{
    return (v > 0.0) - (v < 0.0);
}

// Applies a per-coordinate rule to both coordinates.
QPointF perCoordinate(QPointF a, QPointF b, const std::function<double(double, double)>& f)
{
    return {f(a.x(), b.x()), f(a.y(), b.y())};
}

} // namespace

class TestOptimizers : public QObject
{
    Q_OBJECT

private slots:
    void referenceFileCoversEveryOptimizer();
    void matchesReference_data();
    void matchesReference();
    void handComputedSteps_data();
    void handComputedSteps();
    void radamRectifiesOnceRhoExceedsFive();
    void convergesOnBowl_data();
    void convergesOnBowl();
    void stepsDoNotAllocate_data();
    void stepsDoNotAllocate();
    void adamStateIsInspectable();
    void noiseIsSeededAndCentred();
    void clippingLimitsTheStep();
    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void defaultsLieInTheirRanges();
};

static const std::vector<std::string> firstOrderOptimizers
    = {"sgd", "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw",
        "adamax", "nadam", "radam", "rprop", "qhm", "qhadam"};

void TestOptimizers::referenceFileCoversEveryOptimizer()
{
    const auto& cases = referenceCases();
    QVERIFY2(!cases.empty(), "tests/data/torch_reference.csv is missing or empty");
    for (const std::string& name : firstOrderOptimizers) {
        int trajectories = 0, states = 0;
        for (const ReferenceCase& c : cases) {
            if (c.optimizer != name)
                continue;
            (c.name.rfind("traj/", 0) == 0 ? trajectories : states) += 1;
        }
        QVERIFY2(trajectories >= 3 && states >= 10, name.c_str());
    }
}

void TestOptimizers::matchesReference_data()
{
    QTest::addColumn<QString>("optimizer");
    for (const std::string& name : firstOrderOptimizers)
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

// Replays every reference case of one optimizer with our Runner: every iterate must agree
// to 1e-9 relative. Prints the largest error seen, for the record.
void TestOptimizers::matchesReference()
{
    QFETCH(QString, optimizer);
    const std::string name = optimizer.toStdString();
    double worst = 0.0;
    std::string worstCase;
    int cases = 0, steps = 0;
    for (const ReferenceCase& c : referenceCases()) {
        if (c.optimizer != name)
            continue;
        ++cases;
        auto surface = referenceSurface(c.surface);
        const long long budget = static_cast<long long>(c.path.size()) - 1;
        Runner runner(*surface, makeOptimizer(name, parseOverrides(name, c.params)),
            point(c.startX, c.startY), budget);
        runner.runToEnd();
        const Trajectory& ours = runner.trajectory();
        QVERIFY2(ours.size() == c.path.size(),
            (c.name + ": our run stopped early (" + std::to_string(ours.size()) + " points)")
                .c_str());
        const double scale = std::max({1.0, std::abs(c.startX), std::abs(c.startY)});
        for (std::size_t k = 0; k < c.path.size(); ++k) {
            const double ex = relativeError(ours.coordinate(k, 0), c.path[k].x(), scale);
            const double ey = relativeError(ours.coordinate(k, 1), c.path[k].y(), scale);
            const double e = std::max(ex, ey);
            if (e > worst) {
                worst = e;
                worstCase = c.name;
            }
            if (e > referenceTolerance) {
                char message[512];
                std::snprintf(message, sizeof message,
                    "%s (%s, %s) step %zu: ours (%.17g, %.17g), reference "
                    "(%.17g, %.17g), relative error %.3g",
                    c.name.c_str(), c.source.c_str(), c.params.c_str(), k, ours.coordinate(k, 0),
                    ours.coordinate(k, 1), c.path[k].x(), c.path[k].y(), e);
                QFAIL(message);
            }
            ++steps;
        }
    }
    QVERIFY(cases > 0);
    qInfo("%-9s %3d cases, %5d iterates, max relative error %.3g (%s)", name.c_str(), cases, steps,
        worst, worstCase.c_str());
}

void TestOptimizers::handComputedSteps_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("params");
    QTest::addColumn<QPointF>("start");
    QTest::addColumn<QPointF>("first");
    QTest::addColumn<QPointF>("second");

    // All on ½(x² + 10y²), gradient (x, 10y), from p0 = (1, −0.5): g0 = (1, −5).
    const QPointF p0(1.0, -0.5);
    const QPointF g0 = bowlGradient(p0);

    {
        const double lr = 0.1;
        const QPointF p1 = p0 - lr * g0;
        QTest::newRow("gd: −lr·g")
            << "gd" << ParameterValues {{"lr", lr}} << p0 << p1 << p1 - lr * bowlGradient(p1);
    }
    {
        // weight decay adds wd·θ to the gradient
        const double lr = 0.1, wd = 0.2;
        const QPointF p1 = p0 - lr * (g0 + wd * p0);
        QTest::newRow("sgd weight_decay")
            << "sgd" << ParameterValues {{"lr", lr}, {"weight_decay", wd}} << p0 << p1
            << p1 - lr * (bowlGradient(p1) + wd * p1);
    }
    {
        // torch's first momentum step takes the raw gradient: no dampening on step 1
        const double lr = 0.05, mu = 0.9, damp = 0.5;
        const QPointF p1 = p0 - lr * g0;
        const QPointF b1 = g0;
        const QPointF b2 = mu * b1 + (1.0 - damp) * bowlGradient(p1);
        QTest::newRow("sgd momentum + dampening")
            << "sgd" << ParameterValues {{"lr", lr}, {"momentum", mu}, {"dampening", damp}} << p0
            << p1 << p1 - lr * b2;
    }
    {
        const double lr = 0.05, mu = 0.9;
        const QPointF p1 = p0 - lr * g0;
        QTest::newRow("momentum alias") << "momentum" << ParameterValues {{"lr", lr}} << p0 << p1
                                        << p1 - lr * (mu * g0 + bowlGradient(p1));
    }
    {
        // Nesterov: d = g + μ·b, with b = g on the first step
        const double lr = 0.05, mu = 0.9;
        const QPointF p1 = p0 - lr * (g0 + mu * g0);
        const QPointF g1 = bowlGradient(p1);
        const QPointF b2 = mu * g0 + g1;
        QTest::newRow("nesterov alias")
            << "nesterov" << ParameterValues {{"lr", lr}} << p0 << p1 << p1 - lr * (g1 + mu * b2);
    }
    {
        // Adagrad: −lr·g/(|g| + eps), then the sum of squares divides
        const double lr = 0.5, eps = 1e-10;
        const QPointF p1 = perCoordinate(
            p0, g0, [&](double p, double g) { return p - lr * g / (std::abs(g) + eps); });
        const QPointF g1 = bowlGradient(p1);
        const QPointF s2 = perCoordinate(g0, g1, [](double a, double b) { return a * a + b * b; });
        const QPointF p2 = perCoordinate(p1,
            perCoordinate(g1, s2, [&](double g, double s) { return g / (std::sqrt(s) + eps); }),
            [&](double p, double d) { return p - lr * d; });
        QTest::newRow("adagrad") << "adagrad" << ParameterValues {{"lr", lr}} << p0 << p1 << p2;
    }
    {
        // lr_decay: the second step uses lr/(1 + lr_decay); the sum starts at the initial value
        const double lr = 0.5, decay = 0.5, init = 0.25, eps = 1e-10;
        auto step = [&](QPointF p, QPointF g, QPointF s, double clr) {
            return QPointF(p.x() - clr * g.x() / (std::sqrt(s.x()) + eps),
                p.y() - clr * g.y() / (std::sqrt(s.y()) + eps));
        };
        const QPointF s1(init + g0.x() * g0.x(), init + g0.y() * g0.y());
        const QPointF p1 = step(p0, g0, s1, lr);
        const QPointF g1 = bowlGradient(p1);
        const QPointF s2(s1.x() + g1.x() * g1.x(), s1.y() + g1.y() * g1.y());
        QTest::newRow("adagrad lr_decay + initial_accumulator_value")
            << "adagrad"
            << ParameterValues {{"lr", lr}, {"lr_decay", decay},
                   {"initial_accumulator_value", init}}
            << p0 << p1 << step(p1, g1, s2, lr / (1.0 + decay));
    }
    {
        // RMSprop: −lr·g/(√((1−α)g²) + eps)
        const double lr = 0.01, alpha = 0.99, eps = 1e-8;
        auto rms = [&](double v) { return std::sqrt(v) + eps; };
        QPointF p1, p2;
        {
            const QPointF v1((1 - alpha) * g0.x() * g0.x(), (1 - alpha) * g0.y() * g0.y());
            p1 = QPointF(p0.x() - lr * g0.x() / rms(v1.x()), p0.y() - lr * g0.y() / rms(v1.y()));
            const QPointF g1 = bowlGradient(p1);
            const QPointF v2(alpha * v1.x() + (1 - alpha) * g1.x() * g1.x(),
                alpha * v1.y() + (1 - alpha) * g1.y() * g1.y());
            p2 = QPointF(p1.x() - lr * g1.x() / rms(v2.x()), p1.y() - lr * g1.y() / rms(v2.y()));
        }
        QTest::newRow("rmsprop") << "rmsprop" << ParameterValues {} << p0 << p1 << p2;
    }
    {
        // centered: divide by √(v − a²) + eps with a the running mean of g
        const double lr = 0.01, alpha = 0.9, eps = 1e-8;
        auto coord = [&](double p, double g, double& v, double& a) {
            v = alpha * v + (1 - alpha) * g * g;
            a = alpha * a + (1 - alpha) * g;
            return p - lr * g / (std::sqrt(v - a * a) + eps);
        };
        double vx = 0, vy = 0, ax = 0, ay = 0;
        const QPointF p1(coord(p0.x(), g0.x(), vx, ax), coord(p0.y(), g0.y(), vy, ay));
        const QPointF g1 = bowlGradient(p1);
        const QPointF p2(coord(p1.x(), g1.x(), vx, ax), coord(p1.y(), g1.y(), vy, ay));
        QTest::newRow("rmsprop centered")
            << "rmsprop" << ParameterValues {{"alpha", alpha}, {"centered", 1.0}} << p0 << p1 << p2;
    }
    {
        // momentum: b ← μb + g/denominator, θ ← θ − lr·b
        const double lr = 0.01, alpha = 0.99, eps = 1e-8, mu = 0.8;
        auto coord = [&](double p, double g, double& v, double& b) {
            v = alpha * v + (1 - alpha) * g * g;
            b = mu * b + g / (std::sqrt(v) + eps);
            return p - lr * b;
        };
        double vx = 0, vy = 0, bx = 0, by = 0;
        const QPointF p1(coord(p0.x(), g0.x(), vx, bx), coord(p0.y(), g0.y(), vy, by));
        const QPointF g1 = bowlGradient(p1);
        const QPointF p2(coord(p1.x(), g1.x(), vx, bx), coord(p1.y(), g1.y(), vy, by));
        QTest::newRow("rmsprop momentum")
            << "rmsprop" << ParameterValues {{"momentum", mu}} << p0 << p1 << p2;
    }
    {
        // Adadelta: Δ = √(u + eps)/√(v + eps)·g; first step −lr·√eps/√((1−ρ)g² + eps)·g
        const double lr = 1.0, rho = 0.9, eps = 1e-6;
        auto coord = [&](double p, double g, double& v, double& u) {
            v = rho * v + (1 - rho) * g * g;
            const double delta = std::sqrt(u + eps) / std::sqrt(v + eps) * g;
            u = rho * u + (1 - rho) * delta * delta;
            return p - lr * delta;
        };
        double vx = 0, vy = 0, ux = 0, uy = 0;
        const QPointF p1(coord(p0.x(), g0.x(), vx, ux), coord(p0.y(), g0.y(), vy, uy));
        QCOMPARE_LE(
            std::abs(p1.x()
                - (p0.x()
                    - lr * std::sqrt(eps) / std::sqrt((1 - rho) * g0.x() * g0.x() + eps) * g0.x())),
            1e-15);
        const QPointF g1 = bowlGradient(p1);
        const QPointF p2(coord(p1.x(), g1.x(), vx, ux), coord(p1.y(), g1.y(), vy, uy));
        QTest::newRow("adadelta") << "adadelta" << ParameterValues {} << p0 << p1 << p2;
    }

    // Adam family: one per-coordinate recurrence, written once here.
    struct AdamHand
    {
        double lr, b1, b2, eps, wd;
        bool amsgrad = false, biasCorrection = true, decoupled = false;
        double m[2] = {0, 0}, v[2] = {0, 0}, vmax[2] = {0, 0};
        int t = 0;
        QPointF step(QPointF p, QPointF g0Raw)
        {
            ++t;
            double out[2];
            const double ps[2] = {p.x(), p.y()}, gs[2] = {g0Raw.x(), g0Raw.y()};
            for (int i = 0; i < 2; ++i) {
                double x = ps[i], g = gs[i];
                if (decoupled)
                    x *= 1 - lr * wd;
                else
                    g += wd * ps[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                vmax[i] = std::max(vmax[i], v[i]);
                const double vv = amsgrad ? vmax[i] : v[i];
                if (biasCorrection) {
                    const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
                    out[i] = x - lr * (m[i] / c1) / (std::sqrt(vv / c2) + eps);
                } else {
                    out[i] = x - lr * m[i] / (std::sqrt(vv) + eps);
                }
            }
            return {out[0], out[1]};
        }
    };
    auto adamRow = [&](const char* row, const char* name, ParameterValues params, AdamHand hand) {
        const QPointF p1 = hand.step(p0, g0);
        const QPointF p2 = hand.step(p1, bowlGradient(p1));
        QTest::newRow(row) << name << params << p0 << p1 << p2;
    };
    {
        // Adam's first step moves each coordinate by lr·sign(g), up to eps
        const double lr = 0.1;
        const QPointF p1(p0.x() - lr * sign(g0.x()), p0.y() - lr * sign(g0.y()));
        AdamHand hand {lr, 0.9, 0.999, 1e-8, 0.0};
        QVERIFY(std::abs(hand.step(p0, g0).x() - p1.x()) < 1e-8);
        adamRow("adam", "adam", {{"lr", lr}}, {lr, 0.9, 0.999, 1e-8, 0.0});
    }
    {
        AdamHand hand {0.1, 0.9, 0.999, 1e-8, 0.0};
        hand.biasCorrection = false;
        adamRow(
            "adam without bias correction", "adam", {{"lr", 0.1}, {"bias_correction", 0.0}}, hand);
    }
    {
        // β₂ = 0.5 and a second gradient smaller than the first: v falls, AMSGrad's max holds
        AdamHand hand {0.1, 0.9, 0.5, 1e-8, 0.1};
        hand.amsgrad = true;
        adamRow("adam amsgrad + weight_decay", "adam",
            {{"lr", 0.1}, {"beta2", 0.5}, {"amsgrad", 1.0}, {"weight_decay", 0.1}}, hand);
    }
    {
        AdamHand hand {0.1, 0.9, 0.999, 1e-8, 0.5};
        hand.decoupled = true;
        adamRow("adamw", "adamw", {{"lr", 0.1}, {"weight_decay", 0.5}}, hand);
    }
    {
        // Adamax: u = max(β₂u, |g| + eps); the first step is lr·g/(|g| + eps)
        const double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double m[2] = {0, 0}, u[2] = {0, 0};
        int t = 0;
        auto step = [&](QPointF p, QPointF g) {
            ++t;
            const double ps[2] = {p.x(), p.y()}, gs[2] = {g.x(), g.y()};
            double out[2];
            for (int i = 0; i < 2; ++i) {
                m[i] = b1 * m[i] + (1 - b1) * gs[i];
                u[i] = std::max(b2 * u[i], std::abs(gs[i]) + eps);
                out[i] = ps[i] - lr / (1 - std::pow(b1, t)) * m[i] / u[i];
            }
            return QPointF(out[0], out[1]);
        };
        const QPointF p1 = step(p0, g0);
        QTest::newRow("adamax") << "adamax" << ParameterValues {{"lr", lr}} << p0 << p1
                                << step(p1, bowlGradient(p1));
    }
    {
        // NAdam as documented: μₜ = β₁(1 − ½·0.96^(tψ)), products μ₁⋯μₜ and μ₁⋯μₜ₊₁
        const double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, psi = 0.004;
        auto mu = [&](int t) { return b1 * (1 - 0.5 * std::pow(0.96, t * psi)); };
        double m[2] = {0, 0}, v[2] = {0, 0};
        int t = 0;
        auto step = [&](QPointF p, QPointF g) {
            ++t;
            double product = 1.0;
            for (int i = 1; i <= t; ++i)
                product *= mu(i);
            const double productNext = product * mu(t + 1);
            const double ps[2] = {p.x(), p.y()}, gs[2] = {g.x(), g.y()};
            double out[2];
            for (int i = 0; i < 2; ++i) {
                m[i] = b1 * m[i] + (1 - b1) * gs[i];
                v[i] = b2 * v[i] + (1 - b2) * gs[i] * gs[i];
                const double mHat
                    = mu(t + 1) * m[i] / (1 - productNext) + (1 - mu(t)) * gs[i] / (1 - product);
                out[i] = ps[i] - lr * mHat / (std::sqrt(v[i] / (1 - std::pow(b2, t))) + eps);
            }
            return QPointF(out[0], out[1]);
        };
        const QPointF p1 = step(p0, g0);
        QTest::newRow("nadam (documented)")
            << "nadam" << ParameterValues {{"lr", lr}} << p0 << p1 << step(p1, bowlGradient(p1));
    }
    {
        // RAdam: ρ₁ = 1 and ρ₂ < 5, so the first steps are momentum SGD with m̂
        const double lr = 0.01, b1 = 0.9;
        const QPointF p1 = p0 - lr * g0;
        const QPointF m2 = b1 * (1 - b1) * g0 + (1 - b1) * bowlGradient(p1);
        QTest::newRow("radam (unrectified)")
            << "radam" << ParameterValues {{"lr", lr}} << p0 << p1 << p1 - lr * m2 / (1 - b1 * b1);
    }
    {
        // Rprop: −lr·sign(g) first; from y = 0.004 the y-gradient flips sign on step 2, so
        // y stands still while x's step grows by etaplus.
        const double lr = 0.01;
        const QPointF q0(1.0, 0.004);
        const QPointF q1(q0.x() - lr, q0.y() - lr);
        QVERIFY(bowlGradient(q1).y() * bowlGradient(q0).y() < 0);
        QTest::newRow("rprop sign flip")
            << "rprop" << ParameterValues {} << q0 << q1 << QPointF(q1.x() - 1.2 * lr, q1.y());
    }
    {
        // QHM: b = (1 − β)g first, then θ −= lr·((1 − ν)g + νb)
        const double lr = 0.1, beta = 0.9, nu = 0.7;
        const QPointF b1 = (1 - beta) * g0;
        const QPointF p1 = p0 - lr * ((1 - nu) * g0 + nu * b1);
        const QPointF g1 = bowlGradient(p1);
        const QPointF b2 = beta * b1 + (1 - beta) * g1;
        QTest::newRow("qhm") << "qhm" << ParameterValues {{"lr", lr}, {"momentum", beta}} << p0
                             << p1 << p1 - lr * ((1 - nu) * g1 + nu * b2);
    }
    {
        // QHAdam: m̂ = g and v̂ = g² on step 1, so the first step is lr·g/(|g| + eps) again
        const double lr = 0.1, b1 = 0.9, b2 = 0.99, nu1 = 0.6, nu2 = 0.8, eps = 1e-8;
        const QPointF p1 = perCoordinate(
            p0, g0, [&](double p, double g) { return p - lr * g / (std::abs(g) + eps); });
        const QPointF g1 = bowlGradient(p1);
        auto coord = [&](double p, double ga, double gb) {
            const double m = (b1 * (1 - b1) * ga + (1 - b1) * gb) / (1 - b1 * b1);
            const double v = (b2 * (1 - b2) * ga * ga + (1 - b2) * gb * gb) / (1 - b2 * b2);
            return p
                - lr * ((1 - nu1) * gb + nu1 * m)
                / (std::sqrt((1 - nu2) * gb * gb + nu2 * v) + eps);
        };
        QTest::newRow("qhadam")
            << "qhadam" << ParameterValues {{"lr", lr}, {"beta2", b2}, {"nu1", nu1}, {"nu2", nu2}}
            << p0 << p1 << QPointF(coord(p1.x(), g0.x(), g1.x()), coord(p1.y(), g0.y(), g1.y()));
    }
}

void TestOptimizers::handComputedSteps()
{
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, params);
    QFETCH(QPointF, start);
    QFETCH(QPointF, first);
    QFETCH(QPointF, second);

    Bowl bowl(1.0, 10.0);
    Runner runner(
        bowl, makeOptimizer(optimizer.toStdString(), params), point(start.x(), start.y()), 2);
    runner.runToEnd();
    QCOMPARE(runner.trajectory().size(), std::size_t(3));
    const QPointF expected[2] = {first, second};
    for (int k = 0; k < 2; ++k) {
        const double x = runner.trajectory().coordinate(std::size_t(k + 1), 0);
        const double y = runner.trajectory().coordinate(std::size_t(k + 1), 1);
        const double err = std::max(
            relativeError(x, expected[k].x(), 1.0), relativeError(y, expected[k].y(), 1.0));
        if (err > 1e-12) {
            char message[256];
            std::snprintf(message, sizeof message,
                "step %d: ours (%.17g, %.17g), by hand (%.17g, %.17g)", k + 1, x, y,
                expected[k].x(), expected[k].y());
            QFAIL(message);
        }
    }
}

// Beyond the first steps: with β₂ = 0.9, ρₜ first exceeds 5 at t = 6, and from then on the
// step is lr·m̂·r·√(1 − β₂ᵗ)/(√v + eps) (eps outside the root, as torch computes it).
void TestOptimizers::radamRectifiesOnceRhoExceedsFive()
{
    const double lr = 0.01, b1 = 0.9, b2 = 0.9, eps = 1e-8;
    Bowl bowl(1.0, 10.0);
    Runner runner(bowl, makeOptimizer("radam", {{"lr", lr}, {"beta2", b2}}), point(1.0, -0.5), 8);
    runner.runToEnd();
    const double rhoInf = 2 / (1 - b2) - 1;
    double x[2] = {1.0, -0.5}, m[2] = {0, 0}, v[2] = {0, 0};
    bool rectified = false;
    for (int t = 1; t <= 8; ++t) {
        const double g[2] = {x[0], 10.0 * x[1]};
        const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
        const double rho = rhoInf - 2 * t * std::pow(b2, t) / c2;
        QCOMPARE(rho > 5.0, t >= 6);
        for (int i = 0; i < 2; ++i) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            if (rho > 5.0) {
                const double r = std::sqrt(
                    (rho - 4) * (rho - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rho));
                x[i] -= lr * (m[i] / c1) * r * std::sqrt(c2) / (std::sqrt(v[i]) + eps);
                rectified = true;
            } else {
                x[i] -= lr * m[i] / c1;
            }
        }
        for (int i = 0; i < 2; ++i)
            QVERIFY2(
                relativeError(runner.trajectory().coordinate(std::size_t(t), i), x[i], 1.0) < 1e-12,
                qPrintable(QStringLiteral("step %1").arg(t)));
    }
    QVERIFY(rectified);
}

void TestOptimizers::convergesOnBowl_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("params");
    // Learning rates for ½(x² + 2y²) where the default is too small for the step budget;
    // optimizers not listed (newton, bfgs, lbfgs, ... as they join the catalogue) run with
    // their defaults.
    const std::map<std::string, ParameterValues> tuned = {
        {"sgd", {{"lr", 0.1}}},
        {"gd", {{"lr", 0.1}}},
        {"momentum", {{"lr", 0.05}}},
        {"nesterov", {{"lr", 0.05}}},
        {"adagrad", {{"lr", 0.5}}},
        {"rmsprop", {{"lr", 0.001}}},
        {"adadelta", {{"lr", 1.0}}},
        {"adam", {{"lr", 0.05}}},
        {"adamw", {{"lr", 0.05}}},
        {"adamax", {{"lr", 0.05}}},
        {"nadam", {{"lr", 0.05}}},
        {"radam", {{"lr", 0.05}}},
        {"rprop", {}},
        {"qhm", {{"lr", 0.1}, {"momentum", 0.9}}},
        {"qhadam", {{"lr", 0.05}}},
    };
    for (const OptimizerInfo& info : optimizerCatalog()) {
        const auto it = tuned.find(info.name);
        QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name)
                                         << (it != tuned.end() ? it->second : ParameterValues {});
    }
}

void TestOptimizers::convergesOnBowl()
{
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, params);
    Bowl bowl(1.0, 2.0);
    const OptimizerInfo* info = findOptimizer(optimizer.toStdString());
    QVERIFY(info);
    if (info->usesHessian && !bowl.hasHessian())
        QSKIP("needs a Hessian");
    Runner runner(bowl, makeOptimizer(info->name, params), point(2.0, -1.5), 5000);
    runner.runToEnd();
    QCOMPARE(runner.status(), RunStatus::Finished);
    const double distance = runner.current().norm();
    QVERIFY2(
        distance < 1e-3, qPrintable(QStringLiteral("ended %1 from the minimum").arg(distance)));
}

void TestOptimizers::stepsDoNotAllocate_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("params");
    for (const std::string& name : firstOrderOptimizers)
        QTest::newRow(name.c_str()) << QString::fromStdString(name) << ParameterValues {};
    // The variants with extra state vectors.
    QTest::newRow("adam amsgrad") << "adam" << ParameterValues {{"amsgrad", 1.0}};
    QTest::newRow("adamw amsgrad") << "adamw" << ParameterValues {{"amsgrad", 1.0}};
    QTest::newRow("rmsprop centered momentum")
        << "rmsprop" << ParameterValues {{"centered", 1.0}, {"momentum", 0.9}};
    QTest::newRow("sgd nesterov weight_decay")
        << "sgd" << ParameterValues {{"momentum", 0.9}, {"nesterov", 1.0}, {"weight_decay", 0.1}};
}

// Runner, oracle (with noise and clipping) and optimizer together: after the first steps,
// a hundred more make no heap allocation.
void TestOptimizers::stepsDoNotAllocate()
{
#ifndef OPTVIZ_COUNT_MALLOC
    QSKIP("allocation counting needs glibc");
#else
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, params);
    Bowl bowl(1.0, 10.0);
    GradientSettings settings;
    settings.noise = 0.1;
    settings.clipNorm = 5.0;
    Runner runner(
        bowl, makeOptimizer(optimizer.toStdString(), params), point(1.0, -0.5), 200, settings);
    runner.advance(3);
    // The counter sees Eigen's allocations (a vector of a size the compiler cannot know).
    volatile int probeSize = 64;
    mallocCount = 0;
    countingMallocs = true;
    {
        Vector probe = Vector::Constant(probeSize, 1.0);
        QCOMPARE(probe.sum(), 64.0);
    }
    countingMallocs = false;
    QVERIFY(mallocCount.load() > 0);
    mallocCount = 0;
    countingMallocs = true;
    runner.advance(100);
    countingMallocs = false;
    QCOMPARE(runner.stepsTaken(), 103LL);
    QCOMPARE(mallocCount.load(), 0L);
#endif
}

// The step inspector's view of Adam: the moments it reports are the ones a hand
// recomputation from the recorded gradients gives, and effective_lr is −update/gradient.
void TestOptimizers::adamStateIsInspectable()
{
    const double lr = 0.1, b1 = 0.9, b2 = 0.999;
    Bowl bowl(1.0, 10.0);
    Runner runner(bowl, makeOptimizer("adam", {{"lr", lr}}), point(1.0, -0.5), 3);
    runner.runToEnd();
    OptimizerState state;
    runner.optimizer().inspect(state);

    const Vector* expAvg = state.vector("exp_avg");
    const Vector* expAvgSq = state.vector("exp_avg_sq");
    const Vector* gradient = state.vector("gradient");
    const Vector* update = state.vector("update");
    const Vector* effective = state.vector("effective_lr");
    QVERIFY(expAvg && expAvgSq && gradient && update && effective);
    QVERIFY(!state.vector("max_exp_avg_sq")); // only with amsgrad
    QVERIFY(state.scalar("step"));
    QCOMPARE(*state.scalar("step"), 3.0);
    QVERIFY(state.scalar("bias_correction1"));
    QCOMPARE(*state.scalar("bias_correction1"), 1.0 - b1 * b1 * b1);

    Vector m = Vector::Zero(2), v = Vector::Zero(2), g(2);
    for (std::size_t k = 0; k < 3; ++k) {
        const Vector x = runner.trajectory().point(k);
        bowl.valueAndGradient(x, g);
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g.cwiseProduct(g);
    }
    const Vector x2 = runner.trajectory().point(2), x3 = runner.trajectory().point(3);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(relativeError((*expAvg)[i], m[i], 1.0) < 1e-14);
        QVERIFY(relativeError((*expAvgSq)[i], v[i], 1.0) < 1e-14);
        QVERIFY(relativeError((*gradient)[i], g[i], 1.0) < 1e-15);
        QVERIFY(relativeError((*update)[i], x3[i] - x2[i], 1.0) < 1e-14);
        QVERIFY(relativeError((*effective)[i], -(*update)[i] / (*gradient)[i], 1.0) < 1e-15);
        QVERIFY((*effective)[i] > 0.0); // Adam moves downhill on a bowl
    }
    QCOMPARE(runner.optimizer().iterations(), 3LL);
}

void TestOptimizers::noiseIsSeededAndCentred()
{
    Bowl bowl(1.0, 10.0);
    auto run = [&](std::uint64_t seed) {
        GradientSettings settings;
        settings.noise = 0.5;
        settings.seed = seed;
        Runner runner(bowl, makeOptimizer("sgd", {{"lr", 0.05}}), point(1.0, -0.5), 50, settings);
        runner.runToEnd();
        return runner.trajectory().coordinates();
    };
    QCOMPARE(run(7), run(7));
    QVERIFY(run(7) != run(8));

    // At the minimum the exact gradient is 0: what the oracle returns is the noise alone.
    GradientSettings settings;
    settings.noise = 0.5;
    settings.seed = 3;
    GradientOracle oracle(bowl, settings);
    const Vector zero = Vector::Zero(2);
    Vector g(2);
    const int samples = 20000;
    double sum = 0.0, sumSquares = 0.0;
    for (int k = 0; k < samples; ++k) {
        oracle.beginStep();
        oracle.valueAndGradient(zero, g);
        sum += g.sum();
        sumSquares += g.squaredNorm();
    }
    const double n = 2.0 * samples;
    const double mean = sum / n;
    const double sd = std::sqrt(sumSquares / n - mean * mean);
    QVERIFY2(std::abs(mean) < 4.0 * 0.5 / std::sqrt(n), qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(sd - 0.5) < 0.01, qPrintable(QString::number(sd)));
}

void TestOptimizers::clippingLimitsTheStep()
{
    // At (60, 80) on ½(x² + y²) the gradient is (60, 80), norm 100; clipped to norm 1, a
    // GD step with lr 0.1 moves exactly 0.1 straight downhill.
    Bowl bowl(1.0, 1.0);
    GradientSettings settings;
    settings.clipNorm = 1.0;
    Runner runner(bowl, makeOptimizer("gd", {{"lr", 0.1}}), point(60.0, 80.0), 1, settings);
    runner.runToEnd();
    const Vector move = runner.trajectory().point(1) - runner.trajectory().point(0);
    QVERIFY(std::abs(move.norm() - 0.1) < 1e-14);
    QVERIFY(std::abs(move[0] + 0.06) < 1e-14);
    QVERIFY(std::abs(move[1] + 0.08) < 1e-14);
    // A gradient already inside the limit is left alone.
    Runner inside(bowl, makeOptimizer("gd", {{"lr", 0.1}}), point(0.6, 0.8), 1, settings);
    inside.runToEnd();
    QCOMPARE(inside.trajectory().coordinate(1, 0), 0.6 - 0.1 * 0.6);
}

void TestOptimizers::rejectsBadParameters_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<ParameterValues>("params");
    QTest::addColumn<QStringList>("mentions"); // the message must name all of these

    QTest::newRow("unknown optimizer")
        << "adamm" << ParameterValues {} << QStringList {"adamm", "adam", "rmsprop", "qhadam"};
    QTest::newRow("unknown parameter")
        << "adam" << ParameterValues {{"betas", 0.9}} << QStringList {"betas", "beta1", "beta2"};
    QTest::newRow("lr zero") << "sgd" << ParameterValues {{"lr", 0.0}}
                             << QStringList {"lr", "(0, 1000]"};
    QTest::newRow("beta1 = 1") << "adam" << ParameterValues {{"beta1", 1.0}}
                               << QStringList {"beta1", "[0, 1)"};
    QTest::newRow("negative eps") << "rmsprop" << ParameterValues {{"eps", -1e-8}}
                                  << QStringList {"eps", "[0, 1]"};
    QTest::newRow("etaplus below 1")
        << "rprop" << ParameterValues {{"etaplus", 0.9}} << QStringList {"etaplus", "(1, 100]"};
    QTest::newRow("boolean not 0/1")
        << "adam" << ParameterValues {{"amsgrad", 0.5}} << QStringList {"amsgrad", "true|false"};
    QTest::newRow("nesterov without momentum")
        << "sgd" << ParameterValues {{"nesterov", 1.0}} << QStringList {"nesterov", "momentum"};
    QTest::newRow("nesterov alias, momentum 0") << "nesterov" << ParameterValues {{"momentum", 0.0}}
                                                << QStringList {"nesterov", "momentum"};
    QTest::newRow("nesterov with dampening") << "nesterov" << ParameterValues {{"dampening", 0.5}}
                                             << QStringList {"nesterov", "dampening"};
    QTest::newRow("rprop step_min > step_max")
        << "rprop" << ParameterValues {{"step_min", 2.0}, {"step_max", 1.0}}
        << QStringList {"step_min", "step_max"};
}

void TestOptimizers::rejectsBadParameters()
{
    QFETCH(QString, optimizer);
    QFETCH(ParameterValues, params);
    QFETCH(QStringList, mentions);
    try {
        makeOptimizer(optimizer.toStdString(), params);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        const QString message = QString::fromUtf8(error.what());
        for (const QString& word : mentions)
            QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
    }
    // Booleans typed as text: only true/false/1/0.
    const ParameterSpec* amsgrad = findParameter(findOptimizer("adam")->parameters, "amsgrad");
    QVERIFY(amsgrad);
    QCOMPARE(parseParameterValue(*amsgrad, "true", "adam"), 1.0);
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, parseParameterValue(*amsgrad, "yes", "adam"));
}

void TestOptimizers::defaultsLieInTheirRanges()
{
    for (const OptimizerInfo& info : optimizerCatalog()) {
        for (const ParameterSpec& spec : info.parameters)
            QVERIFY2(spec.accepts(spec.defaultValue),
                qPrintable(QString::fromStdString(info.name + " " + spec.name)));
        QVERIFY(makeOptimizer(info.name) != nullptr);
    }
}

QTEST_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
