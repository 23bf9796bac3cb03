// The Figure, the one renderer of a scene: exports, what it draws for diverged runs,
// distances, small multiples, and the mouse (click to pick a start, drag the marker).

#include "rendered_scene.h"
#include "ui/figure.h"
#include "ui/figure_export.h"
#include "ui/run_series.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"
#include "ui/thinned_polyline.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMouseEvent>
#include <QSet>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <limits>
#include <memory>

using namespace optviz;

using namespace optviz::testing;

namespace {

void show(Figure& figure, const Scene& scene, const Rendered& rendered, QSize size = {1280, 800})
{
    figure.resize(size);
    figure.setSceneLayout(scene.layout, int(rendered.series.size()));
    figure.setLossMeasure(scene.lossMeasure);
    figure.setLandscape(scene, rendered.simulation->surface());
    figure.setStart(scene.effectiveStart(rendered.simulation->surface()));
    figure.setRuns(scene, rendered.series);
}

// How many distinct colours an image has (a blank export has one or two).
int colourCount(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

QByteArray head(const QString& path, int bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(bytes);
}

void sendMouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButton button,
    Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class TestFigure : public QObject
{
    Q_OBJECT

private slots:
    void exportsPng_data();
    void exportsPng();
    void exportsSvg();
    void exportsPdf();
    void exportRefusesBadPaths_data();
    void exportRefusesBadPaths();
    void renderSceneToFileWrites();
    void divergedRunDrawsOnlyFinitePoints();
    void nonFinitePointsAreSkipped();
    void distanceMatchesHandComputation();
    void distanceWithoutMinimaFallsBackToLoss();
    void lossAxisIsLogarithmicWhereValuesSpanDecades();
    void simplifiedPathsStayWithinTolerance();
    void smallMultiplesHasOneMapPerRun();
    void panelsShowWhatIsAsked();
    void clickPicksStart();
    void draggingTheStartMarkerPicksStarts();
    void dragElsewherePansTheMap();
    void wheelZoomsTheMap();
    void resetViewReturnsHome();

private:
    QTemporaryDir dir_;
};

void TestFigure::exportsPng_data()
{
    QTest::addColumn<double>("scale");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("3x") << 3.0;
}

void TestFigure::exportsPng()
{
    QFETCH(double, scale);
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(900, 560));
    const QString path = dir_.filePath(QString("figure-%1.png").arg(scale));
    QString error;
    QVERIFY2(figure.exportTo(path, scale, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(qRound(900 * scale), qRound(560 * scale)));
    QVERIFY2(colourCount(image) > 200, "the export looks blank");
}

void TestFigure::exportsSvg()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(900, 560));
    const QString path = dir_.filePath("figure.svg");
    QString error;
    QVERIFY2(figure.exportTo(path, 1.0, &error), qPrintable(error));
    const QByteArray start = head(path, 64).trimmed();
    QVERIFY2(start.startsWith("<?xml") || start.startsWith("<svg"), start.constData());
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QVERIFY(!renderer.defaultSize().isEmpty());
}

void TestFigure::exportsPdf()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(900, 560));
    const QString path = dir_.filePath("figure.pdf");
    QString error;
    QVERIFY2(figure.exportTo(path, 1.0, &error), qPrintable(error));
    QVERIFY(head(path, 5).startsWith("%PDF"));
    QVERIFY(QFileInfo(path).size() > 10000); // a heat map, lines and text, not an empty page
}

void TestFigure::exportRefusesBadPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing folder")
        << "/nonexistent-optviz-folder/figure.png" << 1.0 << "does not exist";
    QTest::newRow("unknown extension") << dir_.filePath("figure.bmp") << 1.0 << ".bmp";
    QTest::newRow("no extension") << dir_.filePath("figure") << 1.0 << "unknown file type";
    QTest::newRow("a folder") << dir_.path() + "/sub.png" << 1.0 << "folder";
    QTest::newRow("bad scale") << dir_.filePath("figure.png") << 0.0 << "scale";
}

