// Nothing lost (issue 12): every action that would replace a scene with unsaved edits
// asks Save / Discard / Cancel; Undo / Redo bring scenes back exactly; the session is
// autosaved and comes back after the window was killed.

#include "ui/app_settings.h"
#include "ui/figure.h"
#include "ui/lesson_catalog.h"
#include "ui/lesson_panel.h"
#include "ui/main_window.h"
#include "ui/optimizer_card.h"
#include "ui/optimizer_panel.h"
#include "ui/parameter_control.h"
#include "ui/scene_history.h"
#include "ui/start_page.h"

#include <QAbstractButton>
#include <QCommandLinkButton>
#include <QDropEvent>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace optviz;

namespace {

QByteArray jsonOf(const Scene& scene)
{
    return QJsonDocument(scene.toJson()).toJson(QJsonDocument::Compact);
}

// A scene file unlike the default scene and every lesson.
Scene fileScene()
{
    Scene scene = Scene::defaultScene();
    scene.surface = "himmelblau";
    scene.surfaceParameters = {};
    scene.start = Point2 {0.25, -1.0};
    scene.steps = 321;
    return scene;
}

QAction* menuAction(QMenuBar* bar, const QString& menuTitle, const QString& textStart)
{
    for (QAction* menu : bar->actions())
        if (menu->menu() && menu->text() == menuTitle)
            for (QAction* action : menu->menu()->actions())
                if (action->text().startsWith(textStart))
                    return action;
    return nullptr;
}

// Runs `handle` on the first modal dialog of type T that appears (from inside its exec()).
template<typename T> void whenModal(std::function<void(T*)> handle)
{
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, handle] {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            handle(dialog);
        }
    });
    timer->start();
}

} // namespace

class TestNothingLost : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void editsAreDescribed_data();
    void editsAreDescribed();
    void everyReplacementAsks_data();
    void everyReplacementAsks();
    void questionIsSaveDiscardCancel();
    void saveInTheQuestionWritesTheFile();
    void failedSaveKeepsTheScene();
    void untitledSaveGoesThroughTheDialog();
    void modifiedIsHonest();
    void undoRestoresScenesExactly();
    void undoOfASurfaceBringsItsView();
    void sliderDragIsOneUndoStep();
    void undoShortcutsAndMenu();
    void sessionIsAutosaved();
    void killedWindowComesBack();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Answers the window's question with `answer`, counting the questions.
    void answerWith(QMessageBox::StandardButton answer);

    QTemporaryDir dir_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    int asked_ = 0;
    QMessageBox::StandardButton answer_ = QMessageBox::Cancel;
};

std::unique_ptr<MainWindow> TestNothingLost::makeWindow()
{
    auto window = std::make_unique<MainWindow>(*settings_);
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestNothingLost::init()
{
    QVERIFY(fileScene().save(dir_.filePath("file.json"), nullptr));
    settings_ = std::make_unique<AppSettings>(dir_.filePath("settings.ini"));
    settings_->addRecentFile(dir_.filePath("file.json"));
    window_ = makeWindow();
    QVERIFY(window_);
    asked_ = 0;
    window_->setDiscardQuestion([this](const QString& question) {
        ++asked_;
        if (question.isEmpty())
            qWarning("empty question");
        return answer_;
    });
}

void TestNothingLost::cleanup()
{
    window_.reset();
    settings_.reset();
    QFile::remove(dir_.filePath("settings.ini"));
}

void TestNothingLost::answerWith(QMessageBox::StandardButton answer)
{
    answer_ = answer;
}

void TestNothingLost::editsAreDescribed_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("merges");
    QTest::newRow("lr") << "lr"
                        << "change lr" << true;
    QTest::newRow("start") << "start"
                           << "move the start" << true;
    QTest::newRow("surface") << "surface"
                             << "change the surface" << false;
    QTest::newRow("added") << "added"
                           << "add rmsprop" << false;
    QTest::newRow("removed") << "removed"
                             << "remove gd" << false;
    QTest::newRow("steps") << "steps"
                           << "change the step budget" << true;
    QTest::newRow("network") << "network"
                             << "show the network" << false;
}

