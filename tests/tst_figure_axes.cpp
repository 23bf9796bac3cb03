// The figure's axes and layout for the screens a classroom has: tick labels that never
// collide, powers of ten as 10ⁿ in every locale (window and CLI), the loss panel under
// the map on a narrow figure, near-square small multiples, the loss axis that follows an
// animation, diverged runs' finite loss curves and the inspector's honest arrows.

#include "cli_process.h"
#include "rendered_scene.h"
#include "ui/figure.h"
#include "ui/figure_export.h"
#include "ui/figure_layout.h"
#include "ui/inspector_arrows.h"
#include "ui/loss_axis_policy.h"
#include "ui/number_text.h"
#include "ui/run_series.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"
#include "ui/spaced_ticker.h"
#include "ui/thinned_polyline.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace optviz;

using namespace optviz::testing;

namespace {

// A hidden widget gets its resize event when shown: deliver it now, as the window would,
// then lay out and draw.
void settle(QCustomPlot& plot, QSize size)
{
    plot.resize(size);
    QResizeEvent event(size, QSize());
    QApplication::sendEvent(&plot, &event);
    plot.replot();
}

void show(Figure& figure, const Scene& scene, const Rendered& rendered, QSize size)
{
    figure.resize(size);
    figure.setSceneLayout(scene.layout, int(rendered.series.size()));
    figure.setLossMeasure(scene.lossMeasure);
    figure.setLandscape(scene, rendered.simulation->surface());
    figure.setStart(scene.effectiveStart(rendered.simulation->surface()));
    figure.setRuns(scene, rendered.series);
    settle(figure, size);
}

// The Rosenbrock race of lesson 4: losses over many decades (a log loss axis).
Scene rosenbrockRace()
{
    Scene scene = sceneWith(
        "rosenbrock", {{"gd", 0.001}, {"momentum", 0.001}, {"adam", 0.05}, {"lbfgs", 0.0}}, 1000);
    scene.start = Point2 {-1.5, 2.0};
    return scene;
}

// The rectangles the labels of `axis` take, in pixels, from the ticks the ticker made at
// the last replot and the label font's metrics (labels centred on their ticks).
QList<QRectF> labelRects(QCPAxis* axis)
{
    QList<QRectF> rects;
    const QFontMetricsF metrics(axis->tickLabelFont());
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i]))
            continue;
        const double at = axis->coordToPixel(ticks[i]);
        const QSizeF size(metrics.horizontalAdvance(labels[i]), metrics.height());
        rects << (axis->orientation() == Qt::Horizontal
                ? QRectF(at - size.width() / 2, 0.0, size.width(), size.height())
                : QRectF(0.0, at - size.height() / 2, size.width(), size.height()));
    }
    return rects;
}

// The first pair of labels of `axis` that touch, or an empty string.
QString collision(QCPAxis* axis, const QString& name)
{
    const QList<QRectF> rects = labelRects(axis);
    const QVector<QString> labels = axis->tickVectorLabels();
    for (int i = 0; i < rects.size(); ++i)
        for (int j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j]))
                return QString("%1: labels %2 and %3 overlap (%4 px axis)")
                    .arg(name)
                    .arg(i)
                    .arg(j)
                    .arg(axis->orientation() == Qt::Horizontal ? axis->axisRect()->width()
                                                               : axis->axisRect()->height());
    return {};
}

QList<std::pair<QString, QCPAxis*>> labelledAxes(const Figure& figure)
{
    QList<std::pair<QString, QCPAxis*>> axes;
    for (int map = 0; map < figure.mapCount(); ++map) {
        axes << std::pair(
            QString("map %1 x").arg(map), figure.mapRect(map)->axis(QCPAxis::atBottom));
        axes << std::pair(QString("map %1 y").arg(map), figure.mapRect(map)->axis(QCPAxis::atLeft));
    }
    if (figure.lossRect()) {
        axes << std::pair(QString("loss x"), figure.lossRect()->axis(QCPAxis::atBottom));
        axes << std::pair(QString("loss y"), figure.lossRect()->axis(QCPAxis::atLeft));
    }
    if (figure.colourScale())
        axes << std::pair(QString("colour scale"), figure.colourScale()->axis());
    return axes;
}

QImage renderImage(const Scene& scene, QSize size)
{
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, size);
    return figure.toPixmap(size.width(), size.height(), 1.0).toImage();
}

} // namespace

