#include "core/random.h"
#include "core/surface.h"
#include "core/surfaces/linear_regression.h"
#include "core/surfaces/tiny_net.h"

#include <QList>
#include <QPointF>
#include <QTest>

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>
#include <vector>

using namespace optviz;

Q_DECLARE_METATYPE(optviz::ParameterValues)

namespace {

constexpr int pointsPerSurface = 200;

// Fourth-order central difference of t ↦ f(t) at 0: (8 (f(h) − f(−h)) − (f(2h) − f(−2h))) / 12h.
// Its truncation error, h⁴ f⁽⁵⁾ / 30, is negligible at h = 1e-4, so the step can be large
// enough that rounding (about ε |f| / h) stays far below the tolerance.
template<typename F> double centralDifference(F f, double h)
{
    return (8.0 * (f(h) - f(-h)) - (f(2.0 * h) - f(-2.0 * h))) / (12.0 * h);
}

double stepFor(double coordinate)
{
    return 1e-4 * std::max(1.0, std::abs(coordinate));
}

std::vector<Point2> randomPointsIn(const ViewRect& view, int count, std::uint64_t seed)
{
    Random random(seed);
    std::vector<Point2> points;
    for (int i = 0; i < count; ++i) {
        const double x = random.uniform(view.xMin, view.xMax);
        const double y = random.uniform(view.yMin, view.yMax);
        points.push_back({x, y});
    }
    return points;
}

// Ackley's cone tip at the origin is the one point where a catalogue surface is not
// differentiable; a difference stencil that straddles it measures the kink, not the
// derivative, so such points are skipped (random points essentially never are).
bool stencilCrossesKink(const std::string& name, Point2 p)
{
    return name == "ackley" && std::hypot(p.x, p.y) <= 4.0 * stepFor(0.0) * 1.01;
}

std::string describe(const std::string& name, Point2 p)
{
    return name + " at (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
}

// Every catalogue surface at its defaults (so that new surfaces are covered without
// editing this file), then surfaces whose parameters change the formula's shape.
void addSurfaceRows(bool dataSurfacesOnly = false)
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ParameterValues>("parameters");
    for (const SurfaceInfo& info : surfaceCatalog()) {
        if (dataSurfacesOnly && makeSurface(info.name)->sampleCount() == 0)
            continue;
        QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name) << ParameterValues {};
    }
    struct Row
    {
        const char* row;
        const char* name;
        ParameterValues parameters;
    };
    const Row rows[] = {
        {"quadratic rotated", "quadratic",
            {{"a", 2.0}, {"b", 50.0}, {"angle", 30.0}, {"cx", 1.0}, {"cy", -2.0}}},
        {"quadratic upside", "quadratic", {{"a", 0.5}, {"b", 3.0}, {"angle", -135.0}}},
        {"rosenbrock a=2 b=10", "rosenbrock", {{"a", 2.0}, {"b", 10.0}}},
        {"saddle a=2 b=0.5", "saddle", {{"a", 2.0}, {"b", 0.5}}},
        {"rastrigin A=3", "rastrigin", {{"A", 3.0}}},
        {"ackley a=10 b=0.5 c=3", "ackley", {{"a", 10.0}, {"b", 0.5}, {"c", 3.0}}},
        {"linreg few noisy", "linreg",
            {{"samples", 7.0}, {"slope", -1.5}, {"intercept", 0.5}, {"noise", 2.0},
                {"seed", 42.0}}},
        {"linreg exact", "linreg", {{"samples", 20.0}, {"noise", 0.0}, {"seed", 3.0}}},
        {"tinynet noisy", "tinynet", {{"samples", 13.0}, {"noise", 0.5}, {"seed", 7.0}}},
        {"tinynet many", "tinynet", {{"samples", 400.0}, {"noise", 0.2}, {"seed", 11.0}}},
    };
    for (const Row& row : rows) {
        if (dataSurfacesOnly && makeSurface(row.name, row.parameters)->sampleCount() == 0)
            continue;
        QTest::newRow(row.row) << QString(row.name) << row.parameters;
    }
}

} // namespace

class TestSurfaces : public QObject
{
    Q_OBJECT

private slots:
    void catalogueHasTheSpecSurfaces();

