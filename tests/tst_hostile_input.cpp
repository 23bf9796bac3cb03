// Hostile input (issue 5): what the fuzzers (fuzz/) found and what was tried by hand.
// Every bad command line exits 2 with exactly one readable line naming the argument;
// every bad scene file is refused with one line naming the field. Each fuzz finding is a
// row here as well as a file in fuzz/corpus/<target>/.

#include "cli_process.h"
#include "core/parameter.h"
#include "ui/scene.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace optviz;
using namespace optviz::testing;

namespace {

// An error a person reads: one line of a readable length.
constexpr int maxMessageLength = 1000;

// The run/render base commands the rows extend.
// `run` takes its default 100 steps, so that rows can give --steps.
const QStringList run = {"run", "--surface", "rosenbrock", "--optimizer", "gd"};
const QStringList render
    = {"render", "--surface", "rosenbrock", "--optimizer", "gd", "--steps", "3"};

// A valid scene but for the given steps, optimizers and further fields (", ...").
QByteArray sceneWith(const QByteArray& fields, const QByteArray& steps = "10",
    const QByteArray& optimizers = R"([{"name": "adam"}])")
{
    return R"({"format": "optviz-scene", "version": 1, "surface": {"name": "rosenbrock"}, )"
           R"("steps": )"
        + steps + R"(, "optimizers": )" + optimizers + fields + "}";
}

// The message of the InvalidArgument that refusing `bytes` throws, or "" if accepted.
QString refusal(const QByteArray& bytes)
{
    try {
        Scene::fromBytes(bytes, "hostile.json");
    } catch (const InvalidArgument& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badCommandLineExitsTwo_data();
    void badCommandLineExitsTwo();
    void nonUtf8ArgumentIsEscaped();
    void scientificStepsAreAnInteger();
    void hugeSceneFileIsRefusedUnread();
    void sceneDirectoryIsRefused();
    void percentInScenePathIsKept();
    void badSceneNamesTheField_data();
    void badSceneNamesTheField();
    void printableEscapesAndCuts_data();
    void printableEscapesAndCuts();

private:
    QTemporaryDir dir_;
};

void TestHostileInput::initTestCase()
{
    QVERIFY(dir_.isValid());
}

void TestHostileInput::badCommandLineExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fragment"); // what the one line must say
    const QString out = dir_.filePath("never.png");
    const QString longWord(100000, 'a');

    QTest::newRow("steps 1e99") << run + QStringList {"--steps", "1e99"}
                                << "--steps 1e99 is out of range; accepted: an integer in [0, ";
    QTest::newRow("steps 2.5e0") << run + QStringList {"--steps", "2.5e0"}
                                 << "--steps '2.5e0' is not an integer";
    QTest::newRow("steps past long long")
        << run + QStringList {"--steps", "99999999999999999999"} << "is out of range";
    QTest::newRow("steps empty") << run + QStringList {"--steps="} << "--steps needs a value";
    QTest::newRow("steps with a line break")
        << run + QStringList {"--steps", "1\n2"} << "--steps '1\\x0a2'";
    QTest::newRow("start 1,") << run + QStringList {"--start", "1,"} << "--start '1,'";
    QTest::newRow("start ,1") << run + QStringList {"--start", ",1"} << "--start";
    QTest::newRow("start 1e309") << run + QStringList {"--start", "1e309,0"} << "--start";
    QTest::newRow("lr 1e309") << run + QStringList {"--param", "lr=1e309"} << "lr='1e309'";
    QTest::newRow("lr empty") << run + QStringList {"--param", "lr="} << "lr=''";
    QTest::newRow("lr hex") << run + QStringList {"--param", "lr=0x1p-3"} << "lr";
    QTest::newRow("lr -inf") << run + QStringList {"--param", "lr=-inf"} << "lr";
    QTest::newRow("param twice") << run + QStringList {"--param", "lr=0.1", "--param", "lr=0.2"}
                                 << "lr is given twice";
    QTest::newRow("surface empty") << QStringList {"run", "--surface", "", "--optimizer", "gd"}
                                   << "--surface needs a value, not an empty one";
    QTest::newRow("out empty") << run + QStringList {"--out", ""}
                               << "--out needs a value, not an empty one: --out FILE";
    QTest::newRow("samples 1e9") << QStringList {"run", "--surface", "linreg", "--surface-param",
        "samples=1e9", "--optimizer", "gd"}
                                 << "samples";
    QTest::newRow("seed 2^64") << run + QStringList {"--seed", "18446744073709551616"} << "--seed";
    QTest::newRow("noise nan") << run + QStringList {"--noise", "nan"} << "--noise";
    QTest::newRow("flag typo") << run + QStringList {"--stpes", "4"} << "did you mean '--steps'";
    QTest::newRow("optimizer twice")
        << run + QStringList {"--optimizer", "adam"} << "--optimizer is given twice";
    QTest::newRow("long flag") << run + QStringList {"--" + longWord} << "unknown option";
    QTest::newRow("long value") << QStringList {"run", "--surface", longWord, "--optimizer", "gd"}
                                << "unknown surface 'aaaa";
    QTest::newRow("long positional") << run + QStringList {longWord} << "unexpected argument";
    QTest::newRow("out in no directory")
        << run + QStringList {"--out", dir_.filePath("no/such/dir/x.csv")} << "--out";
    // Fuzz finding (fuzz/corpus/cli_arguments/finding_control_character): a control
    // character went into the message as it was.
    QTest::newRow("fuzz: control character") << QStringList {"run", "--surface", "saddle",
        "0.01\x02--seed"} << "unexpected argument '0.01\\x02--seed'";
    // Fuzz finding (finding_size_float_cast_overflow): the width was converted to an
    // integer before its range was checked, undefined behaviour for 6e22.
    QTest::newRow("fuzz: size 6e22")
        << render + QStringList {"--out", out, "--size", "353x60018446744073709551616"}
        << "--size 353x60018446744073709551616 is out of range";
    QTest::newRow("size 1e300") << render + QStringList {"--out", out, "--size", "1e300x900"}
                                << "--size 1e300x900 is out of range";
    QTest::newRow("size negative")
        << render + QStringList {"--out", out, "--size", "-5x10"} << "--size";
    QTest::newRow("size half") << render + QStringList {"--out", out, "--size", "800x"}
                               << "--size '800x'";
    QTest::newRow("scale nan") << render + QStringList {"--out", out, "--scale", "nan"}
                               << "--scale";
    QTest::newRow("out extension")
        << render + QStringList {"--out", dir_.filePath("x.txt")} << "--out";
    QStringList thirteen = {"render", "--surface", "booth", "--out", out};
    for (int i = 0; i < Scene::maxOptimizers + 1; ++i)
        thirteen << "--optimizer"
                 << "gd";
    QTest::newRow("13 optimizers") << thirteen << "at most 12";
    QTest::newRow("scene missing") << QStringList {"render", "--scene", dir_.filePath("none.json"),
        "--out", out} << "cannot open scene";
}

void TestHostileInput::badCommandLineExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fragment);
    const ProcessResult result = runProcess(QStringLiteral(OPTVIZ_CLI_PATH), arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.out.isEmpty(), result.out.left(200).constData());
    QVERIFY2(
        result.err.endsWith('\n') && result.err.count('\n') == 1, result.err.left(300).constData());
    QVERIFY2(result.err.size() < maxMessageLength, result.err.left(300).constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(fragment), result.err.constData());
}

