// optviz-cli train as a user runs it: a subprocess, its CSV and JSON, its exit statuses
// (spec/cli.md, "optviz-cli train"), and its numbers against the core's Trainer.

#include "cli_process.h"
#include "core/network/dataset.h"
#include "core/network/network_objective.h"
#include "core/network/seeds.h"
#include "core/network/trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace optviz;
using namespace optviz::testing;

namespace {

const QByteArray header = "epoch,step,train_loss,train_accuracy,test_loss,test_accuracy";

} // namespace

class TestCliTrain : public QObject
{
    Q_OBJECT

private slots:
    void csvMatchesTheCore();
    void miniBatchesCountSteps();
    void regressionLeavesAccuracyEmpty();
    void jsonMatchesCsv();
    void reproducibleForASeed();
    void outWritesFile();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void divergenceExitsThree();
    void listNamesTheNetworkPieces();
};

// The CSV of a run against the same run in-process: same seeds (the data from --seed,
// the weights from deriveSeed(seed, Initialization)), same numbers to the last bit.
void TestCliTrain::csvMatchesTheCore()
{
    const ProcessResult result = runCli({"train", "--dataset", "moons", "--samples", "120",
        "--seed", "3", "--optimizer", "adam", "--param", "lr=0.01", "--epochs", "20"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.isEmpty());
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 22); // header, epoch 0 (untrained), epochs 1…20
    QCOMPARE(rows[0], header);

    DataSplit data = makeDataSplit("moons", {{"samples", 120.0}, {"seed", 3.0}});
    const Mlp network({2, 16, 16, 1}, Activation::Tanh);
    const NetworkObjective train(network, Loss::BinaryCrossEntropy, std::move(data.train));
    const NetworkObjective test(network, Loss::BinaryCrossEntropy, std::move(data.test));
    TrainingSettings settings;
    settings.epochs = 20;
    Trainer trainer(train, &test, makeOptimizer("adam", {{"lr", 0.01}}),
        network.initialParameters(deriveSeed(3, SeedStream::Initialization)), settings);
    trainer.runToEnd();

    for (int k = 0; k <= 20; ++k) {
        const QList<QByteArray> fields = rows[k + 1].split(',');
        QCOMPARE(fields.size(), 6);
        QCOMPARE(fields[0].toInt(), k);
        QCOMPARE(fields[1].toInt(), k);
        for (int f = 2; f < 6; ++f)
            QVERIFY2(isSeventeenDigits(fields[f]), fields[f].constData());
        const EpochRecord& row = trainer.history()[std::size_t(k)];
        QCOMPARE(fields[2].toDouble(), row.trainLoss);
        QCOMPARE(fields[3].toDouble(), row.trainAccuracy);
        QCOMPARE(fields[4].toDouble(), row.testLoss);
        QCOMPARE(fields[5].toDouble(), row.testAccuracy);
    }
    QVERIFY(rows.last().split(',')[2].toDouble() < rows[1].split(',')[2].toDouble());
}

void TestCliTrain::miniBatchesCountSteps()
{
    // 200 samples, 40 for testing: 160 for training in batches of 32, five steps an epoch.
    const ProcessResult result = runCli({"train", "--dataset", "xor", "--optimizer", "sgd",
        "--param", "lr=0.1", "--epochs", "4", "--batch-size", "32", "--layers", "8"});
    QCOMPARE(result.exitCode, 0);
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 6);
    for (int k = 0; k <= 4; ++k)
        QCOMPARE(rows[k + 1].split(',')[1].toInt(), 5 * k);
}

void TestCliTrain::regressionLeavesAccuracyEmpty()
{
    const ProcessResult result = runCli({"train", "--dataset", "sine", "--optimizer", "adam",
        "--epochs", "3", "--test-fraction", "0", "--activation", "relu"});
    QCOMPARE(result.exitCode, 0);
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), 5);
    for (int k = 1; k < rows.size(); ++k) {
        const QList<QByteArray> fields = rows[k].split(',');
        QCOMPARE(fields.size(), 6);
        QVERIFY(!fields[2].isEmpty());
        QVERIFY(fields[3].isEmpty()); // no accuracy for regression
        QVERIFY(fields[4].isEmpty() && fields[5].isEmpty()); // no test set
    }
}