    void gradientMatchesFiniteDifferences_data() { addSurfaceRows(); }
    void gradientMatchesFiniteDifferences();
    void hessianMatchesFiniteDifferences_data() { addSurfaceRows(); }
    void hessianMatchesFiniteDifferences();
    void minimaAreStationaryAndConvex_data() { addSurfaceRows(); }
    void minimaAreStationaryAndConvex();
    void viewFramesStartAndMinima_data() { addSurfaceRows(); }
    void viewFramesStartAndMinima();

    void knownValues_data();
    void knownValues();
    void minimaMatchTheLiterature_data();
    void minimaMatchTheLiterature();
    void rearrangedFormulasMatchTextbook();

    void linregMinimumSolvesNormalEquations_data() { addSurfaceRows(true); }
    void linregMinimumSolvesNormalEquations();
    void tinynetMinimaAreSymmetricAndOriginIsSaddle_data() { addSurfaceRows(true); }
    void tinynetMinimaAreSymmetricAndOriginIsSaddle();

    void fullBatchEqualsBatchOverAllSamples_data() { addSurfaceRows(true); }
    void fullBatchEqualsBatchOverAllSamples();
    void batchDerivativesMatchFiniteDifferences_data() { addSurfaceRows(true); }
    void batchDerivativesMatchFiniteDifferences();

    void unknownSurfaceListsAcceptedNames();
    void badParameterThrows_data();
    void badParameterThrows();
};

void TestSurfaces::catalogueHasTheSpecSurfaces()
{
    const std::vector<std::string> names = surfaceNames();
    for (const char* required : {"rosenbrock", "quadratic", "beale", "himmelblau", "saddle",
             "linreg", "tinynet", "rastrigin", "ackley", "booth", "sixhump_camel",
             "styblinski_tang", "matyas", "goldstein_price"})
        QVERIFY2(std::find(names.begin(), names.end(), required) != names.end(), required);

    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());

    for (const SurfaceInfo& info : surfaceCatalog()) {
        QVERIFY2(!info.definition.empty(), info.name.c_str());
        QVERIFY2(findSurface(info.name) == &info, info.name.c_str());
        for (const ParameterSpec& spec : info.parameters)
            QVERIFY2(spec.accepts(spec.defaultValue), (info.name + " " + spec.name).c_str());
        const auto surface = makeSurface(info.name);
        QCOMPARE(surface->dimension(), 2);
        QVERIFY(surface->hasHessian());
        const bool isData = info.name == "linreg" || info.name == "tinynet";
        QCOMPARE(surface->sampleCount() > 0, isData);
        if (isData)
            QCOMPARE(surface->sampleCount(), 50);
    }
}

void TestSurfaces::gradientMatchesFiniteDifferences()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const std::string surfaceName = name.toStdString();
    const auto surface = makeSurface(surfaceName, parameters);
    Vector x(2), gradient(2);
    int checked = 0;
    for (const Point2 p : randomPointsIn(surface->defaultView(), pointsPerSurface, 20240601)) {
        double gx = 0.0, gy = 0.0;
        const double f = surface->valueAndGradient2(p.x, p.y, gx, gy);
        const std::string where = describe(surfaceName, p);
        QVERIFY2(
            std::abs(f - surface->value2(p.x, p.y)) <= 1e-14 * (1.0 + std::abs(f)), where.c_str());
        // The Objective interface is the same function.
        x << p.x, p.y;
        QCOMPARE(surface->valueAndGradient(x, gradient), f);
        QCOMPARE(gradient[0], gx);
        QCOMPARE(gradient[1], gy);

        if (stencilCrossesKink(surfaceName, p))
            continue;
        const double fdx = centralDifference(
            [&](double d) { return surface->value2(p.x + d, p.y); }, stepFor(p.x));
        const double fdy = centralDifference(
            [&](double d) { return surface->value2(p.x, p.y + d); }, stepFor(p.y));
        // Relative to the gradient's norm, with an absolute floor on the scale of f for the
        // rare point where the gradient nearly vanishes.
        const double tolerance = 1e-6 * std::hypot(gx, gy) + 1e-8 * (1.0 + std::abs(f));
        const std::string message = where + ": gradient (" + std::to_string(gx) + ", "
            + std::to_string(gy) + "), differences (" + std::to_string(fdx) + ", "
            + std::to_string(fdy) + ")";
        QVERIFY2(
            std::abs(fdx - gx) <= tolerance && std::abs(fdy - gy) <= tolerance, message.c_str());
        ++checked;
    }
    QVERIFY(checked >= pointsPerSurface - 1);
}

