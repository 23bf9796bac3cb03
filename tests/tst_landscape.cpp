#include "core/contour_levels.h"
#include "core/contours.h"
#include "core/surface.h"
#include "core/surface_grid.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

using namespace optviz;

namespace {

// Test-only surfaces with closed-form level sets, so the contours can be checked against
// geometry rather than against the code that produced them.

// f = s·((x − cx)² + (y − cy)²): the level r²·s is the circle of radius r around (cx, cy).
class Bowl final : public Surface
{
public:
    explicit Bowl(double cx = 0.0, double cy = 0.0, double scale = 1.0)
        : cx_(cx)
        , cy_(cy)
        , s_(scale)
    {
    }
    double value2(double x, double y) const override
    {
        const double u = x - cx_, v = y - cy_;
        return s_ * (u * u + v * v);
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = 2.0 * s_ * (x - cx_);
        gy = 2.0 * s_ * (y - cy_);
        return value2(x, y);
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = hyy = 2.0 * s_;
        hxy = 0.0;
    }
    ViewRect defaultView() const override { return {-1.0, 1.0, -1.0, 1.0}; }
    Point2 defaultStart() const override { return {0.5, 0.5}; }
    std::vector<Point2> minima() const override { return {{cx_, cy_}}; }

private:
    double cx_, cy_, s_;
};

// f = x² − y²: the level 0 is the pair of diagonals crossing at the origin.
class Saddle final : public Surface
{
public:
    double value2(double x, double y) const override { return x * x - y * y; }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = 2.0 * x;
        gy = -2.0 * y;
        return value2(x, y);
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = 2.0;
        hxy = 0.0;
        hyy = -2.0;
    }
    ViewRect defaultView() const override { return {-1.0, 1.0, -1.0, 1.0}; }
    Point2 defaultStart() const override { return {0.5, 0.1}; }
    std::vector<Point2> minima() const override { return {}; }
};

// x² + y², except NaN for x > 0.25 and +inf for y < −0.5: a user's surface that fails on
// part of the view.
class BrokenBowl final : public Surface
{
public:
    double value2(double x, double y) const override
    {
        if (x > 0.25)
            return std::numeric_limits<double>::quiet_NaN();
        if (y < -0.5)
            return std::numeric_limits<double>::infinity();
        return x * x + y * y;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        gx = 2.0 * x;
        gy = 2.0 * y;
        return value2(x, y);
    }
    void hessian2(double, double, double& hxx, double& hxy, double& hyy) const override
    {
        hxx = hyy = 2.0;
        hxy = 0.0;
    }
    ViewRect defaultView() const override { return {-1.0, 1.0, -1.0, 1.0}; }
    Point2 defaultStart() const override { return {-0.5, 0.5}; }
    std::vector<Point2> minima() const override { return {{0.0, 0.0}}; }
};

bool isClosed(const Polyline& line)
{
    return line.size() > 2 && line.front().x == line.back().x && line.front().y == line.back().y;
}

double shoelaceArea(const Polyline& line)
{
    double twice = 0.0;
    for (std::size_t n = 0; n + 1 < line.size(); ++n)
        twice += line[n].x * line[n + 1].y - line[n + 1].x * line[n].y;
    return 0.5 * std::abs(twice);
}

double cellSize(const SurfaceGrid& grid)
{
    return std::max(grid.x(1) - grid.x(0), grid.y(1) - grid.y(0));
}

bool onBorder(const SurfaceGrid& grid, const Point2& p)
{
    const ViewRect& v = grid.view();
    return p.x == v.xMin || p.x == v.xMax || p.y == v.yMin || p.y == v.yMax;
}

