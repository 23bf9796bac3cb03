#pragma once

#include "scene.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSplitter;
class QToolButton;

namespace optviz {

class NetworkController;
class NetworkFigure;
class NetworkPanel;
class OptimizerPanel;

// The network workspace, beside the surfaces in the main window: the settings on the
// left, the figure in the middle (decision boundaries over the data, loss and accuracy
// curves, the loss plane), the optimizers on the right (the surface workspace's cards),
// and above the figure
//   [▶ Play] [⏭ Epoch] [⏮ Reset]  speed [30 epochs/s ▾]   epoch 120 / 300
// Training runs on the NetworkController's worker thread; this widget only forwards
// edits and draws what arrives.
//
// setSettings() shows settings (restarting the runs only if the training changed) and
// never emits; an edit in any part applies at once and emits settingsEdited(), for the
// window's scene.
class NetworkWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit NetworkWorkspace(QWidget* parent = nullptr);
    ~NetworkWorkspace() override;

    void setSettings(const NetworkSettings& settings);
    const NetworkSettings& settings() const { return settings_; }

    void togglePlaying();
    void stepOnce();
    void reset();
    void pause();
    void setPresentationStyle(bool on);
    // Stops the worker thread (the window calls it when it closes). Idempotent.
    void shutdown();

    // The speeds offered, in epochs per second; 0 = as fast as possible.
    static const QList<double>& speeds();

    // The parts, for the window and the tests.
    NetworkFigure* figure() const { return figure_; }
    NetworkController* controller() const { return controller_; }
    NetworkPanel* panel() const { return panel_; }
    OptimizerPanel* optimizerPanel() const { return optimizerPanel_; }
    QToolButton* playButton() const { return playButton_; }
    QToolButton* stepButton() const { return stepButton_; }
    QToolButton* resetButton() const { return resetButton_; }
    QComboBox* speedBox() const { return speedBox_; }
    QLabel* progressLabel() const { return progressLabel_; }

signals:
    void settingsEdited(const optviz::NetworkSettings& settings);
    void statusMessage(const QString& message);

private:
    void apply(const NetworkSettings& settings, bool emitEdit);
    void onRunsReset();
    void onRunsUpdated();
    void onPlaneUpdated();
    void showPlaying(bool playing);
    void updateProgress();

    NetworkSettings settings_;
    NetworkController* controller_;
    NetworkFigure* figure_;
    NetworkPanel* panel_;
    OptimizerPanel* optimizerPanel_;
    QToolButton* playButton_ = nullptr;
    QToolButton* stepButton_ = nullptr;
    QToolButton* resetButton_ = nullptr;
    QComboBox* speedBox_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QSplitter* splitter_ = nullptr;
    bool presenting_ = false;
    QList<int> savedSizes_; // the splitter before presentation mode folded the controls
};

} // namespace optviz