void TestSurfaces::hessianMatchesFiniteDifferences()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const std::string surfaceName = name.toStdString();
    const auto surface = makeSurface(surfaceName, parameters);
    Vector x(2);
    Matrix hessian(2, 2);
    int checked = 0;
    for (const Point2 p : randomPointsIn(surface->defaultView(), pointsPerSurface, 20240602)) {
        double hxx = 0.0, hxy = 0.0, hyy = 0.0;
        surface->hessian2(p.x, p.y, hxx, hxy, hyy);
        x << p.x, p.y;
        surface->hessian(x, hessian);
        QCOMPARE(hessian(0, 0), hxx);
        QCOMPARE(hessian(0, 1), hxy);
        QCOMPARE(hessian(1, 0), hxy);
        QCOMPARE(hessian(1, 1), hyy);

        if (stencilCrossesKink(surfaceName, p))
            continue;
        // Differences of the exact gradient, column by column.
        auto gradientAt = [&](double px, double py, int component) {
            double g[2];
            surface->valueAndGradient2(px, py, g[0], g[1]);
            return g[component];
        };
        const double hx = stepFor(p.x), hy = stepFor(p.y);
        const double fdxx
            = centralDifference([&](double d) { return gradientAt(p.x + d, p.y, 0); }, hx);
        const double fdyx
            = centralDifference([&](double d) { return gradientAt(p.x + d, p.y, 1); }, hx);
        const double fdxy
            = centralDifference([&](double d) { return gradientAt(p.x, p.y + d, 0); }, hy);
        const double fdyy
            = centralDifference([&](double d) { return gradientAt(p.x, p.y + d, 1); }, hy);
        double gx = 0.0, gy = 0.0;
        const double f = surface->valueAndGradient2(p.x, p.y, gx, gy);
        const double norm = std::max({std::abs(hxx), std::abs(hxy), std::abs(hyy)});
        const double tolerance = 1e-6 * norm + 1e-8 * (1.0 + std::abs(f) + std::hypot(gx, gy));
        const std::string message = describe(surfaceName, p) + ": Hessian (" + std::to_string(hxx)
            + ", " + std::to_string(hxy) + ", " + std::to_string(hyy) + "), differences ("
            + std::to_string(fdxx) + ", " + std::to_string(fdxy) + "/" + std::to_string(fdyx) + ", "
            + std::to_string(fdyy) + ")";
        QVERIFY2(std::abs(fdxx - hxx) <= tolerance && std::abs(fdxy - hxy) <= tolerance
                && std::abs(fdyx - hxy) <= tolerance && std::abs(fdyy - hyy) <= tolerance,
            message.c_str());
        ++checked;
    }
    QVERIFY(checked >= pointsPerSurface - 1);
}

void TestSurfaces::minimaAreStationaryAndConvex()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const std::string surfaceName = name.toStdString();
    const auto surface = makeSurface(surfaceName, parameters);
    const std::vector<Point2> minima = surface->minima();
    if (surfaceName == "saddle" || surfaceName == "expr") { // none; not known
        QVERIFY(minima.empty());
        QVERIFY(std::isinf(surface->minimumValue()) && surface->minimumValue() < 0.0);
        return;
    }
    QVERIFY(!minima.empty());
    const double lowest = surface->value2(minima.front().x, minima.front().y);
    QCOMPARE(surface->minimumValue(), lowest);
    for (const Point2 m : minima) {
        const std::string where = describe(surfaceName, m);
        double gx = 0.0, gy = 0.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
        const double f = surface->valueAndGradient2(m.x, m.y, gx, gy);
        surface->hessian2(m.x, m.y, hxx, hxy, hyy);
        // A point rounded to doubles is off the true minimum by about ε |m|, where the
        // gradient is about |H| ε |m|: scale the tolerance by the curvature.
        const double curvature = std::max({1.0, std::abs(hxx), std::abs(hxy), std::abs(hyy)});
        const double scale = curvature * std::max({1.0, std::abs(m.x), std::abs(m.y)});
        QVERIFY2(std::hypot(gx, gy) < 1e-8 * scale, (where + " gradient").c_str());
        // Positive definite: both eigenvalues of the symmetric 2 × 2 matrix are positive.
        QVERIFY2(
            hxx > 0.0 && hyy > 0.0 && hxx * hyy - hxy * hxy > 0.0, (where + " Hessian").c_str());
        QVERIFY2(lowest <= f + 1e-12 * (1.0 + std::abs(f)), (where + " lower than first").c_str());
    }
}

