#pragma once

#include "run_series.h"
#include "scene.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace optviz {

// The numbers behind one optimizer's current step: the gradient it saw, the move it
// made, the effective step per coordinate (−update / gradient) and its internal state
// (velocity, moments, step sizes) under PyTorch's state names, with the update rule it
// executes typeset with the current numbers (RuleTypesetter). The window also draws the
// gradient, update and velocity as arrows, and "Explain this step" takes the step apart.
class StepInspector : public QWidget
{
    Q_OBJECT

public:
    explicit StepInspector(QWidget* parent = nullptr);

    // Shows the runs of `scene` (series[i] is the run of runEntries[i]).
    void setRuns(
        const Scene& scene, const QVector<RunSeries>& series, const QVector<int>& runEntries);
    // The run shown, or −1 when there is none.
    int currentRun() const;

signals:
    void currentRunChanged(int run);
    // The "Explain this step" button: the window's explain mode (E).
    void explainRequested();

private:
    void refresh();

    QComboBox* runChooser_;
    QLabel* stepLabel_;
    QTableWidget* table_;
    QLabel* rule_;
    QPushButton* explainButton_;
    Scene scene_;
    QVector<RunSeries> series_;
    QVector<int> runEntries_;
};

} // namespace optviz
