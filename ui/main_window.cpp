#include "main_window.h"

#include "animation_dialog.h"
#include "basins_panel.h"
#include "discard_question.h"
#include "export_dialog.h"
#include "hyperparameter_map_panel.h"
#include "lesson_catalog.h"
#include "lesson_panel.h"
#include "network_controller.h"
#include "network_figure.h"
#include "network_workspace.h"
#include "optimizer_panel.h"
#include "playback_bar.h"
#include "session_autosave.h"
#include "simulation_controller.h"
#include "start_page.h"
#include "step_explainer.h"
#include "step_inspector.h"
#include "surface_3d_view.h"
#include "surface_panel.h"
#include "trajectory_export.h"
#include "translation.h"
#include "window_fit.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QWindow>

namespace optviz {

namespace {

// The parts of a scene that change the runs (anything but the view and the display).
bool sameRuns(const Scene& a, const Scene& b)
{
    return a.sameSurface(b) && a.start == b.start && a.steps == b.steps
        && a.optimizers == b.optimizers && a.gradient == b.gradient;
}

bool sameLandscape(const Scene& a, const Scene& b)
{
    return a.sameSurface(b) && a.view == b.view;
}

} // namespace

MainWindow::MainWindow(AppSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , settings_(settings)
    , figure_(new Figure(this))
    , networkWorkspace_(new NetworkWorkspace(this))
    , controller_(new SimulationController(this))
    , surfacePanel_(new SurfacePanel(this))
    , optimizerPanel_(new OptimizerPanel(this))
    , inspector_(new StepInspector(this))
    , lessonPanel_(new LessonPanel(this))
    , playbackBar_(new PlaybackBar(this))
    , progressLabel_(new QLabel(this))
    , history_(new SceneHistory([this](const SceneHistory::State& state,
                                    SceneHistory::Restore how) { restoreHistoryState(state, how); },
          this))
    , autosave_(new SessionAutosave(
          settings,
          [this] {
              return SessionAutosave::Session {scene_, scenePath_, isModified(), {}};
          },
          this))
{
    setObjectName("mainWindow");
    // The two workspaces as tabs of the central area: a teacher sees both exist.
    workspaceTabs_ = new QTabWidget(this);
    workspaceTabs_->setObjectName("workspaceTabs");
    workspaceTabs_->setDocumentMode(true);
    workspaceTabs_->addTab(figure_, tr("Surface"));
    workspaceTabs_->addTab(networkWorkspace_, tr("Network"));
    workspaceTabs_->setTabToolTip(0, tr("Optimizers on 2-D loss surfaces (Ctrl+1)"));
    workspaceTabs_->setTabToolTip(
        1, tr("Optimizers training a small neural network on a data set (Ctrl+2)"));
    setCentralWidget(workspaceTabs_);
    // The figures lay themselves out for the room they get (the loss plot under the map
    // when narrow): their own minimum must not hold the window wider than a projector.
    figure_->setMinimumSize(360, 300);
    networkWorkspace_->setMinimumSize(360, 300);
    setAcceptDrops(true);
    statusBar()->addPermanentWidget(progressLabel_);

    createActions();
    createMenus();
    createDocks();
    connectParts();

    // A session saved on a larger screen is fitted into this one; a dock arrangement
    // saved on a wide screen does not suit a compact one (and back): restoreState() refuses
    // a state of the other kind, and the arrangement for this screen is made instead.
    compact_ = isCompactScreen(screen());
    if (!restoreGeometry(settings_.windowGeometry()))
        setGeometry(initialWindowGeometry(screen()->availableGeometry()));
    if (!restoreState(settings_.windowState(), dockStateVersion()))
        arrangeDocks();
    fitIntoScreen();
    view3DSized_ = !view3DDock_->isHidden(); // a session's 3-D dock keeps its size
    for (QDockWidget* dock : analysisDocks_)
        analysisSized_ = analysisSized_ || !dock->isHidden();
    if (settings_.presentationMode())
        setPresentationMode(true);

    setPlaybackMode(PlaybackMode::Instant);
    restoreSession();
}

MainWindow::~MainWindow()
{
    // ~QWidget closes the window after this class is gone: the docks' visibilityChanged
    // and the like must not reach this half-destroyed object (UBSan found the call).
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
    controller_->shutdown();
}

PlaybackMode MainWindow::playbackMode() const
{
    return controller_->mode();
}

void MainWindow::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& shortcut, const QString& tip) {
        auto* action = new QAction(text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        addAction(action); // shortcuts work even while the menu bar is hidden (full screen)
        return action;
    };
    newSceneAction_
        = make(tr("&New Scene"), QKeySequence::New, tr("Start again from the default scene"));
    openAction_ = make(tr("&Open Scene…"), QKeySequence::Open, tr("Open a scene file (.json)"));
    saveAction_ = make(tr("&Save Scene"), QKeySequence::Save, tr("Save the scene to its file"));
    saveAsAction_
        = make(tr("Save Scene &As…"), QKeySequence::SaveAs, tr("Save the scene to a new file"));
    exportFigureAction_ = make(tr("&Export Figure…"), QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Write the figure as PNG, SVG or PDF"));
    exportAnimationAction_
        = make(tr("Export &Animation…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
            tr("Write the runs growing from step 0 to the end as an animated GIF"));
    exportTrajectoriesAction_
        = make(tr("Export &Trajectories…"), {}, tr("Write every trajectory as CSV or JSON"));
    copyFigureAction_ = make(tr("&Copy Figure"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        tr("Copy the figure to the clipboard as an image"));
    quitAction_ = make(tr("&Quit"), QKeySequence::Quit, tr("Quit optviz"));
    // "Undo change lr": the stack names the step (ui/scene_history.h).
    undoAction_ = history_->stack()->createUndoAction(this, tr("&Undo"));
    undoAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    redoAction_ = history_->stack()->createRedoAction(this, tr("&Redo"));
    redoAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    addActions({undoAction_, redoAction_}); // shortcuts work in full screen too

    playAction_ = make(tr("&Play / Pause"), QKeySequence(Qt::Key_Space),
        tr("Animate the optimizers step by step, or pause them"));
    stepAction_
        = make(tr("&Step"), QKeySequence(Qt::Key_Right), tr("Take one step with every optimizer"));
    resetAction_
        = make(tr("&Reset"), QKeySequence(Qt::Key_R), tr("Back to the start point, step 0"));
    explainAction_ = make(tr("E&xplain Step"), QKeySequence(Qt::Key_E),
        tr("Take the inspected optimizer's current step apart, stage by stage (→ next, ← back, "
           "Esc to close)"));
    animateAction_ = make(tr("&Animate"), {}, tr("Watch the optimizers move at the chosen speed"));
    instantAction_ = make(tr("&Instant"), {},
        tr("Show every trajectory to the step budget at once; every change "
           "recomputes them"));
    for (QAction* action : {animateAction_, instantAction_})
        action->setCheckable(true);
    auto* modes = new QActionGroup(this);
    modes->addAction(animateAction_);
    modes->addAction(instantAction_);

    overlayAction_ = make(tr("&Overlay"), {}, tr("All paths on one map"));
    smallMultiplesAction_ = make(
        tr("S&mall Multiples"), {}, tr("One map per optimizer, linked axes, same colour scale"));
    lossAction_ = make(tr("&Loss"), {}, tr("Plot the loss against the step"));
    distanceAction_ = make(tr("&Distance to Minimum"), {},
        tr("Plot the distance to the nearest known minimum against the step"));
    for (QAction* action : {overlayAction_, smallMultiplesAction_, lossAction_, distanceAction_})
        action->setCheckable(true);
    auto* layouts = new QActionGroup(this);
    layouts->addAction(overlayAction_);
    layouts->addAction(smallMultiplesAction_);
    auto* measures = new QActionGroup(this);
    measures->addAction(lossAction_);
    measures->addAction(distanceAction_);
    resetViewAction_ = make(
        tr("Reset &View"), QKeySequence(Qt::Key_Home), tr("Back to the surface's default view"));
    fullScreenAction_ = make(
        tr("&Full Screen"), QKeySequence(Qt::Key_F11), tr("Fill the screen (for the projector)"));
    fullScreenAction_->setCheckable(true);
    presentationAction_ = make(tr("&Presentation Mode"), QKeySequence(Qt::Key_F5),
        tr("Large type, thick lines, strong contours and only the panels a lecture needs"));
    presentationAction_->setCheckable(true);
    surfaceWorkspaceAction_ = make(tr("&Surface Workspace"), QKeySequence(Qt::CTRL | Qt::Key_1),
        tr("Optimizers on 2-D loss surfaces"));
    networkWorkspaceAction_ = make(tr("&Network Workspace"), QKeySequence(Qt::CTRL | Qt::Key_2),
        tr("Optimizers training a small neural network: decision boundaries, loss curves and "
           "the loss on a plane through its parameters"));
    auto* workspaces = new QActionGroup(this);
    for (QAction* action : {surfaceWorkspaceAction_, networkWorkspaceAction_}) {
        action->setCheckable(true);
        workspaces->addAction(action);
    }
    surfaceWorkspaceAction_->setChecked(true);
}

void MainWindow::addLanguageMenu(QMenu* view)
{
    QMenu* menu = view->addMenu(tr("&Language"));
    menu->setObjectName("languageMenu");
    auto* group = new QActionGroup(menu);
    const QString chosen = settings_.language();
    // Each language names itself, so that a reader of either finds their own.
    const QList<std::pair<QString, QString>> choices
        = {{QString::fromLatin1(systemLanguage), tr("&System Language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [language, name] : choices) {
        QAction* action = menu->addAction(name);
        action->setCheckable(true);
        action->setChecked(language == chosen);
        action->setData(language);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] {
            if (language == settings_.language())
                return;
            settings_.setLanguage(language);
            settings_.sync();
            QMessageBox::information(
                this, tr("Language"), tr("The language changes when optviz is started again."));
        });
    }
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newSceneAction_);
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(saveAction_);
    file->addAction(saveAsAction_);
    file->addSeparator();
    file->addAction(exportFigureAction_);
    file->addAction(exportAnimationAction_);
    file->addAction(exportTrajectoriesAction_);
    file->addAction(copyFigureAction_);
    file->addSeparator();
    file->addAction(quitAction_);
    updateRecentMenu();

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAction_);
    edit->addAction(redoAction_);

    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    playback->addAction(playAction_);
    playback->addAction(stepAction_);
    playback->addAction(resetAction_);
    playback->addAction(explainAction_);
    playback->addSeparator();
    playback->addAction(animateAction_);
    playback->addAction(instantAction_);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(surfaceWorkspaceAction_);
    viewMenu_->addAction(networkWorkspaceAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(overlayAction_);
    viewMenu_->addAction(smallMultiplesAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(lossAction_);
    viewMenu_->addAction(distanceAction_);
    viewMenu_->addSeparator();
    viewMenu_->addAction(resetViewAction_);
    viewMenu_->addAction(fullScreenAction_);
    viewMenu_->addAction(presentationAction_);
    addLanguageMenu(viewMenu_);
    viewMenu_->addSeparator();

    QMenu* lessons = menuBar()->addMenu(tr("&Lessons"));
    lessons->addAction(tr("&All Lessons…"), this, &MainWindow::showStartPage)
        ->setStatusTip(tr("The start page: every lesson with its title and one line"));
    lessons->addSeparator();
    const QList<Lesson>& lessonList = builtInLessons();
    for (int i = 0; i < lessonList.size(); ++i)
        lessons
            ->addAction(tr("&%1. %2").arg(i + 1).arg(lessonList[i].title()), this,
                [this, i] { openLesson(i); })
            ->setStatusTip(lessonList[i].summary());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Start Page…"), this, &MainWindow::showStartPage);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        QMessageBox::information(this, tr("Keyboard shortcuts"),
            tr("<table>"
               "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
               "<tr><td><b>→</b></td><td>one step</td></tr>"
               "<tr><td><b>R</b></td><td>reset to step 0</td></tr>"
               "<tr><td><b>E</b></td><td>explain the step (→ / ← stages, Esc closes)</td></tr>"
               "<tr><td><b>Home</b></td><td>reset the view</td></tr>"
               "<tr><td><b>Ctrl+O / Ctrl+S</b></td><td>open / save a scene</td></tr>"
               "<tr><td><b>Ctrl+E</b></td><td>export the figure</td></tr>"
               "<tr><td><b>Ctrl+Shift+E</b></td><td>export an animation (GIF)</td></tr>"
               "<tr><td><b>F11</b></td><td>full screen</td></tr>"
               "<tr><td><b>F5</b></td><td>presentation mode</td></tr>"
               "<tr><td><b>Ctrl+Shift+H</b></td><td>hyperparameter map</td></tr>"
               "<tr><td><b>Ctrl+Shift+B</b></td><td>basins of attraction</td></tr>"
               "<tr><td><b>Ctrl+3</b></td><td>3-D view</td></tr>"
               "</table><p>Click the map to move the start point, or drag the start marker. "
               "Scroll to zoom, drag to pan.</p>"));
    });
    help->addAction(tr("&About optviz"), this, [this] {
        QMessageBox::about(this, tr("About optviz"),
            tr("<b>optviz</b> makes optimization visible: the update rules of "
               "torch.optim, exactly, on surfaces you can see."));
    });
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString& title, const QString& name, QWidget* widget,
                    Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name); // for saveState()
        d->setWidget(widget);
        d->setMinimumWidth(160); // narrow screens: a panel scrolls, the window never grows
        addDockWidget(area, d);
        viewMenu_->addAction(d->toggleViewAction());
        // Opened from the View menu (or its shortcut), a dock that is one tab of several
        // comes to the front: on a compact screen every panel is a tab.
        connect(d->toggleViewAction(), &QAction::triggered, d, [d](bool shown) {
            if (shown)
                d->raise();
        });
        return d;
    };
    // Panels whose content can grow (a long formula, a diverged run's numbers) scroll
    // inside their dock: no text widens the window past the screen. The optimizers'
    // cards and the lesson's text scroll on their own (ui/lesson_panel.cpp keeps its
    // buttons from widening it).
    // Tabbed docks show their tabs on top, where a tab bar is looked for.
    setTabPosition(Qt::AllDockWidgetAreas, QTabWidget::North);
    surfaceDock_ = dock(
        tr("Surface"), "surfaceDock", inScrollArea(surfacePanel_, this), Qt::LeftDockWidgetArea);
    optimizersDock_
        = dock(tr("Optimizers"), "optimizersDock", optimizerPanel_, Qt::RightDockWidgetArea);
    inspectorDock_ = dock(tr("Step inspector"), "inspectorDock", inScrollArea(inspector_, this),
        Qt::LeftDockWidgetArea);
    inspectorDock_->setToolTip(tr("The numbers behind the chosen optimizer's current step"));
    // The lesson shares the left column with the surface, as a tab raised when a lesson
    // opens; it stays hidden for scenes without a text.
    lessonDock_ = dock(tr("Lesson"), "lessonDock", lessonPanel_, Qt::LeftDockWidgetArea);
    tabifyDockWidget(surfaceDock_, lessonDock_);
    lessonDock_->hide();
    // The hyperparameter map and the basins below the figure, as tabs of its full width;
    // closed until opened (View menu, Ctrl+Shift+H / Ctrl+Shift+B); they compute only
    // while open.
    hyperparameterPanel_ = new HyperparameterMapPanel(this);
    basinsPanel_ = new BasinsPanel(this);
    QDockWidget* mapDock = dock(tr("Hyperparameter map"), "hyperparameterMapDock",
        inScrollArea(hyperparameterPanel_, this), Qt::BottomDockWidgetArea);
    QDockWidget* basinsDock = dock(
        tr("Basins"), "basinsDock", inScrollArea(basinsPanel_, this), Qt::BottomDockWidgetArea);
    tabifyDockWidget(mapDock, basinsDock);
    mapDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    basinsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    addActions({mapDock->toggleViewAction(), basinsDock->toggleViewAction()}); // in full screen
    mapDock->hide();
    basinsDock->hide();
    // First opened, the maps get two fifths of the height: a strip of 100 pixels shows
    // no map. Later the teacher's sizes stay (and a session's open dock keeps its size).
    for (QDockWidget* analysis : {mapDock, basinsDock})
        connect(analysis, &QDockWidget::visibilityChanged, this, [this, analysis](bool visible) {
            if (!visible || analysisSized_ || analysis->isFloating())
                return;
            analysisSized_ = true;
            resizeDocks({analysis}, {height() * 2 / 5}, Qt::Vertical);
        });
    connect(
        hyperparameterPanel_, &HyperparameterMapPanel::sceneEdited, this, &MainWindow::applyScene);
    connect(basinsPanel_, &BasinsPanel::sceneEdited, this, &MainWindow::applyScene);
    // The 3-D view in the right column below the optimizers; closed until opened (View
    // menu, Ctrl+3), and it computes only while open.
    surface3DView_ = new Surface3DView(this);
    view3DDock_ = dock(tr("3-D view"), "view3DDock", surface3DView_, Qt::RightDockWidgetArea);
    analysisDocks_ = {mapDock, basinsDock};
    view3DDock_->setToolTip(tr("The surface in 3-D with the paths on it; drag to rotate"));
    view3DDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    addAction(view3DDock_->toggleViewAction()); // in full screen
    view3DDock_->hide();
    // First opened, it takes half the column's height and widens the column: a 3-D
    // view the size of an optimizer card shows nothing. Later the teacher's sizes stay.
    connect(view3DDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || view3DSized_ || view3DDock_->isFloating())
            return;
        view3DSized_ = true;
        resizeDocks({view3DDock_}, {height() / 2}, Qt::Vertical);
        resizeDocks({view3DDock_}, {std::max(view3DDock_->width(), width() / 3)}, Qt::Horizontal);
    });

    auto* toolbar = addToolBar(tr("Playback"));
    toolbar->setObjectName("playbackToolBar");
    toolbar->addWidget(playbackBar_);
}