void TestSurfaces::viewFramesStartAndMinima()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const auto surface = makeSurface(name.toStdString(), parameters);
    const ViewRect view = surface->defaultView();
    QVERIFY(view.xMin < view.xMax && view.yMin < view.yMax);
    // Square-ish: neither side more than twice the other.
    const double aspect = (view.xMax - view.xMin) / (view.yMax - view.yMin);
    QVERIFY(aspect >= 0.5 && aspect <= 2.0);
    auto inside = [&](Point2 p) {
        return p.x > view.xMin && p.x < view.xMax && p.y > view.yMin && p.y < view.yMax;
    };
    QVERIFY(inside(surface->defaultStart()));
    for (const Point2 m : surface->minima())
        QVERIFY2(inside(m), describe(name.toStdString(), m).c_str());
    const Point2 start = surface->defaultStart();
    QVERIFY(std::isfinite(surface->value2(start.x, start.y)));
}

void TestSurfaces::knownValues_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    const double nan = std::nan("");
    // x = NaN: at the surface's first listed minimum.
    QTest::newRow("rosenbrock (1, 1)") << "rosenbrock" << 1.0 << 1.0 << 0.0 << 0.0;
    QTest::newRow("rosenbrock (0, 0)") << "rosenbrock" << 0.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("quadratic centre") << "quadratic" << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("quadratic (1, 1)") << "quadratic" << 1.0 << 1.0 << 5.5 << 1e-15;
    QTest::newRow("beale (3, 0.5)") << "beale" << 3.0 << 0.5 << 0.0 << 0.0;
    QTest::newRow("beale (0, 0)") << "beale" << 0.0 << 0.0 << 14.203125 << 1e-14;
    QTest::newRow("himmelblau (3, 2)") << "himmelblau" << 3.0 << 2.0 << 0.0 << 0.0;
    QTest::newRow("himmelblau (0, 0)") << "himmelblau" << 0.0 << 0.0 << 170.0 << 0.0;
    QTest::newRow("saddle (1, 1)") << "saddle" << 1.0 << 1.0 << 0.0 << 0.0;
    QTest::newRow("saddle (2, 0)") << "saddle" << 2.0 << 0.0 << 4.0 << 0.0;
    QTest::newRow("booth (1, 3)") << "booth" << 1.0 << 3.0 << 0.0 << 0.0;
    QTest::newRow("booth (0, 0)") << "booth" << 0.0 << 0.0 << 74.0 << 0.0;
    QTest::newRow("matyas (0, 0)") << "matyas" << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("matyas (1, 1)") << "matyas" << 1.0 << 1.0 << 0.04 << 1e-16;
    QTest::newRow("goldstein_price (0, -1)") << "goldstein_price" << 0.0 << -1.0 << 3.0 << 0.0;
    QTest::newRow("goldstein_price (-0.6, -0.4)")
        << "goldstein_price" << -0.6 << -0.4 << 30.0 << 1e-12;
    QTest::newRow("goldstein_price (1.8, 0.2)") << "goldstein_price" << 1.8 << 0.2 << 84.0 << 1e-12;
    QTest::newRow("goldstein_price (1.2, 0.8)")
        << "goldstein_price" << 1.2 << 0.8 << 840.0 << 1e-11;
    QTest::newRow("goldstein_price (0, 0)") << "goldstein_price" << 0.0 << 0.0 << 600.0 << 0.0;
    QTest::newRow("rastrigin (0, 0)") << "rastrigin" << 0.0 << 0.0 << 0.0 << 0.0;
    QTest::newRow("rastrigin (1, 1)") << "rastrigin" << 1.0 << 1.0 << 2.0 << 1e-13;
    QTest::newRow("ackley (0, 0)") << "ackley" << 0.0 << 0.0 << 0.0 << 1e-15;
    QTest::newRow("sixhump_camel minimum")
        << "sixhump_camel" << nan << nan << -1.0316284534898774 << 1e-15;
    QTest::newRow("styblinski_tang minimum")
        << "styblinski_tang" << nan << nan << -78.33233140754282 << 1e-13;
}

