// Every file the program writes goes through io::AtomicFile (io/atomic_file.h) or its Qt
// adapter (ui/safe_file.h): a temporary file beside the target, renamed over it when
// complete; symbolic links followed to their file; devices, FIFOs, sockets and folders
// refused with the path and what it is. The devices and FIFOs here are made in a
// temporary folder, never a real /dev node.

#include "file_probe.h"
#include "io/atomic_file.h"
#include "ui/app_settings.h"
#include "ui/figure_export.h"
#include "ui/gif_writer.h"
#include "ui/safe_file.h"
#include "ui/scene.h"
#include "ui/trajectory_export.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

using namespace optviz;

using namespace optviz::testing;

namespace {

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

mode_t currentUmask()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

// Sets a file's modification time `seconds` into the past.
void age(const QString& path, int seconds)
{
    struct timeval times[2];
    ::gettimeofday(&times[0], nullptr);
    times[0].tv_sec -= seconds;
    times[1] = times[0];
    QCOMPARE(::utimes(native(path).c_str(), times), 0);
}

// What a refused write must leave: `special` still what it was, `link` still a link to
// it, and nothing new in `folder`.
struct Snapshot
{
    QStringList names;
    mode_t specialMode = 0;
    QString linkTarget;
};

Snapshot snapshot(const QString& folder, const QString& special, const QString& link)
{
    return {entries(folder), modeOf(special), linkText(link)};
}

} // namespace

class TestSafeWrite : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // io::AtomicFile
    void writesANewFileWithTheUmask();
    void replacesAFileKeepingItsPermissions();
    void writesThroughSymlinks_data();
    void writesThroughSymlinks();
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void refusesAMissingFolder();
    void refusesALinkLoop();
    void abortKeepsTheOldFile();
    void writeFailureKeepsTheOldFile();
    void removesOnlyStaleTemporaries();
    void readOnlyFolderIsRefusedBeforeWriting();

    // the Qt side and its callers
    void safeFileFeedsQImageWriter();
    void qtWritersRefuseAFifo_data();
    void qtWritersRefuseAFifo();
    void settingsLeaveADeviceAlone();
    void settingsPathIsQSettingsOwn();

private:
    // A FIFO, or a character device when `device` (root only; else the test is skipped).
    QString makeSpecial(const QString& name, bool device);

    QTemporaryDir dir_;
    QString folder_;
};

