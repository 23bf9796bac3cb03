// The classroom: every built-in lesson parses, renders and shows what its text says; the
// lesson panel, the Lessons menu's entry point and presentation mode in the window.

#include "core/surface.h"
#include "ui/app_settings.h"
#include "ui/figure.h"
#include "ui/lesson_catalog.h"
#include "ui/lesson_panel.h"
#include "ui/main_window.h"
#include "ui/scene_simulation.h"

#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace optviz;

namespace {

const QString lessonFolder = QStringLiteral(OPTVIZ_TEST_DATA_DIR "/../../resources/lessons");

QStringList lessonFiles()
{
    return QDir(lessonFolder).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

// The run of `entry` (an index into the scene's optimizers; all are enabled in lessons),
// run to its end.
struct Finished
{
    explicit Finished(const Scene& scene)
        : simulation(scene)
    {
        simulation.runToEnd();
    }
    const Runner& run(int entry) const { return simulation.runner(entry); }
    Point2 end(int entry) const { return {run(entry).current()[0], run(entry).current()[1]}; }
    SceneSimulation simulation;
};

const Scene& lesson(const char* fileStart)
{
    for (const Lesson& l : builtInLessons())
        if (QFileInfo(l.path).fileName().startsWith(QLatin1String(fileStart)))
            return l.scene;
    qFatal("no lesson %s", fileStart);
}

// Index of the surface's known minimum within `tolerance` of p, or −1.
int minimumAt(const Scene& scene, Point2 p, double tolerance = 1e-3)
{
    const auto surface = scene.makeSurface();
    const auto minima = surface->minima();
    for (std::size_t i = 0; i < minima.size(); ++i)
        if (std::hypot(minima[i].x - p.x, minima[i].y - p.y) < tolerance)
            return int(i);
    return -1;
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void compiledInMatchesTheFolder();
    void everyLessonParses_data();
    void everyLessonParses();
    void everyLessonRenders_data();
    void everyLessonRenders();
    void lessonsShowTheirPoint();
    void titleAndTextAreValidated();
    void textBecomesHtml();
    void windowOpensLessons();
    void presentationModeIsLargerAndPersists();
};

void TestLessons::compiledInMatchesTheFolder()
{
    // resources/lessons.qrc lists every file of the folder, in the same order.
    const QList<Lesson>& lessons = builtInLessons();
    const QStringList files = lessonFiles();
    QVERIFY2(lessons.size() >= 10, "at least ten lessons");
    QCOMPARE(lessons.size(), files.size());
    for (int i = 0; i < lessons.size(); ++i) {
        QCOMPARE(QFileInfo(lessons[i].path).fileName(), files[i]);
        QVERIFY(lessons[i].scene == Scene::load(QDir(lessonFolder).filePath(files[i])));
        QCOMPARE(lessonIndex(lessons[i].title()), i);
    }
    QCOMPARE(lessonIndex(QString()), -1);
    QCOMPARE(lessonIndex(QStringLiteral("no such lesson")), -1);
}

void TestLessons::everyLessonParses_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : lessonFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void TestLessons::everyLessonParses()
{
    QFETCH(QString, file);
    const Scene scene = Scene::load(QDir(lessonFolder).filePath(file));
    QVERIFY(!scene.title.isEmpty());
    QVERIFY(scene.title.size() <= 70); // one line in the menu
    QVERIFY(scene.text.contains(QLatin1String("Look at:")));
    QVERIFY(scene.text.contains(QLatin1String("Try:")));
    Lesson lesson;
    lesson.scene = scene;
    QVERIFY(!lesson.summary().isEmpty());
    QVERIFY2(lesson.summary().size() <= 200, "the start page shows one or two lines");
    QVERIFY(!scene.optimizers.isEmpty());
    // Colours distinct, so that every path can be told apart.
    for (int i = 0; i < scene.optimizers.size(); ++i)
        for (int j = i + 1; j < scene.optimizers.size(); ++j)
            QVERIFY(scene.optimizers[i].colour != scene.optimizers[j].colour);
    // Every run stays finite: a lesson about divergence shows it in the loss, not as NaN.
    Finished finished(scene);
    for (int run = 0; run < finished.simulation.runCount(); ++run)
        QVERIFY2(finished.run(run).status() == RunStatus::Finished,
            qPrintable(scene.optimizers[run].label()));
}

void TestLessons::everyLessonRenders_data()
{
    everyLessonParses_data();
}

void TestLessons::everyLessonRenders()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    const QString png = dir.filePath("lesson.png");
    QProcess cli;
    cli.start(QStringLiteral(OPTVIZ_CLI_PATH),
        {"render", "--scene", QDir(lessonFolder).filePath(file), "--out", png, "--size",
            "800x450"});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.readAllStandardError().isEmpty(), qPrintable(file));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(800, 450));
    // Not a blank page: the heat map alone has hundreds of colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 100);
}