// Linear interpolation along a cell edge is off by at most |f''|·h²/8 (f'' along the
// edge); (|hxx| + |hyy|)·h²/4 bounds that with a margin for f'' varying along the edge.
bool pointsLieOnLevel(const Surface& surface, const SurfaceGrid& grid, const Contour& contour)
{
    const double h = cellSize(grid);
    for (const Polyline& line : contour.lines) {
        for (const Point2& p : line) {
            double hxx = 0.0, hxy = 0.0, hyy = 0.0;
            surface.hessian2(p.x, p.y, hxx, hxy, hyy);
            const double tolerance = (std::abs(hxx) + std::abs(hyy)) * h * h / 4.0
                + 1e-12 * (1.0 + std::abs(contour.level));
            const double error = std::abs(surface.value2(p.x, p.y) - contour.level);
            if (error > tolerance) {
                qWarning("point (%g, %g) has f = %.17g, level %.17g, tolerance %g", p.x, p.y,
                    surface.value2(p.x, p.y), contour.level, tolerance);
                return false;
            }
        }
    }
    return true;
}

// Even-odd rule: does the closed polyline enclose p?
bool encloses(const Polyline& loop, const Point2& p)
{
    bool inside = false;
    for (std::size_t n = 0; n + 1 < loop.size(); ++n) {
        const Point2& a = loop[n];
        const Point2& b = loop[n + 1];
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y))
            inside = !inside;
    }
    return inside;
}

bool sortedStrictlyInside(const std::vector<double>& levels, double min, double max)
{
    for (std::size_t n = 0; n < levels.size(); ++n) {
        if (!(levels[n] > min && levels[n] < max))
            return false;
        if (n > 0 && !(levels[n] > levels[n - 1]))
            return false;
    }
    return true;
}

} // namespace

class TestLandscape : public QObject
{
    Q_OBJECT

private slots:
    void gridSamplesTheSurface_data();
    void gridSamplesTheSurface();
    void gridRejectsBadShapes();
    void gridKeepsNonFiniteAsNaN();
    void gridWithoutFiniteValues();

    void linearLevels_data();
    void linearLevels();
    void logLevels_data();
    void logLevels();
    void levelsOfDegenerateRanges();
    void chooseLevels_data();
    void chooseLevels();

    void circleIsOneClosedLoop_data();
    void circleIsOneClosedLoop();
    void levelsKeepTheirOrder();
    void saddleGivesTwoCrossingLines_data();
    void saddleGivesTwoCrossingLines();
    void levelOutsideRangeGivesNoLines_data();
    void levelOutsideRangeGivesNoLines();
    void nanCellsAreSkipped();
    void rosenbrockLinesAreOnLevelAndJoined();
};

void TestLandscape::gridSamplesTheSurface_data()
{
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<double>("yMin");
    QTest::addColumn<double>("yMax");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");

    QTest::newRow("2x2 unit") << -1.0 << 1.0 << -1.0 << 1.0 << 2 << 2;
    QTest::newRow("7x5 offset") << 0.3 << 2.1 << -4.0 << -1.5 << 7 << 5;
    QTest::newRow("200x50 wide") << -2.0 << 2.0 << -1.0 << 4.0 << 200 << 50;
    QTest::newRow("3x300 tall") << -0.1 << 0.1 << -30.0 << 30.0 << 3 << 300;
}

void TestLandscape::gridSamplesTheSurface()
{
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(double, yMin);
    QFETCH(double, yMax);
    QFETCH(int, columns);
    QFETCH(int, rows);

    const Bowl surface(0.2, -0.7, 3.0);
    const ViewRect view {xMin, xMax, yMin, yMax};
    const SurfaceGrid grid = evaluateGrid(surface, view, columns, rows);
    QCOMPARE(grid.columns(), columns);
    QCOMPARE(grid.rows(), rows);
    QCOMPARE(grid.values().size(), std::size_t(columns) * std::size_t(rows));

    // The samples include the edges, exactly.
    QCOMPARE(grid.x(0), xMin);
    QCOMPARE(grid.x(columns - 1), xMax);
    QCOMPARE(grid.y(0), yMin);
    QCOMPARE(grid.y(rows - 1), yMax);

    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int j = 0; j < rows; ++j) {
        const double y = yMin + j * (yMax - yMin) / (rows - 1);
        QVERIFY(std::abs(grid.y(j) - y) <= 1e-12 * (yMax - yMin));
        for (int i = 0; i < columns; ++i) {
            const double x = xMin + i * (xMax - xMin) / (columns - 1);
            QVERIFY(std::abs(grid.x(i) - x) <= 1e-12 * (xMax - xMin));
            const double expected = surface.value2(grid.x(i), grid.y(j));
            QCOMPARE(grid.value(i, j), expected);
            // Row-major, row 0 at yMin.
            QCOMPARE(
                grid.values()[std::size_t(j) * std::size_t(columns) + std::size_t(i)], expected);
            lo = std::min(lo, expected);
            hi = std::max(hi, expected);
        }
    }
    QCOMPARE(grid.minValue(), lo);
    QCOMPARE(grid.maxValue(), hi);
    QCOMPARE(grid.finiteCount(), grid.values().size());
}