int MainWindow::dockStateVersion() const
{
    // saveState()'s version tells the two arrangements apart (restoreState() refuses the
    // other's): a layout arranged on the projector is not forced onto the desk's 4K screen.
    return compact_ ? 2 : 1;
}

void MainWindow::arrangeDocks()
{
    // Wide screens: the surface (with the lesson as a tab) and the inspector on the left,
    // the optimizers on the right. Compact screens (a 1024×768 projector, a 1280×720
    // beamer): every panel as a tab of one right-hand column, so that the figure keeps
    // two thirds of the width; the lesson's tab is raised when a lesson opens.
    for (QDockWidget* dock :
        {surfaceDock_, lessonDock_, inspectorDock_, optimizersDock_, view3DDock_})
        dock->setFloating(false);
    if (compact_) {
        addDockWidget(Qt::RightDockWidgetArea, optimizersDock_);
        for (QDockWidget* dock : {lessonDock_, surfaceDock_, inspectorDock_, view3DDock_}) {
            addDockWidget(Qt::RightDockWidgetArea, dock);
            tabifyDockWidget(optimizersDock_, dock);
        }
        optimizersDock_->raise();
        resizeDocks({optimizersDock_}, {std::clamp(width() * 34 / 100, 300, 420)}, Qt::Horizontal);
    } else {
        addDockWidget(Qt::LeftDockWidgetArea, surfaceDock_);
        addDockWidget(Qt::LeftDockWidgetArea, lessonDock_);
        tabifyDockWidget(surfaceDock_, lessonDock_);
        addDockWidget(Qt::LeftDockWidgetArea, inspectorDock_);
        addDockWidget(Qt::RightDockWidgetArea, optimizersDock_);
        addDockWidget(Qt::RightDockWidgetArea, view3DDock_);
        surfaceDock_->raise();
    }
    for (QDockWidget* dock : analysisDocks_)
        addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (analysisDocks_.size() == 2)
        tabifyDockWidget(analysisDocks_[0], analysisDocks_[1]);
}