void TestLessons::lessonsShowTheirPoint()
{
    {
        // The learning rate: below 2/L = 0.5 the loss falls, above it it grows.
        const Scene& scene = lesson("01");
        const Finished f(scene);
        const double start = f.run(0).trajectory().loss(0);
        QCOMPARE(scene.optimizers[3].parameters.at("lr"), 0.55);
        for (int run : {0, 1, 2})
            QVERIFY(f.run(run).currentLoss() < 0.1 * start);
        QVERIFY(f.run(3).currentLoss() > 100.0 * start);
        // lr = 1/L is the fastest of them.
        QVERIFY(f.run(1).currentLoss() < f.run(0).currentLoss());
        QVERIFY(f.run(1).currentLoss() < f.run(2).currentLoss());
    }
    {
        // Momentum beats plain gradient descent on the narrow valley by decades.
        const Finished f(lesson("02"));
        QVERIFY(f.run(1).currentLoss() < 1e-3 * f.run(0).currentLoss());
    }
    {
        // Nesterov ends lower than heavy ball with the same lr and momentum.
        const Scene& scene = lesson("03");
        QCOMPARE(scene.optimizers[0].parameters.at("lr"), scene.optimizers[1].parameters.at("lr"));
        const Finished f(scene);
        QVERIFY(f.run(1).currentLoss() < 1e-2 * f.run(0).currentLoss());
    }
    {
        // The saddle: gradient descent is still near the origin, the adaptive ones are gone.
        const Finished f(lesson("05"));
        QVERIFY(std::abs(f.end(0).x) < 0.01 && std::abs(f.end(0).y) < 0.5);
        QVERIFY(f.end(1).y > 1.0 && f.end(2).y > 1.0);
    }
    {
        // Bias correction off: the first steps are larger.
        const Finished f(lesson("07"));
        const auto firstStep = [&](int run) {
            const Trajectory& t = f.run(run).trajectory();
            return std::hypot(
                t.coordinate(1, 0) - t.coordinate(0, 0), t.coordinate(1, 1) - t.coordinate(0, 1));
        };
        QVERIFY(firstStep(1) > 2.5 * firstStep(0));
    }
    {
        // Newton and BFGS reach (1, 1); gradient descent does not.
        const Scene& scene = lesson("08");
        const Finished f(scene);
        QCOMPARE(minimumAt(scene, f.end(1)), 0);
        QCOMPARE(minimumAt(scene, f.end(2)), 0);
        QCOMPARE(minimumAt(scene, f.end(0)), -1);
    }
    {
        // Himmelblau: momentum ends in another minimum than the others.
        const Scene& scene = lesson("09");
        const Finished f(scene);
        const int gd = minimumAt(scene, f.end(0));
        QVERIFY(gd >= 0);
        QCOMPARE(minimumAt(scene, f.end(2)), gd);
        QCOMPARE(minimumAt(scene, f.end(3)), gd);
        const int momentum = minimumAt(scene, f.end(1));
        QVERIFY(momentum >= 0 && momentum != gd);
    }
    {
        // Mini-batches: the cosine-scheduled run ends much closer to the least-squares fit.
        const Scene& scene = lesson("10");
        QVERIFY(scene.gradient.batchSize > 0);
        QCOMPARE(scene.optimizers[1].schedule, std::string("cosine"));
        const Finished f(scene);
        const Point2 best = scene.makeSurface()->minima().front();
        const auto distance
            = [&](int run) { return std::hypot(f.end(run).x - best.x, f.end(run).y - best.y); };
        QVERIFY(distance(1) < 0.2 * distance(0));
    }
    {
        // The two-weight network: gradient descent and Adam find mirror-image minima.
        const Scene& scene = lesson("11");
        const Finished f(scene);
        // (Slow to settle in its flat-bottomed valleys: within 0.1 of the minima.)
        const int gd = minimumAt(scene, f.end(0), 0.1);
        const int adam = minimumAt(scene, f.end(2), 0.1);
        QVERIFY(gd >= 0 && adam >= 0 && gd != adam);
    }
}

