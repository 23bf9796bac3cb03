// optviz-cli as a user runs it: a subprocess, its output formats and exit statuses
// (spec/cli.md is the contract).

#include "cli_process.h"
#include "core/optimizer.h"
#include "core/runner.h"
#include "core/surface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>

using namespace optviz;
using namespace optviz::testing;

namespace {

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void csvMatchesTheCore();
    void jsonMatchesCsv();
    void outWritesFile();
    void listNamesEverything();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void divergenceExitsThree();
    void noiseIsSeeded();
    void unknownCommand();
};

void TestCli::csvMatchesTheCore()
{
    const ProcessResult result = runCli({"run", "--surface", "rosenbrock", "--optimizer", "adam",
        "--param", "lr=0.05", "--start", "-1.5,2", "--steps", "200"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.isEmpty());
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 202); // header + start + 200 steps
    QCOMPARE(rows[0], QByteArray("step,x,y,loss"));

    auto surface = makeSurface("rosenbrock");
    Vector start(2);
    start << -1.5, 2.0;
    Runner runner(*surface, makeOptimizer("adam", {{"lr", 0.05}}), start, 200);
    runner.runToEnd();
    for (int i = 1; i < rows.size(); ++i) {
        const QList<QByteArray> fields = rows[i].split(',');
        QCOMPARE(fields.size(), 4);
        QCOMPARE(fields[0].toInt(), i - 1);
        for (int f = 1; f < 4; ++f)
            QVERIFY2(isSeventeenDigits(fields[f]), fields[f].constData());
        const auto k = static_cast<std::size_t>(i - 1);
        QCOMPARE(fields[1].toDouble(), runner.trajectory().coordinate(k, 0));
        QCOMPARE(fields[2].toDouble(), runner.trajectory().coordinate(k, 1));
        QCOMPARE(fields[3].toDouble(), runner.trajectory().loss(k));
    }
    QCOMPARE(rows[1], QByteArray("0,-1.5,2,12.5")); // (1 + 1.5)² + 100 (2 − 2.25)²
}

void TestCli::jsonMatchesCsv()
{
    const QStringList common
        = {"run", "--surface", "rosenbrock", "--optimizer", "nesterov", "--steps", "50"};
    const ProcessResult csv = runCli(common);
    const ProcessResult json = runCli(common + QStringList {"--format", "json"});
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root["status"].toString(), QString("finished"));
    QCOMPARE(root["optimizer"].toObject()["name"].toString(), QString("nesterov"));
    QCOMPARE(root["optimizer"].toObject()["parameters"].toObject()["nesterov"].toBool(), true);
    QCOMPARE(root["optimizer"].toObject()["parameters"].toObject()["momentum"].toDouble(), 0.9);
    const QJsonArray trajectory = root["trajectory"].toArray();
    const QList<QByteArray> rows = lines(csv.out);
    QCOMPARE(trajectory.size(), rows.size() - 1);
    for (int i = 0; i < trajectory.size(); ++i) {
        const QList<QByteArray> fields = rows[i + 1].split(',');
        const QJsonObject point = trajectory[i].toObject();
        QCOMPARE(point["step"].toInt(), i);
        QCOMPARE(point["x"].toDouble(), fields[1].toDouble());
        QCOMPARE(point["y"].toDouble(), fields[2].toDouble());
        QCOMPARE(point["loss"].toDouble(), fields[3].toDouble());
    }
}

void TestCli::outWritesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("run.csv");
    const ProcessResult result
        = runCli({"run", "--surface=rosenbrock", "--optimizer=gd", "--steps=10", "--out", path});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(lines(file.readAll()).size(), 12);

    const ProcessResult unwritable = runCli({"run", "--surface", "rosenbrock", "--optimizer", "gd",
        "--out", dir.filePath("missing/dir/run.csv")});
    QCOMPARE(unwritable.exitCode, 2);
    QVERIFY(unwritable.err.contains("--out"));
}

void TestCli::listNamesEverything()
{
    const ProcessResult result = runCli({"list"});
    QCOMPARE(result.exitCode, 0);
    const QString text = QString::fromUtf8(result.out);
    for (const SurfaceInfo& info : surfaceCatalog()) {
        QVERIFY2(text.contains(QString::fromStdString("  " + info.name + " ")), info.name.c_str());
        for (const ParameterSpec& spec : info.parameters)
            QVERIFY(text.contains(
                QString::fromStdString(spec.name + "=" + spec.formatValue(spec.defaultValue))));
    }
    for (const OptimizerInfo& info : optimizerCatalog()) {
        QVERIFY2(text.contains(QString::fromStdString("  " + info.name + " ")), info.name.c_str());
        for (const ParameterSpec& spec : info.parameters)
            QVERIFY(text.contains(QString::fromStdString(spec.name + "=")));
    }
    QVERIFY(text.contains("lr=0.001"));
    QVERIFY(text.contains("beta2=0.999"));
    QVERIFY(text.contains("minimum 0: (1, 1)"));

    const ProcessResult json = runCli({"list", "--format", "json"});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(root["optimizers"].toArray().size(), int(optimizerCatalog().size()));
    QCOMPARE(root["surfaces"].toArray().size(), int(surfaceCatalog().size()));
}

