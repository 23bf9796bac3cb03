#pragma once

#include "app_settings.h"
#include "figure.h"
#include "playback_mode.h"
#include "scene.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;

namespace optviz {

class BasinsPanel;
class HyperparameterMapPanel;
class LessonPanel;
class NetworkWorkspace;
class OptimizerPanel;
class PlaybackBar;
class SimulationController;
class StepExplainer;
class StepInspector;
class SurfacePanel;
class Surface3DView;

// The main window: the figure in the middle, the surface and optimizer panels and the
// step inspector in docks, playback in the tool bar. Every edit, from any panel, the
// map or a file, goes through applyScene(), which updates the panels, the figure and the
// worker; the window itself computes nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Scene& scene() const { return scene_; }
    // The single entry point for changing what the window shows.
    void applyScene(const Scene& scene);
    // Opens a scene file; on error shows the message and keeps the current scene.
    bool openScene(const QString& path);
    bool saveScene(const QString& path);

    // Opens built-in lesson `index` (ui/lesson_catalog.h) with its text beside the plot.
    void openLesson(int index);
    // The start page with the lessons (non-blocking).
    void showStartPage();
    // Presentation mode: large type, thick lines, only the panels a lecture needs.
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return presenting_; }
    // Play / Pause of the workspace shown (Space; `optviz --play` at start).
    void togglePlay();
    // Explain mode (E, `optviz --explain` at start): the inspected run's current step
    // taken apart on the map, stage by stage.
    void explainStep();
    StepExplainer* stepExplainer() const { return explainer_; }

    // The surfaces, or the small neural network: tabs of the central area (View menu,
    // Ctrl+1 / Ctrl+2). The scene says which: it has a network exactly when the network
    // workspace shows, so switching edits the scene (and a scene file opens where it was
    // saved).
    enum class Workspace { Surface, Network };
    void setWorkspace(Workspace workspace);
    Workspace workspace() const { return workspace_; }
    NetworkWorkspace* networkWorkspace() const { return networkWorkspace_; }

    Figure* figure() const { return figure_; }
    LessonPanel* lessonPanel() const { return lessonPanel_; }
    QDockWidget* lessonDock() const { return lessonDock_; }
    Surface3DView* surface3DView() const { return surface3DView_; }
    QDockWidget* view3DDock() const { return view3DDock_; }
    SimulationController* controller() const { return controller_; }
    PlaybackMode playbackMode() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    // View ▸ Language: System / English / 简体中文, kept in the settings; applies at the
    // next start (the window is translated once, when it is built).
    void addLanguageMenu(QMenu* view);
    void createDocks();
    // The docks' arrangement for this screen: panels beside the figure on a wide screen,
    // one column of tabs on a compact one (ui/window_fit.h).
    void arrangeDocks();
    int dockStateVersion() const;
    // Keeps the whole window on its screen's available area (a session restored from a
    // larger screen, a resolution that drops when the projector is plugged in).
    void fitIntoScreen();
    void followScreen();
    void connectParts();
    void updateRecentMenu();
    void updateTitle();
    void onRunsUpdated();
    void onStartPicked(double x, double y);
    void onViewChanged(const ViewRect& view);
    void setPlaybackMode(PlaybackMode mode);
    void stepOnce();
    void resetRuns();
    void openDialog();
    bool saveDialog();
    void exportFigureDialog();
    void exportAnimationDialog();
    void exportTrajectoriesDialog();
    void copyFigure();
    void showStatus(const QString& message);
    void showError(const QString& title, const QString& message);
    // Shows the workspace the scene asks for: the network hides the surface docks and the
    // playback tool bar (and brings them back when it goes).
    void showWorkspace(Workspace workspace);
    void hideSurfaceDocks();

    AppSettings& settings_;
    Scene scene_;
    std::unique_ptr<Surface> surface_; // the scene's surface, for the figure's landscape
    QString scenePath_;
    bool modified_ = false;

    Figure* figure_;
    NetworkWorkspace* networkWorkspace_;
    QTabWidget* workspaceTabs_ = nullptr;
    Workspace workspace_ = Workspace::Surface;
    QList<QWidget*> hiddenForNetwork_; // docks and tool bars to bring back after the network
    SimulationController* controller_;
    SurfacePanel* surfacePanel_;
    OptimizerPanel* optimizerPanel_;
    StepInspector* inspector_;
    QDockWidget* inspectorDock_ = nullptr;
    LessonPanel* lessonPanel_;
    QDockWidget* lessonDock_ = nullptr;
    QDockWidget* surfaceDock_ = nullptr;
    QDockWidget* optimizersDock_ = nullptr;
    QList<QDockWidget*> analysisDocks_; // the hyperparameter map and the basins
    bool compact_ = false; // a screen narrower than compactScreenWidth
    bool screenWatched_ = false;
    HyperparameterMapPanel* hyperparameterPanel_ = nullptr;
    BasinsPanel* basinsPanel_ = nullptr;
    Surface3DView* surface3DView_ = nullptr;
    QDockWidget* view3DDock_ = nullptr;
    bool view3DSized_ = false; // the 3-D dock got its first size
    bool analysisSized_ = false; // the hyperparameter map's and basins' docks got theirs
    bool presenting_ = false;
    QByteArray normalState_; // the docks as they were before presentation mode
    PlaybackBar* playbackBar_;
    QLabel* progressLabel_;
    QTimer* sessionTimer_; // saves the session a moment after the last edit

    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* exportFigureAction_ = nullptr;
    QAction* exportAnimationAction_ = nullptr;
    QAction* exportTrajectoriesAction_ = nullptr;
    QAction* copyFigureAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* explainAction_ = nullptr;
    StepExplainer* explainer_ = nullptr;
    QAction* animateAction_ = nullptr;
    QAction* instantAction_ = nullptr;
    QAction* overlayAction_ = nullptr;
    QAction* smallMultiplesAction_ = nullptr;
    QAction* lossAction_ = nullptr;
    QAction* distanceAction_ = nullptr;
    QAction* resetViewAction_ = nullptr;
    QAction* fullScreenAction_ = nullptr;
    QAction* newSceneAction_ = nullptr;
    QAction* presentationAction_ = nullptr;
    QAction* surfaceWorkspaceAction_ = nullptr;
    QAction* networkWorkspaceAction_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace optviz
