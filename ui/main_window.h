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
class QTimer;

namespace optviz {

class OptimizerPanel;
class PlaybackBar;
class SimulationController;
class StepInspector;
class SurfacePanel;

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

    Figure* figure() const { return figure_; }
    SimulationController* controller() const { return controller_; }
    PlaybackMode playbackMode() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void connectParts();
    void updateRecentMenu();
    void updateTitle();
    void onRunsUpdated();
    void onStartPicked(double x, double y);
    void onViewChanged(const ViewRect& view);
    void setPlaybackMode(PlaybackMode mode);
    void togglePlay();
    void stepOnce();
    void resetRuns();
    void openDialog();
    bool saveDialog();
    void exportFigureDialog();
    void exportTrajectoriesDialog();
    void copyFigure();
    void showStatus(const QString& message);
    void showError(const QString& title, const QString& message);

    AppSettings& settings_;
    Scene scene_;
    std::unique_ptr<Surface> surface_; // the scene's surface, for the figure's landscape
    QString scenePath_;
    bool modified_ = false;

    Figure* figure_;
    SimulationController* controller_;
    SurfacePanel* surfacePanel_;
    OptimizerPanel* optimizerPanel_;
    StepInspector* inspector_;
    QDockWidget* inspectorDock_ = nullptr;
    PlaybackBar* playbackBar_;
    QLabel* progressLabel_;
    QTimer* sessionTimer_; // saves the session a moment after the last edit

    QAction* openAction_ = nullptr;
    QAction* saveAction_ = nullptr;
    QAction* saveAsAction_ = nullptr;
    QAction* exportFigureAction_ = nullptr;
    QAction* exportTrajectoriesAction_ = nullptr;
    QAction* copyFigureAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* animateAction_ = nullptr;
    QAction* instantAction_ = nullptr;
    QAction* overlayAction_ = nullptr;
    QAction* smallMultiplesAction_ = nullptr;
    QAction* lossAction_ = nullptr;
    QAction* distanceAction_ = nullptr;
    QAction* resetViewAction_ = nullptr;
    QAction* fullScreenAction_ = nullptr;
    QAction* newSceneAction_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace optviz