void TestSurfaces::knownValues()
{
    QFETCH(QString, name);
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    const auto surface = makeSurface(name.toStdString());
    if (std::isnan(x)) {
        x = surface->minima().front().x;
        y = surface->minima().front().y;
    }
    const double f = surface->value2(x, y);
    QVERIFY2(std::abs(f - expected) <= tolerance,
        (std::to_string(f) + " expected " + std::to_string(expected)).c_str());
}

void TestSurfaces::minimaMatchTheLiterature_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<QPointF>>("expected");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("rosenbrock") << "rosenbrock" << QList<QPointF> {{1.0, 1.0}} << 0.0;
    QTest::newRow("quadratic") << "quadratic" << QList<QPointF> {{0.0, 0.0}} << 0.0;
    QTest::newRow("beale") << "beale" << QList<QPointF> {{3.0, 0.5}} << 0.0;
    QTest::newRow("himmelblau") << "himmelblau"
                                << QList<QPointF> {{3.0, 2.0}, {-2.805118, 3.131312},
                                       {-3.779310, -3.283186}, {3.584428, -1.848126}}
                                << 1e-6;
    QTest::newRow("booth") << "booth" << QList<QPointF> {{1.0, 3.0}} << 0.0;
    QTest::newRow("matyas") << "matyas" << QList<QPointF> {{0.0, 0.0}} << 0.0;
    QTest::newRow("rastrigin") << "rastrigin" << QList<QPointF> {{0.0, 0.0}} << 0.0;
    QTest::newRow("ackley") << "ackley" << QList<QPointF> {{0.0, 0.0}} << 0.0;
    QTest::newRow("sixhump_camel")
        << "sixhump_camel"
        << QList<QPointF> {{0.0898, -0.7126}, {-0.0898, 0.7126}, {-1.7036, 0.7961},
               {1.7036, -0.7961}, {1.6071, 0.5687}, {-1.6071, -0.5687}}
        << 1e-4;
    QTest::newRow("styblinski_tang")
        << "styblinski_tang"
        << QList<QPointF> {{-2.903534, -2.903534}, {-2.903534, 2.746803}, {2.746803, -2.903534},
               {2.746803, 2.746803}}
        << 1e-6;
    QTest::newRow("goldstein_price")
        << "goldstein_price" << QList<QPointF> {{0.0, -1.0}, {-0.6, -0.4}, {1.8, 0.2}, {1.2, 0.8}}
        << 0.0;
}