void TestLandscape::gridRejectsBadShapes()
{
    const Bowl surface;
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, evaluateGrid(surface, {-1, 1, -1, 1}, 1, 10));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, evaluateGrid(surface, {-1, 1, -1, 1}, 10, 0));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, evaluateGrid(surface, {1, 1, -1, 1}, 10, 10));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument, evaluateGrid(surface, {-1, 1, 2, 1}, 10, 10));
    QVERIFY_THROWS_EXCEPTION(InvalidArgument,
        evaluateGrid(surface, {-1, std::numeric_limits<double>::infinity(), -1, 1}, 10, 10));
    QVERIFY_THROWS_EXCEPTION(
        InvalidArgument, SurfaceGrid(ViewRect {}, 3, 3, std::vector<double>(8, 0.0)));
}

void TestLandscape::gridKeepsNonFiniteAsNaN()
{
    const BrokenBowl surface;
    const SurfaceGrid grid = evaluateGrid(surface, {-1, 1, -1, 1}, 41, 41);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::size_t finite = 0;
    for (int j = 0; j < grid.rows(); ++j) {
        for (int i = 0; i < grid.columns(); ++i) {
            const double expected = surface.value2(grid.x(i), grid.y(j));
            if (std::isfinite(expected)) {
                QCOMPARE(grid.value(i, j), expected);
                lo = std::min(lo, expected);
                hi = std::max(hi, expected);
                ++finite;
            } else {
                // +inf as well as NaN: one "skip me" value for consumers.
                QVERIFY(std::isnan(grid.value(i, j)));
            }
        }
    }
    QVERIFY(finite > 0 && finite < grid.values().size());
    QCOMPARE(grid.finiteCount(), finite);
    QCOMPARE(grid.minValue(), lo);
    QCOMPARE(grid.maxValue(), hi);
}

void TestLandscape::gridWithoutFiniteValues()
{
    const double inf = std::numeric_limits<double>::infinity();
    const SurfaceGrid grid(
        {0, 1, 0, 1}, 2, 3, {inf, -inf, std::numeric_limits<double>::quiet_NaN(), inf, inf, inf});
    QVERIFY(!grid.hasFiniteValues());
    QVERIFY(std::isnan(grid.minValue()));
    QVERIFY(std::isnan(grid.maxValue()));
    QVERIFY(optviz::chooseLevels(grid, 10).empty());
    const std::vector<Contour> contours = extractContours(grid, {0.0, 1.0});
    QCOMPARE(contours.size(), std::size_t(2));
    QVERIFY(contours[0].lines.empty() && contours[1].lines.empty());

    const SurfaceGrid empty;
    QVERIFY(empty.isEmpty());
    QVERIFY(extractContours(empty, {1.0}).front().lines.empty());
}

void TestLandscape::linearLevels_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("count");

    QTest::newRow("unit, 1") << 0.0 << 1.0 << 1;
    QTest::newRow("unit, 20") << 0.0 << 1.0 << 20;
    QTest::newRow("negative, 7") << -50.0 << -3.0 << 7;
    QTest::newRow("tiny range, 10") << 1e-9 << 3e-9 << 10;
    QTest::newRow("wide, 100") << -1e6 << 2e8 << 100;
}

void TestLandscape::linearLevels()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, count);

    const std::vector<double> levels = optviz::linearLevels(min, max, count);
    QCOMPARE(int(levels.size()), count);
    QVERIFY(sortedStrictlyInside(levels, min, max));
    // Evenly spaced, and as far from min and max as from each other.
    const double step = (max - min) / (count + 1);
    for (int k = 0; k < count; ++k)
        QVERIFY(std::abs(levels[std::size_t(k)] - (min + (k + 1) * step)) <= 1e-12 * (max - min));
}

