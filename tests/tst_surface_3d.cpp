// The 3-D view's data: the mesh is f on a grid over the 2-D view (against analytic
// values), the paths lie on it and are cut where they cannot be drawn, and the window's
// view follows scene changes and streamed runs while its dock is open (and only then).

#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "ui/run_series.h"
#include "ui/scene.h"
#include "ui/simulation_controller.h"
#include "ui/surface_3d_mesh.h"
#include "ui/surface_3d_texture.h"
#include "ui/surface_3d_view.h"

#include <QDockWidget>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace optviz;

namespace {

double rosenbrock(double x, double y)
{
    return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
}

// Quadratic with a = 1, b = 10, angle 0, centre (0, 0): ½ (x² + 10 y²).
double quadratic(double x, double y)
{
    return 0.5 * (x * x + 10.0 * y * y);
}

using Analytic = double (*)(double, double);

bool close(double actual, double expected, double relative = 1e-12)
{
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

RunSeries seriesOf(const QVector<double>& x, const QVector<double>& y)
{
    RunChunk chunk;
    chunk.x = x;
    chunk.y = y;
    for (qsizetype i = 0; i < x.size(); ++i) {
        chunk.steps.append(double(i));
        chunk.loss.append(0.0);
    }
    chunk.stepsTaken = x.size() - 1;
    RunSeries series;
    series.append(chunk);
    return series;
}

} // namespace

class TestSurface3D : public QObject
{
    Q_OBJECT

private slots:
    void meshIsSurfaceOnView_data();
    void meshIsSurfaceOnView();
    void pathLiesOnSurface();
    void pathIsThinned();
    void nonFinitePointsAreCut();
    void textureShowsPaths();
    void windowViewFollowsScene();
};

void TestSurface3D::meshIsSurfaceOnView_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<void*>("analytic");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<double>("yMin");
    QTest::addColumn<double>("yMax");
    QTest::addColumn<bool>("logarithmic");
    // Rosenbrock spans decades above its minimum: heights on a log scale, as the 2-D
    // figure colours it; a quadratic bowl does not: heights are f itself.
    QTest::newRow("rosenbrock default view") << "rosenbrock" << reinterpret_cast<void*>(&rosenbrock)
                                             << -2.0 << 2.0 << -1.0 << 4.0 << true;
    QTest::newRow("rosenbrock zoomed") << "rosenbrock" << reinterpret_cast<void*>(&rosenbrock)
                                       << 0.5 << 1.5 << 0.25 << 1.75 << true;
    QTest::newRow("quadratic") << "quadratic" << reinterpret_cast<void*>(&quadratic) << -3.0 << 3.0
                               << -3.0 << 3.0 << false;
}