class TestFigureAxes : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void niceStepsAreAtLeastAskedFor();
    void ticksNeverCollide_data();
    void ticksNeverCollide();
    void narrowAxisGetsFewerTicks();
    void logAxesReadAsPowersInEveryLocale_data();
    void logAxesReadAsPowersInEveryLocale();
    void cliFigureIsTheSameUnderEveryLang();
    void readableNumbers();
    void log10CoordinateTickerLabelsPowers();
    void lossGoesUnderTheMapWhenNarrow();
    void smallMultiplesStayNearSquare_data();
    void smallMultiplesStayNearSquare();
    void animateLossAxisFollowsTheSteps();
    void animateLossScaleDoesNotFlipDuringPlay();
    void instantLossAxisSpansTheBudget();
    void divergedRunKeepsItsFiniteLossCurve_data();
    void divergedRunKeepsItsFiniteLossCurve();
    void hugeFiniteLossesStillDraw();
    void clippedPolylinesKeepTheVisiblePart();
    void arrowCaptionStatesTheScale();
    void arrowLabelsDoNotOverlap();
    void longJumpPathsAreDrawnUnderneath();
};

void TestFigureAxes::niceStepsAreAtLeastAskedFor()
{
    QCOMPARE(SpacedTicker::niceStepAtLeast(0.7), 1.0);
    QCOMPARE(SpacedTicker::niceStepAtLeast(1.0), 1.0);
    QCOMPARE(SpacedTicker::niceStepAtLeast(1.1), 2.0);
    QCOMPARE(SpacedTicker::niceStepAtLeast(2.2), 2.5);
    QCOMPARE(SpacedTicker::niceStepAtLeast(3.0), 5.0);
    QCOMPARE(SpacedTicker::niceStepAtLeast(120.0), 200.0);
    QCOMPARE(SpacedTicker::niceStepAtLeast(0.031), 0.05);
}

void TestFigureAxes::ticksNeverCollide_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("multiples");
    QTest::addColumn<bool>("presentation");
    // The window's figure beside the docks at 1024 × 768 and 1366 × 768, a phone-sized
    // export, a wide short figure with the loss panel beside the map.
    QTest::newRow("1024 window") << QSize(640, 560) << false << false;
    QTest::newRow("1366 window") << QSize(980, 600) << false << false;
    QTest::newRow("small") << QSize(420, 360) << false << false;
    QTest::newRow("wide and short") << QSize(1400, 420) << false << false;
    QTest::newRow("multiples 1024") << QSize(640, 560) << true << false;
    QTest::newRow("multiples wide") << QSize(1400, 500) << true << false;
    QTest::newRow("presentation 1024") << QSize(640, 560) << false << true;
}