void TestNothingLost::editsAreDescribed()
{
    QFETCH(QString, edit);
    QFETCH(QString, text);
    QFETCH(bool, merges);
    const Scene before = Scene::defaultScene();
    Scene after = before;
    if (edit == "lr")
        after.optimizers[1].parameters["lr"] = 0.5;
    else if (edit == "start")
        after.start = Point2 {1, 1};
    else if (edit == "surface")
        after.surface = "himmelblau";
    else if (edit == "added")
        after.optimizers.append(after.makeEntry("rmsprop"));
    else if (edit == "removed")
        after.optimizers.removeFirst();
    else if (edit == "steps")
        after.steps = 50;
    else if (edit == "network")
        after.network = NetworkSettings::defaultSettings();
    QCOMPARE(before.optimizers.first().name, std::string("gd"));
    const SceneEditDescription description = describeSceneEdit(before, after);
    QCOMPARE(description.text, text);
    QCOMPARE(!description.mergeKey.isEmpty(), merges);
}

void TestNothingLost::everyReplacementAsks_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("lesson"); // the lesson it opens; −1: the default scene, −2: the file
    QTest::newRow("new scene (Ctrl+N)") << "new" << -1;
    QTest::newRow("openScene") << "open" << -2;
    QTest::newRow("open recent") << "recent" << -2;
    QTest::newRow("drag and drop") << "drop" << -2;
    QTest::newRow("lessons menu") << "menu" << 2;
    QTest::newRow("start page") << "start page" << 3;
    QTest::newRow("lesson panel: next") << "next" << 1;
    QTest::newRow("lesson panel: restart") << "restart" << 0;
}

void TestNothingLost::everyReplacementAsks()
{
    QFETCH(QString, action);
    QFETCH(int, lesson);
    MainWindow& window = *window_;
    const QString file = dir_.filePath("file.json");
    const Scene expected = lesson == -1 ? Scene::defaultScene()
        : lesson == -2                  ? Scene::load(file)
                                        : builtInLessons()[lesson].scene;
    auto perform = [&] {
        if (action == "new") {
            QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        } else if (action == "open") {
            window.openScene(file);
        } else if (action == "recent") {
            QAction* recent = nullptr;
            for (QMenu* menu : window.menuBar()->findChildren<QMenu*>())
                if (menu->title() == "Open &Recent" && !menu->actions().isEmpty())
                    recent = menu->actions().first();
            QVERIFY(recent);
            recent->trigger();
        } else if (action == "drop") {
            QMimeData data;
            data.setUrls({QUrl::fromLocalFile(file)});
            // Straight to the window's handlers (QApplication delivers drops only during a
            // real drag); QObject::event is public.
            QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, {});
            static_cast<QObject&>(window).event(&enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, {});
            static_cast<QObject&>(window).event(&drop);
            QTest::qWait(50); // the drop opens once it is over (a zero timer)
        } else if (action == "menu") {
            QAction* item = menuAction(window.menuBar(), "&Lessons", "&3.");
            QVERIFY(item);
            item->trigger();
        } else if (action == "start page") {
            window.showStartPage();
            StartPage* page = nullptr;
            for (StartPage* candidate : window.findChildren<StartPage*>())
                if (candidate->isVisible())
                    page = candidate;
            QVERIFY(page);
            page->lessonButtons()[3]->click();
        } else if (action == "next") {
            window.lessonPanel()->nextButton()->click();
        } else if (action == "restart") {
            window.lessonPanel()->restartButton()->click();
        }
    };
    auto startFromLessonZero = [&] {
        answerWith(QMessageBox::Discard);
        QVERIFY(window.openLesson(0));
        QVERIFY(!window.isModified());
        asked_ = 0;
    };

    // Without edits: no question, the action happens.
    startFromLessonZero();
    perform();
    QCOMPARE(asked_, 0);
    QVERIFY(window.scene() == expected);
    QVERIFY(!window.isModified());

    // With edits, Cancel: the edited scene stays.
    startFromLessonZero();
    Scene edited = window.scene();
    edited.steps = 77;
    window.applyScene(edited);
    QVERIFY(window.isModified());
    answerWith(QMessageBox::Cancel);
    perform();
    QCOMPARE(asked_, 1);
    QVERIFY(window.scene() == edited);
    QVERIFY(window.isModified());
    QVERIFY(window.windowTitle().contains("*"));

    // Discard: replaced; and Undo brings the discarded edits back.
    answerWith(QMessageBox::Discard);
    perform();
    QCOMPARE(asked_, 2);
    QVERIFY(window.scene() == expected);
    QVERIFY(!window.isModified());
    QVERIFY(!window.windowTitle().contains("*"));
    window.history()->stack()->undo();
    QVERIFY(window.scene() == edited);
    QVERIFY(window.isModified());
    window.history()->stack()->redo();
    QVERIFY(window.scene() == expected);
    QVERIFY(!window.isModified());
}