void TestSafeWrite::init()
{
    folder_ = dir_.filePath(QString::fromLatin1(QTest::currentTestFunction()) + "_"
        + QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_'));
    QVERIFY(QDir().mkpath(folder_));
}

QString TestSafeWrite::makeSpecial(const QString& name, bool device)
{
    const QString path = folder_ + "/" + name;
    if (device) {
        // The numbers of /dev/null, should anything ever write to it.
        if (::mknod(native(path).c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            return {};
    } else if (::mkfifo(native(path).c_str(), 0666) != 0) {
        return {};
    }
    return path;
}

void TestSafeWrite::writesANewFileWithTheUmask()
{
    const QString path = folder_ + "/new.csv";
    io::writeFileAtomically(native(path), "a,b\n1,2\n");
    QCOMPARE(contents(path), QByteArray("a,b\n1,2\n"));
    // As fopen() would create it: 0666 less the umask.
    QCOMPARE(modeOf(path) & 07777, mode_t(0666 & ~currentUmask()));
    QCOMPARE(entries(folder_), QStringList {"new.csv"});
}

void TestSafeWrite::replacesAFileKeepingItsPermissions()
{
    for (const mode_t mode : {mode_t(0600), mode_t(0640), mode_t(0755), mode_t(0604)}) {
        const QString path = folder_ + "/kept.txt";
        put(path, "old contents\n");
        QCOMPARE(::chmod(native(path).c_str(), mode), 0);
        struct stat before
        {
        };
        QCOMPARE(::stat(native(path).c_str(), &before), 0);
        io::writeFileAtomically(native(path), "new\n");
        QCOMPARE(contents(path), QByteArray("new\n"));
        QCOMPARE(modeOf(path) & 07777, mode);
        struct stat after
        {
        };
        QCOMPARE(::stat(native(path).c_str(), &after), 0);
        QVERIFY(after.st_ino != before.st_ino); // renamed into place, not rewritten
        QCOMPARE(entries(folder_), QStringList {"kept.txt"});
    }
}

void TestSafeWrite::writesThroughSymlinks_data()
{
    // links/out.csv → linkText; "@" stands for the test's folder.
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("real"); // the file the link leads to, under the folder
    QTest::addColumn<bool>("exists");
    QTest::newRow("relative") << "../data/real.csv"
                              << "data/real.csv" << true;
    QTest::newRow("absolute") << "@/data/real.csv"
                              << "data/real.csv" << true;
    QTest::newRow("chain") << "middle"
                           << "data/real.csv" << true; // middle → ../data/real.csv
    QTest::newRow("dangling") << "../data/later.csv"
                              << "data/later.csv" << false;
}

void TestSafeWrite::writesThroughSymlinks()
{
    QFETCH(QString, link);
    QFETCH(QString, real);
    QFETCH(bool, exists);
    QVERIFY(QDir().mkpath(folder_ + "/data"));
    QVERIFY(QDir().mkpath(folder_ + "/links"));
    link.replace('@', folder_);
    real = folder_ + "/" + real;
    QCOMPARE(::symlink("../data/real.csv", native(folder_ + "/links/middle").c_str()), 0);
    if (exists) {
        put(real, "old\n");
        QCOMPARE(::chmod(native(real).c_str(), 0640), 0);
    }
    const QString path = folder_ + "/links/out.csv";
    QCOMPARE(::symlink(native(link).c_str(), native(path).c_str()), 0);

    const io::OutputTarget target = io::checkOutputTarget(native(path));
    QVERIFY(target.viaSymlink());
    QCOMPARE(QDir::cleanPath(QFile::decodeName(target.path.c_str())), real);
    QCOMPARE(target.exists, exists);

    io::writeFileAtomically(native(path), "new\n");
    QVERIFY(S_ISLNK(modeOf(path))); // the link is still a link, saying the same …
    QCOMPARE(linkText(path), link);
    QCOMPARE(contents(path), QByteArray("new\n")); // … and shows the new contents
    QCOMPARE(contents(real), QByteArray("new\n"));
    if (exists)
        QCOMPARE(modeOf(real) & 07777, mode_t(0640));
    // The temporary file was made beside the real file and renamed there: no litter.
    QCOMPARE(entries(folder_ + "/data"), QStringList {QFileInfo(real).fileName()});
    QCOMPARE(entries(folder_ + "/links"), (QStringList {"middle", "out.csv"}));
}

void TestSafeWrite::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("kind"); // fifo, device, folder, socket
    QTest::addColumn<bool>("throughLink");
    QTest::addColumn<QString>("words");
    for (const bool link : {false, true}) {
        const char* how = link ? "link to " : "";
        QTest::addRow("%sfifo", how)
            << "fifo" << link << "is a FIFO (named pipe), not a regular file";
        QTest::addRow("%sdevice", how)
            << "device" << link << "is a character device, not a regular file";
        QTest::addRow("%sfolder", how) << "folder" << link << "is a folder, not a regular file";
        QTest::addRow("%ssocket", how) << "socket" << link << "is a socket, not a regular file";
    }
}

void TestSafeWrite::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, kind);
    QFETCH(bool, throughLink);
    QFETCH(QString, words);
    QString special;
    if (kind == "fifo" || kind == "device") {
        special = makeSpecial(kind, kind == "device");
        if (special.isEmpty() && kind == "device")
            QSKIP("mknod needs root (CAP_MKNOD): the character-device case runs in CI as root");
        QVERIFY(!special.isEmpty());
    } else if (kind == "folder") {
        special = folder_ + "/folder";
        QVERIFY(QDir().mkpath(special));
    } else {
        special = folder_ + "/socket";
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        const std::string name = native(special);
        QVERIFY(name.size() < sizeof address.sun_path);
        std::copy(name.begin(), name.end(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        ::close(fd);
    }
    const QString path = throughLink ? folder_ + "/out.png" : special;
    if (throughLink)
        QCOMPARE(::symlink(native(special).c_str(), native(path).c_str()), 0);
    const Snapshot before = snapshot(folder_, special, path);
    const dev_t device = [&] {
        struct stat status
        {
        };
        ::lstat(native(special).c_str(), &status);
        return status.st_rdev;
    }();

    bool thrown = false;
    try {
        io::AtomicFile file(native(path));
        file.write("must not arrive");
        file.commit();
    } catch (const io::WriteError& error) {
        thrown = true;
        QCOMPARE(error.reason(), io::WriteError::Reason::NotRegularFile);
        QVERIFY(error.wroteNothing());
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.startsWith("cannot write '" + path + "': "), qPrintable(message));
        QVERIFY2(message.contains(words), qPrintable(message));
        if (throughLink)
            QVERIFY2(message.contains("symbolic link to '" + special + "'"), qPrintable(message));
    }
    QVERIFY(thrown);
    const Snapshot after = snapshot(folder_, special, path);
    QCOMPARE(after.names, before.names); // nothing created, nothing removed
    QCOMPARE(after.specialMode, before.specialMode);
    QCOMPARE(after.linkTarget, before.linkTarget);
    struct stat status
    {
    };
    QCOMPARE(::lstat(native(special).c_str(), &status), 0);
    QCOMPARE(status.st_rdev, device);
}

void TestSafeWrite::refusesAMissingFolder()
{
    const QString path = folder_ + "/no/such/out.csv";
    try {
        io::writeFileAtomically(native(path), "x");
        QFAIL("a missing folder was accepted");
    } catch (const io::WriteError& error) {
        QCOMPARE(error.reason(), io::WriteError::Reason::NoFolder);
        QCOMPARE(QString::fromUtf8(error.what()),
            "cannot write '" + path + "': the folder '" + folder_ + "/no/such' does not exist");
    }
    // A file where a folder should be.
    put(folder_ + "/plain", "x");
    try {
        io::writeFileAtomically(native(folder_ + "/plain/out.csv"), "x");
        QFAIL("a file as a folder was accepted");
    } catch (const io::WriteError& error) {
        QCOMPARE(error.reason(), io::WriteError::Reason::NoFolder);
        QVERIFY2(QString::fromUtf8(error.what()).contains("is a regular file, not a folder"),
            error.what());
    }
}

void TestSafeWrite::refusesALinkLoop()
{
    const QString a = folder_ + "/a", b = folder_ + "/b";
    QCOMPARE(::symlink("b", native(a).c_str()), 0);
    QCOMPARE(::symlink("a", native(b).c_str()), 0);
    try {
        io::writeFileAtomically(native(a), "x");
        QFAIL("a loop of links was accepted");
    } catch (const io::WriteError& error) {
        QCOMPARE(error.osError(), ELOOP);
        QVERIFY(error.wroteNothing());
    }
    QVERIFY(S_ISLNK(modeOf(a)) && S_ISLNK(modeOf(b)));
    QCOMPARE(entries(folder_), (QStringList {"a", "b"}));
}

void TestSafeWrite::abortKeepsTheOldFile()
{
    const QString path = folder_ + "/good.csv";
    put(path, "step,x\n0,1\n");
    {
        io::AtomicFile file(native(path));
        QVERIFY(file.isOpen());
        QVERIFY(QFile::exists(QFile::decodeName(file.temporaryPath().c_str())));
        QCOMPARE(entries(folder_).size(), 2); // the temporary beside the file
        file.write("step,x\n0,1\n1,");
        // Destroyed without commit(): as when an exception leaves the command.
    }
    QCOMPARE(contents(path), QByteArray("step,x\n0,1\n"));
    QCOMPARE(entries(folder_), QStringList {"good.csv"});

    io::AtomicFile file(native(path));
    file.write("half");
    file.abort();
    file.abort(); // twice is harmless
    QVERIFY(!file.isOpen());
    QCOMPARE(contents(path), QByteArray("step,x\n0,1\n"));
    QCOMPARE(entries(folder_), QStringList {"good.csv"});
}

void TestSafeWrite::writeFailureKeepsTheOldFile()
{
    // A file-size limit makes write() fail (EFBIG) as a full disk (ENOSPC) would.
    const QString path = folder_ + "/good.csv";
    put(path, "the old, good contents\n");
    rlimit old {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = old;
    limit.rlim_cur = 4096;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
    QString message;
    io::WriteError::Stage stage = io::WriteError::Stage::Check;
    try {
        io::AtomicFile file(native(path));
        const std::string block(1000, 'x');
        for (int i = 0; i < 10; ++i)
            file.write(block);
        file.commit();
    } catch (const io::WriteError& error) {
        message = QString::fromUtf8(error.what());
        stage = error.stage();
        QCOMPARE(error.osError(), EFBIG);
        QCOMPARE(writeErrorMessage(error), message); // the Qt words match (English here)
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previousHandler);
    QCOMPARE(stage, io::WriteError::Stage::Write);
    QCOMPARE(message, "cannot write '" + path + "': " + QString::fromUtf8(std::strerror(EFBIG)));
    QCOMPARE(contents(path), QByteArray("the old, good contents\n"));
    QCOMPARE(entries(folder_), QStringList {"good.csv"});
}

void TestSafeWrite::removesOnlyStaleTemporaries()
{
    const QString path = folder_ + "/scene.json";
    put(path, "{}");
    // What a writer killed by kill -9 leaves: an unlocked temporary, here a minute old.
    const QString stale = folder_ + "/.scene.json.optviz-a1B2c3";
    put(stale, "{\"half\":");
    age(stale, 60);
    // A living writer's: locked (flock) by its open file, however old.
    const QString held = folder_ + "/.scene.json.optviz-Z9y8X7";
    put(held, "{\"writing\":");
    age(held, 600);
    const int heldFd = ::open(native(held).c_str(), O_RDONLY);
    QVERIFY(heldFd >= 0);
    QCOMPARE(::flock(heldFd, LOCK_EX | LOCK_NB), 0);
    // A writer that has created its temporary this instant but not locked it yet.
    const QString young = folder_ + "/.scene.json.optviz-YOUNG1";
    put(young, "");
    // Not ours: other names, another target's temporary, a link with our pattern.
    const QStringList others {".scene.json.optviz-toolong1", ".scene.json.optviz-ab_12c",
        ".other.json.optviz-a1B2c3", "scene.json.optviz-a1B2c3"};
    for (const QString& name : others) {
        put(folder_ + "/" + name, "keep");
        age(folder_ + "/" + name, 60);
    }
    const QString link = folder_ + "/.scene.json.optviz-LiNk00";
    QCOMPARE(::symlink("scene.json", native(link).c_str()), 0);

    io::writeFileAtomically(native(path), "{\"new\": true}");
    ::close(heldFd);
    QCOMPARE(contents(path), QByteArray("{\"new\": true}"));
    QVERIFY(!QFile::exists(stale));
    QVERIFY(QFile::exists(held));
    QVERIFY(QFile::exists(young));
    for (const QString& name : others)
        QVERIFY2(QFile::exists(folder_ + "/" + name), qPrintable(name));
    QVERIFY(S_ISLNK(modeOf(link)));

    // Once the holder has gone and the young one has aged, the next write removes both.
    age(young, 5);
    io::writeFileAtomically(native(path), "{}");
    QVERIFY(!QFile::exists(held));
    QVERIFY(!QFile::exists(young));
    QVERIFY(!io::isTemporaryName("scene.json", "scene.json"));
    QVERIFY(io::isTemporaryName(".scene.json.optviz-000000", "scene.json"));
}

void TestSafeWrite::readOnlyFolderIsRefusedBeforeWriting()
{
    if (::geteuid() == 0)
        QSKIP("root may create files in any folder; the check is the same access() call");
    QVERIFY(::chmod(native(folder_).c_str(), 0555) == 0);
    try {
        io::writeFileAtomically(native(folder_ + "/out.csv"), "x");
        ::chmod(native(folder_).c_str(), 0755);
        QFAIL("a read-only folder was accepted");
    } catch (const io::WriteError& error) {
        ::chmod(native(folder_).c_str(), 0755);
        QCOMPARE(error.osError(), EACCES);
        QVERIFY(error.wroteNothing());
        QVERIFY2(QString::fromUtf8(error.what()).contains(std::strerror(EACCES)), error.what());
    }
}

void TestSafeWrite::safeFileFeedsQImageWriter()
{
    const QString link = folder_ + "/figure.png";
    const QString real = folder_ + "/real.png";
    put(real, "not a PNG yet");
    QVERIFY(QFile::link("real.png", link));
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(qRgb(10, 200, 30));
    SafeFile file(link);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QImageWriter writer(&file, "png");
    QVERIFY2(writer.write(image), qPrintable(writer.errorString()));
    QCOMPARE(contents(real), QByteArray("not a PNG yet")); // nothing changes before commit
    QVERIFY2(file.commit(), qPrintable(file.errorString()));
    const QImage back(real);
    QCOMPARE(back.size(), image.size());
    QCOMPARE(back.pixel(5, 5), qRgb(10, 200, 30));
    QVERIFY(QFileInfo(link).isSymLink());

    // Closed without commit: the file stays as it was.
    SafeFile discarded(real);
    QVERIFY(discarded.open(QIODevice::WriteOnly));
    QCOMPARE(discarded.write("garbage"), qint64(7));
    discarded.close();
    QCOMPARE(QImage(real).size(), image.size());
    QCOMPARE(entries(folder_), (QStringList {"figure.png", "real.png"}));
    QVERIFY(!SafeFile(real).open(QIODevice::ReadOnly));
}

void TestSafeWrite::qtWritersRefuseAFifo_data()
{
    QTest::addColumn<QString>("writer");
    for (const char* writer :
        {"scene", "trajectories", "figure png", "figure svg", "figure pdf", "gif", "bytes"})
        QTest::newRow(writer) << writer;
}

void TestSafeWrite::qtWritersRefuseAFifo()
{
    QFETCH(QString, writer);
    const QString fifo = makeSpecial("pipe", false);
    QVERIFY(!fifo.isEmpty());
    const QString extension = writer == "scene" ? "json"
        : writer == "trajectories"              ? "csv"
        : writer == "gif"                       ? "gif"
        : writer.startsWith("figure")           ? writer.mid(7)
                                                : "bin";
    const QString path = folder_ + "/out." + extension;
    QCOMPARE(::symlink("pipe", native(path).c_str()), 0);
    const Snapshot before = snapshot(folder_, fifo, path);

    // A wrong write would open the FIFO and block for ever: these must refuse at once.
    QString error;
    bool ok = true;
    Scene scene = Scene::defaultScene();
    scene.steps = 20;
    if (writer == "scene") {
        ok = scene.save(path, &error);
    } else if (writer == "trajectories") {
        ok = exportTrajectories(scene, path, &error);
    } else if (writer.startsWith("figure")) {
        ok = renderSceneToFile(scene, path, QSize(320, 240), 1.0, &error);
    } else if (writer == "gif") {
        GifWriter gif;
        ok = gif.open(path, QSize(16, 16), {qRgb(0, 0, 0), qRgb(255, 255, 255)}, true, &error);
    } else {
        ok = writeFileSafely(path, "bytes", &error);
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains("FIFO (named pipe), not a regular file"), qPrintable(error));
    QVERIFY2(error.contains(writer == "scene" ? fifo : path), qPrintable(error));
    QVERIFY(!error.contains('\n'));
    const Snapshot after = snapshot(folder_, fifo, path);
    QCOMPARE(after.names, before.names);
    QVERIFY(S_ISFIFO(after.specialMode));
    QCOMPARE(after.linkTarget, before.linkTarget);
}

void TestSafeWrite::settingsLeaveADeviceAlone()
{
    const bool root = ::geteuid() == 0;
    const QString special = makeSpecial("sink", root);
    QVERIFY(!special.isEmpty());
    const QString path = folder_ + "/optviz.conf";
    QCOMPARE(::symlink("sink", native(path).c_str()), 0);
    const Snapshot before = snapshot(folder_, special, path);
    {
        AppSettings settings(path);
        QVERIFY2(settings.storageProblem().contains(root ? "character device" : "FIFO"),
            qPrintable(settings.storageProblem()));
        QVERIFY2(settings.storageProblem().contains(path), qPrintable(settings.storageProblem()));
        // The session still works, in memory.
        settings.setShowStartPage(false);
        settings.addRecentFile("/tmp/a.json");
        settings.sync();
        QCOMPARE(settings.showStartPage(), false);
        QCOMPARE(settings.recentFiles(), QStringList {"/tmp/a.json"});
    }
    const Snapshot after = snapshot(folder_, special, path);
    QCOMPARE(after.names, before.names);
    QCOMPARE(after.specialMode, before.specialMode);
    QCOMPARE(after.linkTarget, before.linkTarget);

    // A link to a regular file is a settings file like any other.
    const QString real = folder_ + "/real.conf";
    const QString link = folder_ + "/linked.conf";
    QCOMPARE(::symlink("real.conf", native(link).c_str()), 0);
    {
        AppSettings settings(link);
        QVERIFY(settings.storageProblem().isEmpty());
        settings.setLanguage("en");
        settings.sync();
    }
    QVERIFY(S_ISLNK(modeOf(link)));
    QVERIFY(contents(real).contains("language=en"));
    QCOMPARE(AppSettings(link).language(), QStringLiteral("en"));
}

void TestSafeWrite::settingsPathIsQSettingsOwn()
{
    // AppSettings checks the file before QSettings opens it, so it must name the same one.
    QCOMPARE(AppSettings::defaultFilePath(), QSettings("optviz", "optviz").fileName());
}

QTEST_MAIN(TestSafeWrite)
#include "tst_safe_write.moc"