void TestFigureAxes::ticksNeverCollide()
{
    QFETCH(QSize, size);
    QFETCH(bool, multiples);
    QFETCH(bool, presentation);
    Scene scene = rosenbrockRace();
    scene.layout = multiples ? SceneLayout::SmallMultiples : SceneLayout::Overlay;
    const Rendered rendered = simulate(scene);
    Figure figure;
    figure.setPresentationStyle(presentation);
    show(figure, scene, rendered, size);
    for (const auto& [name, axis] : labelledAxes(figure)) {
        const QString problem = collision(axis, name);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestFigureAxes::narrowAxisGetsFewerTicks()
{
    // The loss panel's steps, 0 … 500, on a 150-pixel axis: "0100200300400500" was six
    // labels; now as many as fit.
    QCustomPlot plot;
    settle(plot, QSize(150 + 80, 200));
    QCPAxis* x = plot.xAxis;
    x->setTicker(QSharedPointer<QCPAxisTicker>(new SpacedTicker(x, 40.0)));
    x->setRange(0.0, 500.0);
    plot.axisRect()->setAutoMargins(QCP::msNone);
    plot.axisRect()->setMargins(QMargins(40, 10, 40, 30));
    plot.replot();
    QCOMPARE(plot.axisRect()->width(), 150);
    const QList<QRectF> rects = labelRects(x);
    QVERIFY(rects.size() >= 2);
    QVERIFY2(rects.size() <= 4, qPrintable(QString::number(rects.size())));
    QVERIFY(collision(x, "x").isEmpty());
    // The same range on a wide axis: more ticks, at most ten.
    settle(plot, QSize(1200, 200));
    QVERIFY(labelRects(x).size() > rects.size());
    QVERIFY(labelRects(x).size() <= 11);
    QVERIFY(collision(x, "x").isEmpty());
}

void TestFigureAxes::logAxesReadAsPowersInEveryLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("zh_CN") << "zh_CN";
    QTest::newRow("de_DE") << "de_DE";
    QTest::newRow("en_US") << "en_US";
}

void TestFigureAxes::logAxesReadAsPowersInEveryLocale()
{
    QFETCH(QString, locale);
    const Scene scene = rosenbrockRace();
    const QSize size(1280, 800);
    QLocale::setDefault(QLocale::c());
    const QImage reference = renderImage(scene, size);

    QLocale::setDefault(QLocale(locale));
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, size);
    QCPAxis* loss = figure.lossRect()->axis(QCPAxis::atLeft);
    QCOMPARE(loss->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(figure.locale(), QLocale::c());
    for (const auto& [name, axis] : labelledAxes(figure)) {
        for (const QString& label : axis->tickVectorLabels()) {
            QVERIFY2(!label.contains('E') && !label.contains(','), qPrintable(name + ": " + label));
        }
    }
    // Every loss label is a power of ten, which QCustomPlot typesets as 10ⁿ ("1e+03").
    const QVector<QString> labels = loss->tickVectorLabels();
    QVERIFY(labels.size() >= 2);
    for (const QString& label : labels)
        QVERIFY2(QRegularExpression("^1e[+-]\\d+$").match(label).hasMatch(), qPrintable(label));
    // And the picture is the very same as under the C locale.
    const QImage image = figure.toPixmap(size.width(), size.height(), 1.0).toImage();
    QCOMPARE(image.size(), reference.size());
    QVERIFY2(image == reference, "the figure differs from the C locale's");
}

void TestFigureAxes::cliFigureIsTheSameUnderEveryLang()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scenePath
        = QStringLiteral(OPTVIZ_TEST_DATA_DIR "/../../resources/lessons/04-rosenbrock-race.json");
    QVERIFY2(QFile::exists(scenePath), qPrintable(scenePath));
    QImage reference;
    for (const QString lang : {"C", "de_DE.UTF-8", "zh_CN.UTF-8", "en_US.UTF-8"}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LANG", lang);
        environment.insert("LC_ALL", lang);
        environment.insert("LANGUAGE", lang);
        const QString out = dir.filePath(QString("race-%1.png").arg(lang));
        const auto result = optviz::testing::runCli(
            {"render", "--scene", scenePath, "--out", out, "--size", "900x560"}, environment);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QImage image(out);
        QVERIFY(!image.isNull());
        if (reference.isNull())
            reference = image;
        else
            QVERIFY2(image == reference, qPrintable("LANG=" + lang + " differs from LANG=C"));
    }
}

void TestFigureAxes::readableNumbers()
{
    QCOMPARE(powerOfTenText(3), QString("10³"));
    QCOMPARE(powerOfTenText(-12), QString("10⁻¹²"));
    QCOMPARE(powerOfTenText(0), QString("10⁰"));
    QCOMPARE(readableNumber(0.0123), QString("0.012"));
    QCOMPARE(readableNumber(250.0), QString("250"));
    QCOMPARE(readableNumber(-0.5), QString("−0.5"));
    QCOMPARE(readableNumber(2.5e-5), QString("2.5·10⁻⁵"));
    QCOMPARE(readableNumber(1e6), QString("10⁶"));
    QCOMPARE(readableNumber(0.0147, 3), QString("0.0147"));
}

void TestFigureAxes::log10CoordinateTickerLabelsPowers()
{
    // A hyperparameter map's axis over lr = 10⁻⁶ … 10⁹ in log10 coordinates.
    QCustomPlot plot;
    settle(plot, QSize(600, 300));
    QCPAxis* x = plot.xAxis;
    x->setTicker(QSharedPointer<QCPAxisTicker>(new Log10CoordinateTicker(x, 50.0)));
    x->setRange(-6.0, 9.0);
    plot.replot();
    const QVector<QString> labels = x->tickVectorLabels();
    QVERIFY(labels.size() >= 3);
    for (int i = 0; i < labels.size(); ++i) {
        const int power = int(std::lround(x->tickVector()[i]));
        QCOMPARE(labels[i], powerOfTenText(power));
    }
    QVERIFY(collision(x, "lr").isEmpty());
    // Two decades with room: 1, 2, 5 as plain numbers.
    x->setRange(std::log10(0.01), std::log10(1.0));
    plot.replot();
    QStringList shown;
    for (int i = 0; i < x->tickVector().size(); ++i)
        if (x->range().contains(x->tickVector()[i]))
            shown << x->tickVectorLabels()[i];
    QCOMPARE(shown, QStringList({"0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"}));
    QVERIFY(collision(x, "lr").isEmpty());
}