void TestCli::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // what the one-line message must name
    const QStringList base = {"run", "--surface", "rosenbrock", "--optimizer", "adam"};
    QTest::newRow("unknown surface") << QStringList {"run", "--surface", "rosenbrok", "--optimizer",
        "adam"} << "did you mean 'rosenbrock'";
    QTest::newRow("unknown optimizer")
        << QStringList {"run", "--surface", "rosenbrock", "--optimizer", "adma"} << "accepted: sgd";
    QTest::newRow("unknown parameter")
        << base + QStringList {"--param", "learning_rate=0.1"} << "learning_rate";
    QTest::newRow("not a number") << base + QStringList {"--param", "lr=fast"} << "lr";
    QTest::newRow("nan") << base + QStringList {"--param", "lr=nan"} << "lr";
    QTest::newRow("out of range") << base + QStringList {"--param", "beta1=1"} << "[0, 1)";
    QTest::newRow("negative lr") << base + QStringList {"--param", "lr=-0.1"} << "lr";
    QTest::newRow("bad boolean") << base + QStringList {"--param", "amsgrad=yes"} << "true";
    QTest::newRow("no equals") << base + QStringList {"--param", "lr"} << "name=value";
    QTest::newRow("unknown surface param")
        << base + QStringList {"--surface-param", "c=1"} << "accepted: a, b";
    QTest::newRow("start one number") << base + QStringList {"--start", "1"} << "--start";
    QTest::newRow("start words") << base + QStringList {"--start", "a,b"} << "--start";
    QTest::newRow("start three") << base + QStringList {"--start", "1,2,3"} << "--start";
    QTest::newRow("start inf") << base + QStringList {"--start", "inf,0"} << "--start";
    QTest::newRow("steps negative") << base + QStringList {"--steps", "-1"} << "--steps";
    QTest::newRow("steps text") << base + QStringList {"--steps", "ten"} << "--steps";
    QTest::newRow("steps fraction") << base + QStringList {"--steps", "2.5"} << "--steps";
    QTest::newRow("format") << base + QStringList {"--format", "xml"} << "csv, json";
    QTest::newRow("typo flag") << base + QStringList {"--step", "5"} << "did you mean '--steps'";
    QTest::newRow("missing value") << base + QStringList {"--steps"} << "--steps";
    QTest::newRow("positional") << base + QStringList {"extra"} << "extra";
    QTest::newRow("twice") << base + QStringList {"--steps", "1", "--steps", "2"} << "twice";
    QTest::newRow("no surface") << QStringList {"run", "--optimizer", "adam"} << "--surface";
    QTest::newRow("no optimizer") << QStringList {"run", "--surface", "rosenbrock"}
                                  << "--optimizer";
    QTest::newRow("batch on rosenbrock")
        << base + QStringList {"--batch-size", "4"} << "--batch-size";
    QTest::newRow("negative noise") << base + QStringList {"--noise", "-1"} << "--noise";
    QTest::newRow("bad seed") << base + QStringList {"--seed", "-3"} << "--seed";
    QTest::newRow("zero clip") << base + QStringList {"--clip-norm", "0"} << "--clip-norm";
    QTest::newRow("nesterov without momentum") << QStringList {"run", "--surface", "rosenbrock",
        "--optimizer", "nesterov", "--param", "momentum=0"}
                                               << "nesterov";
}

void TestCli::badInputExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const ProcessResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    const QList<QByteArray> errorLines = lines(result.err);
    QCOMPARE(errorLines.size(), 1);
    QVERIFY2(QString::fromUtf8(errorLines[0]).contains(named), errorLines[0].constData());
}

void TestCli::divergenceExitsThree()
{
    // Gradient descent with lr = 0.1 on Rosenbrock overshoots and explodes.
    const ProcessResult result = runCli({"run", "--surface", "rosenbrock", "--optimizer", "gd",
        "--param", "lr=0.1", "--steps", "100"});
    QCOMPARE(result.exitCode, 3);
    const QList<QByteArray> errorLines = lines(result.err);
    QCOMPARE(errorLines.size(), 1);
    QVERIFY(errorLines[0].startsWith("# diverged at step "));
    const int divergedAt = errorLines[0].mid(int(qstrlen("# diverged at step "))).toInt();
    QVERIFY(divergedAt > 0 && divergedAt <= 100);
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 1 + divergedAt); // header + steps 0 … K−1
    for (int i = 1; i < rows.size(); ++i)
        for (const QByteArray& field : rows[i].split(',')) {
            QVERIFY(std::isfinite(field.toDouble()));
            QVERIFY(std::abs(field.toDouble()) <= 1e300);
        }
    const QList<QByteArray> last = rows.last().split(',');
    QCOMPARE(last[0].toInt(), divergedAt - 1);
    QVERIFY(std::abs(last[1].toDouble()) <= 1e12 && std::abs(last[2].toDouble()) <= 1e12);
}

void TestCli::noiseIsSeeded()
{
    const QStringList base = {"run", "--surface", "rosenbrock", "--optimizer", "momentum",
        "--steps", "30", "--noise", "0.5"};
    const ProcessResult a = runCli(base + QStringList {"--seed", "7"});
    const ProcessResult b = runCli(base + QStringList {"--seed", "7"});
    const ProcessResult c = runCli(base + QStringList {"--seed", "8"});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    QVERIFY(a.out != c.out);
}

void TestCli::unknownCommand()
{
    const ProcessResult result = runCli({"rnu"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("did you mean 'run'"));
    QCOMPARE(runCli({}).exitCode, 2);
    QCOMPARE(runCli({"--help"}).exitCode, 0);
    QCOMPARE(runCli({"run", "--help"}).exitCode, 0);
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