void TestFigure::exportRefusesBadPaths()
{
    QFETCH(QString, path);
    QFETCH(double, scale);
    QFETCH(QString, mentions);
    QDir(dir_.path()).mkpath("sub.png"); // "a folder": a directory where the file would go
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(600, 400));
    QString error;
    QVERIFY(!figure.exportTo(path, scale, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(!error.contains('\n'));
}

void TestFigure::renderSceneToFileWrites()
{
    Scene scene = Scene::defaultScene();
    scene.steps = 100;
    const QString path = dir_.filePath("scene.png");
    QString error;
    QVERIFY2(renderSceneToFile(scene, path, QSize(640, 400), 2.0, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(image.size(), QSize(1280, 800));
    QVERIFY(colourCount(image) > 200);

    Scene bad = scene;
    bad.optimizers[0].name = "no-such-optimizer";
    QVERIFY(!renderSceneToFile(bad, dir_.filePath("bad.png"), QSize(640, 400), 1.0, &error));
    QVERIFY2(error.contains("no-such-optimizer"), qPrintable(error));
}

void TestFigure::divergedRunDrawsOnlyFinitePoints()
{
    // Gradient descent with lr = 1 on Rosenbrock leaves the finite range in a few steps.
    const Scene scene = sceneWith("rosenbrock", {{"gd", 1.0}, {"adam", 0.02}}, 200);
    const Rendered rendered = simulate(scene);
    const RunSeries& series = rendered.series[0];
    QCOMPARE(series.status(), RunStatus::Diverged);
    const long long divergedAt = series.divergedAtStep();
    QVERIFY(divergedAt > 0);

    Figure figure;
    show(figure, scene, rendered);
    QCOMPARE(figure.runLabel(0), QString("gd lr=1 — diverged at step %1").arg(divergedAt));
    QVERIFY(!figure.runLabel(1).contains("diverged"));
    QCOMPARE(figure.legend->itemWithPlottable(figure.lossGraph(0))->plottable()->name(),
        figure.runLabel(0));

    const QCPCurve* path = figure.pathCurve(0);
    QVERIFY(path);
    QCOMPARE(path->data()->size(), series.size());
    for (auto it = path->data()->constBegin(); it != path->data()->constEnd(); ++it)
        QVERIFY(std::isfinite(it->key) && std::isfinite(it->value));
    for (auto it = figure.lossGraph(0)->data()->constBegin();
         it != figure.lossGraph(0)->data()->constEnd(); ++it)
        QVERIFY(std::isfinite(it->key) && std::isfinite(it->value));
    // The path ends at the last finite iterate.
    const auto last = path->data()->constEnd() - 1;
    QCOMPARE(last->key, series.x().last());
    QCOMPARE(last->value, series.y().last());
}

void TestFigure::nonFinitePointsAreSkipped()
{
    // The runner never sends these, but a NaN must never reach the painter.
    RunChunk chunk;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    chunk.steps = {0, 1, 2, 3, 4};
    chunk.x = {-1.0, nan, -0.5, inf, 0.0};
    chunk.y = {1.0, 0.5, nan, 0.2, 0.1};
    chunk.loss = {4.0, nan, 2.0, 1.0, inf};
    chunk.stepsTaken = 4;
    chunk.status = RunStatus::Finished;
    RunSeries series;
    series.append(chunk);

    Scene scene = sceneWith("rosenbrock", {{"adam", 0.01}}, 4);
    const auto surface = scene.makeSurface();
    Figure figure;
    figure.resize(800, 500);
    figure.setLandscape(scene, *surface);
    figure.setRuns(scene, {series});
    QCOMPARE(figure.pathCurve(0)->data()->size(), 2); // (−1, 1) and (0, 0.1)
    QCOMPARE(figure.lossGraph(0)->data()->size(), 3); // steps 0, 2 and 3
    QString error;
    QVERIFY2(figure.exportTo(dir_.filePath("nan.png"), 1.0, &error), qPrintable(error));
}

void TestFigure::distanceMatchesHandComputation()
{
    // Himmelblau has four minima; each point's distance is to the nearest.
    Scene scene = sceneWith("himmelblau", {{"gd", 0.01}, {"adam", 0.1}}, 60);
    scene.start = Point2 {0.5, -0.5};
    scene.lossMeasure = LossMeasure::DistanceToMinimum;
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    QCOMPARE(
        figure.lossRect()->axis(QCPAxis::atLeft)->label(), QString("distance to nearest minimum"));

    const std::vector<Point2> minima = rendered.simulation->surface().minima();
    QCOMPARE(int(minima.size()), 4);
    for (int run = 0; run < 2; ++run) {
        const RunSeries& series = rendered.series[run];
        const QCPGraph* graph = figure.lossGraph(run);
        QCOMPARE(graph->data()->size(), series.size());
        int k = 0;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it, ++k) {
            double nearest = std::numeric_limits<double>::infinity();
            for (const Point2& m : minima) {
                const double dx = series.x()[k] - m.x;
                const double dy = series.y()[k] - m.y;
                nearest = std::min(nearest, std::sqrt(dx * dx + dy * dy));
            }
            QCOMPARE(it->key, series.steps()[k]);
            QVERIFY(std::abs(it->value - nearest) <= 1e-12 * std::max(1.0, nearest));
        }
    }

    // Back to the loss: the curves are the losses again.
    figure.setLossMeasure(LossMeasure::Loss);
    QCOMPARE(figure.lossGraph(0)->data()->constBegin()->value, rendered.series[0].loss()[0]);
    QCOMPARE(figure.lossRect()->axis(QCPAxis::atLeft)->label(), QString("loss f(x, y)"));
}

void TestFigure::distanceWithoutMinimaFallsBackToLoss()
{
    Scene scene = sceneWith("saddle", {{"gd", 0.01}}, 20);
    scene.start = Point2 {0.5, 0.01};
    scene.lossMeasure = LossMeasure::DistanceToMinimum;
    const Rendered rendered = simulate(scene);
    QVERIFY(rendered.simulation->surface().minima().empty());
    Figure figure;
    show(figure, scene, rendered);
    QVERIFY(figure.lossRect()->axis(QCPAxis::atLeft)->label().contains("no known minimum"));
    QCOMPARE(figure.lossGraph(0)->data()->constBegin()->value, rendered.series[0].loss()[0]);
}

void TestFigure::lossAxisIsLogarithmicWhereValuesSpanDecades()
{
    const Scene rosenbrock = Scene::defaultScene(); // 12.5 down to ~1e-3: decades
    const Rendered decades = simulate(rosenbrock);
    Figure figure;
    show(figure, rosenbrock, decades);
    QCOMPARE(figure.lossRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLogarithmic);

    // Himmelblau's minimum is exactly 0, which some runs reach: still log, zeros at the floor.
    Scene himmelblau = sceneWith("himmelblau", {{"newton", 1.0}, {"gd", 0.01}}, 50);
    himmelblau.start = Point2 {0.0, 0.0};
    const Rendered zeros = simulate(himmelblau);
    Figure withZeros;
    show(withZeros, himmelblau, zeros);
    const QCPAxis* axis = withZeros.lossRect()->axis(QCPAxis::atLeft);
    QVERIFY(zeros.series[0].loss().contains(0.0)); // Newton lands on (3, 2) exactly
    QCOMPARE(axis->scaleType(), QCPAxis::stLogarithmic);
    for (auto it = withZeros.lossGraph(0)->data()->constBegin();
         it != withZeros.lossGraph(0)->data()->constEnd(); ++it)
        QVERIFY(it->value >= axis->range().lower && it->value > 0.0);

    Scene saddle = sceneWith("saddle", {{"gd", 0.01}}, 20); // negative values: linear
    saddle.start = Point2 {0.5, 0.2};
    const Rendered linear = simulate(saddle);
    Figure other;
    show(other, saddle, linear);
    QCOMPARE(other.lossRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
}

void TestFigure::simplifiedPathsStayWithinTolerance()
{
    // A damped zigzag, a smooth arc and an oscillation back and forth along one line (the
    // shape a simplifier most easily loses): every dropped point stays near the result.
    QPolygonF line;
    for (int i = 0; i < 400; ++i)
        line.append(QPointF(i * 0.7, 40.0 * std::exp(-i / 60.0) * (i % 2 ? 1 : -1)));
    for (int i = 0; i < 400; ++i)
        line.append(QPointF(280 + 100 * std::sin(i / 200.0), 100 * (1 - std::cos(i / 200.0))));
    for (int i = 0; i < 50; ++i)
        line.append(QPointF(380 + (i % 2 ? 30.0 : -30.0) * (1.0 - i / 60.0), 50.0));
    const double tolerance = 0.5;
    const QPolygonF simple = simplifyPolyline(line, tolerance);
    QVERIFY(simple.size() < line.size());
    QCOMPARE(simple.first(), line.first());
    QCOMPARE(simple.last(), line.last());
    const auto distanceToSimple = [&](const QPointF& p) {
        double best = std::numeric_limits<double>::infinity();
        for (qsizetype i = 1; i < simple.size(); ++i) {
            const QPointF a = simple[i - 1], b = simple[i];
            const QPointF ab = b - a, ap = p - a;
            const double l2 = QPointF::dotProduct(ab, ab);
            const double t = l2 > 0 ? std::clamp(QPointF::dotProduct(ap, ab) / l2, 0.0, 1.0) : 0.0;
            const QPointF d = ap - t * ab;
            best = std::min(best, std::sqrt(QPointF::dotProduct(d, d)));
        }
        return best;
    };
    for (const QPointF& p : line)
        QVERIFY2(distanceToSimple(p) <= 1.5 * tolerance,
            qPrintable(
                QString("(%1, %2) is %3 away").arg(p.x()).arg(p.y()).arg(distanceToSimple(p))));
    // The smooth arc needs far fewer points than it has.
    const QPolygonF arc = simplifyPolyline(line.mid(400, 400), tolerance);
    QVERIFY2(arc.size() < 40, qPrintable(QString::number(arc.size())));
}

void TestFigure::smallMultiplesHasOneMapPerRun()
{
    Scene scene = Scene::defaultScene();
    scene.steps = 50;
    scene.layout = SceneLayout::SmallMultiples;
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    QCOMPARE(figure.mapCount(), 3);
    QCOMPARE(figure.runCount(), 3);
    for (int run = 0; run < 3; ++run) {
        QCOMPARE(figure.pathCurve(run)->keyAxis()->axisRect(), figure.mapRect(run));
        QVERIFY(figure.lossGraph(run)); // one loss panel with every run
        QCOMPARE(figure.lossGraph(run)->keyAxis()->axisRect(), figure.lossRect());
    }
    // Linked axes: zooming one map moves them all.
    figure.mapRect(1)->axis(QCPAxis::atBottom)->setRange(-0.5, 0.5);
    figure.mapRect(1)->axis(QCPAxis::atLeft)->setRange(0.0, 1.0);
    for (int map = 0; map < 3; ++map) {
        QCOMPARE(figure.mapRect(map)->axis(QCPAxis::atBottom)->range().lower, -0.5);
        QCOMPARE(figure.mapRect(map)->axis(QCPAxis::atLeft)->range().upper, 1.0);
    }
    // One colour scale for all.
    const auto maps = figure.mapRect(0)->plottables();
    QVERIFY(!maps.isEmpty());

    // A fourth run brings a fourth map; back to overlay, one.
    scene.optimizers.append(scene.makeEntry("rmsprop"));
    const Rendered four = simulate(scene);
    figure.setRuns(scene, four.series);
    QCOMPARE(figure.mapCount(), 4);
    QCOMPARE(figure.pathCurve(3)->keyAxis()->axisRect(), figure.mapRect(3));
    figure.setSceneLayout(SceneLayout::Overlay, 4);
    QCOMPARE(figure.mapCount(), 1);
    for (int run = 0; run < 4; ++run)
        QCOMPARE(figure.pathCurve(run)->keyAxis()->axisRect(), figure.mapRect(0));
    QString error;
    QVERIFY2(figure.exportTo(dir_.filePath("overlay4.png"), 1.0, &error), qPrintable(error));
}

void TestFigure::panelsShowWhatIsAsked()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    // QCustomPlot's conveniences point at the map.
    QCOMPARE(figure.axisRect(0), figure.mapRect(0));
    QCOMPARE(figure.xAxis, figure.mapRect(0)->axis(QCPAxis::atBottom));
    QCOMPARE(figure.yAxis, figure.mapRect(0)->axis(QCPAxis::atLeft));
    figure.setPanels(Figure::Panels::SurfaceOnly);
    QCOMPARE(figure.mapCount(), 1);
    QVERIFY(!figure.lossRect());
    QVERIFY(figure.pathCurve(0));
    QVERIFY(!figure.lossGraph(0));
    QCOMPARE(figure.legend->itemCount(), 3); // the legend stays
    figure.setPanels(Figure::Panels::LossOnly);
    QCOMPARE(figure.mapCount(), 0);
    QVERIFY(figure.lossRect());
    QVERIFY(!figure.pathCurve(0));
    QCOMPARE(figure.legend->itemCount(), 3);
    QString error;
    QVERIFY2(figure.exportTo(dir_.filePath("loss-only.svg"), 1.0, &error), qPrintable(error));
    figure.setPanels(Figure::Panels::SurfaceAndLoss);
    QCOMPARE(figure.mapCount(), 1);
    QVERIFY(figure.lossRect());
}

void TestFigure::clickPicksStart()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    figure.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figure));
    figure.replot();

    QSignalSpy picked(&figure, &Figure::startPicked);
    QSignalSpy viewChanged(&figure, &Figure::viewChangedByUser);
    const Point2 target {0.5, 3.0};
    const QPoint pixel = figure.pixelOf(target).toPoint();
    QVERIFY(figure.mapRect(0)->rect().contains(pixel));
    QTest::mouseClick(&figure, Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(picked.count(), 1);
    const double x = picked.first().at(0).toDouble();
    const double y = picked.first().at(1).toDouble();
    // Within a pixel of the target: 4 units over several hundred pixels.
    QVERIFY2(std::abs(x - target.x) < 0.02 && std::abs(y - target.y) < 0.02,
        qPrintable(QString("picked (%1, %2)").arg(x).arg(y)));
    QCOMPARE(viewChanged.count(), 0);
    QCOMPARE(figure.start().x, x); // the marker moved at once

    // A click outside the maps (on the loss panel) picks nothing.
    QTest::mouseClick(&figure, Qt::LeftButton, Qt::NoModifier, figure.lossRect()->rect().center());
    QCOMPARE(picked.count(), 1);
}