// Bytes that are not UTF-8 cannot come through QProcess's QString arguments: the shell
// passes them.
void TestHostileInput::nonUtf8ArgumentIsEscaped()
{
    const ProcessResult result = runProcess("/bin/sh",
        {"-c", R"sh(exec "$0" run --surface "$(printf 'rosen\377brock')" --optimizer gd)sh",
            QStringLiteral(OPTVIZ_CLI_PATH)});
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY2(result.err.contains(R"(unknown surface 'rosen\xffbrock')"), result.err.constData());
}

// "--steps 1e1" is ten steps (a whole number in any notation), not an error.
void TestHostileInput::scientificStepsAreAnInteger()
{
    const ProcessResult result
        = runProcess(QStringLiteral(OPTVIZ_CLI_PATH), run + QStringList {"--steps", "1e1"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.count('\n'), 12); // the header, then steps 0 to 10
}

// A 1 GB scene (sparse: no disk is used) is refused from its size, before any reading.
void TestHostileInput::hugeSceneFileIsRefusedUnread()
{
    const QString path = dir_.filePath("huge.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(qint64(1) << 30));
    file.close();
    try {
        Scene::load(path);
        QFAIL("a 1 GB scene was accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString(error.what()).contains("is 1073741824 bytes; at most"), error.what());
    }
    const ProcessResult result = runProcess(QStringLiteral(OPTVIZ_CLI_PATH),
        {"render", "--scene", path, "--out", dir_.filePath("huge.png")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("at most 1048576"), result.err.constData());
}

void TestHostileInput::sceneDirectoryIsRefused()
{
    try {
        Scene::load(dir_.path());
        QFAIL("a directory was accepted as a scene");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString(error.what()).startsWith("cannot open scene")
                || QString(error.what()).contains("not valid JSON"),
            error.what());
    }
}

// Messages once filled the file name in with chained QString::arg: a "%3" in the name
// was replaced by the byte offset.
void TestHostileInput::percentInScenePathIsKept()
{
    const QString path = dir_.filePath("a%3b%1.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{");
    file.close();
    try {
        Scene::load(path);
        QFAIL("broken JSON was accepted");
    } catch (const InvalidArgument& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains("a%3b%1.json' is not valid JSON"),
            error.what());
    }
}

void TestHostileInput::badSceneNamesTheField_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fragment"); // the field, and what is said of it

    QTest::newRow("empty file") << QByteArray() << "not valid JSON";
    QTest::newRow("top-level array") << QByteArray("[1, 2]") << "must hold a JSON object";
    QTest::newRow("NaN literal") << sceneWith(R"(, "noise": NaN)") << "not valid JSON";
    QTest::newRow("over 1 MiB") << QByteArray((1 << 20) + 1, ' ') << "at most 1048576";
    QTest::newRow("nested 100000 deep")
        << QByteArray(100000, '[') + QByteArray(100000, ']') << "not valid JSON";
    QTest::newRow("unknown field") << sceneWith(R"(, "noize": 0.1)")
                                   << "'noize': is not a scene field (did you mean 'noise'?)";
    QTest::newRow("unknown surface field")
        << QByteArray(R"({"format": "optviz-scene", "version": 1, )"
                      R"("surface": {"name": "booth", "param": {}}, "steps": 1, "optimizers": []})")
        << "'surface.param': is not a scene field (did you mean 'parameters'?)";
    QTest::newRow("unknown optimizer field")
        << QByteArray(R"({"format": "optviz-scene", "version": 1, "surface": {"name": "booth"}, )"
                      R"("steps": 1, "optimizers": [{"name": "gd", "colour": "#000000"}]})")
        << "'optimizers[0].colour': is not a scene field (did you mean 'color'?)";
    QTest::newRow("unknown view field")
        << sceneWith(R"(, "view": {"x_min": 0, "x_max": 1, "y_min": 0, "y_max": 1, "z": 0})")
        << "'view.z'";
    QTest::newRow("steps 1e9") << sceneWith("", "1e9") << "'steps'";
    QTest::newRow("steps 1e309") << sceneWith("", "1e309") << "not valid JSON: illegal number";
    QTest::newRow("steps negative") << sceneWith("", "-1") << "'steps'";
    QTest::newRow("steps text") << sceneWith("", R"("10")") << "'steps': must be a number";
    QTest::newRow("steps null") << sceneWith("", "null") << "'steps'";
    QTest::newRow("version text") << QByteArray(R"({"format": "optviz-scene", "version": "1"})")
                                  << "'version'";
    QTest::newRow("format missing") << QByteArray(R"({"version": 1})") << "'format': is missing";
    QTest::newRow("optimizers missing") << QByteArray(
        R"({"format": "optviz-scene", "version": 1, "surface": {"name": "booth"}, )"
        R"("steps": 1})") << "'optimizers': is missing";
    QByteArray many = R"({"format": "optviz-scene", "version": 1, "surface": {"name": "booth"}, )"
                      R"("steps": 1, "optimizers": [)";
    for (int i = 0; i < 10000; ++i)
        many += i ? R"(, {"name": "gd"})" : R"({"name": "gd"})";
    QTest::newRow("10000 optimizers") << many + "]}"
                                      << "'optimizers': has 10000 entries";
    QTest::newRow("optimizers object")
        << sceneWith("", "10", "{}") << "'optimizers': must be an array";
    QTest::newRow("start text") << sceneWith(R"(, "start": "1,2")") << "'start'";
    QTest::newRow("start 1e7") << sceneWith(R"(, "start": [1e7, 0])") << "'start[0]'";
    QTest::newRow("enabled number")
        << QByteArray(R"({"format": "optviz-scene", "version": 1, "surface": {"name": "booth"}, )"
                      R"("steps": 1, "optimizers": [{"name": "gd", "enabled": 1}]})")
        << "'optimizers[0].enabled'";
    QTest::newRow("layout number") << sceneWith(R"(, "layout": 5)") << "'layout'";
    QTest::newRow("long surface name")
        << QByteArray(R"({"format": "optviz-scene", "version": 1, "surface": {"name": ")")
            + QByteArray(100000, 'x') + R"("}, "steps": 1, "optimizers": []})"
        << "'surface.name': must be 1 to 64 characters long";
    // Fuzz finding (fuzz/corpus/scene/finding_control_character_in_key.json): a raw control
    // character in a parameter's name went into the message as it was.
    QTest::newRow("fuzz: control character in a key")
        << QByteArray(R"({"format": "optviz-scene", "version": 1, "surface": {"name": "booth"}, )"
                      "\"steps\": 1, \"optimizers\": [{\"name\": \"nesterov\", "
                      "\"parameters\": {\"nest\x13rov\": true}}]}")
        << "'optimizers[0].parameters.nest\\x13rov': is not a parameter of nesterov";
    QTest::newRow("long key with a line break")
        << sceneWith(", \"" + QByteArray(100000, 'k') + "\\n\": 1") << "'kkkk";
    QTest::newRow("non-UTF-8 name")
        << QByteArray("{\"format\": \"optviz-scene\", \"version\": 1, \"surface\": {\"name\": "
                      "\"rosen\xff\xfe\"}, \"steps\": 1, \"optimizers\": []}")
        << "not valid JSON: invalid UTF8 string";
    QTest::newRow("batch size beyond samples") << QByteArray(
        R"({"format": "optviz-scene", "version": 1, "surface": {"name": "linreg", )"
        R"("parameters": {"samples": 10}}, "steps": 1, "optimizers": [], )"
        R"("batch_size": 11})") << "'batch_size'";
    QTest::newRow("seed past 2^53") << sceneWith(R"(, "seed": 1e300)") << "'seed'";
}

