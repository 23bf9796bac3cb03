#pragma once

#include "app_settings.h"
#include "figure.h"
#include "playback_mode.h"
#include "scene.h"
#include "scene_history.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>
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
class SessionAutosave;
class SimulationController;
class StepExplainer;
class StepInspector;
class SurfacePanel;
class Surface3DView;

// The main window: the figure in the middle, the surface and optimizer panels and the
// step inspector in docks, playback in the tool bar. Every edit, from any panel, the
// map or a file, goes through applyScene(), which updates the panels, the figure and the
// worker and records the edit for Edit ▸ Undo (SceneHistory); the window itself computes
// nothing. Nothing is lost: actions that would replace a scene with unsaved edits ask
// first (Save / Discard / Cancel), and the session is autosaved (SessionAutosave).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    const Scene& scene() const { return scene_; }
    // The single entry point for a user's edit of what the window shows (an undo step).
    void applyScene(const Scene& scene);
    // Opens a scene file (asking first if the scene has unsaved edits); on error shows the
    // message and keeps the current scene.
    bool openScene(const QString& path);
    bool saveScene(const QString& path);
    // File ▸ New Scene: the default scene, untitled (asking first, as openScene does).
    bool newScene();
    // The scene's file; empty while untitled.
    QString scenePath() const { return scenePath_; }
    // Edits since the scene was opened or saved (the title's `*`); the view (zoom, pan)
    // is not an edit.
    bool isModified() const;
    SceneHistory* history() const { return history_; }

    // Before an action that would replace a scene with unsaved edits: Save / Discard /
    // Cancel. True to go on (saved, or discarded); asks nothing when there are none.
    // `question` says what is about to happen ("Save them before opening …?").
    bool confirmDiscard(const QString& question);
    // Replaces the question box (tests): returns QMessageBox::Save, Discard or Cancel.
    using DiscardQuestion = std::function<QMessageBox::StandardButton(const QString& question)>;
    void setDiscardQuestion(DiscardQuestion question) { discardQuestion_ = std::move(question); }

    // Opens built-in lesson `index` (ui/lesson_catalog.h) with its text beside the plot
    // (asking first, as openScene does); false if it did not.
    bool openLesson(int index);
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
    bool saveToFile(); // to the scene's file, or through the Save dialog when untitled
    // Shows `scene` without recording it (the body of applyScene); false if its surface
    // cannot be built (the current scene stays).
    bool showScene(const Scene& scene);
    // New, Open, a lesson: shows `scene` as one undo step named `undoText`, unmodified.
    bool replaceScene(const Scene& scene, const QString& path, const QString& undoText);
    // Edit ▸ Undo / Redo hand a scene back.
    void restoreHistoryState(const SceneHistory::State& state, SceneHistory::Restore how);
    // At start: the last session's scene, file and unsaved edits, or the default scene.
    void restoreSession();
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
    DiscardQuestion discardQuestion_; // empty: askToDiscardEdits()

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
    SceneHistory* history_;
    SessionAutosave* autosave_; // writes the session a moment after the last change

    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* exportFigureAction_ = nullptr;
    QAction* exportAnimationAction_ = nullptr;
    QAction* exportTrajectoriesAction_ = nullptr;
    QAction* copyFigureAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* undoAction_ = nullptr;
    QAction* redoAction_ = nullptr;
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
