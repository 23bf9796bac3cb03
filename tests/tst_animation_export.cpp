// Animated GIF export (ui/animation_export.h, ui/gif_writer.h): the file decoded again
// by giflib (DGifSlurp) has the frames, size, delays and loop asked for; its last frame
// is the figure PNG export draws for the finished scene; cancel leaves nothing; bad
// options are refused; `optviz-cli render --out FILE.gif` as a subprocess.

#include "ui/animation_dialog.h"
#include "ui/animation_export.h"
#include "ui/figure_export.h"
#include "ui/scene.h"

#include <gif_lib.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <cmath>
#include <memory>

using namespace optviz;

namespace {

struct GifCloser
{
    void operator()(GifFileType* gif) const
    {
        int code = 0;
        DGifCloseFile(gif, &code);
    }
};
using Gif = std::unique_ptr<GifFileType, GifCloser>;

Gif readGif(const QString& path)
{
    int code = 0;
    Gif gif(DGifOpenFileName(QFile::encodeName(path).constData(), &code));
    if (gif && DGifSlurp(gif.get()) != GIF_OK)
        gif.reset();
    return gif;
}

GraphicsControlBlock controlOf(GifFileType* gif, int image)
{
    GraphicsControlBlock control {};
    DGifSavedExtensionToGCB(gif, image, &control);
    return control;
}

// The picture a viewer shows after frames 0..last: each frame's rectangle drawn over the
// canvas, its transparent pixels leaving what was there (disposal "do not dispose").
QImage composite(GifFileType* gif, int last)
{
    QImage canvas(gif->SWidth, gif->SHeight, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    for (int i = 0; i <= last; ++i) {
        const SavedImage& image = gif->SavedImages[i];
        const ColorMapObject* map
            = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
        const int transparent = controlOf(gif, i).TransparentColor;
        const GifImageDesc& d = image.ImageDesc;
        for (int y = 0; y < d.Height; ++y)
            for (int x = 0; x < d.Width; ++x) {
                const int index = image.RasterBits[y * d.Width + x];
                if (index == transparent)
                    continue;
                const GifColorType c = map->Colors[index];
                canvas.setPixel(d.Left + x, d.Top + y, qRgb(c.Red, c.Green, c.Blue));
            }
    }
    return canvas;
}

bool hasLoopExtension(GifFileType* gif)
{
    // giflib keeps the application extension before the first image with that image.
    const SavedImage& first = gif->SavedImages[0];
    for (int i = 0; i + 1 < first.ExtensionBlockCount; ++i) {
        const ExtensionBlock& block = first.ExtensionBlocks[i];
        const ExtensionBlock& next = first.ExtensionBlocks[i + 1];
        if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11
            && QByteArray(reinterpret_cast<const char*>(block.Bytes), 11) == "NETSCAPE2.0"
            && next.ByteCount == 3 && next.Bytes[0] == 1 && next.Bytes[1] == 0
            && next.Bytes[2] == 0)
            return true;
    }
    return false;
}

Scene raceScene()
{
    Scene scene = Scene::defaultScene(); // gd, momentum and adam on Rosenbrock
    scene.steps = 300;
    return scene;
}

int channelDifference(QRgb a, QRgb b)
{
    return std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
        std::abs(qBlue(a) - qBlue(b))});
}

} // namespace

class TestAnimationExport : public QObject
{
    Q_OBJECT

private slots:
    void frameStepsEven();
    void frameStepsFollowThePath();
    void frameStepsShortRun();
    void decodes_data();
    void decodes();
    void lastFrameIsTheFigure();
    void lossAxisHeld();
    void cancelLeavesNoFile();
    void progressDialog();
    void badOptions_data();
    void badOptions();
    void cli();
    void cliBadInput_data();
    void cliBadInput();
};

