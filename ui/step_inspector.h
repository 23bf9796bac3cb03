#pragma once

#include "run_series.h"
#include "scene.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace optviz {

class ElidingLabel;

// The numbers behind one optimizer's current step: the gradient it saw, the move it
// made, the effective step per coordinate (−update / gradient) and its internal state
// (velocity, moments, step sizes) under PyTorch's state names, with the update rule it
// executes typeset with the current numbers (RuleTypesetter). The window also draws the
// gradient, update and velocity as arrows, and "Explain this step" takes the step apart.
// Numbers show 4 significant digits (exact in the tooltips). The status line has two
// lines reserved and cuts what does not fit (ElidingLabel), the run chooser and the
// rule do not widen with their text, and the table always shows a few rows: the dock
// keeps its size whatever the run does.
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

    // The parts, for tests.
    ElidingLabel* statusLabel() const { return stepLabel_; }
    QTableWidget* table() const { return table_; }
    QComboBox* runChooser() const { return runChooser_; }

    // The table's rows visible at its minimum height.
    static constexpr int minimumVisibleRows = 4;

signals:
    void currentRunChanged(int run);
    // The "Explain this step" button: the window's explain mode (E).
    void explainRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void updateMetrics();

    QComboBox* runChooser_;
    ElidingLabel* stepLabel_;
    QTableWidget* table_;
    QLabel* rule_;
    QPushButton* explainButton_;
    Scene scene_;
    QVector<RunSeries> series_;
    QVector<int> runEntries_;
};

} // namespace optviz