void TestFigureAxes::lossGoesUnderTheMapWhenNarrow()
{
    // The window's figure beside its docks at 1024 × 768: beside the map the loss panel
    // would be a sliver; under it, it reads.
    const Scene scene = Scene::defaultScene();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(700, 600));
    QVERIFY(figure.arrangement().lossBelowMap);
    QVERIFY(figure.lossRect()->top() > figure.mapRect(0)->bottom());
    QVERIFY(figure.lossRect()->width() > 450);
    // Wide: beside it, as before.
    settle(figure, QSize(1600, 900));
    QVERIFY(!figure.arrangement().lossBelowMap);
    QVERIFY(figure.lossRect()->left() > figure.mapRect(0)->right());
    const QRect map = figure.mapRect(0)->rect();
    QVERIFY(map.width() < 1.4 * map.height());
    QVERIFY(FigureLayout::choose(QSize(640, 560), 1, true).lossBelowMap);
    QVERIFY(FigureLayout::choose(QSize(800, 700), 1, true).lossBelowMap);
    QVERIFY(!FigureLayout::choose(QSize(1366, 700), 1, true).lossBelowMap);
    QVERIFY(!FigureLayout::choose(QSize(640, 560), 1, false).lossBelowMap); // no loss panel
}

void TestFigureAxes::smallMultiplesStayNearSquare_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("runs");
    QTest::newRow("3 runs, 1024 window") << QSize(640, 560) << 3;
    QTest::newRow("3 runs, 1366 window") << QSize(980, 600) << 3;
    QTest::newRow("4 runs, wide") << QSize(1700, 700) << 4;
    QTest::newRow("4 runs, tall") << QSize(700, 1000) << 4;
    QTest::newRow("6 runs, 1920") << QSize(1500, 900) << 6;
}

void TestFigureAxes::smallMultiplesStayNearSquare()
{
    QFETCH(QSize, size);
    QFETCH(int, runs);
    Scene scene = sceneWith("rosenbrock", {}, 50);
    for (const char* name : {"gd", "momentum", "adam", "rmsprop", "adagrad", "nesterov"})
        if (scene.optimizers.size() < runs)
            scene.optimizers.append(scene.makeEntry(name));
    scene.layout = SceneLayout::SmallMultiples;
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, size);
    QCOMPARE(figure.mapCount(), runs);
    for (int map = 0; map < runs; ++map) {
        const QRect rect = figure.mapRect(map)->rect();
        const double aspect = double(rect.width()) / rect.height();
        QVERIFY2(aspect > 0.55 && aspect < 1.8,
            qPrintable(QString("map %1 is %2 × %3").arg(map).arg(rect.width()).arg(rect.height())));
    }
}

void TestFigureAxes::animateLossAxisFollowsTheSteps()
{
    LossAxisPolicy policy;
    QCOMPARE(policy.stepAxisEnd(3.0, 500.0), 500.0); // Instant: the budget
    policy.setFollowSteps(true);
    QCOMPARE(policy.stepAxisEnd(0.0, 500.0), 10.0);
    QCOMPARE(policy.stepAxisEnd(7.0, 500.0), 10.0);
    QCOMPARE(policy.stepAxisEnd(9.0, 500.0), 20.0); // 9 · 1.25 > 10
    QCOMPARE(policy.stepAxisEnd(30.0, 500.0), 50.0);
    QCOMPARE(policy.stepAxisEnd(100.0, 500.0), 200.0);
    QCOMPARE(policy.stepAxisEnd(450.0, 500.0), 500.0); // never past the budget
    QCOMPARE(policy.stepAxisEnd(5.0, 6.0), 6.0);

    // In the figure: a run animated to step k shows 0 … (a little past k).
    Scene scene = sceneWith("rosenbrock", {{"adam", 0.05}}, 500);
    SceneSimulation simulation(scene);
    Figure figure;
    figure.resize(1280, 800);
    figure.setLandscape(scene, simulation.surface());
    figure.setLossAxisFollowsSteps(true);
    for (const auto& [k, end] :
        QList<std::pair<long long, double>> {{3, 10}, {30, 50}, {120, 200}}) {
        while (simulation.runner(0).stepsTaken() < k)
            simulation.runner(0).advance(1);
        figure.setRuns(scene, seriesOf(simulation));
        const QCPRange range = figure.lossRect()->axis(QCPAxis::atBottom)->range();
        QCOMPARE(range.lower, 0.0);
        QCOMPARE(range.upper, end);
    }
    // Instant mode again: the whole budget.
    figure.setLossAxisFollowsSteps(false);
    QCOMPARE(figure.lossRect()->axis(QCPAxis::atBottom)->range().upper, 500.0);
}