void TestAnimationExport::frameStepsEven()
{
    // A path that grows by the same length every step: progress is s/N both ways, and
    // frame i shows step ⌈i·N/(K−1)⌉.
    std::vector<double> length(101);
    for (int s = 0; s <= 100; ++s)
        length[std::size_t(s)] = 0.5 * s;
    const std::vector<long long> steps = animationFrameSteps(length, 100, 11);
    QCOMPARE(steps, (std::vector<long long> {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}));
    const std::vector<long long> seven = animationFrameSteps(length, 100, 7);
    // ⌈100·i/6⌉
    QCOMPARE(seven, (std::vector<long long> {0, 17, 34, 50, 67, 84, 100}));
}

void TestAnimationExport::frameStepsFollowThePath()
{
    // All of the path in the first 10 of 100 steps, evenly: L(s) = min(s, 10)/10.
    // progress(s) = s/200 + min(s, 10)/20 reaches 1/2 at s = 10 (0.05 + 0.5 = 0.55 ≥ 0.5
    // first at s = 9: 0.045 + 0.45 = 0.495 < 0.5, so s = 10), so half the frames fall in
    // the first tenth of the run.
    std::vector<double> length(101);
    for (int s = 0; s <= 100; ++s)
        length[std::size_t(s)] = std::min(s, 10) / 10.0;
    const std::vector<long long> steps = animationFrameSteps(length, 100, 21);
    QCOMPARE(int(steps.size()), 21);
    QCOMPARE(steps.front(), 0LL);
    QCOMPARE(steps[10], 10LL);
    QCOMPARE(steps.back(), 100LL);
    for (std::size_t i = 1; i < steps.size(); ++i)
        QVERIFY(steps[i] > steps[i - 1]);
    // Frame 1: progress 1/20 = 0.05: s/200 + s/20 = 11s/200 ≥ 0.05 → s = ⌈10/11⌉ = 1.
    QCOMPARE(steps[1], 1LL);
    // Frame 15: 0.75 = s/200 + 0.5 → s = 50.
    QCOMPARE(steps[15], 50LL);
}

void TestAnimationExport::frameStepsShortRun()
{
    // Fewer steps than frames: one frame per step. No path (a run that never moves):
    // evenly by steps.
    QCOMPARE(
        animationFrameSteps({0.0, 0.0, 0.0, 0.0}, 3, 50), (std::vector<long long> {0, 1, 2, 3}));
    QCOMPARE(animationFrameSteps(std::vector<double>(9, 0.0), 8, 5),
        (std::vector<long long> {0, 2, 4, 6, 8}));
    QCOMPARE(animationFrameSteps({0.0}, 0, 10), (std::vector<long long> {0}));
}

void TestAnimationExport::decodes_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("fps");
    QTest::addColumn<bool>("loop");
    QTest::addColumn<double>("hold");
    QTest::newRow("12 frames at 10/s, looping") << QSize(480, 270) << 12 << 10 << true << 2.0;
    QTest::newRow("8 frames at 30/s, once") << QSize(400, 300) << 8 << 30 << false << 0.0;
    QTest::newRow("6 frames at 3/s") << QSize(320, 200) << 6 << 3 << true << 0.5;
}

void TestAnimationExport::decodes()
{
    QFETCH(QSize, size);
    QFETCH(int, frames);
    QFETCH(int, fps);
    QFETCH(bool, loop);
    QFETCH(double, hold);
    QTemporaryDir dir;
    const QString path = dir.filePath("race.gif");
    AnimationOptions options;
    options.size = size;
    options.frames = frames;
    options.fps = fps;
    options.loop = loop;
    options.holdSeconds = hold;
    AnimationExport animation(raceScene(), options);
    QString error;
    int calls = 0;
    QVERIFY2(animation.run(path, &error,
                 [&calls](int done, int total) {
                     ++calls;
                     return done <= total;
                 }),
        qPrintable(error));
    QCOMPARE(calls, frames);
    QCOMPARE(animation.frameCount(), frames);

    const Gif gif = readGif(path);
    QVERIFY(gif);
    QCOMPARE(gif->SWidth, size.width());
    QCOMPARE(gif->SHeight, size.height());
    // Every frame of this race differs from the one before (the paths move on).
    QCOMPARE(gif->ImageCount, frames);
    QCOMPARE(hasLoopExtension(gif.get()), loop);
    int total = 0;
    for (int i = 0; i < gif->ImageCount; ++i) {
        const GraphicsControlBlock control = controlOf(gif.get(), i);
        // Frame i starts at round(100·i/fps) centiseconds: the delays add up exactly.
        const int expected = int(std::lround(100.0 * (i + 1) / fps))
            - int(std::lround(100.0 * i / fps))
            + (i + 1 == frames ? int(std::lround(hold * 100)) : 0);
        QCOMPARE(control.DelayTime, expected);
        total += control.DelayTime;
        QCOMPARE(control.DisposalMode, DISPOSE_DO_NOT);
        // The first frame is whole; the others hold only what changed.
        QCOMPARE(control.TransparentColor, i == 0 ? NO_TRANSPARENT_COLOR : 255);
        const GifImageDesc& d = gif->SavedImages[i].ImageDesc;
        if (i == 0)
            QVERIFY(
                d.Left == 0 && d.Top == 0 && d.Width == size.width() && d.Height == size.height());
        QVERIFY(d.Left >= 0 && d.Top >= 0 && d.Left + d.Width <= size.width()
            && d.Top + d.Height <= size.height());
    }
    QCOMPARE(total, int(std::lround(100.0 * frames / fps + 100.0 * hold)));
}