void TestLessons::titleAndTextAreValidated()
{
    Scene scene = Scene::defaultScene();
    scene.title = QStringLiteral("A title");
    scene.text = QStringLiteral("First paragraph.\n\nLook at: this.");
    QVERIFY(Scene::fromJson(scene.toJson()) == scene);
    QVERIFY(!Scene::defaultScene().toJson().contains("title")); // absent unless set

    const auto rejects = [](const QString& key, const QJsonValue& value, const char* expected) {
        QJsonObject json = Scene::defaultScene().toJson();
        json[key] = value;
        try {
            Scene::fromJson(json);
            return false;
        } catch (const InvalidArgument& error) {
            return QString(error.what()).contains(QLatin1String(expected));
        }
    };
    QVERIFY(rejects("title", 3, "scene field 'title': must be a string"));
    QVERIFY(rejects("title", QString(Scene::maxTitleLength + 1, 'x'), "at most 100"));
    QVERIFY(rejects("text", QString(Scene::maxTextLength + 1, 'x'), "at most 4000"));
    QVERIFY(!rejects("text", QString(Scene::maxTextLength, 'x'), ""));
}

void TestLessons::textBecomesHtml()
{
    QCOMPARE(lessonHtml("One <b>\nline.\n\nLook at: x & y.\n  \nTry: z."),
        QString("<p>One &lt;b&gt;<br>line.</p><p><b>Look at:</b> x &amp; y.</p>"
                "<p><b>Try:</b> z.</p>"));
}

void TestLessons::windowOpensLessons()
{
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    MainWindow window(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.lessonDock()->isVisible()); // the default scene has no lesson

    window.openLesson(3);
    const Lesson& fourth = builtInLessons()[3];
    QVERIFY(window.scene() == fourth.scene);
    QVERIFY(window.lessonDock()->isVisible());
    LessonPanel* panel = window.lessonPanel();
    QCOMPARE(panel->lessonIndex(), 3);
    QCOMPARE(panel->titleLabel()->text(), fourth.title());
    QVERIFY(panel->textView()->toPlainText().startsWith(fourth.summary().left(20)));

    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QVERIFY(window.scene() == builtInLessons()[4].scene);
    QCOMPARE(panel->lessonIndex(), 4);
    // Restart undoes the teacher's edits (once they said to discard them).
    Scene edited = window.scene();
    edited.steps = 7;
    window.applyScene(edited);
    QCOMPARE(panel->lessonIndex(), 4); // still the same lesson
    int asked = 0;
    window.setDiscardQuestion([&asked](const QString&) {
        ++asked;
        return QMessageBox::Discard;
    });
    QTest::mouseClick(panel->restartButton(), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QCOMPARE(window.scene().steps, builtInLessons()[4].scene.steps);
    window.openLesson(0);
    QVERIFY(!panel->previousButton()->isEnabled());
    window.openLesson(int(builtInLessons().size()) - 1);
    QVERIFY(!panel->nextButton()->isEnabled());
    window.openLesson(999); // ignored
    QCOMPARE(panel->lessonIndex(), int(builtInLessons().size()) - 1);

    // A scene without text puts the lesson away.
    window.applyScene(Scene::defaultScene());
    QVERIFY(!window.lessonDock()->isVisible());
}

void TestLessons::presentationModeIsLargerAndPersists()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath("settings.ini");
    int normalPoints = 0;
    {
        AppSettings settings(ini);
        QVERIFY(!settings.presentationMode());
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openLesson(0);
        auto* surfaceDock = window.findChild<QDockWidget*>("surfaceDock");
        auto* inspectorDock = window.findChild<QDockWidget*>("inspectorDock");
        inspectorDock->show();
        QVERIFY(inspectorDock->isVisible());
        normalPoints = window.lessonPanel()->font().pointSize();
        QVERIFY(!window.figure()->presentationStyle());
        const int normalTick
            = window.figure()->lossRect()->axis(QCPAxis::atBottom)->tickLabelFont().pixelSize();

        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(window.isPresentationMode());
        QVERIFY(window.figure()->presentationStyle());
        QVERIFY(window.lessonPanel()->font().pointSize() >= normalPoints * 1.4);
        QVERIFY(window.figure()->lossRect()->axis(QCPAxis::atBottom)->tickLabelFont().pixelSize()
            >= normalTick * 1.4);
        QVERIFY(!surfaceDock->isVisible() && !inspectorDock->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QVERIFY(window.lessonDock()->isVisible()); // the lesson stays
        QVERIFY(settings.presentationMode());
        window.close(); // saves the docks as they were before presenting
    }
    {
        AppSettings settings(ini);
        QVERIFY(settings.presentationMode());
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isPresentationMode());
        QVERIFY(window.figure()->presentationStyle());
        // F5 again: back to normal, the inspector where the teacher had put it.
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(!window.isPresentationMode());
        QVERIFY(!window.figure()->presentationStyle());
        QCOMPARE(window.lessonPanel()->font().pointSize(), normalPoints);
        QVERIFY(window.findChild<QDockWidget*>("inspectorDock")->isVisible());
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(!settings.presentationMode());
    }
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