void TestFigure::draggingTheStartMarkerPicksStarts()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    figure.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figure));
    figure.replot();
    const ViewRect before = figure.visibleView();

    QSignalSpy picked(&figure, &Figure::startPicked);
    const QPointF from = figure.pixelOf(scene.effectiveStart(rendered.simulation->surface()));
    const QPointF to = figure.pixelOf(Point2 {0.0, 0.5});
    sendMouse(
        &figure, QEvent::MouseButtonPress, from + QPointF(2, 1), Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        sendMouse(&figure, QEvent::MouseMove, from + (to - from) * (i / 5.0), Qt::NoButton,
            Qt::LeftButton);
    sendMouse(&figure, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);

    QCOMPARE(picked.count(), 5); // continuously while dragging
    const double x = picked.last().at(0).toDouble();
    const double y = picked.last().at(1).toDouble();
    QVERIFY2(std::abs(x) < 0.02 && std::abs(y - 0.5) < 0.02,
        qPrintable(QString("dragged to (%1, %2)").arg(x).arg(y)));
    QVERIFY(figure.visibleView() == before); // the map did not pan
}

void TestFigure::dragElsewherePansTheMap()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    figure.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figure));
    figure.replot();
    const ViewRect before = figure.visibleView();

    QSignalSpy picked(&figure, &Figure::startPicked);
    QSignalSpy viewChanged(&figure, &Figure::viewChangedByUser);
    const QPointF from = figure.pixelOf(Point2 {1.0, 3.0});
    const QPointF to = from + QPointF(-60, 40);
    sendMouse(&figure, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(&figure, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
    sendMouse(&figure, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
    sendMouse(&figure, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);

    QCOMPARE(picked.count(), 0);
    QCOMPARE(viewChanged.count(), 1);
    const ViewRect after = figure.visibleView();
    QVERIFY(after.xMin > before.xMin); // dragged left: the view moved right
    QVERIFY(after.yMin > before.yMin); // dragged down: the view moved up
    QVERIFY(viewChanged.first().at(0).value<ViewRect>() == after);
}

void TestFigure::wheelZoomsTheMap()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    figure.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figure));
    figure.replot();
    const ViewRect before = figure.visibleView();

    QSignalSpy viewChanged(&figure, &Figure::viewChangedByUser);
    const QPointF at = figure.pixelOf(Point2 {0.0, 1.0});
    for (int i = 0; i < 3; ++i) { // three notches in quick succession
        QWheelEvent wheel(at, figure.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&figure, &wheel);
    }
    const ViewRect zoomed = figure.visibleView();
    QVERIFY(zoomed.xMax - zoomed.xMin < before.xMax - before.xMin); // zoomed in
    QVERIFY(zoomed.xMin < 0.0 && zoomed.xMax > 0.0); // about the cursor
    QTRY_COMPARE(viewChanged.count(), 1); // once the wheel rests
    QVERIFY(viewChanged.first().at(0).value<ViewRect>() == zoomed);
}

void TestFigure::resetViewReturnsHome()
{
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered);
    const ViewRect home = figure.visibleView();
    QVERIFY(home == rendered.simulation->surface().defaultView());
    figure.mapRect(0)->axis(QCPAxis::atBottom)->setRange(0.0, 1.0);
    QVERIFY(!(figure.visibleView() == home));
    figure.resetView();
    QVERIFY(figure.visibleView() == home);
}

QTEST_MAIN(TestFigure)
#include "tst_figure.moc"
