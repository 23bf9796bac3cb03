// `cmake --install` of this build into a temporary prefix, as a packager or a lab's
// administrator runs it (cmake/packaging.cmake): the two programs run from there, the
// desktop entry names them and the icon, and the icon is the drawn SVG and its PNG.

#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

namespace {

using optviz::testing::ProcessResult;
using optviz::testing::runProcess;

// The keys of the [Desktop Entry] group (the only group the entry has).
QMap<QString, QString> desktopEntry(const QString& path)
{
    QMap<QString, QString> keys;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return keys;
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n');
    if (lines.isEmpty() || lines.first() != "[Desktop Entry]")
        return keys;
    for (const QString& line : lines.mid(1)) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            keys.insert(line.left(equals), line.mid(equals + 1));
    }
    return keys;
}

} // namespace

class TestInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void files_data();
    void files();
    void programsRun_data();
    void programsRun();
    void desktopEntry();
    void desktopEntryValidates();
    void iconIsTheDrawing();

private:
    QTemporaryDir prefix_;
};

void TestInstall::initTestCase()
{
    QVERIFY(prefix_.isValid());
    const ProcessResult installed = runProcess(QStringLiteral(OPTVIZ_CMAKE_COMMAND),
        {"--install", QStringLiteral(OPTVIZ_BUILD_DIR), "--prefix", prefix_.path()});
    QVERIFY2(installed.exitCode == 0, installed.err.constData());
}

void TestInstall::files_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    QTest::newRow("window") << "bin/optviz" << true;
    QTest::newRow("cli") << "bin/optviz-cli" << true;
    QTest::newRow("desktop entry") << "share/applications/optviz.desktop" << false;
    QTest::newRow("svg icon") << "share/icons/hicolor/scalable/apps/optviz.svg" << false;
    QTest::newRow("png icon") << "share/icons/hicolor/256x256/apps/optviz.png" << false;
}

void TestInstall::files()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo info(QDir(prefix_.path()).filePath(path));
    QVERIFY2(info.isFile(), qPrintable(info.filePath()));
    QVERIFY(info.size() > 0);
    QCOMPARE(info.isExecutable(), executable);
}

void TestInstall::programsRun_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("output"); // a regular expression for stdout
    const QString version = QRegularExpression::escape(QStringLiteral(OPTVIZ_PROJECT_VERSION));
    QTest::newRow("optviz --version")
        << "bin/optviz" << QStringList {"--version"} << "^optviz " + version + "\n$";
    QTest::newRow("optviz-cli --version")
        << "bin/optviz-cli" << QStringList {"--version"} << "^optviz-cli " + version + "\n$";
    QTest::newRow("optviz --help") << "bin/optviz" << QStringList {"--help"} << "^usage: optviz ";
    QTest::newRow("optviz-cli --help")
        << "bin/optviz-cli" << QStringList {"--help"} << "^usage: optviz-cli COMMAND";
    QTest::newRow("optviz-cli render --help")
        << "bin/optviz-cli" << QStringList {"render", "--help"}
        << "--out FILE.\\(png\\|svg\\|pdf\\|gif\\)";
}

void TestInstall::programsRun()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    const ProcessResult result = runProcess(QDir(prefix_.path()).filePath(program), arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QRegularExpression(output).match(QString::fromUtf8(result.out)).hasMatch(),
        result.out.constData());
}

void TestInstall::desktopEntry()
{
    const QMap<QString, QString> keys
        = ::desktopEntry(QDir(prefix_.path()).filePath("share/applications/optviz.desktop"));
    QVERIFY(!keys.isEmpty());
    QCOMPARE(keys.value("Type"), QString("Application"));
    QCOMPARE(keys.value("Name"), QString("optviz"));
    QCOMPARE(keys.value("Icon"), QString("optviz")); // the installed icon's name
    QCOMPARE(keys.value("Terminal"), QString("false"));
    // Exec names an installed program (found through PATH once installed) with the file
    // the desktop hands over.
    const QStringList exec = keys.value("Exec").split(' ');
    QCOMPARE(exec.size(), 2);
    QVERIFY(QFileInfo(QDir(prefix_.path()).filePath("bin/" + exec[0])).isExecutable());
    QCOMPARE(exec[1], QString("%f"));
    QVERIFY(keys.value("Categories").split(';').contains("Education"));
    QVERIFY(!keys.value("Comment").isEmpty());
}

void TestInstall::desktopEntryValidates()
{
    const QString validator = QStandardPaths::findExecutable("desktop-file-validate");
    if (validator.isEmpty())
        QSKIP("desktop-file-validate (desktop-file-utils) is not installed");
    const ProcessResult result = runProcess(
        validator, {QDir(prefix_.path()).filePath("share/applications/optviz.desktop")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out + result.err, QByteArray()); // not even a hint
}

void TestInstall::iconIsTheDrawing()
{
    // The PNG is the SVG rendered at 256 × 256 (so the committed PNG is not stale): the
    // same picture up to antialiasing, with transparent rounded corners.
    QSvgRenderer svg(QDir(prefix_.path()).filePath("share/icons/hicolor/scalable/apps/optviz.svg"));
    QVERIFY(svg.isValid());
    QCOMPARE(svg.defaultSize(), QSize(256, 256));
    QImage drawn(256, 256, QImage::Format_ARGB32);
    drawn.fill(Qt::transparent);
    QPainter painter(&drawn);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    const QImage png
        = QImage(QDir(prefix_.path()).filePath("share/icons/hicolor/256x256/apps/optviz.png"))
              .convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(png.size(), QSize(256, 256));
    QCOMPARE(qAlpha(png.pixel(1, 1)), 0);
    QCOMPARE(qAlpha(png.pixel(128, 128)), 255);
    long long difference = 0;
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x) {
            const QRgb a = drawn.pixel(x, y), b = png.pixel(x, y);
            difference += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b))
                + std::abs(qBlue(a) - qBlue(b)) + std::abs(qAlpha(a) - qAlpha(b));
        }
    QVERIFY2(difference < 256LL * 256 * 2, qPrintable(QString::number(difference)));
}

QTEST_MAIN(TestInstall)
#include "tst_install.moc"