void TestSurfaces::minimaMatchTheLiterature()
{
    QFETCH(QString, name);
    QFETCH(QList<QPointF>, expected);
    QFETCH(double, tolerance);
    const std::vector<Point2> minima = makeSurface(name.toStdString())->minima();
    QCOMPARE(minima.size(), std::size_t(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const Point2 m = minima[std::size_t(i)];
        QVERIFY2(std::abs(m.x - expected[i].x()) <= tolerance
                && std::abs(m.y - expected[i].y()) <= tolerance,
            describe(name.toStdString(), m).c_str());
    }
}

void TestSurfaces::rearrangedFormulasMatchTextbook()
{
    // Goldstein–Price, Rastrigin and Ackley are computed from algebraically equivalent
    // forms (factored, or rearranged for precision); check them against the formulas as
    // printed.
    using std::numbers::pi;
    const auto goldstein = makeSurface("goldstein_price");
    for (const Point2 p : randomPointsIn(goldstein->defaultView(), pointsPerSurface, 7)) {
        const double x = p.x, y = p.y;
        const double s = x + y + 1.0, t = 2.0 * x - 3.0 * y;
        const double textbook
            = (1.0 + s * s * (19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y))
            * (30.0
                + t * t
                    * (18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y));
        QVERIFY(std::abs(goldstein->value2(x, y) - textbook) <= 1e-12 * textbook);
    }
    const auto rastrigin = makeSurface("rastrigin", {{"A", 7.0}});
    for (const Point2 p : randomPointsIn(rastrigin->defaultView(), pointsPerSurface, 8)) {
        const double textbook = 2.0 * 7.0 + p.x * p.x - 7.0 * std::cos(2.0 * pi * p.x) + p.y * p.y
            - 7.0 * std::cos(2.0 * pi * p.y);
        QVERIFY(std::abs(rastrigin->value2(p.x, p.y) - textbook) <= 1e-13 * (1.0 + textbook));
    }
    const auto ackley = makeSurface("ackley");
    for (const Point2 p : randomPointsIn(ackley->defaultView(), pointsPerSurface, 9)) {
        const double textbook = -20.0 * std::exp(-0.2 * std::sqrt(0.5 * (p.x * p.x + p.y * p.y)))
            - std::exp(0.5 * (std::cos(2.0 * pi * p.x) + std::cos(2.0 * pi * p.y))) + 20.0
            + std::numbers::e;
        QVERIFY(std::abs(ackley->value2(p.x, p.y) - textbook) <= 1e-13 * (1.0 + textbook));
    }
}

void TestSurfaces::linregMinimumSolvesNormalEquations()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    if (name != "linreg")
        QSKIP("not a linear regression");
    const auto surface = makeSurface("linreg", parameters);
    const auto& regression = dynamic_cast<const LinearRegression&>(*surface);

    // Regenerate the data as documented: per sample, t uniform in [−1, 1], then the noise.
    const ParameterValues values
        = resolveParameters(LinearRegression::parameters(), parameters, "linreg");
    const int n = static_cast<int>(values.at("samples"));
    Random random(static_cast<std::uint64_t>(values.at("seed")));
    Eigen::MatrixXd design(n, 2);
    Eigen::VectorXd targets(n);
    for (int i = 0; i < n; ++i) {
        const double t = random.uniform(-1.0, 1.0);
        const double y = values.at("slope") * t + values.at("intercept")
            + values.at("noise") * random.normal();
        design(i, 0) = t;
        design(i, 1) = 1.0;
        targets[i] = y;
        QCOMPARE(regression.inputs()[std::size_t(i)], t);
        QVERIFY(std::abs(regression.targets()[std::size_t(i)] - y) <= 1e-15 * (1.0 + std::abs(y)));
    }
    QCOMPARE(surface->sampleCount(), n);

    // The normal equations XᵀX β = Xᵀy.
    const Eigen::Matrix2d gram = design.transpose() * design;
    const Eigen::Vector2d beta = gram.ldlt().solve(design.transpose() * targets);
    const Point2 m = surface->minima().front();
    QVERIFY(std::abs(m.x - beta[0]) <= 1e-12 * (1.0 + std::abs(beta[0])));
    QVERIFY(std::abs(m.y - beta[1]) <= 1e-12 * (1.0 + std::abs(beta[1])));
    const double mse = (design * beta - targets).squaredNorm() / n;
    QVERIFY(std::abs(surface->value2(m.x, m.y) - mse) <= 1e-12 * (1.0 + mse));

    // The constant Hessian is (2/n) XᵀX.
    double hxx = 0.0, hxy = 0.0, hyy = 0.0;
    surface->hessian2(0.3, -0.7, hxx, hxy, hyy);
    QVERIFY(std::abs(hxx - 2.0 * gram(0, 0) / n) <= 1e-13);
    QVERIFY(std::abs(hxy - 2.0 * gram(0, 1) / n) <= 1e-13);
    QCOMPARE(hyy, 2.0);
}