void MainWindow::fitIntoScreen()
{
    const QRect available = screen()->availableGeometry();
    // A window manager's frame (title bar, borders) around the client area.
    const QMargins frame(geometry().left() - frameGeometry().left(),
        geometry().top() - frameGeometry().top(), frameGeometry().right() - geometry().right(),
        frameGeometry().bottom() - geometry().bottom());
    if (isMaximized() || isFullScreen() || available.contains(frameGeometry()))
        return;
    const QRect fitted = fittedFrame(frameGeometry(), available);
    setGeometry(fitted.marginsRemoved(frame));
}

void MainWindow::followScreen()
{
    // The laptop plugged into the projector: mirrored, its screen drops to 1024×768; or
    // the window is dragged to the other screen.
    const bool compact = isCompactScreen(screen());
    if (compact != compact_) {
        compact_ = compact;
        if (!presenting_)
            arrangeDocks();
    }
    fitIntoScreen();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (screenWatched_ || !windowHandle())
        return;
    screenWatched_ = true;
    auto watch = [this](QScreen* screen) {
        if (screen)
            connect(screen, &QScreen::availableGeometryChanged, this, &MainWindow::followScreen,
                Qt::UniqueConnection);
    };
    watch(screen());
    connect(windowHandle(), &QWindow::screenChanged, this, [this, watch](QScreen* screen) {
        watch(screen);
        followScreen();
    });
    fitIntoScreen(); // the frame is known once shown
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    // The playback bar drops its texts rather than widen the window (its tooltips stay).
    playbackBar_->setCompact(width() < playbackBar_->fullWidth() + 16);
}