void TestSurface3D::meshIsSurfaceOnView()
{
    QFETCH(QString, surface);
    QFETCH(void*, analytic);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(double, yMin);
    QFETCH(double, yMax);
    QFETCH(bool, logarithmic);
    const auto f = reinterpret_cast<Analytic>(analytic);
    const ViewRect view {xMin, xMax, yMin, yMax};
    constexpr int samples = 41;
    const SurfaceMesh3D mesh
        = buildSurfaceMesh3D(*makeSurface(surface.toStdString()), view, samples);

    QCOMPARE(mesh.grid.columns(), samples);
    QCOMPARE(mesh.grid.rows(), samples);
    QVERIFY(mesh.grid.view() == view);
    QCOMPARE(mesh.scale.logarithmic, logarithmic);

    // The nodes, computed here: corners of the view included.
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -lowest;
    for (int row = 0; row < samples; ++row)
        for (int column = 0; column < samples; ++column) {
            const double value = f(xMin + column * (xMax - xMin) / (samples - 1),
                yMin + row * (yMax - yMin) / (samples - 1));
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
        }
    QCOMPARE(mesh.grid.x(0), xMin);
    QCOMPARE(mesh.grid.x(samples - 1), xMax);
    QCOMPARE(mesh.grid.y(0), yMin);
    QCOMPARE(mesh.grid.y(samples - 1), yMax);

    for (int row = 0; row < samples; ++row) {
        for (int column = 0; column < samples; ++column) {
            const double x = xMin + column * (xMax - xMin) / (samples - 1);
            const double y = yMin + row * (yMax - yMin) / (samples - 1);
            const double height = mesh.height(column, row);
            // Linear: the height is f. Log: f − f_min + offset, with the offset the
            // axis's floor, so height − floor is f − f_min.
            const double expected = logarithmic ? f(x, y) - lowest : f(x, y);
            const double actual = logarithmic ? height - mesh.scale.lower : height;
            if (!close(actual, expected, 1e-9))
                QFAIL(qPrintable(QString("node (%1, %2) at (%3, %4): height %5, expected %6")
                                     .arg(column)
                                     .arg(row)
                                     .arg(x)
                                     .arg(y)
                                     .arg(actual, 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
    }
    // The height axis holds every node.
    if (logarithmic) {
        QVERIFY(mesh.scale.lower > 0.0);
        QVERIFY(mesh.scale.lower < (highest - lowest) * 1e-2); // below the valley's floor
        QVERIFY(close(mesh.scale.upper - mesh.scale.lower, highest - lowest, 1e-9));
    } else {
        QVERIFY(close(mesh.scale.lower, lowest));
        QVERIFY(close(mesh.scale.upper, highest));
    }
}

void TestSurface3D::pathLiesOnSurface()
{
    const std::unique_ptr<Surface> surface = makeSurface("rosenbrock");
    const SurfaceMesh3D mesh = buildSurfaceMesh3D(*surface, {-2.0, 2.0, -1.0, 4.0}, 41);
    // A curved path (a spiral into the minimum), nothing to simplify at tolerance 0.
    QVector<double> x, y;
    for (int i = 0; i < 200; ++i) {
        const double radius = 1.5 * (1.0 - i / 200.0);
        x.append(1.0 + radius * std::cos(i * 0.2));
        y.append(1.0 + radius * std::sin(i * 0.2));
    }
    const RunPath3D path = buildRunPath3D(*surface, mesh, seriesOf(x, y), 0.0);
    QCOMPARE(path.pieces.size(), std::size_t(1));
    QCOMPARE(path.pointCount(), std::size_t(200));
    for (std::size_t i = 0; i < 200; ++i) {
        const PathPoint3D& p = path.pieces[0][i];
        QCOMPARE(p.x, x[qsizetype(i)]);
        QCOMPARE(p.y, y[qsizetype(i)]);
        // On the surface: the mesh's height of f(x, y), the analytic value.
        const double expected = std::max(
            rosenbrock(p.x, p.y) - mesh.scale.minimum + mesh.scale.offset, mesh.scale.lower);
        QVERIFY2(close(p.height, expected, 1e-9), qPrintable(QString::number(i)));
    }
    QVERIFY(path.hasCurrent);
    QCOMPARE(path.current.x, x.last());
    QCOMPARE(path.current.y, y.last());
}

void TestSurface3D::pathIsThinned()
{
    const std::unique_ptr<Surface> surface = makeSurface("quadratic");
    const SurfaceMesh3D mesh = buildSurfaceMesh3D(*surface, {-3.0, 3.0, -3.0, 3.0}, 21);
    // 1000 points on a straight line: two are enough; then a corner keeps its vertex.
    QVector<double> x, y;
    for (int i = 0; i < 1000; ++i) {
        x.append(-2.0 + 2.0 * i / 999.0);
        y.append(-1.0 + 1.0 * i / 999.0);
    }
    for (int i = 1; i <= 500; ++i) {
        x.append(0.0 + 2.0 * i / 500.0);
        y.append(0.0 - 2.0 * i / 500.0);
    }
    const RunPath3D path = buildRunPath3D(*surface, mesh, seriesOf(x, y), 1e-4);
    QCOMPARE(path.pieces.size(), std::size_t(1));
    const std::vector<PathPoint3D>& piece = path.pieces[0];
    QCOMPARE(piece.size(), std::size_t(3));
    QCOMPARE(piece[0].x, -2.0);
    QVERIFY(close(piece[1].x, 0.0) && close(piece[1].y, 0.0));
    QCOMPARE(piece[2].x, 2.0);
    QCOMPARE(piece[2].y, -2.0);
    QVERIFY(close(piece[2].height, quadratic(2.0, -2.0)));
}

void TestSurface3D::nonFinitePointsAreCut()
{
    const std::unique_ptr<Surface> surface = makeSurface("quadratic");
    const SurfaceMesh3D mesh = buildSurfaceMesh3D(*surface, {-3.0, 3.0, -3.0, 3.0}, 21);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // 4 drawable, NaN, 3 drawable, ∞ in y, 2 drawable, then a diverging tail: 20 (more
    // than a view's size outside) and 1e13.
    const QVector<double> x {0, 0.1, 0.2, 0.3, nan, 1, 1.1, 1.2, 2, -1, -1.1, 20, 1e13};
    const QVector<double> y {0, 0.1, 0.2, 0.4, 0, 1, 1.2, 1.1, inf, -1, -1.2, 0, 1e13};
    const RunPath3D path = buildRunPath3D(*surface, mesh, seriesOf(x, y), 0.0);
    QCOMPARE(path.pieces.size(), std::size_t(3));
    QCOMPARE(path.pieces[0].size(), std::size_t(4));
    QCOMPARE(path.pieces[1].size(), std::size_t(3));
    QCOMPARE(path.pieces[2].size(), std::size_t(2));
    for (const std::vector<PathPoint3D>& piece : path.pieces)
        for (const PathPoint3D& p : piece) {
            QVERIFY(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.height));
            QVERIFY(std::abs(p.x) <= 3.0 && std::abs(p.y) <= 3.0);
            QVERIFY(close(p.height, quadratic(p.x, p.y)));
        }
    // The current point is the last one that can be drawn, not the diverged one.
    QVERIFY(path.hasCurrent);
    QCOMPARE(path.current.x, -1.1);
    QCOMPARE(path.current.y, -1.2);

    // Nothing drawable at all: no pieces and no current point.
    const RunPath3D none = buildRunPath3D(*surface, mesh, seriesOf({nan, 1e13}, {0, 0}), 0.0);
    QVERIFY(none.pieces.empty());
    QVERIFY(!none.hasCurrent);
}

void TestSurface3D::textureShowsPaths()
{
    const std::unique_ptr<Surface> surface = makeSurface("quadratic");
    const SurfaceMesh3D mesh = buildSurfaceMesh3D(*surface, {-3.0, 3.0, -3.0, 3.0}, 21);
    SurfaceTexture3D texture;
    texture.setMesh(*surface, mesh);
    QCOMPARE(texture.base().size(), QSize(SurfaceTexture3D::size, SurfaceTexture3D::size));
    // The view's corners land on the texture's corners, y upwards as in the 2-D figure.
    QCOMPARE(texture.texel(-3.0, 3.0), QPointF(0.0, 0.0));
    QCOMPARE(texture.texel(3.0, -3.0), QPointF(SurfaceTexture3D::size, SurfaceTexture3D::size));
    // The minimum is the darkest colour of viridis, the corner the brightest.
    const QColor centre = texture.base().pixelColor(texture.texel(0.0, 0.0).toPoint());
    const QColor corner = texture.base().pixelColor(3, 3);
    QVERIFY2(centre.lightnessF() < 0.3, qPrintable(centre.name()));
    QVERIFY2(corner.lightnessF() > 0.5, qPrintable(corner.name()));

    // A path along y = 1 in vermillion: its pixels change colour, others do not.
    QVector<double> x, y;
    for (int i = 0; i <= 10; ++i) {
        x.append(-2.0 + 0.2 * i);
        y.append(1.0);
    }
    const QColor vermillion(213, 94, 0);
    const QImage image
        = texture.withPaths({buildRunPath3D(*surface, mesh, seriesOf(x, y), 0.0)}, {vermillion});
    QCOMPARE(image.pixelColor(texture.texel(-1.0, 1.0).toPoint()), vermillion);
    const QPoint away = texture.texel(-1.0, -1.0).toPoint();
    QCOMPARE(image.pixelColor(away), texture.base().pixelColor(away));
}

void TestSurface3D::windowViewFollowsScene()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    MainWindow window(settings);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.applyScene(Scene::defaultScene());
    Surface3DView* view = window.surface3DView();
    QVERIFY(view);
    QVERIFY(!window.view3DDock()->isVisible()); // closed until opened
    QVERIFY(view->mesh().grid.isEmpty()); // and nothing computed while closed

    // Opened from the View menu's action (Ctrl+3).
    window.view3DDock()->toggleViewAction()->trigger();
    QVERIFY(window.view3DDock()->isVisible());
    // Either the graph or a label saying why there is none (no OpenGL offscreen).
    QVERIFY(view->hasGraph() != (view->findChild<QLabel*>("surface3DUnavailable") != nullptr));
    const ViewRect home {-2.0, 2.0, -1.0, 4.0};
    QTRY_VERIFY(view->mesh().grid.view() == home);
    QVERIFY(view->mesh().scale.logarithmic);
    QCOMPARE(view->mesh().grid.columns(), Surface3DView::meshSamples);

    // The streamed runs: one path per run, ending at the run's last point.
    const SimulationController& controller = *window.controller();
    QTRY_VERIFY_WITH_TIMEOUT(controller.series().size() == 3
            && controller.series()[2].stepsTaken() == 500 && view->paths().size() == 3
            && view->paths()[2].current.x == controller.series()[2].x().last(),
        10000);
    for (std::size_t run = 0; run < 3; ++run) {
        const RunPath3D& path = view->paths()[run];
        QVERIFY(path.pointCount() > 1);
        for (const std::vector<PathPoint3D>& piece : path.pieces)
            for (const PathPoint3D& p : piece)
                QVERIFY(close(p.height,
                    std::max(rosenbrock(p.x, p.y) - view->mesh().scale.minimum
                            + view->mesh().scale.offset,
                        view->mesh().scale.lower),
                    1e-9));
    }

    // A zoom (the figure's viewChangedByUser ends in applyScene with the new view).
    Scene zoomed = window.scene();
    const ViewRect zoom {0.0, 1.5, 0.0, 2.0};
    zoomed.view = zoom;
    window.applyScene(zoomed);
    QTRY_VERIFY(view->mesh().grid.view() == zoom);
    QVERIFY(close(view->mesh().grid.value(0, 0), rosenbrock(0.0, 0.0)));

    // Another surface, while the dock is closed: nothing happens until it opens again.
    window.view3DDock()->hide();
    Scene bowl = window.scene();
    bowl.surface = "quadratic";
    bowl.surfaceParameters = {};
    bowl.view.reset();
    bowl.start.reset();
    window.applyScene(bowl);
    QTest::qWait(3 * Surface3DView::updateInterval);
    QVERIFY(view->mesh().grid.view() == zoom);
    window.view3DDock()->show();
    const ViewRect bowlView {-3.0, 3.0, -3.0, 3.0};
    QTRY_VERIFY(view->mesh().grid.view() == bowlView);
    QVERIFY(!view->mesh().scale.logarithmic);
    const int last = Surface3DView::meshSamples - 1;
    QVERIFY(close(view->mesh().height(last, last), quadratic(3.0, 3.0)));
    QVERIFY(close(view->mesh().height(last / 2, last / 2), quadratic(0.0, 0.0)));
}

QTEST_MAIN(TestSurface3D)
#include "tst_surface_3d.moc"