void TestAnimationExport::lastFrameIsTheFigure()
{
    // The composite of every frame is what PNG export draws for the finished scene, up to
    // the palette's quantisation; the paths' colours come through exactly.
    QTemporaryDir dir;
    const QSize size(640, 360);
    const Scene scene = raceScene();
    AnimationOptions options;
    options.size = size;
    options.frames = 10;
    AnimationExport animation(scene, options);
    QString error;
    QVERIFY2(animation.run(dir.filePath("race.gif"), &error), qPrintable(error));
    QVERIFY2(
        renderSceneToFile(scene, dir.filePath("race.png"), size, 1.0, &error), qPrintable(error));
    const QImage figure = QImage(dir.filePath("race.png")).convertToFormat(QImage::Format_RGB32);
    QCOMPARE(figure.size(), size);

    const Gif gif = readGif(dir.filePath("race.gif"));
    QVERIFY(gif);
    const QImage last = composite(gif.get(), gif->ImageCount - 1);
    long long sum = 0;
    int far = 0;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const int d = channelDifference(figure.pixel(x, y), last.pixel(x, y));
            sum += d;
            far += d > 40 ? 1 : 0;
        }
    const double mean = double(sum) / (size.width() * size.height());
    QVERIFY2(mean < 4.0, qPrintable(QString("mean difference %1").arg(mean)));
    QVERIFY2(
        far < size.width() * size.height() / 200, qPrintable(QString("%1 pixels far").arg(far)));

    for (const OptimizerEntry& entry : scene.optimizers) {
        const QRgb colour = entry.colour.rgb() | 0xFF000000u;
        int inFigure = 0, kept = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                if (figure.pixel(x, y) == colour) {
                    ++inFigure;
                    kept += last.pixel(x, y) == colour ? 1 : 0;
                }
        QVERIFY2(inFigure > 50, entry.name.c_str());
        QVERIFY2(kept >= inFigure * 95 / 100,
            qPrintable(QString("%1: %2 of %3")
                           .arg(QString::fromStdString(entry.name))
                           .arg(kept)
                           .arg(inFigure)));
    }

    // The first frame shows step 0: no path yet, so far fewer path-coloured pixels.
    const QImage first = composite(gif.get(), 0);
    const QRgb adam = scene.optimizers.back().colour.rgb() | 0xFF000000u;
    int firstCount = 0, lastCount = 0;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            firstCount += first.pixel(x, y) == adam ? 1 : 0;
            lastCount += last.pixel(x, y) == adam ? 1 : 0;
        }
    QVERIFY2(
        firstCount * 3 < lastCount, qPrintable(QString("%1 %2").arg(firstCount).arg(lastCount)));
}