void TestFigureAxes::animateLossScaleDoesNotFlipDuringPlay()
{
    // Played one step at a time, the race's loss axis changes its scale at most once and
    // never back from log to linear.
    const Scene scene = rosenbrockRace();
    SceneSimulation simulation(scene);
    Figure figure;
    figure.resize(1280, 800);
    figure.setLandscape(scene, simulation.surface());
    figure.setLossAxisFollowsSteps(true);
    int switches = 0;
    bool wasLog = false;
    bool first = true;
    for (int k = 0; k <= 400; k += 2) {
        for (int run = 0; run < simulation.runCount(); ++run)
            while (simulation.runner(run).status() == RunStatus::Running
                && simulation.runner(run).stepsTaken() < k)
                simulation.runner(run).advance(1);
        figure.setRuns(scene, seriesOf(simulation));
        const bool log
            = figure.lossRect()->axis(QCPAxis::atLeft)->scaleType() == QCPAxis::stLogarithmic;
        if (!first && log != wasLog) {
            ++switches;
            QVERIFY2(log, qPrintable(QString("log → linear at step %1").arg(k)));
        }
        wasLog = log;
        first = false;
    }
    QVERIFY(switches <= 1);
    QVERIFY(wasLog); // the race spans many decades
}

void TestFigureAxes::instantLossAxisSpansTheBudget()
{
    const Scene scene = sceneWith("rosenbrock", {{"adam", 0.05}}, 300);
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(1280, 800));
    QCOMPARE(figure.lossRect()->axis(QCPAxis::atBottom)->range().upper, 300.0);
}

void TestFigureAxes::divergedRunKeepsItsFiniteLossCurve_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<double>("lr");
    // GD with lr = 1 on Rosenbrock leaves the finite range in three steps (a linear loss
    // axis for Adam); lr = 0.6 on lesson 1's bowl climbs for eighty (a log axis).
    QTest::newRow("rosenbrock") << "rosenbrock" << 1.0;
    QTest::newRow("bowl") << "quadratic" << 0.6;
}

void TestFigureAxes::divergedRunKeepsItsFiniteLossCurve()
{
    QFETCH(QString, surface);
    QFETCH(double, lr);
    Scene scene = sceneWith(surface.toStdString(), {{"gd", lr}, {"adam", 0.02}}, 200);
    if (surface == "quadratic")
        scene.surfaceParameters["b"] = 4.0;
    const Rendered rendered = simulate(scene);
    const RunSeries& series = rendered.series[0];
    QCOMPARE(series.status(), RunStatus::Diverged);
    QVector<QCPGraphData> finite;
    for (int i = 0; i < series.size(); ++i)
        if (std::isfinite(series.loss()[i]))
            finite << QCPGraphData(series.steps()[i], series.loss()[i]);
    QVERIFY(finite.size() >= 2);
    Figure figure;
    show(figure, scene, rendered, QSize(1280, 800));
    // Exactly its finite points, step for step.
    const QCPGraph* loss = figure.lossGraph(0);
    QCOMPARE(loss->data()->size(), int(finite.size()));
    int i = 0;
    for (auto it = loss->data()->constBegin(); it != loss->data()->constEnd(); ++it, ++i) {
        QCOMPARE(it->key, finite[i].key);
        QCOMPARE(it->value, finite[i].value);
    }
    // The axis rises above the stable run for the climb.
    QVERIFY(figure.lossRect()->axis(QCPAxis::atLeft)->range().upper > finite[1].value
        || figure.lossRect()->axis(QCPAxis::atLeft)->range().upper > 1.2 * finite[0].value);
    if (surface == "rosenbrock")
        return; // three steps: up the panel's left edge
    // And it is drawn: the run's colour appears in the loss panel.
    const QImage image = figure.toPixmap(1280, 800, 1.0).toImage();
    const QColor colour = loss->pen().color();
    const QRect panel = figure.lossRect()->rect();
    int pixels = 0;
    for (int y = panel.top(); y <= panel.bottom(); ++y)
        for (int x = panel.left() + 3; x <= panel.right(); ++x)
            pixels += QColor(image.pixel(x, y)) == colour ? 1 : 0;
    QVERIFY2(pixels > 30, qPrintable(QString::number(pixels)));
}

