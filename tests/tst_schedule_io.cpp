// Learning-rate schedules where users give them: scene files (round trip, strict
// validation) and optviz-cli's --schedule / --schedule-param (run, render, list).

#include "cli_process.h"
#include "ui/optimizer_card.h"
#include "ui/parameter_control.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QSpinBox>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace optviz;
using namespace optviz::testing;

namespace {

Scene scheduledScene()
{
    Scene scene = Scene::defaultScene();
    scene.optimizers[2].schedule = "cosine";
    scene.optimizers[2].scheduleParameters = LearningRateSchedule("cosine",
        {{"T_max", 200.0}, {"eta_min", 0.001},
            {"warmup", 20.0}}).parameters();
    scene.optimizers[0].schedule = "step";
    scene.optimizers[0].scheduleParameters
        = LearningRateSchedule("step", {{"step_size", 50.0}, {"gamma", 0.5}}).parameters();
    return scene;
}

} // namespace

class TestScheduleIo : public QObject
{
    Q_OBJECT

private slots:
    void sceneRoundTrips();
    void sceneWithoutScheduleIsConstant();
    void sceneRejectsBadSchedules_data();
    void sceneRejectsBadSchedules();
    void simulationAppliesTheSchedule();
    void labelNamesTheSchedule();
    void runFollowsTheSchedule();
    void runRejectsBadFlags_data();
    void runRejectsBadFlags();
    void renderTakesASchedulePerOptimizer();
    void listDocumentsSchedules();
    void cardEditsTheSchedule();
};

void TestScheduleIo::sceneRoundTrips()
{
    const Scene scene = scheduledScene();
    const QJsonObject json = scene.toJson();
    const QJsonObject entry = json["optimizers"].toArray()[2].toObject();
    QCOMPARE(entry["schedule"].toObject()["name"].toString(), QString("cosine"));
    QCOMPARE(entry["schedule"].toObject()["parameters"].toObject()["T_max"].toDouble(), 200.0);
    // A constant schedule is not written: old readers and old files see no change.
    QVERIFY(!json["optimizers"].toArray()[1].toObject().contains("schedule"));
    const Scene back = Scene::fromJson(json);
    QCOMPARE(back.optimizers[2].schedule, std::string("cosine"));
    QCOMPARE(back.optimizers[2].scheduleParameters.at("eta_min"), 0.001);
    QCOMPARE(back.optimizers[2].scheduleParameters.at("start_factor"), 1.0 / 3.0);
    QVERIFY(back == scene);

    QTemporaryDir dir;
    const QString path = dir.filePath("scheduled.json");
    QString error;
    QVERIFY2(scene.save(path, &error), qPrintable(error));
    QVERIFY(Scene::load(path) == scene);
}

void TestScheduleIo::sceneWithoutScheduleIsConstant()
{
    const Scene scene = Scene::fromJson(Scene::defaultScene().toJson());
    for (const OptimizerEntry& entry : scene.optimizers) {
        QCOMPARE(entry.schedule, std::string("constant"));
        QVERIFY(entry.scheduleParameters.empty());
        QVERIFY(entry.makeSchedule().isConstant());
    }
    QVERIFY(scene == Scene::defaultScene());
}

void TestScheduleIo::sceneRejectsBadSchedules_data()
{
    QTest::addColumn<QString>("schedule"); // JSON of optimizers[0].schedule
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("not an object") << "\"cosine\""
                                   << "optimizers[0].schedule': must be an object";
    QTest::newRow("no name") << "{}"
                             << "optimizers[0].schedule.name': is missing";
    QTest::newRow("unknown name") << "{\"name\": \"cosin\"}"
                                  << "did you mean 'cosine'";
    QTest::newRow("unknown field") << "{\"name\": \"cosine\", \"gamma\": 1}"
                                   << "optimizers[0].schedule.gamma'";
    QTest::newRow("unknown parameter")
        << "{\"name\": \"cosine\", \"parameters\": {\"gamma\": 0.5}}"
        << "optimizers[0].schedule.parameters.gamma': is not a parameter of schedule cosine";
    QTest::newRow("out of range") << "{\"name\": \"step\", \"parameters\": {\"gamma\": 2}}"
                                  << "accepted: (0, 1]";
    QTest::newRow("not a number") << "{\"name\": \"step\", \"parameters\": {\"step_size\": \"10\"}}"
                                  << "must be a number";
    QTest::newRow("fractional") << "{\"name\": \"cosine\", \"parameters\": {\"T_max\": 1.5}}"
                                << "integer";
}

