// Every file optviz-cli writes, as a user (or an attacker) meets it: a target that is not
// a regular file (also through a symbolic link) is refused with exit 2 before anything is
// written; a write that fails (here: a file-size limit, as a full disk) exits 3 and keeps
// the old file; and kill -9 at any moment leaves the old file intact or the new one
// complete, never a cut one, with no temporary files left after the next write.

#include "cli_process.h"
#include "file_probe.h"
#include "ui/scene.h"

#include <gif_lib.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <cstring>
#include <functional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace optviz::testing;

namespace {

// One output of one command: `arguments` write `file` (and `second`, if any) in the
// working folder; `oldArguments` write a smaller, different file of the same kind.
struct Output
{
    QStringList arguments;
    QStringList oldArguments;
    QString file;
    QString second; // render --save-scene's scene
};

Output outputNamed(const QString& name)
{
    const QStringList adam {"--optimizer", "adam", "--param", "lr=0.01"};
    if (name == "run")
        return {QStringList {"run", "--surface", "rosenbrock", "--steps", "150000"} + adam
                + QStringList {"--out", "run.csv"},
            QStringList {"run", "--surface", "rosenbrock", "--steps", "100"} + adam
                + QStringList {"--out", "run.csv"},
            "run.csv", {}};
    if (name == "sweep") {
        const QStringList base {"sweep", "--surface", "rosenbrock", "--optimizer", "adam",
            "--start", "-1,1", "--steps", "2000", "--out", "sweep.csv", "--vary"};
        return {base + QStringList {"lr=1e-4:1e-1:log:150"},
            base + QStringList {"lr=1e-4:1e-1:log:5"}, "sweep.csv", {}};
    }
    if (name == "train") {
        const QStringList base = QStringList {"train", "--dataset", "moons"} + adam
            + QStringList {"--out", "train.csv"};
        return {base + QStringList {"--epochs", "1000"}, base + QStringList {"--epochs", "10"},
            "train.csv", {}};
    }
    if (name.startsWith("basins")) {
        const QString file = name == "basins png" ? "basins.png" : "basins.csv";
        const QStringList base {"basins", "--surface", "himmelblau", "--optimizer", "gd", "--param",
            "lr=0.01", "--steps", "300", "--out", file, "--grid"};
        return {base + QStringList {"90x90"}, base + QStringList {"12x12"}, file, {}};
    }
    if (name == "render png") {
        const QStringList base {"render", "--surface", "rosenbrock", "--optimizer", "adam",
            "--size", "640x400", "--out", "render.png", "--save-scene", "scene.json", "--steps"};
        return {base + QStringList {"500"}, base + QStringList {"20"}, "render.png", "scene.json"};
    }
    // render gif
    const QStringList base {"render", "--surface", "rosenbrock", "--optimizer", "adam", "--steps",
        "500", "--size", "320x240", "--out", "render.gif", "--frames"};
    return {base + QStringList {"8"}, base + QStringList {"3"}, "render.gif", {}};
}

const QStringList outputNames {
    "run", "sweep", "train", "basins csv", "basins png", "render png", "render gif"};

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QStringList temporaries(const QString& folder)
{
    return entries(folder).filter(".optviz-");
}

ProcessResult runIn(const QString& folder, const QStringList& arguments,
    const std::function<void()>& childSetup = {})
{
    QProcess process;
    process.setWorkingDirectory(folder);
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(QStringLiteral(OPTVIZ_CLI_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}

// The frames of a GIF, decoded by giflib from memory; −1 if it does not decode.
int gifFrames(const QByteArray& bytes)
{
    struct Reader
    {
        const QByteArray* bytes;
        qsizetype at;
    } reader {&bytes, 0};
    const auto read = [](GifFileType* gif, GifByteType* into, int length) {
        auto* r = static_cast<Reader*>(gif->UserData);
        const int n = int(std::clamp(r->bytes->size() - r->at, qsizetype(0), qsizetype(length)));
        std::memcpy(into, r->bytes->constData() + r->at, std::size_t(n));
        r->at += n;
        return n;
    };
    int code = 0;
    GifFileType* gif = DGifOpen(&reader, read, &code);
    if (!gif)
        return -1;
    const int frames = DGifSlurp(gif) == GIF_OK ? gif->ImageCount : -1;
    DGifCloseFile(gif, &code);
    return frames;
}

// What a whole file of each kind holds: CSV lines, a PNG's size, a GIF's frames.
struct Shape
{
    qsizetype rows = 0;
    QSize size;
    int frames = -1;
};

Shape shapeOf(const QByteArray& bytes)
{
    return {bytes.count('\n'), QImage::fromData(bytes, "PNG").size(), gifFrames(bytes)};
}

// Whether `bytes` is a whole file of its kind, read as a user's program would read it:
// CSV with all its lines, a PNG that decodes at its full size, a GIF with all its frames,
// a scene that loads.
bool isComplete(const QString& file, const QByteArray& bytes, const Shape& shape)
{
    if (file.endsWith(".csv"))
        return bytes.endsWith('\n') && bytes.count('\n') == shape.rows && shape.rows > 1;
    if (file.endsWith(".png"))
        return shape.size.isValid() && QImage::fromData(bytes, "PNG").size() == shape.size;
    if (file.endsWith(".gif"))
        return shape.frames > 0 && gifFrames(bytes) == shape.frames;
    try {
        optviz::Scene::fromBytes(bytes, file);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

class TestCliSafeWrite : public QObject
{
    Q_OBJECT

private slots:
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void writesThroughALinkToAFile_data();
    void writesThroughALinkToAFile();
    void writeFailureExitsThree_data();
    void writeFailureExitsThree();
    void killedAtAnyMomentLeavesAWholeFile_data();
    void killedAtAnyMomentLeavesAWholeFile();
    void nextWriteRemovesTheTemporaries();

private:
    QTemporaryDir dir_;
    // The folders of the kill test, for the write after it.
    struct Killed
    {
        QString folder;
        QStringList arguments;
        QHash<QString, QByteArray> fresh;
    };
    QList<Killed> killed_;
};

void TestCliSafeWrite::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("target"); // fifo, device, folder; "link" when through a link
    QTest::addColumn<bool>("link");
    for (const QString& output : outputNames + QStringList {"save-scene"})
        for (const char* target : {"fifo", "device", "folder"})
            for (const bool link : {true, false})
                QTest::addRow("%s, %s%s", qPrintable(output), link ? "link to " : "", target)
                    << output << QString(target) << link;
}

void TestCliSafeWrite::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, output);
    QFETCH(QString, target);
    QFETCH(bool, link);
    const QString folder = dir_.filePath(
        QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_').replace(',', '_'));
    QVERIFY(QDir().mkpath(folder));
    Output out = outputNamed(output == "save-scene" ? "render png" : output);
    const QString file = output == "save-scene" ? out.second : out.file;
    const QString special = folder + "/" + (link ? QStringLiteral("special") : file);
    if (target == "fifo") {
        QCOMPARE(::mkfifo(native(special).c_str(), 0644), 0);
    } else if (target == "device") {
        // A character device with /dev/null's numbers, made here: never a real /dev node.
        if (::mknod(native(special).c_str(), S_IFCHR | 0644, makedev(1, 3)) != 0)
            QSKIP("mknod needs root (CAP_MKNOD): the character-device case runs in CI as root");
    } else {
        QVERIFY(QDir().mkpath(special));
    }
    if (link)
        QCOMPARE(::symlink("special", native(folder + "/" + file).c_str()), 0);
    const QStringList before = entries(folder);
    const mode_t specialMode = modeOf(special);

    // A FIFO opened for writing would block this for ever: the refusal comes first.
    const ProcessResult result = runIn(folder, out.arguments);
    QCOMPARE(result.exitCode, 2);
    const QList<QByteArray> errorLines = lines(result.err);
    QCOMPARE(errorLines.size(), 1);
    const QString message = QString::fromUtf8(errorLines[0]);
    const QString kind = target == "fifo" ? "a FIFO (named pipe)"
        : target == "device"              ? "a character device"
                                          : "a folder";
    const QString flag = output == "save-scene" ? "--save-scene" : "--out";
    const QString expected = link
        ? QString("%1: cannot write '%2': it is a symbolic link to "
                  "'special', which is %3, not a regular file")
              .arg(flag, file, kind)
        : QString("%1: cannot write '%2': it is %3, not a regular file").arg(flag, file, kind);
    QVERIFY2(message.startsWith("optviz-cli " + out.arguments[0] + ": "), qPrintable(message));
    QVERIFY2(message.endsWith(expected), qPrintable(message));
    QVERIFY(result.out.isEmpty());
    // Nothing written anywhere: the link, the special file and the folder as they were.
    QCOMPARE(entries(folder), before);
    QCOMPARE(modeOf(special), specialMode);
    if (link)
        QVERIFY(S_ISLNK(modeOf(folder + "/" + file)));
}

void TestCliSafeWrite::writesThroughALinkToAFile_data()
{
    QTest::addColumn<QString>("output");
    for (const QString& output : outputNames)
        QTest::newRow(qPrintable(output)) << output;
}

void TestCliSafeWrite::writesThroughALinkToAFile()
{
    QFETCH(QString, output);
    const QString folder = dir_.filePath("link_" + QString(output).replace(' ', '_'));
    QVERIFY(QDir().mkpath(folder + "/real"));
    const Output out = outputNamed(output);
    // The link's target is a good old file with its own permissions.
    QCOMPARE(runIn(folder + "/real", out.oldArguments).exitCode, 0);
    const QString real = folder + "/real/" + out.file;
    const QByteArray old = contents(real);
    QCOMPARE(::chmod(native(real).c_str(), 0640), 0);
    QCOMPARE(
        ::symlink(native("real/" + out.file).c_str(), native(folder + "/" + out.file).c_str()), 0);

    const ProcessResult result = runIn(folder, out.arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(S_ISLNK(modeOf(folder + "/" + out.file))); // still the link …
    QCOMPARE(QFile::symLinkTarget(folder + "/" + out.file), real);
    const QByteArray written = contents(real); // … to the file, now new
    QVERIFY(written != old);
    QVERIFY(isComplete(out.file, written, shapeOf(written)));
    QCOMPARE(modeOf(real) & 07777, mode_t(0640));
    QVERIFY(temporaries(folder).isEmpty() && temporaries(folder + "/real").isEmpty());
}

void TestCliSafeWrite::writeFailureExitsThree_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("limit"); // bytes a file may have in the child
    for (const QString& output : outputNames)
        QTest::newRow(qPrintable(output)) << output << 4096;
    QTest::newRow("save-scene") << "save-scene" << 256;
}

void TestCliSafeWrite::writeFailureExitsThree()
{
    QFETCH(QString, output);
    QFETCH(int, limit);
    const QString folder = dir_.filePath("full_" + QString(output).replace(' ', '_'));
    QVERIFY(QDir().mkpath(folder));
    const Output out = outputNamed(output == "save-scene" ? "render png" : output);
    const QString file = output == "save-scene" ? out.second : out.file;
    QCOMPARE(runIn(folder, out.oldArguments).exitCode, 0);
    const QByteArray old = contents(folder + "/" + file);

    // In the child: a file-size limit, so that write() fails with EFBIG as it would with
    // ENOSPC on a full disk (SIGXFSZ ignored, as a full disk sends no signal).
    const rlim_t bytes = rlim_t(limit);
    const ProcessResult result = runIn(folder, out.arguments, [bytes] {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit size {bytes, bytes};
        ::setrlimit(RLIMIT_FSIZE, &size);
    });
    QCOMPARE(result.exitCode, 3);
    const QList<QByteArray> errorLines = lines(result.err);
    QCOMPARE(errorLines.size(), 1);
    QVERIFY2(errorLines[0].contains(std::strerror(EFBIG)), errorLines[0].constData());
    QVERIFY2(errorLines[0].contains(file.toUtf8()), errorLines[0].constData());
    QCOMPARE(contents(folder + "/" + file), old); // the old file, whole
    QCOMPARE(temporaries(folder), QStringList());
}

void TestCliSafeWrite::killedAtAnyMomentLeavesAWholeFile_data()
{
    QTest::addColumn<QString>("output");
    for (const QString& output : outputNames)
        QTest::newRow(qPrintable(output)) << output;
}

void TestCliSafeWrite::killedAtAnyMomentLeavesAWholeFile()
{
    QFETCH(QString, output);
    const QString folder = dir_.filePath("kill_" + QString(output).replace(' ', '_'));
    QVERIFY(QDir().mkpath(folder));
    const Output out = outputNamed(output);
    QStringList files {out.file};
    if (!out.second.isEmpty())
        files.append(out.second);

    // The new files and how long the command takes to write them, then the old ones back.
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(runIn(folder, out.arguments).exitCode, 0);
    const qint64 runtime = clock.elapsed();
    QHash<QString, QByteArray> fresh, old;
    QHash<QString, Shape> shapes;
    for (const QString& file : files) {
        fresh[file] = contents(folder + "/" + file);
        shapes[file] = shapeOf(fresh[file]);
        QVERIFY(isComplete(file, fresh[file], shapes[file]));
    }
    QCOMPARE(runIn(folder, out.oldArguments).exitCode, 0);
    for (const QString& file : files) {
        old[file] = contents(folder + "/" + file);
        QVERIFY(old[file] != fresh[file]);
    }

    // kill -9 at 10 moments: spread over the run, and closer together near its end, where
    // the files are written and renamed.
    const int kills = 10;
    int keptOld = 0, completedNew = 0, litterSeen = 0;
    for (int k = 0; k < kills; ++k) {
        const double fraction = k < 5 ? 0.1 + 0.15 * k : 0.8 + 0.06 * (k - 5);
        QProcess process;
        process.setWorkingDirectory(folder);
        process.start(QStringLiteral(OPTVIZ_CLI_PATH), out.arguments);
        QVERIFY(process.waitForStarted());
        std::this_thread::sleep_for(std::chrono::milliseconds(qint64(fraction * double(runtime))));
        process.kill(); // SIGKILL: no destructor, no handler runs
        QVERIFY(process.waitForFinished(30000));
        for (const QString& file : files) {
            const QByteArray now = contents(folder + "/" + file);
            if (now == old[file]) {
                ++keptOld;
                continue;
            }
            QVERIFY2(now == fresh[file] && isComplete(file, now, shapes[file]),
                qPrintable(QString("%1 after a kill at %2 ms of %3: %4 bytes, neither the old "
                                   "(%5) nor the new (%6) file")
                               .arg(file)
                               .arg(qint64(fraction * double(runtime)))
                               .arg(runtime)
                               .arg(now.size())
                               .arg(old[file].size())
                               .arg(fresh[file].size())));
            ++completedNew;
            put(folder + "/" + file, old[file]); // the next kill again meets the old file
        }
        litterSeen += int(temporaries(folder).size() > 0);
    }
    qInfo("%s: %d kills in a run of %lld ms, %d files kept old, %d complete new, 0 cut; "
          "temporaries left by %d kills",
        qPrintable(output), kills, runtime, keptOld, completedNew, litterSeen);

    killed_.append({folder, out.arguments, fresh});
}

void TestCliSafeWrite::nextWriteRemovesTheTemporaries()
{
    QVERIFY(!killed_.isEmpty());
    // Once the killed writers' temporaries are over a second old (younger ones might
    // still be a living writer's: tst_safe_write), the next write of each target removes
    // them all.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    for (const Killed& killed : std::as_const(killed_)) {
        QCOMPARE(runIn(killed.folder, killed.arguments).exitCode, 0);
        QCOMPARE(temporaries(killed.folder), QStringList());
        for (auto it = killed.fresh.cbegin(); it != killed.fresh.cend(); ++it)
            QCOMPARE(contents(killed.folder + "/" + it.key()), it.value());
    }
}

QTEST_MAIN(TestCliSafeWrite)
#include "tst_cli_safe_write.moc"