void TestCliTrain::jsonMatchesCsv()
{
    const QStringList common = {"train", "--dataset", "blobs", "--classes", "4", "--layers", "none",
        "--optimizer", "rmsprop", "--epochs", "5"};
    const ProcessResult csv = runCli(common);
    const ProcessResult json = runCli(common + QStringList {"--format", "json"});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(json.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root["format"].toString(), QString("optviz-training"));
    QCOMPARE(root["version"].toInt(), 1);
    QCOMPARE(root["status"].toString(), QString("finished"));
    QVERIFY(root["diverged_at_step"].isNull());
    // --layers none on four classes: softmax regression, 2 inputs to 4 logits.
    const QJsonObject network = root["network"].toObject();
    QCOMPARE(network["layers"].toArray(), QJsonArray({2, 4}));
    QCOMPARE(network["loss"].toString(), QString("ce"));
    QCOMPARE(network["parameters"].toInt(), 12);
    QCOMPARE(root["dataset"].toObject()["parameters"].toObject()["classes"].toInt(), 4);
    QCOMPARE(root["optimizer"].toObject()["parameters"].toObject()["lr"].toDouble(), 0.01);

    const QJsonArray history = root["history"].toArray();
    const QList<QByteArray> rows = lines(csv.out);
    QCOMPARE(history.size(), rows.size() - 1);
    const char* keys[]
        = {"epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy"};
    for (int k = 0; k < history.size(); ++k) {
        const QList<QByteArray> fields = rows[k + 1].split(',');
        const QJsonObject row = history[k].toObject();
        for (int f = 0; f < 6; ++f)
            QCOMPARE(row[keys[f]].toDouble(), fields[f].toDouble());
    }
}

void TestCliTrain::reproducibleForASeed()
{
    const QStringList command = {"train", "--dataset", "circles", "--optimizer", "adam", "--epochs",
        "6", "--batch-size", "10", "--seed", "5", "--activation", "leaky_relu"};
    const ProcessResult a = runCli(command);
    const ProcessResult b = runCli(command);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    QStringList other = command;
    other[other.indexOf("5")] = "6";
    QVERIFY(runCli(other).out != a.out);
}

void TestCliTrain::outWritesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("training.csv");
    const QStringList command
        = {"train", "--dataset", "spirals", "--optimizer", "nadam", "--epochs", "2"};
    const ProcessResult toFile = runCli(command + QStringList {"--out", path});
    QCOMPARE(toFile.exitCode, 0);
    QVERIFY(toFile.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), runCli(command).out);
}