void TestLandscape::logLevels_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("decades");

    QTest::newRow("rosenbrock-like") << 0.0 << 2509.0 << 20 << 4.0;
    QTest::newRow("shifted, 3 decades") << -7.5 << 1000.0 << 12 << 3.0;
    QTest::newRow("one level") << 2.0 << 3.0 << 1 << 4.0;
    QTest::newRow("6 decades, 40") << 1.0 << 1e6 << 40 << 6.0;
}

void TestLandscape::logLevels()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(int, count);
    QFETCH(double, decades);

    const std::vector<double> levels = optviz::logLevels(min, max, count, decades);
    QCOMPARE(int(levels.size()), count);
    QVERIFY(sortedStrictlyInside(levels, min, max));
    // The offsets above min: the lowest at range·10^−decades, then a constant ratio.
    const double range = max - min;
    QVERIFY(std::abs((levels.front() - min) / (range * std::pow(10.0, -decades)) - 1.0) < 1e-9);
    const double ratio = std::pow(10.0, decades / count);
    for (std::size_t k = 1; k < levels.size(); ++k)
        QVERIFY(std::abs((levels[k] - min) / (levels[k - 1] - min) / ratio - 1.0) < 1e-9);
    // The top level is one ratio below the range.
    QVERIFY(std::abs((levels.back() - min) * ratio / range - 1.0) < 1e-9);
}

void TestLandscape::levelsOfDegenerateRanges()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QVERIFY(optviz::linearLevels(0.0, 1.0, 0).empty());
    QVERIFY(optviz::linearLevels(1.0, 1.0, 5).empty());
    QVERIFY(optviz::linearLevels(2.0, 1.0, 5).empty());
    QVERIFY(optviz::linearLevels(nan, 1.0, 5).empty());
    QVERIFY(optviz::linearLevels(0.0, inf, 5).empty());
    QVERIFY(optviz::logLevels(0.0, 1.0, 0).empty());
    QVERIFY(optviz::logLevels(1.0, 1.0, 5).empty());
    QVERIFY(optviz::logLevels(0.0, 1.0, 5, 0.0).empty());
    QVERIFY(optviz::logLevels(0.0, nan, 5).empty());

    // A flat surface has nothing to draw.
    const SurfaceGrid flat({0, 1, 0, 1}, 3, 3, std::vector<double>(9, 4.0));
    QVERIFY(optviz::chooseLevels(flat, 10).empty());

    // Next to a huge minimum, offsets that vanish in rounding are dropped rather than
    // returned equal to min.
    const std::vector<double> levels = optviz::logLevels(1e12, 1e12 + 1.0, 20, 6.0);
    QVERIFY(!levels.empty() && levels.size() < 20);
    QVERIFY(sortedStrictlyInside(levels, 1e12, 1e12 + 1.0));
}

void TestLandscape::chooseLevels_data()
{
    QTest::addColumn<QString>("surfaceName");
    QTest::addColumn<bool>("expectLog");

    QTest::newRow("rosenbrock, default view") << "rosenbrock" << true;
    QTest::newRow("unit bowl") << "bowl" << false;
    QTest::newRow("steep bowl, off centre") << "steep bowl" << false;
}

void TestLandscape::chooseLevels()
{
    QFETCH(QString, surfaceName);
    QFETCH(bool, expectLog);

    std::unique_ptr<Surface> surface;
    if (surfaceName == "bowl")
        surface = std::make_unique<Bowl>();
    else if (surfaceName == "steep bowl")
        surface = std::make_unique<Bowl>(0.4, -0.3, 1e6); // the rule ignores the scale
    else
        surface = makeSurface(surfaceName.toStdString());

    const SurfaceGrid grid = evaluateGrid(*surface, surface->defaultView(), 200, 200);
    QCOMPARE(chooseSpacing(grid), expectLog ? LevelSpacing::Log : LevelSpacing::Linear);

    const std::vector<double> levels = optviz::chooseLevels(grid, 20);
    QCOMPARE(levels.size(), std::size_t(20));
    QVERIFY(sortedStrictlyInside(levels, grid.minValue(), grid.maxValue()));
    if (expectLog) {
        // Log spacing: constant ratios of the offsets, half the levels in the lowest
        // part of the range.
        const double min = grid.minValue();
        const double r1 = (levels[1] - min) / (levels[0] - min);
        const double r2 = (levels[19] - min) / (levels[18] - min);
        QVERIFY(std::abs(r1 / r2 - 1.0) < 1e-9);
        QVERIFY(levels[10] - min < 0.1 * (grid.maxValue() - min));
    } else {
        QCOMPARE(levels, optviz::linearLevels(grid.minValue(), grid.maxValue(), 20));
    }
}

