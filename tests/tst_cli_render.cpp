// `optviz-cli render` as a user runs it: a subprocess that writes figures (spec/cli.md,
// "optviz-cli render"), in both forms, with one-line errors and exit status 2 for bad input.

#include "cli_process.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

namespace {

// `optviz-cli render` with `arguments`.
optviz::testing::ProcessResult runRender(const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    return optviz::testing::runCli(QStringList {"render"} + arguments, environment);
}

QByteArray head(const QString& path, int bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(bytes);
}

// The flag form of the default comparison, shortened.
QStringList flagScene()
{
    return {"--surface", "rosenbrock", "--optimizer", "gd", "--param", "lr=0.001", "--optimizer",
        "momentum", "--param", "lr=0.001", "--optimizer", "adam", "--param", "lr=0.02", "--start",
        "-1.5,2", "--steps", "200"};
}

int colourCount(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestCliRender : public QObject
{
    Q_OBJECT

private slots:
    void flagFormWritesEachFormat_data();
    void flagFormWritesEachFormat();
    void pngScaleMultipliesTheSize();
    void savedSceneRendersTheSameFigure();
    void sceneOptionsApply();
    void worksWithoutADisplay();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void unwritableOutputFails();

private:
    QTemporaryDir dir_;
};

void TestCliRender::flagFormWritesEachFormat_data()
{
    QTest::addColumn<QString>("extension");
    QTest::newRow("png") << "png";
    QTest::newRow("svg") << "svg";
    QTest::newRow("pdf") << "pdf";
}

void TestCliRender::flagFormWritesEachFormat()
{
    QFETCH(QString, extension);
    const QString path = dir_.filePath("flags." + extension);
    const optviz::testing::ProcessResult result
        = runRender(flagScene() + QStringList {"--out", path, "--size", "800x500"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    if (extension == "png") {
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY(colourCount(image) > 200);
    } else if (extension == "svg") {
        const QByteArray start = head(path, 64).trimmed();
        QVERIFY(start.startsWith("<?xml") || start.startsWith("<svg"));
        QVERIFY(QSvgRenderer(path).isValid());
    } else {
        QVERIFY(head(path, 5).startsWith("%PDF"));
    }
}

void TestCliRender::pngScaleMultipliesTheSize()
{
    const QString path = dir_.filePath("scaled.png");
    const optviz::testing::ProcessResult result
        = runRender(flagScene() + QStringList {"--out", path, "--size", "640x400", "--scale", "2"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(image.size(), QSize(1280, 800));

    // Default size: 1600 × 900.
    const QString defaultPath = dir_.filePath("default.png");
    QCOMPARE(runRender(flagScene() + QStringList {"--out", defaultPath}).exitCode, 0);
    QVERIFY(image.load(defaultPath));
    QCOMPARE(image.size(), QSize(1600, 900));
}

void TestCliRender::savedSceneRendersTheSameFigure()
{
    const QString scenePath = dir_.filePath("saved.json");
    const QString first = dir_.filePath("first.png");
    const QString second = dir_.filePath("second.png");
    optviz::testing::ProcessResult result = runRender(
        flagScene() + QStringList {"--out", first, "--size", "700x450", "--save-scene", scenePath});
    QVERIFY2(result.exitCode == 0, result.err.constData());

    QFile file(scenePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json["format"].toString(), QString("optviz-scene"));
    QCOMPARE(json["surface"].toObject()["name"].toString(), QString("rosenbrock"));
    QCOMPARE(json["optimizers"].toArray().size(), 3);
    QCOMPARE(
        json["optimizers"].toArray()[2].toObject()["parameters"].toObject()["lr"].toDouble(), 0.02);
    QCOMPARE(json["steps"].toInt(), 200);

    result = runRender({"--scene", scenePath, "--out", second, "--size", "700x450"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QImage a;
    QImage b;
    QVERIFY(a.load(first));
    QVERIFY(b.load(second));
    QCOMPARE(a, b); // the same scene draws the same pixels
}

void TestCliRender::sceneOptionsApply()
{
    // Small multiples, distance and each panel alone all render.
    const QStringList variants[] = {
        {"--layout", "small_multiples"},
        {"--measure", "distance"},
        {"--panels", "surface"},
        {"--panels", "loss"},
    };
    QImage overlay;
    const QString overlayPath = dir_.filePath("overlay.png");
    QCOMPARE(
        runRender(flagScene() + QStringList {"--out", overlayPath, "--size", "700x450"}).exitCode,
        0);
    QVERIFY(overlay.load(overlayPath));
    int index = 0;
    for (const QStringList& variant : variants) {
        const QString path = dir_.filePath(QString("variant%1.png").arg(index++));
        const optviz::testing::ProcessResult result
            = runRender(flagScene() + variant + QStringList {"--out", path, "--size", "700x450"});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QImage image;
        QVERIFY(image.load(path));
        QCOMPARE(image.size(), QSize(700, 450));
        QVERIFY2(image != overlay, qPrintable(variant.join(' ')));
    }
}

void TestCliRender::worksWithoutADisplay()
{
    QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
    bare.remove("DISPLAY");
    bare.remove("WAYLAND_DISPLAY");
    bare.remove("QT_QPA_PLATFORM");
    const QString path = dir_.filePath("bare.png");
    const optviz::testing::ProcessResult result
        = runRender(flagScene() + QStringList {"--out", path, "--size", "600x400"}, bare);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(QImage(path).size() == QSize(600, 400));
}

void TestCliRender::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<QString>("sceneText"); // written to bad.json first, if not empty

    const QString out = dir_.filePath("never.png");
    const QString scene = dir_.filePath("bad.json");
    QTest::newRow("missing --out") << flagScene() << "--out"
                                   << "";
    QTest::newRow("bad extension")
        << flagScene() + QStringList {"--out", dir_.filePath("x.bmp")} << ".png, .svg, .pdf"
        << "";
    QTest::newRow("--param before --optimizer") << QStringList {"--surface", "rosenbrock",
        "--param", "lr=0.1", "--optimizer", "adam", "--out", out}
                                                << "--param"
                                                << "";
    QTest::newRow("no optimizer") << QStringList {"--surface", "rosenbrock", "--out", out}
                                  << "--optimizer"
                                  << "";
    QTest::newRow("unknown optimizer")
        << QStringList {"--surface", "rosenbrock", "--optimizer", "adma", "--out", out} << "adam"
        << "";
    QTest::newRow("unknown parameter") << QStringList {"--surface", "rosenbrock", "--optimizer",
        "adam", "--param", "momentum=0.9", "--out", out}
                                       << "momentum"
                                       << "";
    QTest::newRow("bad size") << flagScene() + QStringList {"--out", out, "--size", "100x100"}
                              << "--size"
                              << "";
    QTest::newRow("bad scale") << flagScene() + QStringList {"--out", out, "--scale", "9"}
                               << "--scale"
                               << "";
    QTest::newRow("scene with flags")
        << QStringList {"--scene", scene, "--surface", "beale", "--out", out} << "--surface"
        << "{}";
    QTest::newRow("malformed scene JSON")
        << QStringList {"--scene", scene, "--out", out} << "not valid JSON"
        << "{\"format\": \"optviz-scene\",";
    QTest::newRow("unknown field value")
        << QStringList {"--scene", scene, "--out", out} << "layout"
        << R"({"format": "optviz-scene", "version": 1, "surface": {"name": "rosenbrock"},
              "steps": 10, "optimizers": [{"name": "adam"}], "layout": "grid"})";
    QTest::newRow("missing scene file")
        << QStringList {"--scene", dir_.filePath("absent.json"), "--out", out} << "absent.json"
        << "";
}

void TestCliRender::badInputExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    QFETCH(QString, sceneText);
    if (!sceneText.isEmpty()) {
        QFile file(dir_.filePath("bad.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(sceneText.toUtf8());
    }
    const optviz::testing::ProcessResult result = runRender(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.endsWith('\n') && result.err.count('\n') == 1, result.err.constData());
    QVERIFY2(result.err.contains(mentions.toUtf8()), result.err.constData());
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFile::exists(dir_.filePath("never.png")));
}

void TestCliRender::unwritableOutputFails()
{
    // A missing folder is known before any work: bad input (exit 2), as for run and basins
    // (tst_cli_safe_write has the failures while writing, exit 3).
    const QString path = "/nonexistent-optviz-folder/figure.png";
    const optviz::testing::ProcessResult result
        = runRender(flagScene() + QStringList {"--out", path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("does not exist"), result.err.constData());
    QVERIFY2(result.err.contains(path.toUtf8()), result.err.constData());
    QCOMPARE(result.err.count('\n'), 1);
}

QTEST_MAIN(TestCliRender)
#include "tst_cli_render.moc"