void TestCliTrain::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // what the message must name
    const QStringList moons = {"train", "--dataset", "moons", "--optimizer", "adam"};
    QTest::newRow("no dataset") << QStringList {"train", "--optimizer", "adam"} << "--dataset";
    QTest::newRow("unknown dataset")
        << QStringList {"train", "--dataset", "moon", "--optimizer", "adam"} << "moons";
    QTest::newRow("no optimizer") << QStringList {"train", "--dataset", "moons"} << "--optimizer";
    QTest::newRow("unknown optimizer")
        << QStringList {"train", "--dataset", "moons", "--optimizer", "adma"} << "adam";
    QTest::newRow("bad layers") << moons + QStringList {"--layers", "16,x"} << "--layers";
    QTest::newRow("zero width") << moons + QStringList {"--layers", "0"} << "--layers";
    QTest::newRow("too deep") << moons + QStringList {"--layers", "2,2,2,2,2,2,2,2,2"}
                              << "--layers";
    QTest::newRow("activation") << moons + QStringList {"--activation", "swish"} << "--activation";
    QTest::newRow("loss") << moons + QStringList {"--loss", "huber"} << "--loss";
    QTest::newRow("bce on regression")
        << QStringList {"train", "--dataset", "linear", "--optimizer", "adam", "--loss", "bce"}
        << "--loss";
    QTest::newRow("classes of moons") << moons + QStringList {"--classes", "3"} << "--classes";
    QTest::newRow("too many classes") << QStringList {"train", "--dataset", "blobs", "--optimizer",
        "adam", "--classes", "11"} << "--classes";
    QTest::newRow("samples") << moons + QStringList {"--samples", "3"} << "--samples";
    QTest::newRow("noise") << moons + QStringList {"--noise", "-1"} << "--noise";
    QTest::newRow("test fraction")
        << moons + QStringList {"--test-fraction", "1"} << "--test-fraction";
    QTest::newRow("seed") << moons + QStringList {"--seed", "abc"} << "--seed";
    QTest::newRow("epochs") << moons + QStringList {"--epochs", "-1"} << "--epochs";
    QTest::newRow("batch zero") << moons + QStringList {"--batch-size", "0"} << "--batch-size";
    QTest::newRow("batch too large")
        << moons + QStringList {"--batch-size", "161"} << "--batch-size";
    QTest::newRow("parameter") << moons + QStringList {"--param", "lr=-1"} << "lr";
    QTest::newRow("format") << moons + QStringList {"--format", "xml"} << "--format";
    QTest::newRow("newton on a large network")
        << QStringList {"train", "--dataset", "moons", "--optimizer", "newton", "--layers", "64,64"}
        << "Hessian";
    QTest::newRow("bfgs on a large network")
        << QStringList {"train", "--dataset", "moons", "--optimizer", "bfgs", "--layers", "100,100"}
        << "lbfgs";
    QTest::newRow("unknown flag") << moons + QStringList {"--step", "10"} << "--step";
}

void TestCliTrain::badInputExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const ProcessResult result = runCli(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    const QList<QByteArray> message = lines(result.err);
    QCOMPARE(message.size(), 1);
    QVERIFY2(message[0].contains(named.toUtf8()), message[0].constData());
}

void TestCliTrain::divergenceExitsThree()
{
    // Linear regression by gradient descent with lr 10, far past 2 / (the largest
    // curvature, 2): the error grows twentyfold a step.
    const ProcessResult result = runCli({"train", "--dataset", "linear", "--layers", "none",
        "--optimizer", "sgd", "--param", "lr=10", "--epochs", "500"});
    QCOMPARE(result.exitCode, 3);
    const QByteArray message = result.err.trimmed();
    QVERIFY2(message.startsWith("# diverged at step "), message.constData());
    const int step = message.mid(19).split(' ')[0].toInt();
    QVERIFY(step > 1 && step < 500);
    QVERIFY(message.endsWith("(epoch " + QByteArray::number(step) + ")"));
    // The rows up to the last finite epoch.
    const QList<QByteArray> rows = lines(result.out);
    QCOMPARE(rows.size(), step + 1); // header and epochs 0 … step − 1
    for (int k = 1; k < rows.size(); ++k)
        QVERIFY(std::isfinite(rows[k].split(',')[2].toDouble()));
}

void TestCliTrain::listNamesTheNetworkPieces()
{
    const ProcessResult text = runCli({"list"});
    QCOMPARE(text.exitCode, 0);
    for (const std::string& name : datasetNames())
        QVERIFY(text.out.contains(QByteArray("\n  ") + name.c_str() + "  "));
    for (const std::string& name : activationNames())
        QVERIFY(text.out.contains(QByteArray("\n  ") + name.c_str() + "  "));
    for (const char* name : {"mse", "bce", "ce"})
        QVERIFY(text.out.contains(QByteArray("\n  ") + name + "  "));
    QVERIFY(text.out.contains("optviz-cli train"));

    const ProcessResult json = runCli({"list", "--format", "json"});
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(root["datasets"].toArray().size(), int(datasetNames().size()));
    QCOMPARE(root["activations"].toArray().size(), int(activationNames().size()));
    QCOMPARE(root["losses"].toArray().size(), 3);
    QVERIFY(!root["surfaces"].toArray().isEmpty()); // what was there stays
}

QTEST_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