void TestLandscape::circleIsOneClosedLoop_data()
{
    QTest::addColumn<double>("radius");
    QTest::addColumn<int>("size");

    QTest::newRow("r 0.1, 200") << 0.1 << 200;
    QTest::newRow("r 0.35, 200") << 0.35 << 200;
    QTest::newRow("r 0.6, 200") << 0.6 << 200;
    QTest::newRow("r 0.6, 201") << 0.6 << 201;
    QTest::newRow("r 0.3, 37") << 0.3 << 37;
}

void TestLandscape::circleIsOneClosedLoop()
{
    QFETCH(double, radius);
    QFETCH(int, size);

    // Off centre, so that no symmetry of the grid helps.
    const double cx = 0.13, cy = -0.21;
    const Bowl surface(cx, cy);
    const SurfaceGrid grid = evaluateGrid(surface, {-1, 1, -1, 1}, size, size);
    const double level = radius * radius;
    const std::vector<Polyline> lines = extractContour(grid, level);

    QCOMPARE(lines.size(), std::size_t(1));
    const Polyline& circle = lines.front();
    QVERIFY(isClosed(circle));
    QVERIFY(encloses(circle, {cx, cy}));

    // The vertices are on the circle to interpolation accuracy: along an edge f is off by
    // at most h²/4, so the radius by h²/(8r) (1.3e-4 for r = 0.1 on 200 × 200, 2e-5 for
    // r = 0.6).
    const double h = cellSize(grid);
    const double radiusTolerance = 1.05 * h * h / (8.0 * radius) + 1e-12;
    for (const Point2& p : circle)
        QVERIFY(std::abs(std::hypot(p.x - cx, p.y - cy) - radius) <= radiusTolerance);

    // No vertex repeated except the closing one (the loop does not run round twice).
    for (std::size_t n = 0; n + 1 < circle.size(); ++n) {
        for (std::size_t m = n + 1; m + 1 < circle.size(); ++m)
            QVERIFY(circle[n].x != circle[m].x || circle[n].y != circle[m].y);
    }

    // The polygon misses the circular segments beyond its chords (chords ≤ √2·h: at most
    // πh²/3 in all) and sits up to h²/(8r) inside the circle: relative to πr², at most
    // (1/3 + 1/4)·h²/r². That is 5.8e-3 for r = 0.1 on 200 × 200, 1.6e-4 for r = 0.6.
    const double area = shoelaceArea(circle);
    const double areaTolerance = 0.6 * h * h / (radius * radius);
    QVERIFY2(std::abs(area / (std::numbers::pi * level) - 1.0) < areaTolerance,
        qPrintable(QString("area %1 vs %2").arg(area).arg(std::numbers::pi * level)));

    Contour contour {level, lines};
    QVERIFY(pointsLieOnLevel(surface, grid, contour));
}