void TestFigureAxes::hugeFiniteLossesStillDraw()
{
    // A diverged run's last finite losses (10³⁸) on a linear axis fitted to a stable run:
    // thousands of billions of pixels off the panel. Its visible part must still be drawn.
    const auto chunkOf = [](const QVector<double>& loss, RunStatus status) {
        RunChunk chunk;
        for (int k = 0; k < loss.size(); ++k) {
            chunk.steps << k;
            chunk.x << -1.0 + 0.01 * k;
            chunk.y << 1.0;
            chunk.loss << loss[k];
        }
        chunk.stepsTaken = loss.size() - 1;
        chunk.status = status;
        chunk.divergedAtStep = status == RunStatus::Diverged ? loss.size() : -1;
        return chunk;
    };
    QVector<double> climbing, stable;
    for (int k = 0; k < 40; ++k) {
        climbing << (k < 39 ? 4.0 + 0.05 * k : 1e38);
        stable << 5.0 - 0.1 * k;
    }
    RunSeries diverged, steady;
    diverged.append(chunkOf(climbing, RunStatus::Diverged));
    steady.append(chunkOf(stable, RunStatus::Finished));
    Scene scene = sceneWith("rosenbrock", {{"gd", 0.001}, {"adam", 0.01}}, 39);
    const auto surface = scene.makeSurface();
    Figure figure;
    figure.setLandscape(scene, *surface);
    figure.setRuns(scene, {diverged, steady});
    settle(figure, QSize(1280, 800));
    QCOMPARE(figure.lossRect()->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
    const QImage image = figure.toPixmap(1280, 800, 1.0).toImage();
    const QColor colour = figure.lossGraph(0)->pen().color();
    const QRect panel = figure.lossRect()->rect();
    int pixels = 0;
    for (int y = panel.top(); y <= panel.bottom(); ++y)
        for (int x = panel.left() + 3; x <= panel.right() - 3; ++x)
            pixels += QColor(image.pixel(x, y)) == colour ? 1 : 0;
    QVERIFY2(pixels > 100, qPrintable(QString::number(pixels)));
}

void TestFigureAxes::clippedPolylinesKeepTheVisiblePart()
{
    const QRectF bounds(0, 0, 100, 100);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // In, far out (a loss of 10³⁸ in pixels) and back: cut at the edge both ways.
    const QVector<QPointF> line {{10, 50}, {20, -1e38}, {30, 50}, {40, 60}};
    const QVector<QPointF> clipped = clipPolyline(line, bounds);
    QCOMPARE(clipped.size(), 6);
    QCOMPARE(clipped[0], QPointF(10, 50));
    QCOMPARE(clipped[1].y(), 0.0);
    QVERIFY(std::abs(clipped[1].x() - 10.0) < 1e-9);
    QVERIFY(std::isnan(clipped[2].x()));
    QCOMPARE(clipped[3].y(), 0.0);
    QVERIFY(std::abs(clipped[3].x() - 30.0) < 1e-9);
    QCOMPARE(clipped[4], QPointF(30, 50));
    QCOMPARE(clipped[5], QPointF(40, 60));
    QVERIFY(clipPolyline({{-10, -10}, {-5, -20}}, bounds).isEmpty());
    QCOMPARE(clipPolyline({{1, 1}, {nan, 2}, {3, 3}}, bounds).size(), 0);
}

void TestFigureAxes::arrowCaptionStatesTheScale()
{
    // Adam on Rosenbrock with a tiny lr: the update is far shorter than the view.
    Scene scene = sceneWith("rosenbrock", {{"momentum", 1e-5}}, 20);
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(1280, 800));
    figure.setInspectedRun(0);
    figure.replot();
    figure.setInspectedRun(0); // placed for the laid-out map
    const InspectorArrows& arrows = figure.inspectorArrows();
    QVERIFY(arrows.arrows().size() >= 2);
    const OptimizerState& state = rendered.series[0].state();
    for (const InspectorArrows::Drawn& drawn : arrows.arrows()) {
        const Vector* v = drawn.name == "update" ? state.vector("update")
            : drawn.name == "−∇f"                ? state.vector("gradient")
                                                 : state.vector("momentum_buffer");
        QVERIFY(v);
        const double trueLength = std::hypot((*v)[0], (*v)[1]);
        QVERIFY(std::abs(drawn.trueLength - trueLength) <= 1e-12 * trueLength);
        QVERIFY(
            std::abs(drawn.drawnLength / drawn.trueLength - drawn.factor) <= 1e-12 * drawn.factor);
        if (drawn.factor == 1.0) {
            QVERIFY(arrows.captionText().contains(drawn.name + ": to scale"));
        } else {
            const QString stated
                = drawn.name + ": direction; length ×" + InspectorArrows::factorText(drawn.factor);
            QVERIFY2(arrows.captionText().contains(stated), qPrintable(arrows.captionText()));
        }
    }
    // The update of lr = 10⁻⁵ is tiny: scaled up, and the factor says by how much.
    const InspectorArrows::Drawn& update = arrows.arrows().front();
    QCOMPARE(update.name, QString("update"));
    QVERIFY(update.factor > 10.0);
    // The lines drawn are as long as stated.
    int lines = 0;
    for (int i = 0; i < figure.itemCount(); ++i)
        if (auto* line = qobject_cast<QCPItemLine*>(figure.item(i))) {
            const QPointF d = line->end->coords() - line->start->coords();
            const double length = std::hypot(d.x(), d.y());
            bool matches = false;
            for (const InspectorArrows::Drawn& drawn : arrows.arrows())
                matches = matches || std::abs(length - drawn.drawnLength) <= 1e-9 * length;
            QVERIFY(matches);
            ++lines;
        }
    QCOMPARE(lines, int(arrows.arrows().size()));
    // A readable factor: two significant digits.
    QCOMPARE(InspectorArrows::roundFactor(1234.5), 1200.0);
    QCOMPARE(InspectorArrows::roundFactor(0.01234), 0.012);
    QCOMPARE(InspectorArrows::factorText(0.012), QString("0.012"));
    QCOMPARE(InspectorArrows::factorText(12000.0), QString("1.2·10⁴"));
}