void TestScheduleIo::sceneRejectsBadSchedules()
{
    QFETCH(QString, schedule);
    QFETCH(QString, expected);
    QJsonObject json = Scene::defaultScene().toJson();
    QJsonArray optimizers = json["optimizers"].toArray();
    QJsonObject entry = optimizers[0].toObject();
    const QJsonDocument value = QJsonDocument::fromJson(("{\"v\": " + schedule + "}").toUtf8());
    QVERIFY(value.isObject());
    entry["schedule"] = value.object()["v"];
    optimizers[0] = entry;
    json["optimizers"] = optimizers;
    try {
        Scene::fromJson(json);
        QFAIL("accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString(error.what()).contains(expected), error.what());
    }
}

void TestScheduleIo::simulationAppliesTheSchedule()
{
    // Gradient descent on ½(x² + 10y²) from (1, 0), lr 0.5 halved every step (hand
    // computed in tst_lr_schedule): x = 0.328125 after three steps; constant lr: 0.125.
    Scene scene;
    scene.surface = "quadratic";
    scene.surfaceParameters = resolveParameters(findSurface("quadratic")->parameters, {}, "");
    scene.start = Point2 {1.0, 0.0};
    scene.steps = 3;
    OptimizerEntry entry = scene.makeEntry("gd");
    entry.parameters["lr"] = 0.5;
    scene.optimizers.append(entry);
    entry.schedule = "exponential";
    entry.scheduleParameters = LearningRateSchedule("exponential", {{"gamma", 0.5}}).parameters();
    scene.optimizers.append(entry);
    SceneSimulation simulation(scene);
    simulation.runToEnd();
    QCOMPARE(simulation.runner(0).current()[0], 0.125);
    QCOMPARE(simulation.runner(1).current()[0], 0.328125);
}

void TestScheduleIo::labelNamesTheSchedule()
{
    const Scene scene = scheduledScene();
    QCOMPARE(scene.optimizers[1].label(), QString("momentum")); // lr 0.001 is its default
    QCOMPARE(scene.optimizers[2].label(),
        QString::fromUtf8("adam lr=0.02 · cosine T_max=200 eta_min=0.001 warmup=20"));
    QCOMPARE(scene.optimizers[0].label(), QString::fromUtf8("gd · step step_size=50 gamma=0.5"));
}

void TestScheduleIo::runFollowsTheSchedule()
{
    const ProcessResult result = runCli({"run", "--surface", "quadratic", "--optimizer", "gd",
        "--param", "lr=0.5", "--start", "1,0", "--steps", "3", "--schedule", "step",
        "--schedule-param", "step_size=1", "--schedule-param", "gamma=0.5"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out,
        QByteArray("step,x,y,loss\n0,1,0,0.5\n1,0.5,0,0.125\n2,0.375,0,0.0703125\n"
                   "3,0.328125,0,0.0538330078125\n"));

    // JSON names the schedule (only when there is one).
    const ProcessResult json
        = runCli({"run", "--surface", "quadratic", "--optimizer", "gd", "--steps", "1", "--format",
            "json", "--schedule", "warmup", "--schedule-param", "warmup=7"});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(json.out).object();
    const QJsonObject schedule = document["optimizer"].toObject()["schedule"].toObject();
    QCOMPARE(schedule["name"].toString(), QString("warmup"));
    QCOMPARE(schedule["parameters"].toObject()["warmup"].toDouble(), 7.0);
    const ProcessResult plain = runCli(
        {"run", "--surface", "quadratic", "--optimizer", "gd", "--steps", "1", "--format", "json"});
    QVERIFY(!plain.out.contains("schedule"));
}

void TestScheduleIo::runRejectsBadFlags_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown schedule") << QStringList {"--schedule", "cosin"}
                                      << "--schedule: unknown schedule 'cosin' (did you mean "
                                         "'cosine'?); accepted: constant, step, exponential, "
                                         "cosine, warmup";
    QTest::newRow("param without schedule")
        << QStringList {"--schedule-param", "T_max=10"} << "needs a --schedule";
    QTest::newRow("unknown param") << QStringList {"--schedule", "cosine", "--schedule-param",
        "gamma=0.5"} << "accepted: T_max, eta_min, warmup, start_factor";
    QTest::newRow("out of range") << QStringList {"--schedule", "exponential", "--schedule-param",
        "gamma=1.5"} << "gamma=1.5 is out of range; accepted: (0, 1]";
    QTest::newRow("not a number") << QStringList {"--schedule", "step", "--schedule-param",
        "step_size=ten"} << "not a finite number";
    QTest::newRow("malformed") << QStringList {"--schedule", "step", "--schedule-param", "10"}
                               << "not of the form name=value";
    QTest::newRow("twice") << QStringList {"--schedule", "step", "--schedule", "cosine"}
                           << "--schedule is given twice";
}

void TestScheduleIo::runRejectsBadFlags()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, expected);
    const ProcessResult result = runCli(
        QStringList {"run", "--surface", "quadratic", "--optimizer", "gd", "--steps", "3"} + flags);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count('\n'), 1); // one line
    QVERIFY2(QString(result.err).contains(expected), result.err.constData());
}