void TestLandscape::levelsKeepTheirOrder()
{
    const Bowl surface;
    const SurfaceGrid grid = evaluateGrid(surface, {-1, 1, -1, 1}, 120, 120);
    const std::vector<double> levels {
        0.5, 0.04, 5.0, 0.25, 0.04, std::numeric_limits<double>::quiet_NaN(), 0.81};
    const std::vector<Contour> contours = extractContours(grid, levels);
    QCOMPARE(contours.size(), levels.size());
    for (std::size_t n = 0; n < levels.size(); ++n) {
        if (std::isnan(levels[n])) {
            QVERIFY(std::isnan(contours[n].level));
            QVERIFY(contours[n].lines.empty());
            continue;
        }
        QCOMPARE(contours[n].level, levels[n]);
        // Same lines as when extracted alone.
        const std::vector<Polyline> alone = extractContour(grid, levels[n]);
        QCOMPARE(contours[n].lines.size(), alone.size());
        for (std::size_t m = 0; m < alone.size(); ++m) {
            QCOMPARE(contours[n].lines[m].size(), alone[m].size());
            for (std::size_t p = 0; p < alone[m].size(); ++p) {
                QCOMPARE(contours[n].lines[m][p].x, alone[m][p].x);
                QCOMPARE(contours[n].lines[m][p].y, alone[m][p].y);
            }
        }
        QVERIFY(pointsLieOnLevel(surface, grid, contours[n]));
    }
    // Circles of radius √0.5, 0.2, 0.5 and 0.9 fit inside the view; f = 5 is above it.
    QCOMPARE(contours[0].lines.size(), std::size_t(1));
    QCOMPARE(contours[1].lines.size(), std::size_t(1));
    QVERIFY(contours[2].lines.empty());
    QCOMPARE(contours[3].lines.size(), std::size_t(1));
    QCOMPARE(contours[4].lines.size(), std::size_t(1));
    QCOMPARE(contours[6].lines.size(), std::size_t(1));
}

void TestLandscape::saddleGivesTwoCrossingLines_data()
{
    QTest::addColumn<double>("yMin");
    QTest::addColumn<int>("size");

    // The origin inside a cell, generic position: the saddle cell decides how the two
    // diagonals are split into two lines.
    QTest::newRow("shifted, 100") << -1.03 << 100;
    QTest::newRow("shifted, 57") << -1.0071 << 57;
    // The diagonals run exactly through grid points, where f = 0 = the level.
    QTest::newRow("symmetric, 101") << -1.0 << 101;
    QTest::newRow("symmetric, 100") << -1.0 << 100;
}

void TestLandscape::saddleGivesTwoCrossingLines()
{
    QFETCH(double, yMin);
    QFETCH(int, size);

    const Saddle surface;
    const ViewRect view {-1.0, 1.0, yMin, yMin + 2.0};
    const SurfaceGrid grid = evaluateGrid(surface, view, size, size);
    const std::vector<Contour> contours = extractContours(grid, {0.0});
    const std::vector<Polyline>& lines = contours.front().lines;

    // Two lines, each from border to border through the crossing; nothing else.
    QCOMPARE(lines.size(), std::size_t(2));
    QVERIFY(pointsLieOnLevel(surface, grid, contours.front()));
    const double h = cellSize(grid);
    std::vector<Point2> ends;
    for (const Polyline& line : lines) {
        QVERIFY(!isClosed(line));
        QVERIFY(onBorder(grid, line.front()));
        QVERIFY(onBorder(grid, line.back()));
        ends.push_back(line.front());
        ends.push_back(line.back());
        double nearest = std::numeric_limits<double>::infinity();
        for (const Point2& p : line)
            nearest = std::min(nearest, std::hypot(p.x, p.y));
        QVERIFY(nearest <= h);
    }
    // The four ends are where the diagonals |y| = |x| leave the view.
    const double yMax = yMin + 2.0;
    const std::vector<Point2> expected {{-1.0, -1.0}, {1.0, -1.0}, {-yMax, yMax}, {yMax, yMax}};
    for (const Point2& e : expected) {
        const auto hits = std::count_if(ends.begin(), ends.end(),
            [&](const Point2& p) { return std::hypot(p.x - e.x, p.y - e.y) <= h; });
        QCOMPARE(int(hits), 1);
    }
}

void TestLandscape::levelOutsideRangeGivesNoLines_data()
{
    QTest::addColumn<double>("level");

    // Unit bowl on [-1, 1]² sampled with the origin on the grid: values in [0, 2].
    QTest::newRow("below min") << -0.5;
    QTest::newRow("at min") << 0.0;
    QTest::newRow("at max") << 2.0;
    QTest::newRow("above max") << 2.5;
    QTest::newRow("huge") << 1e300;
    QTest::newRow("+inf") << std::numeric_limits<double>::infinity();
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
}