void MainWindow::connectParts()
{
    // Explain mode owns → ← Page Up/Down and Esc while it is on; Step (→) steps aside.
    explainer_ = new StepExplainer(figure_);
    addActions(explainer_->keyActions());
    connect(explainer_, &StepExplainer::activeChanged, this, [this](bool active) {
        stepAction_->setEnabled(!active);
        onRunsUpdated(); // the inspector's arrows give way to the explanation's
    });
    connect(explainAction_, &QAction::triggered, this, &MainWindow::explainStep);
    connect(inspector_, &StepInspector::explainRequested, this, &MainWindow::explainStep);
    connect(controller_, &SimulationController::playingChanged, this, [this](bool playing) {
        if (playing)
            explainer_->finish(); // the step explained is no longer the current one
    });
    connect(resetAction_, &QAction::triggered, explainer_, &StepExplainer::finish);
    connect(newSceneAction_, &QAction::triggered, this, &MainWindow::newScene);
    connect(openAction_, &QAction::triggered, this, &MainWindow::openDialog);
    connect(saveAction_, &QAction::triggered, this, &MainWindow::saveToFile);
    connect(saveAsAction_, &QAction::triggered, this, &MainWindow::saveDialog);
    connect(exportFigureAction_, &QAction::triggered, this, &MainWindow::exportFigureDialog);
    connect(exportAnimationAction_, &QAction::triggered, this, &MainWindow::exportAnimationDialog);
    connect(exportTrajectoriesAction_, &QAction::triggered, this,
        &MainWindow::exportTrajectoriesDialog);
    connect(copyFigureAction_, &QAction::triggered, this, &MainWindow::copyFigure);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    connect(playAction_, &QAction::triggered, this, &MainWindow::togglePlay);
    connect(stepAction_, &QAction::triggered, this, &MainWindow::stepOnce);
    connect(resetAction_, &QAction::triggered, this, &MainWindow::resetRuns);
    connect(animateAction_, &QAction::triggered, this,
        [this] { setPlaybackMode(PlaybackMode::Animate); });
    connect(instantAction_, &QAction::triggered, this,
        [this] { setPlaybackMode(PlaybackMode::Instant); });

    connect(overlayAction_, &QAction::triggered, this, [this] {
        Scene edited = scene_;
        edited.layout = SceneLayout::Overlay;
        applyScene(edited);
    });
    connect(smallMultiplesAction_, &QAction::triggered, this, [this] {
        Scene edited = scene_;
        edited.layout = SceneLayout::SmallMultiples;
        applyScene(edited);
    });
    connect(lossAction_, &QAction::triggered, this, [this] {
        Scene edited = scene_;
        edited.lossMeasure = LossMeasure::Loss;
        applyScene(edited);
    });
    connect(distanceAction_, &QAction::triggered, this, [this] {
        Scene edited = scene_;
        edited.lossMeasure = LossMeasure::DistanceToMinimum;
        applyScene(edited);
    });
    connect(resetViewAction_, &QAction::triggered, this, [this] {
        Scene edited = scene_;
        edited.view.reset();
        applyScene(edited);
        figure_->resetView();
        figure_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(presentationAction_, &QAction::toggled, this, &MainWindow::setPresentationMode);
    connect(lessonPanel_, &LessonPanel::lessonRequested, this, &MainWindow::openLesson);
    connect(fullScreenAction_, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });

    connect(surfacePanel_, &SurfacePanel::sceneEdited, this, &MainWindow::applyScene);
    connect(optimizerPanel_, &OptimizerPanel::sceneEdited, this, &MainWindow::applyScene);
    connect(playbackBar_, &PlaybackBar::sceneEdited, this, &MainWindow::applyScene);
    connect(playbackBar_, &PlaybackBar::playToggled, this, [this](bool playing) {
        if (playing != controller_->isPlaying())
            togglePlay();
    });
    connect(playbackBar_, &PlaybackBar::stepRequested, this, &MainWindow::stepOnce);
    connect(playbackBar_, &PlaybackBar::resetRequested, this, &MainWindow::resetRuns);
    connect(playbackBar_, &PlaybackBar::speedChanged, controller_, &SimulationController::setSpeed);
    connect(playbackBar_, &PlaybackBar::modeChanged, this, &MainWindow::setPlaybackMode);

    connect(figure_, &Figure::startPicked, this, &MainWindow::onStartPicked);
    connect(figure_, &Figure::viewChangedByUser, this, &MainWindow::onViewChanged);

    connect(controller_, &SimulationController::runsUpdated, this, &MainWindow::onRunsUpdated);
    connect(controller_, &SimulationController::playingChanged, this,
        [this](bool playing) { playbackBar_->setPlaying(playing); });
    connect(controller_, &SimulationController::runDiverged, this,
        [this](int, qint64, const QString& message) { showStatus(message); });
    connect(controller_, &SimulationController::sceneFailed, this, [this](const QString& message) {
        showStatus(tr("Cannot run this scene: %1").arg(message));
    });
    connect(inspector_, &StepInspector::currentRunChanged, this, [this] { onRunsUpdated(); });
    connect(inspectorDock_, &QDockWidget::visibilityChanged, this, [this] { onRunsUpdated(); });

    connect(history_, &SceneHistory::modifiedChanged, this, [this] {
        updateTitle();
        autosave_->scheduleSave(); // the session keeps whether its edits were saved
    });
    connect(autosave_, &SessionAutosave::saveFailed, this, &MainWindow::showStatus);

    connect(surfaceWorkspaceAction_, &QAction::triggered, this,
        [this] { setWorkspace(Workspace::Surface); });
    connect(networkWorkspaceAction_, &QAction::triggered, this,
        [this] { setWorkspace(Workspace::Network); });
    connect(workspaceTabs_, &QTabWidget::currentChanged, this,
        [this](int index) { setWorkspace(index == 1 ? Workspace::Network : Workspace::Surface); });
    connect(networkWorkspace_, &NetworkWorkspace::settingsEdited, this,
        [this](const NetworkSettings& network) {
            Scene edited = scene_;
            edited.network = network;
            applyScene(edited);
        });
    connect(networkWorkspace_, &NetworkWorkspace::statusMessage, this, &MainWindow::showStatus);
}

void MainWindow::applyScene(const Scene& scene)
{
    const SceneHistory::State before {scene_, scenePath_};
    if (showScene(scene))
        history_->recordEdit(before, {scene_, scenePath_}); // not while undoing or redoing
}

bool MainWindow::showScene(const Scene& scene)
{
    const bool first = !surface_;
    const bool runsChanged = first || !sameRuns(scene, scene_);
    const bool landscapeChanged = first || !sameLandscape(scene, scene_);
    const bool layoutChanged = first || scene.layout != scene_.layout
        || scene.lossMeasure != scene_.lossMeasure
        || scene.optimizers.size() != scene_.optimizers.size();

    const bool lessonChanged = first || scene.title != scene_.title || scene.text != scene_.text;
    if (first || !scene.sameSurface(scene_)) {
        try {
            surface_ = scene.makeSurface();
        } catch (const InvalidArgument& error) {
            showStatus(tr("Cannot use this surface: %1").arg(QString::fromUtf8(error.what())));
            return false; // keep the current scene
        }
    }
    scene_ = scene;
    if (!first)
        autosave_->scheduleSave();

    surfacePanel_->setScene(scene_);
    optimizerPanel_->setScene(scene_);
    if (lessonChanged) {
        lessonPanel_->setScene(scene_);
        const bool hasLesson = !scene_.title.isEmpty() || !scene_.text.isEmpty();
        lessonDock_->setVisible(hasLesson);
        if (hasLesson)
            lessonDock_->raise();
    }
    playbackBar_->setScene(scene_);
    hyperparameterPanel_->setScene(scene_);
    basinsPanel_->setScene(scene_);
    overlayAction_->setChecked(scene_.layout == SceneLayout::Overlay);
    smallMultiplesAction_->setChecked(scene_.layout == SceneLayout::SmallMultiples);
    lossAction_->setChecked(scene_.lossMeasure == LossMeasure::Loss);
    distanceAction_->setChecked(scene_.lossMeasure == LossMeasure::DistanceToMinimum);

    if (landscapeChanged) {
        figure_->setLandscape(scene_, *surface_);
        surface3DView_->setLandscape(scene_, *surface_);
    }
    if (layoutChanged) {
        int enabled = 0;
        for (const OptimizerEntry& entry : scene_.optimizers)
            enabled += entry.enabled ? 1 : 0;
        figure_->setSceneLayout(scene_.layout, enabled);
        figure_->setLossMeasure(scene_.lossMeasure);
    }
    figure_->setStart(scene_.effectiveStart(*surface_));
    if (runsChanged)
        controller_->setScene(scene_);
    else
        onRunsUpdated();
    figure_->replot(QCustomPlot::rpQueuedReplot);
    if (scene_.network)
        networkWorkspace_->setSettings(*scene_.network);
    showWorkspace(scene_.network ? Workspace::Network : Workspace::Surface);
    updateTitle();
    return true;
}

void MainWindow::setWorkspace(Workspace workspace)
{
    if (workspace == workspace_ && (workspace == Workspace::Network) == scene_.network.has_value())
        return;
    Scene edited = scene_;
    if (workspace == Workspace::Network)
        edited.network = networkWorkspace_->settings(); // as it was left, or its defaults
    else
        edited.network.reset();
    applyScene(edited);
}

void MainWindow::showWorkspace(Workspace workspace)
{
    {
        const QSignalBlocker blocker(workspaceTabs_);
        workspaceTabs_->setCurrentIndex(workspace == Workspace::Network ? 1 : 0);
    }
    surfaceWorkspaceAction_->setChecked(workspace == Workspace::Surface);
    networkWorkspaceAction_->setChecked(workspace == Workspace::Network);
    if (workspace == workspace_)
        return;
    workspace_ = workspace;
    if (workspace == Workspace::Network) {
        if (controller_->isPlaying())
            controller_->pause();
        hideSurfaceDocks();
        // Space, → and R then reach the window's shortcuts, not a settings field.
        networkWorkspace_->figure()->setFocus();
    } else {
        networkWorkspace_->pause(); // no training behind the teacher's back
        for (QWidget* widget : std::as_const(hiddenForNetwork_))
            widget->show();
        hiddenForNetwork_.clear();
    }
    progressLabel_->setVisible(workspace == Workspace::Surface); // the steps of the surfaces
    for (QAction* action :
        {exportTrajectoriesAction_, animateAction_, instantAction_, overlayAction_,
            smallMultiplesAction_, lossAction_, distanceAction_, resetViewAction_, explainAction_})
        action->setEnabled(workspace == Workspace::Surface);
    if (explainer_ && workspace == Workspace::Network)
        explainer_->finish();
}

void MainWindow::hideSurfaceDocks()
{
    // The network has its settings and optimizers beside its figure; the surface's panels,
    // the inspector, the maps and the playback tool bar would only be in the way. The
    // lesson stays.
    QList<QWidget*> bars;
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (dock != lessonDock_)
            bars.append(dock);
    for (QToolBar* toolbar : findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
        bars.append(toolbar);
    for (QWidget* widget : bars)
        if (!widget->isHidden()) {
            if (!hiddenForNetwork_.contains(widget))
                hiddenForNetwork_.append(widget);
            widget->hide();
        }
}

bool MainWindow::openLesson(int index)
{
    const QList<Lesson>& lessons = builtInLessons();
    if (index < 0 || index >= lessons.size())
        return false;
    if (!confirmDiscard(
            tr("Save them before opening the lesson “%1”?").arg(lessons[index].title())))
        return false;
    if (!replaceScene(lessons[index].scene, QString(), tr("open lesson %1").arg(index + 1)))
        return false;
    lessonDock_->show();
    lessonDock_->raise();
    showStatus(tr("Lesson %1: %2").arg(index + 1).arg(lessons[index].title()));
    return true;
}

bool MainWindow::newScene()
{
    if (!confirmDiscard(tr("Save them before starting a new scene?")))
        return false;
    return replaceScene(Scene::defaultScene(), QString(), tr("new scene"));
}

bool MainWindow::replaceScene(const Scene& scene, const QString& path, const QString& undoText)
{
    const SceneHistory::State before {scene_, scenePath_};
    if (!showScene(scene))
        return false;
    figure_->resetView(); // the scene's own view, even after the teacher zoomed
    scenePath_ = path;
    history_->recordReplacement(before, {scene_, scenePath_}, undoText);
    autosave_->scheduleSave();
    updateTitle();
    return true;
}

void MainWindow::restoreHistoryState(const SceneHistory::State& state, SceneHistory::Restore how)
{
    Scene shown = state.scene;
    if (how.keepView)
        shown.view = scene_.view; // the step did not change the view: it stays as it is now
    if (!showScene(shown))
        return;
    if (how.wholeScene) {
        // Undoing Open or a lesson brings back the scene before it, with its file; an
        // edit's undo keeps the file the scene has now (after a Save As, the new one).
        figure_->resetView();
        scenePath_ = state.path;
        autosave_->scheduleSave();
        updateTitle();
    }
}

void MainWindow::restoreSession()
{
    const std::optional<SessionAutosave::Session> session = SessionAutosave::restore(settings_);
    if (!session || !showScene(session->scene)) {
        showScene(Scene::defaultScene());
        return;
    }
    scenePath_ = session->path;
    if (session->modified)
        history_->markModified(); // the title's `*`, with nothing to undo
    updateTitle();
    showStatus(SessionAutosave::restoredMessage(*session));
}

bool MainWindow::isModified() const
{
    return history_->isModified();
}

bool MainWindow::confirmDiscard(const QString& question)
{
    if (!isModified())
        return true;
    const QString name = scenePath_.isEmpty() ? tr("untitled") : QFileInfo(scenePath_).fileName();
    switch (
        discardQuestion_ ? discardQuestion_(question) : askToDiscardEdits(this, name, question)) {
    case QMessageBox::Save:
        return saveToFile(); // goes on only if the edits are in a file now
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::showStartPage()
{
    auto* page = new StartPage(settings_.showStartPage(), this);
    page->setAttribute(Qt::WA_DeleteOnClose);
    connect(page, &StartPage::lessonChosen, this, &MainWindow::openLesson);
    connect(page, &QDialog::finished, this,
        [this, page] { settings_.setShowStartPage(page->showAtStart()); });
    page->open();
}

void MainWindow::setPresentationMode(bool on)
{
    {
        const QSignalBlocker blocker(presentationAction_);
        presentationAction_->setChecked(on);
    }
    if (on == presenting_)
        return;
    presenting_ = on;
    if (on) {
        // Less clutter: the plot, the lesson, the optimizers (to change a learning rate
        // in front of the class) and the playback bar; the rest comes back afterwards.
        // What comes back is the surface's arrangement, not the network's hidden docks.
        for (QWidget* widget : std::as_const(hiddenForNetwork_))
            widget->show();
        hiddenForNetwork_.clear();
        normalState_ = saveState(dockStateVersion());
        if (workspace_ == Workspace::Network)
            hideSurfaceDocks();
        surfaceDock_->hide();
        inspectorDock_->hide();
        statusBar()->hide();
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 1.5);
        setFont(font);
        playbackBar_->setCompact(width() < playbackBar_->fullWidth() + 16);
    } else {
        setFont(QFont()); // back to the application's font
        playbackBar_->setCompact(width() < playbackBar_->fullWidth() + 16);
        restoreState(normalState_, dockStateVersion());
        statusBar()->show();
        if (!scene_.title.isEmpty() || !scene_.text.isEmpty())
            lessonDock_->show(); // a lesson opened while presenting stays in view
    }
    figure_->setPresentationStyle(on);
    networkWorkspace_->setPresentationStyle(on);
    if (!on && workspace_ == Workspace::Network)
        hideSurfaceDocks(); // restoreState() brought them back
    figure_->replot(QCustomPlot::rpQueuedReplot);
    settings_.setPresentationMode(on);
}

void MainWindow::onRunsUpdated()
{
    // The controller's series belong to its scene; the figure draws them with the same
    // scene so that runs and optimizer entries always match.
    const Scene& runScene = controller_->scene();
    figure_->setRuns(runScene, controller_->series());
    figure_->refresh();
    surface3DView_->setRuns(runScene, controller_->series()); // computes only when shown
    inspector_->setRuns(runScene, controller_->series(), controller_->runEntries());
    // The inspector's arrows are drawn while it is open.
    figure_->setInspectedRun(inspectorDock_->isVisible() && !(explainer_ && explainer_->isActive())
            ? inspector_->currentRun()
            : -1);

    long long step = 0;
    bool decimated = false;
    QStringList diverged;
    const QVector<RunSeries>& series = controller_->series();
    for (int run = 0; run < series.size(); ++run) {
        step = std::max(step, series[run].stepsTaken());
        decimated = decimated || series[run].isDecimated();
        const int entry = controller_->runEntries().value(run, -1);
        if (series[run].status() == RunStatus::Diverged) {
            diverged << tr("%1 diverged at step %2")
                            .arg(controller_->runLabel(run))
                            .arg(series[run].divergedAtStep());
            optimizerPanel_->setRunStatus(
                entry, tr("diverged at step %1").arg(series[run].divergedAtStep()));
        } else {
            optimizerPanel_->setRunStatus(entry, QString());
        }
    }
    QString progress = tr("step %1 / %2").arg(step).arg(runScene.steps);
    if (decimated)
        progress += tr(" · long run: older points thinned for display (files stay exact)");
    progressLabel_->setText(progress);
    if (!diverged.isEmpty())
        statusBar()->showMessage(diverged.join(" · "));
}

void MainWindow::onStartPicked(double x, double y)
{
    Scene edited = scene_;
    edited.start = Point2 {x, y};
    applyScene(edited);
}

void MainWindow::onViewChanged(const ViewRect& view)
{
    Scene edited = scene_;
    edited.view = view;
    applyScene(edited);
}

void MainWindow::setPlaybackMode(PlaybackMode mode)
{
    animateAction_->setChecked(mode == PlaybackMode::Animate);
    instantAction_->setChecked(mode == PlaybackMode::Instant);
    playbackBar_->setMode(mode);
    figure_->setLossAxisFollowsSteps(mode == PlaybackMode::Animate);
    if (mode != controller_->mode())
        controller_->setMode(mode);
}

void MainWindow::togglePlay()
{
    if (workspace_ == Workspace::Network) {
        networkWorkspace_->togglePlaying();
        return;
    }
    // Playing means watching the race: in Instant mode, Play starts the animation from
    // step 0.
    if (controller_->mode() == PlaybackMode::Instant) {
        setPlaybackMode(PlaybackMode::Animate);
        controller_->reset();
        controller_->play();
        return;
    }
    if (controller_->isFinished() && !controller_->isPlaying())
        controller_->reset();
    controller_->togglePlaying();
}

void MainWindow::stepOnce()
{
    if (workspace_ == Workspace::Network) {
        networkWorkspace_->stepOnce();
        return;
    }
    if (controller_->mode() == PlaybackMode::Instant) {
        setPlaybackMode(PlaybackMode::Animate);
        controller_->reset();
    }
    controller_->stepOnce();
}

void MainWindow::explainStep()
{
    if (workspace_ != Workspace::Surface)
        return;
    controller_->pause();
    const QVector<RunSeries>& series = controller_->series();
    const int run = std::max(0, inspector_->currentRun());
    if (run >= series.size()) {
        showStatus(tr("Explain step: no optimizer is running."));
        return;
    }
    const Scene& runScene = controller_->scene();
    const OptimizerEntry entry = runScene.optimizers.value(controller_->runEntries().value(run));
    // The step that brought the run where it is (the first one, before any is taken).
    long long step = std::max(1LL, series[run].stepsTaken());
    if (series[run].status() == RunStatus::Diverged)
        step = std::max(1LL, series[run].divergedAtStep());
    try {
        const std::unique_ptr<Surface> surface = runScene.makeSurface();
        const Point2 start = runScene.effectiveStart(*surface);
        Vector x(2);
        x << start.x, start.y;
        const StepAnatomy anatomy = anatomizeRunStep(*surface, entry.name, entry.parameters,
            entry.makeSchedule(), runScene.gradient, x, step);
        const int map = runScene.layout == SceneLayout::SmallMultiples
            ? std::min(run, std::max(0, figure_->mapCount() - 1))
            : 0;
        explainer_->explain(anatomy, entry.label(), entry.colour, map);
    } catch (const std::exception& error) {
        showError(tr("Explain step"), QString::fromUtf8(error.what()));
    }
}

void MainWindow::resetRuns()
{
    if (workspace_ == Workspace::Network) {
        networkWorkspace_->reset();
        return;
    }
    if (controller_->mode() == PlaybackMode::Instant)
        setPlaybackMode(PlaybackMode::Animate);
    controller_->pause();
    controller_->reset();
}

bool MainWindow::openScene(const QString& path)
{
    Scene loaded;
    try {
        loaded = Scene::load(path); // a file that cannot open asks nothing
    } catch (const InvalidArgument& error) {
        showError(tr("Cannot open scene"),
            tr("%1\n\nThe current scene is kept.").arg(QString::fromUtf8(error.what())));
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    if (!confirmDiscard(tr("Save them before opening %1?").arg(name))
        || !replaceScene(loaded, path, tr("open %1").arg(name)))
        return false;
    settings_.addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    showStatus(tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::saveScene(const QString& path)
{
    QString error;
    if (!scene_.save(path, &error)) {
        showError(tr("Cannot save scene"),
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    scenePath_ = path;
    history_->markSaved();
    autosave_->scheduleSave();
    settings_.addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    updateTitle();
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::saveToFile()
{
    return scenePath_.isEmpty() ? saveDialog() : saveScene(scenePath_);
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scene"), scenePath_, tr("optviz scenes (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScene(path);
}

bool MainWindow::saveDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save scene"),
        scenePath_.isEmpty() ? "scene.json" : scenePath_, tr("optviz scenes (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".json";
    return saveScene(path);
}

void MainWindow::exportFigureDialog()
{
    const QString base = scenePath_.isEmpty() ? QString("optviz-figure")
                                              : QFileInfo(scenePath_).completeBaseName();
    ExportDialog dialog(QDir::current().filePath(base + ".png"), this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    if (workspace_ == Workspace::Network) {
        // The network's figure at the requested size, with the runs as they are now.
        const NetworkController& network = *networkWorkspace_->controller();
        NetworkFigure exported;
        exported.setAttribute(Qt::WA_DontShowOnScreen);
        exported.resize(dialog.size());
        exported.setPresentationStyle(presenting_);
        exported.setData(network.data(), network.runs(), network.failure());
        exported.setPlane(network.plane());
        QString error;
        if (!exported.exportTo(dialog.path(), dialog.scale(), &error))
            showError(tr("Cannot export figure"), error);
        else
            showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())));
        return;
    }
    // A figure of its own at the requested size, drawn by the same code as the window's.
    Figure exported;
    exported.resize(dialog.size());
    exported.setLandscape(scene_, *surface_);
    int enabled = 0;
    for (const OptimizerEntry& entry : scene_.optimizers)
        enabled += entry.enabled ? 1 : 0;
    exported.setSceneLayout(scene_.layout, enabled);
    exported.setLossMeasure(scene_.lossMeasure);
    exported.setPanels(dialog.panels());
    exported.setStart(scene_.effectiveStart(*surface_));
    exported.setRuns(controller_->scene(), controller_->series());
    QString error;
    if (!exported.exportTo(dialog.path(), dialog.scale(), &error))
        showError(tr("Cannot export figure"), error);
    else
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())));
}

void MainWindow::exportAnimationDialog()
{
    if (workspace_ == Workspace::Network) {
        showError(tr("Cannot export animation"),
            tr("Animations show the surface workspace: switch to it first (Ctrl+1)."));
        return;
    }
    const QString base = scenePath_.isEmpty() ? QString("optviz-animation")
                                              : QFileInfo(scenePath_).completeBaseName();
    AnimationDialog dialog(QDir::current().filePath(base + ".gif"), this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    AnimationOptions options = dialog.options();
    options.presentation = presenting_;
    QString error;
    if (exportAnimationWithProgress(this, scene_, dialog.path(), options, &error))
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(dialog.path())));
    else if (!error.isEmpty())
        showError(tr("Cannot export animation"), error);
    else
        showStatus(tr("Animation export cancelled"));
}

void MainWindow::exportTrajectoriesDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export trajectories"),
        QDir::current().filePath("trajectories.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTrajectories(scene_, path, &error))
        showError(tr("Cannot export trajectories"), error);
    else
        showStatus(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::copyFigure()
{
    QApplication::clipboard()->setPixmap(workspace_ == Workspace::Network
            ? networkWorkspace_->figure()->toPixmap()
            : figure_->toPixmap());
    showStatus(tr("Figure copied to the clipboard"));
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = settings_.recentFiles();
    for (const QString& path : files)
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this,
                [this, path] {
                    if (!QFileInfo::exists(path)) {
                        settings_.removeRecentFile(path);
                        updateRecentMenu();
                        showStatus(tr("%1 no longer exists").arg(QDir::toNativeSeparators(path)));
                        return;
                    }
                    openScene(path);
                })
            ->setToolTip(QDir::toNativeSeparators(path));
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString name = scenePath_.isEmpty() ? tr("untitled") : QFileInfo(scenePath_).fileName();
    setWindowTitle(tr("%1%2 — optviz").arg(name, isModified() ? "*" : ""));
}

void MainWindow::showError(const QString& title, const QString& message)
{
    // Window-modal but not blocking: the event loop (and the worker's batches) go on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    showStatus(message.section('\n', 0, 0));
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_->shutdown();
    networkWorkspace_->shutdown();
    // Quitting asks nothing: the session keeps the scene, its file and its unsaved edits
    // (the title's `*`), and the next start brings them back.
    autosave_->store();
    settings_.setWindowGeometry(saveGeometry());
    // The surface's docks as they were before the network workspace hid them.
    for (QWidget* widget : std::as_const(hiddenForNetwork_))
        widget->show();
    hiddenForNetwork_.clear();
    // The docks as the teacher arranged them, not as presentation mode hid them.
    settings_.setWindowState(presenting_ ? normalState_ : saveState(dockStateVersion()));
    settings_.sync();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    // Once the drop is over: openScene may ask about unsaved edits in a dialog of its own.
    const QString path = urls.first().toLocalFile();
    QTimer::singleShot(0, this, [this, path] { openScene(path); });
}

} // namespace optviz