void TestFigureAxes::arrowLabelsDoNotOverlap()
{
    // Momentum keeps a velocity: three arrows from one point, three labels and a caption.
    for (const double lr : {1e-4, 1e-3, 3e-3}) {
        Scene scene = sceneWith("rosenbrock", {{"momentum", lr}, {"gd", 1e-3}}, 60);
        const Rendered rendered = simulate(scene);
        Figure figure;
        show(figure, scene, rendered, QSize(1000, 700));
        figure.setInspectedRun(0);
        figure.replot();
        const auto& drawn = figure.inspectorArrows().arrows();
        QCOMPARE(int(drawn.size()), 3);
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            QVERIFY(drawn[i].labelRect.isValid());
            for (std::size_t j = i + 1; j < drawn.size(); ++j)
                QVERIFY2(!drawn[i].labelRect.intersects(drawn[j].labelRect),
                    qPrintable(QString("lr %1: %2 and %3 overlap")
                                   .arg(lr)
                                   .arg(drawn[i].name, drawn[j].name)));
        }
    }
}

void TestFigureAxes::longJumpPathsAreDrawnUnderneath()
{
    // The race: L-BFGS's few long steps go under momentum's and Adam's many short ones.
    const Scene scene = rosenbrockRace();
    const Rendered rendered = simulate(scene);
    Figure figure;
    show(figure, scene, rendered, QSize(1280, 800));
    const QList<QCPLayerable*> stack = figure.layer("runs")->children();
    const auto position = [&](int run) { return stack.indexOf(figure.pathCurve(run)); };
    QVERIFY(position(3) >= 0);
    for (int run = 0; run < 4; ++run)
        qDebug() << run << position(run) << figure.pathCurve(run)->data()->size();
    QVERIFY(position(3) < position(1)); // lbfgs under momentum
    QVERIFY(position(3) < position(2)); // and under adam
}

QTEST_MAIN(TestFigureAxes)
#include "tst_figure_axes.moc"