void TestAnimationExport::lossAxisHeld()
{
    // Every frame shows the finished runs' loss axis (no jumps while the curves grow): at
    // step 0 only the start's loss is drawn, which alone would give a narrow linear axis.
    QTemporaryDir dir;
    AnimationOptions options;
    options.size = QSize(480, 270);
    AnimationExport animation(raceScene(), options);
    QString error;
    QVERIFY2(animation.start(dir.filePath("held.gif"), &error), qPrintable(error));
    const QCPAxis* loss = animation.figure()->lossRect()->axis(QCPAxis::atLeft);
    const QCPRange finished = loss->range();
    QCOMPARE(loss->scaleType(), QCPAxis::stLogarithmic); // the race spans decades
    for (const long long step : {0LL, 1LL, 40LL, animation.frameSteps().back()}) {
        QVERIFY(!animation.frameAt(step).isNull());
        QCOMPARE(loss->range().lower, finished.lower);
        QCOMPARE(loss->range().upper, finished.upper);
        QCOMPARE(loss->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(animation.figure()->lossGraph(0)->data()->size(), int(step) + 1);
    }
    animation.cancel();
}

void TestAnimationExport::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("cancelled.gif");
    AnimationOptions options;
    options.size = QSize(320, 180);
    options.frames = 40;
    AnimationExport animation(raceScene(), options);
    QString error = "unchanged";
    int calls = 0;
    QVERIFY(!animation.run(path, &error, [&calls](int done, int) {
        ++calls;
        return done < 3;
    }));
    QVERIFY(error.isEmpty()); // cancelled, not failed
    QCOMPARE(calls, 3); // no frame after the one that said stop
    QCOMPARE(animation.framesDone(), 3);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);

    // Cancelled halfway with renderNext: same.
    QVERIFY(animation.start(path, &error));
    QVERIFY(animation.renderNext(&error));
    animation.cancel();
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
}

void TestAnimationExport::progressDialog()
{
    // The window's way: a progress dialog counting frames, Cancel read between frames.
    QTemporaryDir dir;
    QWidget window;
    window.resize(400, 300);
    window.show();
    AnimationOptions options;
    options.size = QSize(320, 180);
    options.frames = 30;
    int cancelledAt = -1;
    QTimer watcher;
    watcher.setInterval(0);
    connect(&watcher, &QTimer::timeout, &window, [&] {
        auto* progress = window.findChild<QProgressDialog*>();
        if (progress && progress->maximum() == 30 && progress->value() >= 4 && cancelledAt < 0) {
            cancelledAt = progress->value();
            progress->cancel();
        }
    });
    watcher.start();
    QString error = "unchanged";
    const QString cancelled = dir.filePath("cancelled.gif");
    QVERIFY(!exportAnimationWithProgress(&window, raceScene(), cancelled, options, &error));
    watcher.stop();
    QVERIFY(error.isEmpty());
    QVERIFY(cancelledAt >= 4 && cancelledAt < 30);
    QVERIFY(!QFile::exists(cancelled));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);

    const QString written = dir.filePath("written.gif");
    QVERIFY2(exportAnimationWithProgress(&window, raceScene(), written, options, &error),
        qPrintable(error));
    const Gif gif = readGif(written);
    QVERIFY(gif);
    // Frames that look alike at this size merge into one, their time added up.
    QVERIFY(gif->ImageCount >= 2 && gif->ImageCount <= 30);
    int total = 0;
    for (int i = 0; i < gif->ImageCount; ++i)
        total += controlOf(gif.get(), i).DelayTime;
    QCOMPARE(total, 30 * 100 / 15 + 200);
    QVERIFY(!window.findChild<QProgressDialog*>()); // gone when done

    // A folder that cannot be written to: false with the reason.
    QVERIFY(!exportAnimationWithProgress(
        &window, raceScene(), dir.filePath("missing/a.gif"), options, &error));
    QVERIFY2(error.contains("does not exist"), qPrintable(error));
}