void TestHostileInput::badSceneNamesTheField()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fragment);
    const QString message = refusal(bytes);
    QVERIFY2(!message.isEmpty(), "the scene was accepted");
    QVERIFY2(!message.contains('\n'), qPrintable(message.left(300)));
    QVERIFY2(message.size() < maxMessageLength, qPrintable(message.left(300)));
    QVERIFY2(message.contains(fragment), qPrintable(message.left(300)));
}

void TestHostileInput::printableEscapesAndCuts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("shown");
    QTest::newRow("plain") << QByteArray("adam") << QByteArray("adam");
    QTest::newRow("UTF-8 kept") << QByteArray("r\xc3\xb6") << QByteArray("r\xc3\xb6");
    QTest::newRow("line break") << QByteArray("a\nb") << QByteArray("a\\x0ab");
    QTest::newRow("escape sequence") << QByteArray("\x1b[2J") << QByteArray("\\x1b[2J");
    QTest::newRow("invalid byte") << QByteArray("a\xff") << QByteArray("a\\xff");
    QTest::newRow("truncated sequence") << QByteArray("a\xc3") << QByteArray("a\\xc3");
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QByteArray("\\xc0\\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xed\\xa0\\x80");
    QTest::newRow("C1 control") << QByteArray("\xc2\x85") << QByteArray("\\xc2\\x85");
    QTest::newRow("cut") << QByteArray(100, 'z') << QByteArray(60, 'z') + "...";
}

void TestHostileInput::printableEscapesAndCuts()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, shown);
    QCOMPARE(QByteArray::fromStdString(printable(text.toStdString())), shown);
}

QTEST_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