void TestScheduleIo::renderTakesASchedulePerOptimizer()
{
    QTemporaryDir dir;
    const QString scenePath = dir.filePath("saved.json");
    const ProcessResult result = runCli({"render", "--surface", "quadratic", "--optimizer", "gd",
        "--param", "lr=0.1", "--optimizer", "gd", "--param", "lr=0.1", "--schedule", "cosine",
        "--schedule-param", "T_max=50", "--steps", "60", "--out", dir.filePath("f.png"), "--size",
        "400x300", "--save-scene", scenePath});
    QCOMPARE(result.exitCode, 0);
    const Scene saved = Scene::load(scenePath);
    QCOMPARE(saved.optimizers.size(), 2);
    QCOMPARE(saved.optimizers[0].schedule, std::string("constant"));
    QCOMPARE(saved.optimizers[1].schedule, std::string("cosine"));
    QCOMPARE(saved.optimizers[1].scheduleParameters.at("T_max"), 50.0);

    const ProcessResult early = runCli({"render", "--surface", "quadratic", "--schedule", "cosine",
        "--optimizer", "gd", "--out", dir.filePath("g.png")});
    QCOMPARE(early.exitCode, 2);
    QVERIFY2(early.err.contains("comes before any --optimizer"), early.err.constData());
    const ProcessResult withScene = runCli(
        {"render", "--scene", scenePath, "--schedule", "cosine", "--out", dir.filePath("h.png")});
    QCOMPARE(withScene.exitCode, 2);
    QVERIFY2(withScene.err.contains("cannot be combined with --scene"), withScene.err.constData());
    QVERIFY(!QFile::exists(dir.filePath("g.png")) && !QFile::exists(dir.filePath("h.png")));
}

void TestScheduleIo::listDocumentsSchedules()
{
    const ProcessResult text = runCli({"list"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("SCHEDULES"));
    for (const char* name : {"constant", "step", "exponential", "cosine", "warmup"})
        QVERIFY2(text.out.contains(QByteArray("\n  ") + name + "    "), name);
    QVERIFY(text.out.contains("T_max=500"));
    const ProcessResult json = runCli({"list", "--format", "json"});
    const QJsonArray schedules = QJsonDocument::fromJson(json.out).object()["schedules"].toArray();
    QCOMPARE(schedules.size(), 5);
    QCOMPARE(schedules[3].toObject()["name"].toString(), QString("cosine"));
    QCOMPARE(schedules[3].toObject()["parameters"].toArray()[0].toObject()["name"].toString(),
        QString("T_max"));
}

void TestScheduleIo::cardEditsTheSchedule()
{
    OptimizerEntry entry = Scene().makeEntry("adam");
    OptimizerCard card(entry);
    QSignalSpy changed(&card, &OptimizerCard::entryChanged);
    QCOMPARE(card.scheduleBox()->currentData().toString(), QString("constant"));
    QVERIFY(card.scheduleControls().isEmpty());

    // Choosing cosine shows its four parameters and emits the entry with its defaults.
    card.scheduleBox()->setCurrentIndex(card.scheduleBox()->findData("cosine"));
    emit card.scheduleBox()->activated(card.scheduleBox()->currentIndex());
    QCOMPARE(changed.count(), 1);
    OptimizerEntry emitted = changed.last().first().value<OptimizerEntry>();
    QCOMPARE(emitted.schedule, std::string("cosine"));
    QCOMPARE(emitted.scheduleParameters.at("T_max"), 500.0);
    QCOMPARE(card.scheduleControls().size(), 4);
    QVERIFY(emitted.parameters == entry.parameters); // the optimizer's own are untouched

    // Editing T_max emits it.
    ParameterControl* tMax = card.scheduleControl("T_max");
    QVERIFY(tMax && tMax->spinBox());
    auto* spin = qobject_cast<QSpinBox*>(tMax->spinBox());
    QVERIFY(spin);
    spin->setValue(120);
    QVERIFY(changed.count() >= 2);
    emitted = changed.last().first().value<OptimizerEntry>();
    QCOMPARE(emitted.scheduleParameters.at("T_max"), 120.0);

    // setEntry shows another schedule without emitting, and back to constant hides it all.
    const int before = int(changed.count());
    OptimizerEntry stepped = emitted;
    stepped.schedule = "step";
    stepped.scheduleParameters = LearningRateSchedule("step", {{"gamma", 0.5}}).parameters();
    card.setEntry(stepped);
    QCOMPARE(card.scheduleBox()->currentData().toString(), QString("step"));
    QCOMPARE(card.scheduleControl("gamma")->value(), 0.5);
    QVERIFY(!card.scheduleControl("T_max"));
    stepped.schedule = "constant";
    stepped.scheduleParameters.clear();
    card.setEntry(stepped);
    QVERIFY(card.scheduleControls().isEmpty());
    QCOMPARE(changed.count(), before);
}

QTEST_MAIN(TestScheduleIo)
#include "tst_schedule_io.moc"