void TestSurfaces::tinynetMinimaAreSymmetricAndOriginIsSaddle()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    if (name != "tinynet")
        QSKIP("not the tiny network");
    const auto surface = makeSurface("tinynet", parameters);
    const auto& net = dynamic_cast<const TinyNet&>(*surface);

    // The documented teacher: per sample, t uniform in [−2, 2], y = 2 tanh(1.5 t) + noise.
    const ParameterValues values = resolveParameters(TinyNet::parameters(), parameters, "tinynet");
    const auto n = static_cast<std::size_t>(values.at("samples"));
    QCOMPARE(net.inputs().size(), n);
    Random random(static_cast<std::uint64_t>(values.at("seed")));
    double meanTY = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double t = random.uniform(-2.0, 2.0);
        const double y = 2.0 * std::tanh(1.5 * t) + values.at("noise") * random.normal();
        QCOMPARE(net.inputs()[i], t);
        QVERIFY(std::abs(net.targets()[i] - y) <= 1e-15 * (1.0 + std::abs(y)));
        meanTY += t * y;
    }
    meanTY /= static_cast<double>(n);

    const std::vector<Point2> minima = surface->minima();
    QCOMPARE(minima.size(), std::size_t(2));
    QVERIFY(minima[0].x > 0.0);
    QCOMPARE(minima[1].x, -minima[0].x);
    QCOMPARE(minima[1].y, -minima[0].y);
    QCOMPARE(surface->value2(minima[1].x, minima[1].y), surface->value2(minima[0].x, minima[0].y));
    // Near the teacher's weights, which generate the data, unless noise swamps the samples.
    if (values.at("noise") <= 0.2 && n >= 50)
        QVERIFY(std::abs(minima[0].x - 1.5) < 0.2 && std::abs(minima[0].y - 2.0) < 0.2);

    // The origin: stationary, with Hessian [[0, −2 mean(t y)], [−2 mean(t y), 0]].
    double gx = 1.0, gy = 1.0, hxx = 0.0, hxy = 0.0, hyy = 0.0;
    surface->valueAndGradient2(0.0, 0.0, gx, gy);
    QCOMPARE(gx, 0.0);
    QCOMPARE(gy, 0.0);
    surface->hessian2(0.0, 0.0, hxx, hxy, hyy);
    QCOMPARE(hxx, 0.0);
    QCOMPARE(hyy, 0.0);
    QVERIFY(std::abs(hxy + 2.0 * meanTY) <= 1e-13 * (1.0 + std::abs(meanTY)));
    QVERIFY(hxx * hyy - hxy * hxy < 0.0); // indefinite: a saddle
}

void TestSurfaces::fullBatchEqualsBatchOverAllSamples()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const auto surface = makeSurface(name.toStdString(), parameters);
    const int n = surface->sampleCount();
    QVERIFY(n > 0);
    std::vector<int> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    Vector x(2), gradient(2), batchGradient(2);
    Matrix hessian(2, 2), batchHessian(2, 2);
    for (const Point2 p : randomPointsIn(surface->defaultView(), pointsPerSurface, 20240603)) {
        x << p.x, p.y;
        const double f = surface->valueAndGradient(x, gradient);
        const double batchF = surface->batchValueAndGradient(x, all.data(), n, batchGradient);
        surface->hessian(x, hessian);
        surface->batchHessian(x, all.data(), n, batchHessian);
        const std::string where = describe(name.toStdString(), p);
        QVERIFY2(std::abs(batchF - f) <= 1e-12 * std::abs(f), where.c_str());
        QCOMPARE(surface->batchValue(x, all.data(), n), batchF);
        // Relative to the gradient, or to the size of the loss where the gradient vanishes.
        QVERIFY2((batchGradient - gradient).norm()
                <= 1e-12 * std::max(gradient.norm(), 1.0 + std::abs(f)),
            where.c_str());
        QVERIFY2((batchHessian - hessian).norm() <= 1e-12 * std::max(hessian.norm(), 1.0),
            where.c_str());
    }
}

void TestSurfaces::batchDerivativesMatchFiniteDifferences()
{
    QFETCH(QString, name);
    QFETCH(ParameterValues, parameters);
    const auto surface = makeSurface(name.toStdString(), parameters);
    const int n = surface->sampleCount();
    QVERIFY(n > 0);
    Random random(99);
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    Vector x(2), gradient(2), probe(2), probeGradient(2);
    Matrix hessian(2, 2);
    for (const Point2 p : randomPointsIn(surface->defaultView(), pointsPerSurface, 20240604)) {
        // A random mini-batch of random size.
        random.shuffle(order.data(), n);
        const int count = 1 + static_cast<int>(random.below(static_cast<std::uint64_t>(n)));
        const int* batch = order.data();
        x << p.x, p.y;
        const double f = surface->batchValueAndGradient(x, batch, count, gradient);
        surface->batchHessian(x, batch, count, hessian);

        // The batch loss is the mean of the single-sample losses.
        double sum = 0.0;
        for (int k = 0; k < count; ++k)
            sum += surface->batchValue(x, batch + k, 1);
        QVERIFY(std::abs(sum / count - f) <= 1e-13 * (1.0 + std::abs(f)));

        auto valueAlong = [&](int axis, double d) {
            probe = x;
            probe[axis] += d;
            return surface->batchValue(probe, batch, count);
        };
        auto gradientAlong = [&](int axis, double d, int component) {
            probe = x;
            probe[axis] += d;
            surface->batchValueAndGradient(probe, batch, count, probeGradient);
            return probeGradient[component];
        };
        const std::string where
            = describe(name.toStdString(), p) + " batch of " + std::to_string(count);
        const double gradientTolerance = 1e-6 * gradient.norm() + 1e-8 * (1.0 + std::abs(f));
        const double hessianTolerance
            = 1e-6 * hessian.cwiseAbs().maxCoeff() + 1e-8 * (1.0 + std::abs(f) + gradient.norm());
        for (int axis = 0; axis < 2; ++axis) {
            const double h = stepFor(x[axis]);
            const double fd = centralDifference([&](double d) { return valueAlong(axis, d); }, h);
            QVERIFY2(std::abs(fd - gradient[axis]) <= gradientTolerance, where.c_str());
            for (int component = 0; component < 2; ++component) {
                const double fdh = centralDifference(
                    [&](double d) { return gradientAlong(axis, d, component); }, h);
                QVERIFY2(
                    std::abs(fdh - hessian(component, axis)) <= hessianTolerance, where.c_str());
            }
        }
    }
}