void TestAnimationExport::badOptions_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("fps");
    QTest::addColumn<double>("hold");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    const QSize ok(320, 180);
    QTest::newRow("too small") << QSize(10, 10) << 10 << 10 << 1.0 << "a.gif"
                               << "size 10x10";
    QTest::newRow("too wide") << QSize(5000, 100) << 10 << 10 << 1.0 << "a.gif"
                              << "size 5000x100";
    QTest::newRow("one frame") << ok << 1 << 10 << 1.0 << "a.gif"
                               << "frames 1: 2 to 1000";
    QTest::newRow("too many frames") << ok << 1001 << 10 << 1.0 << "a.gif"
                                     << "frames 1001";
    QTest::newRow("fps 0") << ok << 10 << 0 << 1.0 << "a.gif"
                           << "fps 0: 1 to 50";
    QTest::newRow("fps 51") << ok << 10 << 51 << 1.0 << "a.gif"
                            << "fps 51";
    QTest::newRow("negative hold") << ok << 10 << 10 << -1.0 << "a.gif"
                                   << "hold -1";
    QTest::newRow("NaN hold") << ok << 10 << 10 << std::nan("") << "a.gif"
                              << "hold nan";
    QTest::newRow("not a gif") << ok << 10 << 10 << 1.0 << "a.png"
                               << "an animation is a .gif file";
    QTest::newRow("no such folder") << ok << 10 << 10 << 1.0 << "missing/a.gif"
                                    << "does not exist";
}

void TestAnimationExport::badOptions()
{
    QFETCH(QSize, size);
    QFETCH(int, frames);
    QFETCH(int, fps);
    QFETCH(double, hold);
    QFETCH(QString, file);
    QFETCH(QString, message);
    QTemporaryDir dir;
    AnimationOptions options;
    options.size = size;
    options.frames = frames;
    options.fps = fps;
    options.holdSeconds = hold;
    AnimationExport animation(raceScene(), options);
    QString error;
    QVERIFY(!animation.run(dir.filePath(file), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!error.contains('\n'));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
}

void TestAnimationExport::cli()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bowl.gif");
    QProcess process;
    process.start(QStringLiteral(OPTVIZ_CLI_PATH),
        {"render", "--surface", "quadratic", "--optimizer", "gd", "--param", "lr=0.15",
            "--optimizer", "momentum", "--param", "lr=0.02", "--steps", "60", "--out", path,
            "--size", "400x240", "--frames", "9", "--fps", "20", "--hold", "1", "--no-loop"});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardError(), QByteArray());
    const Gif gif = readGif(path);
    QVERIFY(gif);
    QCOMPARE(gif->SWidth, 400);
    QCOMPARE(gif->SHeight, 240);
    QVERIFY(gif->ImageCount >= 2 && gif->ImageCount <= 9);
    QVERIFY(!hasLoopExtension(gif.get()));
    int total = 0;
    for (int i = 0; i < gif->ImageCount; ++i)
        total += controlOf(gif.get(), i).DelayTime;
    QCOMPARE(total, 9 * 5 + 100); // 9 frames of 5 cs, merged or not, and the hold
}

void TestAnimationExport::cliBadInput_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("frames 0") << QStringList {"--out", "a.gif", "--frames", "0"} << "--frames";
    QTest::newRow("frames text") << QStringList {"--out", "a.gif", "--frames", "many"}
                                 << "--frames";
    QTest::newRow("fps 60") << QStringList {"--out", "a.gif", "--fps", "60"} << "--fps";
    QTest::newRow("hold -2") << QStringList {"--out", "a.gif", "--hold", "-2"} << "--hold";
    QTest::newRow("frames on png") << QStringList {"--out", "a.png", "--frames", "10"}
                                   << "--frames applies to animations only";
    QTest::newRow("scale on gif") << QStringList {"--out", "a.gif", "--scale", "2"} << "--scale";
    QTest::newRow("gif too large")
        << QStringList {"--out", "a.gif", "--size", "4000x2000"} << "--size";
    QTest::newRow("unknown extension") << QStringList {"--out", "a.webp"} << ".gif";
}

void TestAnimationExport::cliBadInput()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(OPTVIZ_CLI_PATH),
        QStringList {"render", "--surface", "quadratic", "--optimizer", "gd", "--steps", "10"}
            + extra);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(!err.contains('\n'), qPrintable(err));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
}

QTEST_MAIN(TestAnimationExport)
#include "tst_animation_export.moc"