void TestLandscape::levelOutsideRangeGivesNoLines()
{
    QFETCH(double, level);

    const Bowl surface;
    const SurfaceGrid grid = evaluateGrid(surface, {-1, 1, -1, 1}, 51, 51);
    QCOMPARE(grid.minValue(), 0.0);
    QCOMPARE(grid.maxValue(), 2.0);
    QVERIFY(extractContour(grid, level).empty());
}

void TestLandscape::nanCellsAreSkipped()
{
    // NaN for x > 0.25, +inf (stored as NaN) for y < −0.5.
    const BrokenBowl surface;
    const SurfaceGrid grid = evaluateGrid(surface, {-1, 1, -1, 1}, 160, 160);
    const double h = cellSize(grid);
    const std::vector<double> levels {0.01, 0.09, 0.36, 0.64, 1.0, 1.5};
    const std::vector<Contour> contours = extractContours(grid, levels);
    QCOMPARE(contours.size(), levels.size());

    for (const Contour& contour : contours) {
        QVERIFY(pointsLieOnLevel(surface, grid, contour));
        for (const Polyline& line : contour.lines) {
            for (const Point2& p : line) {
                // No point beyond the last finite sample.
                QVERIFY(p.x <= 0.25);
                QVERIFY(p.y >= -0.5);
            }
            // An open line ends at the view's border or next to the missing region.
            if (!isClosed(line)) {
                for (const Point2& end : {line.front(), line.back()})
                    QVERIFY(onBorder(grid, end) || end.x > 0.25 - 2 * h || end.y < -0.5 + 2 * h);
            }
        }
    }
    // r = 0.1 fits in the finite part: a whole circle. r = 0.6 is cut by both regions:
    // one arc from the x = 0.25 cut round the left to the y = −0.5 cut.
    QCOMPARE(contours[0].lines.size(), std::size_t(1));
    QVERIFY(isClosed(contours[0].lines.front()));
    QCOMPARE(contours[2].lines.size(), std::size_t(1));
    QVERIFY(!isClosed(contours[2].lines.front()));

    // Scattered NaN cells: nothing to check but that it neither crashes nor leaves level.
    std::vector<double> values = grid.values();
    for (std::size_t n = 0; n < values.size(); n += 7)
        values[n] = std::numeric_limits<double>::quiet_NaN();
    const SurfaceGrid holey(grid.view(), grid.columns(), grid.rows(), values);
    for (const Contour& contour : extractContours(holey, levels))
        QVERIFY(pointsLieOnLevel(surface, holey, contour));
}

void TestLandscape::rosenbrockLinesAreOnLevelAndJoined()
{
    const auto surface = makeSurface("rosenbrock");
    const SurfaceGrid grid = evaluateGrid(*surface, surface->defaultView(), 300, 300);
    const std::vector<double> levels = optviz::chooseLevels(grid, 20);
    const std::vector<Contour> contours = extractContours(grid, levels);
    QCOMPARE(contours.size(), std::size_t(20));
    for (const Contour& contour : contours) {
        QVERIFY(!contour.lines.empty());
        QVERIFY(pointsLieOnLevel(*surface, grid, contour));
        // Joined: a line that does not close ends at the border; no two lines could have
        // been one.
        for (const Polyline& line : contour.lines) {
            QVERIFY(line.size() >= 2);
            if (!isClosed(line)) {
                QVERIFY(onBorder(grid, line.front()));
                QVERIFY(onBorder(grid, line.back()));
            }
        }
    }
    // The lowest level is the floor of the banana valley, enclosing the minimum (1, 1):
    // closed loops only (the thin tip of the banana, thinner than a cell, may sample as a
    // few separate islands).
    const Contour& lowest = contours.front();
    int enclosing = 0;
    for (const Polyline& line : lowest.lines) {
        QVERIFY(isClosed(line));
        enclosing += encloses(line, {1.0, 1.0}) ? 1 : 0;
    }
    QCOMPARE(enclosing, 1);
}

QTEST_MAIN(TestLandscape)
#include "tst_landscape.moc"