void TestNothingLost::questionIsSaveDiscardCancel()
{
    window_->setDiscardQuestion({}); // the real question box
    Scene edited = window_->scene();
    edited.steps = 99;
    window_->applyScene(edited);

    QMessageBox::StandardButtons buttons;
    QString text;
    whenModal<QMessageBox>([&](QMessageBox* box) {
        buttons = box->standardButtons();
        text = box->text() + ' ' + box->informativeText();
        box->button(QMessageBox::Cancel)->click();
    });
    QVERIFY(!window_->openLesson(1));
    QCOMPARE(buttons, QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    QVERIFY2(text.contains(builtInLessons()[1].title()), qPrintable(text));
    QVERIFY(window_->scene() == edited);

    whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Discard)->click(); });
    QVERIFY(window_->newScene());
    QVERIFY(window_->scene() == Scene::defaultScene());
    QVERIFY(!window_->isModified());
}

void TestNothingLost::saveInTheQuestionWritesTheFile()
{
    const QString file = dir_.filePath("file.json");
    QVERIFY(window_->openScene(file));
    Scene edited = window_->scene();
    edited.optimizers[0].parameters["lr"] = 0.0123;
    window_->applyScene(edited);
    answerWith(QMessageBox::Save);
    QVERIFY(window_->newScene());
    QCOMPARE(asked_, 1);
    QVERIFY(Scene::load(file) == edited); // the edits are in the file
    QVERIFY(window_->scene() == Scene::defaultScene());
    QVERIFY(window_->scenePath().isEmpty());
}