void TestSurfaces::unknownSurfaceListsAcceptedNames()
{
    try {
        makeSurface("no_such_surface");
        QFAIL("an unknown surface name must throw");
    } catch (const InvalidArgument& error) {
        const std::string message = error.what();
        QVERIFY2(message.find("no_such_surface") != std::string::npos, message.c_str());
        for (const std::string& name : surfaceNames())
            QVERIFY2(message.find(name) != std::string::npos, (name + ": " + message).c_str());
    }
}

void TestSurfaces::badParameterThrows_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("value");
    QTest::newRow("quadratic a=0") << "quadratic"
                                   << "a" << 0.0;
    QTest::newRow("quadratic b<0") << "quadratic"
                                   << "b" << -1.0;
    QTest::newRow("quadratic angle=200") << "quadratic"
                                         << "angle" << 200.0;
    QTest::newRow("quadratic cx=1000") << "quadratic"
                                       << "cx" << 1000.0;
    QTest::newRow("rosenbrock b<0") << "rosenbrock"
                                    << "b" << -1.0;
    QTest::newRow("saddle b=0") << "saddle"
                                << "b" << 0.0;
    QTest::newRow("rastrigin A<0") << "rastrigin"
                                   << "A" << -1.0;
    QTest::newRow("ackley b=0") << "ackley"
                                << "b" << 0.0;
    QTest::newRow("linreg samples=1") << "linreg"
                                      << "samples" << 1.0;
    QTest::newRow("linreg samples=2.5") << "linreg"
                                        << "samples" << 2.5;
    QTest::newRow("linreg samples huge") << "linreg"
                                         << "samples" << 1e9;
    QTest::newRow("linreg noise<0") << "linreg"
                                    << "noise" << -0.1;
    QTest::newRow("linreg seed<0") << "linreg"
                                   << "seed" << -1.0;
    QTest::newRow("tinynet samples=0") << "tinynet"
                                       << "samples" << 0.0;
    QTest::newRow("tinynet seed=0.5") << "tinynet"
                                      << "seed" << 0.5;
    QTest::newRow("tinynet noise=inf") << "tinynet"
                                       << "noise" << std::numeric_limits<double>::infinity();
    QTest::newRow("beale takes none") << "beale"
                                      << "a" << 1.0;
    QTest::newRow("rosenbrock unknown") << "rosenbrock"
                                        << "c" << 1.0;
}

void TestSurfaces::badParameterThrows()
{
    QFETCH(QString, name);
    QFETCH(QString, parameter);
    QFETCH(double, value);
    try {
        makeSurface(name.toStdString(), {{parameter.toStdString(), value}});
        QFAIL("a bad parameter must throw");
    } catch (const InvalidArgument& error) {
        const std::string message = error.what();
        QVERIFY2(message.find(name.toStdString()) != std::string::npos, message.c_str());
        QVERIFY2(message.find(parameter.toStdString()) != std::string::npos, message.c_str());
    }
}

QTEST_MAIN(TestSurfaces)
#include "tst_surfaces.moc"