void TestNothingLost::failedSaveKeepsTheScene()
{
    QTemporaryDir gone;
    const QString path = gone.filePath("scene.json");
    QVERIFY(window_->saveScene(path));
    QVERIFY(gone.remove()); // the file's folder is gone: saving there fails
    Scene edited = window_->scene();
    edited.steps = 55;
    window_->applyScene(edited);
    answerWith(QMessageBox::Save);
    QVERIFY(!window_->openLesson(0));
    QCOMPARE(asked_, 1);
    QVERIFY(window_->scene() == edited); // no save, no lesson
    QVERIFY(window_->isModified());
    if (auto* error = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
        error->close();
}

void TestNothingLost::untitledSaveGoesThroughTheDialog()
{
    Scene edited = window_->scene();
    edited.steps = 66;
    window_->applyScene(edited);
    QVERIFY(window_->scenePath().isEmpty());
    const QString path = dir_.filePath("chosen.json");
    whenModal<QFileDialog>([&](QFileDialog* dialog) {
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept is protected
    });
    answerWith(QMessageBox::Save);
    QVERIFY(window_->openLesson(2));
    QVERIFY(Scene::load(path) == edited);
    QVERIFY(window_->scene() == builtInLessons()[2].scene);
}

void TestNothingLost::modifiedIsHonest()
{
    // A fresh window is unmodified, and so is every lesson as it opens.
    QVERIFY(!window_->isModified());
    QVERIFY(!window_->windowTitle().contains("*"));
    for (int i = 0; i < builtInLessons().size(); ++i) {
        QVERIFY(window_->openLesson(i));
        QTest::qWait(20);
        QVERIFY2(!window_->isModified(), qPrintable(builtInLessons()[i].title()));
    }
    QCOMPARE(asked_, 0);
    QVERIFY(window_->newScene());

    // Zoom and pan change the scene's view but are no edit: nothing to save or undo.
    const int steps = window_->history()->stack()->count();
    const ViewRect zoomed {-1.0, 1.0, -0.5, 1.5};
    emit window_->figure()->viewChangedByUser(zoomed);
    QVERIFY(window_->scene().view == zoomed);
    QVERIFY(!window_->isModified());
    QCOMPARE(window_->history()->stack()->count(), steps);

    // An edit is; undoing it leaves the view where the user has it.
    Scene edited = window_->scene();
    edited.optimizers[2].parameters["lr"] = 0.2;
    window_->applyScene(edited);
    QVERIFY(window_->isModified());
    QVERIFY(window_->windowTitle().contains("untitled*"));
    window_->history()->stack()->undo();
    QVERIFY(!window_->isModified());
    QVERIFY(!window_->windowTitle().contains("*"));
    QVERIFY(window_->scene().view == zoomed);
    QCOMPARE(window_->scene().optimizers[2].parameters.at("lr"),
        Scene::defaultScene().optimizers[2].parameters.at("lr"));
    // Saving makes it clean; an edit after the save is modified again.
    window_->history()->stack()->redo();
    QVERIFY(window_->saveScene(dir_.filePath("saved.json")));
    QVERIFY(!window_->isModified());
    window_->history()->stack()->undo();
    QVERIFY(window_->isModified()); // the file has the lr of 0.2
}

void TestNothingLost::undoRestoresScenesExactly()
{
    MainWindow& window = *window_;
    QVERIFY(window.newScene());
    QUndoStack* stack = window.history()->stack();
    const int base = stack->count();
    QList<Scene> states {window.scene()};
    QStringList texts;

    // The surface.
    Scene edited = window.scene();
    edited.surface = "himmelblau";
    edited.surfaceParameters = {};
    edited.start.reset();
    window.applyScene(edited);
    states << window.scene();
    texts << "change the surface";
    // An optimizer added, from the panel's menu.
    window.findChild<OptimizerPanel*>()->addOptimizer("rmsprop");
    QCOMPARE(window.scene().optimizers.size(), 4);
    states << window.scene();
    texts << "add rmsprop";
    // Its learning rate, from its slider.
    ParameterControl* lr = window.findChild<OptimizerPanel*>()->card(3)->parameterControl("lr");
    QVERIFY(lr && lr->slider());
    lr->slider()->setFocus();
    QTest::keyClick(lr->slider(), Qt::Key_PageUp);
    QVERIFY(!(window.scene() == states.last()));
    states << window.scene();
    texts << "change lr";
    // The start, by a click on the map.
    emit window.figure()->startPicked(1.25, -0.75);
    QVERIFY(window.scene().start == (Point2 {1.25, -0.75}));
    states << window.scene();
    texts << "move the start";
    // The network workspace and its settings.
    window.setWorkspace(MainWindow::Workspace::Network);
    QVERIFY(window.scene().network.has_value());
    states << window.scene();
    texts << "show the network";
    edited = window.scene();
    edited.network->epochs = 123;
    edited.network->hiddenLayers = {8};
    window.applyScene(edited);
    states << window.scene();
    texts << "change the network settings";
    QCOMPARE(stack->count(), base + texts.size()); // one step per edit

    // Undo walks back through every state exactly, Redo forward again.
    for (int i = int(texts.size()) - 1; i >= 0; --i) {
        QCOMPARE(stack->undoText(), texts[i]);
        stack->undo();
        QVERIFY2(window.scene() == states[i], qPrintable(texts[i]));
        QCOMPARE(jsonOf(window.scene()), jsonOf(states[i]));
    }
    QVERIFY(!window.isModified());
    QCOMPARE(window.workspace(), MainWindow::Workspace::Surface);
    for (int i = 0; i < texts.size(); ++i) {
        QCOMPARE(stack->redoText(), texts[i]);
        stack->redo();
        QVERIFY2(window.scene() == states[i + 1], qPrintable(texts[i]));
        QCOMPARE(jsonOf(window.scene()), jsonOf(states[i + 1]));
    }
    // Undo and Redo record nothing themselves.
    QCOMPARE(stack->count(), base + texts.size());
    QCOMPARE(window.workspace(), MainWindow::Workspace::Network);
}

void TestNothingLost::undoOfASurfaceBringsItsView()
{
    QVERIFY(window_->newScene());
    const Scene before = window_->scene();
    Scene edited = before;
    edited.surface = "himmelblau";
    edited.surfaceParameters = {};
    edited.start.reset();
    window_->applyScene(edited);
    // A zoom on Himmelblau's function belongs to it, not to Rosenbrock's.
    emit window_->figure()->viewChangedByUser(ViewRect {-2.0, 2.0, -2.0, 2.0});
    window_->history()->stack()->undo();
    QVERIFY(window_->scene() == before);
    window_->history()->stack()->redo();
    QCOMPARE(window_->scene().surface, std::string("himmelblau"));
    QVERIFY(window_->scene().view == edited.view);
}

void TestNothingLost::sliderDragIsOneUndoStep()
{
    qint64 now = 0;
    window_->history()->setClock([&now] { return now; });
    QVERIFY(window_->newScene());
    QUndoStack* stack = window_->history()->stack();
    const int steps = stack->count();
    const Scene before = window_->scene();
    ParameterControl* lr = window_->findChild<OptimizerPanel*>()->card(1)->parameterControl("lr");
    QSlider* slider = lr->slider();
    // A drag: many moves, each a fraction of a second after the last.
    slider->setSliderDown(true);
    for (int move = 1; move <= 12; ++move) {
        now += 150;
        slider->setValue(slider->value() + 3);
    }
    slider->setSliderDown(false);
    QVERIFY(window_->scene().optimizers[1].parameters.at("lr")
        > before.optimizers[1].parameters.at("lr"));
    QCOMPARE(stack->count(), steps + 1);
    const Scene dragged = window_->scene();
    // A pause, then another move: a new step.
    now += 5000;
    slider->setValue(slider->value() - 5);
    QCOMPARE(stack->count(), steps + 2);
    // Another control right after: a step of its own.
    now += 100;
    ParameterControl* momentum
        = window_->findChild<OptimizerPanel*>()->card(1)->parameterControl("momentum");
    QVERIFY(momentum && momentum->slider());
    momentum->slider()->setValue(momentum->slider()->value() + 4);
    QCOMPARE(stack->count(), steps + 3);

    stack->undo();
    stack->undo();
    QVERIFY(window_->scene() == dragged);
    stack->undo();
    QVERIFY(window_->scene() == before); // the whole drag in one step
    QVERIFY(!window_->isModified());
}

void TestNothingLost::undoShortcutsAndMenu()
{
    QAction* undo = menuAction(window_->menuBar(), "&Edit", "&Undo");
    QAction* redo = menuAction(window_->menuBar(), "&Edit", "&Redo");
    QVERIFY(undo && redo);
    QCOMPARE(undo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Z));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(!undo->isEnabled());

    const Scene before = window_->scene();
    emit window_->figure()->startPicked(0.5, 0.5);
    const Scene moved = window_->scene();
    QCOMPARE(undo->text(), QString("&Undo move the start"));
    QTest::keyClick(window_.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(window_->scene() == before);
    QCOMPARE(redo->text(), QString("&Redo move the start"));
    QTest::keyClick(window_.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(window_->scene() == moved);
    QTest::keyClick(window_.get(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(window_.get(), Qt::Key_Y, Qt::ControlModifier);
    QVERIFY(window_->scene() == moved);
}

void TestNothingLost::sessionIsAutosaved()
{
    Scene edited = window_->scene();
    edited.steps = 444;
    edited.optimizers[0].colour = QColor(10, 20, 30);
    window_->applyScene(edited);
    // The session file gets the edit a moment later, without the window closing.
    QTRY_VERIFY_WITH_TIMEOUT(AppSettings(dir_.filePath("settings.ini")).lastScene() == edited
            && AppSettings(dir_.filePath("settings.ini")).lastSceneModified(),
        20000);
    // Saving: the session says so too.
    QVERIFY(window_->saveScene(dir_.filePath("saved.json")));
    QTRY_VERIFY_WITH_TIMEOUT(
        !AppSettings(dir_.filePath("settings.ini")).lastSceneModified(), 20000);
    QCOMPARE(
        AppSettings(dir_.filePath("settings.ini")).lastScenePath(), dir_.filePath("saved.json"));
}

void TestNothingLost::killedWindowComesBack()
{
    // The real window in a home of its own, given a scene file and told to show the
    // network (an edit of the scene: the title gets its `*`).
    QTemporaryDir home;
    const QString path = home.filePath("lesson.json");
    QVERIFY(fileScene().save(path, nullptr));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HOME", home.path());
    environment.insert("XDG_CONFIG_HOME", home.filePath("config"));
    environment.insert("XDG_DATA_HOME", home.filePath("data"));
    environment.insert("XDG_CACHE_HOME", home.filePath("cache"));
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    // QSettings("optviz", "optviz") under XDG_CONFIG_HOME (app/optviz_main.cpp).
    const QString ini = home.filePath("config/optviz/optviz.conf");

    QProcess window;
    window.setProcessEnvironment(environment);
    window.start(QStringLiteral(OPTVIZ_APP_PATH), {path, "--workspace", "network"});
    QVERIFY2(window.waitForStarted(), qPrintable(window.errorString()));
    auto autosaved = [&ini] {
        const AppSettings session(ini);
        const std::optional<Scene> scene = session.lastScene();
        return scene && scene->network && session.lastSceneModified();
    };
    QTRY_VERIFY_WITH_TIMEOUT(autosaved() || window.state() != QProcess::Running, 60000);
    QCOMPARE(window.state(), QProcess::Running); // autosaved while running, not at quit
    window.kill(); // SIGKILL: no closeEvent, no destructor
    QVERIFY(window.waitForFinished());
    QCOMPARE(window.exitStatus(), QProcess::CrashExit);

    // What the window had: the same file opened and switched to the network here.
    QTemporaryDir otherHome;
    AppSettings otherSettings(otherHome.filePath("settings.ini"));
    MainWindow reference(otherSettings);
    QVERIFY(reference.openScene(path));
    reference.setWorkspace(MainWindow::Workspace::Network);
    QVERIFY(!(reference.scene() == Scene::load(path)));

    const AppSettings session(ini);
    QVERIFY(session.lastScene() == reference.scene());
    QCOMPARE(session.lastScenePath(), path);
    QVERIFY(session.lastSceneModified());

    // A new window on those settings: the same scene, file and unsaved edits.
    AppSettings restoredSettings(ini);
    MainWindow restored(restoredSettings);
    QVERIFY(restored.scene() == reference.scene());
    QCOMPARE(jsonOf(restored.scene()), jsonOf(reference.scene()));
    QCOMPARE(restored.scenePath(), path);
    QVERIFY(restored.isModified());
    QVERIFY2(
        restored.windowTitle().startsWith("lesson.json* "), qPrintable(restored.windowTitle()));
    QCOMPARE(restored.workspace(), MainWindow::Workspace::Network);
    const QString message = restored.statusBar()->currentMessage();
    QVERIFY2(message.startsWith("Restored the session of ") && message.endsWith("unsaved edits"),
        qPrintable(message));
}

QTEST_MAIN(TestNothingLost)
#include "tst_nothing_lost.moc"
