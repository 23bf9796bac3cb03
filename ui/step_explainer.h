#pragma once

#include "core/step_anatomy.h"
#include "explain_arrows.h"

#include <QFrame>

class QAction;
class QLabel;
class QPushButton;

namespace optviz {

class Figure;

// Explain mode: one step of one optimizer taken apart (core/step_anatomy.h), shown stage
// by stage at the teacher's pace. A caption box floats over the bottom of the figure
// (large type, larger still in presentation mode) with Previous / Next / Close; the
// figure shows the stages so far as arrows (ExplainArrows). Its actions (→ or Page Down,
// ← or Page Up, Esc) are enabled only while explain mode is on: the window disables its
// own → (Step) meanwhile, on activeChanged.
class StepExplainer : public QFrame
{
    Q_OBJECT

public:
    // Floats over `figure`, its parent.
    explicit StepExplainer(Figure* figure);

    // Starts explain mode on `anatomy`, at its first stage. `runLabel` names the run in
    // the header; `colour` is the run's (the Move arrow takes it); `map` the figure's map
    // the run is drawn on.
    void explain(
        const StepAnatomy& anatomy, const QString& runLabel, const QColor& colour, int map);
    // Ends explain mode: the box and the arrows go.
    void finish();

    bool isActive() const { return active_; }
    int stage() const { return stage_; }
    int stageCount() const { return int(anatomy_.stages.size()); }
    void setStage(int stage);
    void next() { setStage(stage_ + 1); }
    void previous() { setStage(stage_ - 1); }
    const StepAnatomy& anatomy() const { return anatomy_; }
    const ExplainArrows& arrows() const { return arrows_; }
    // The caption shown (rich text), for tests.
    QString caption() const;

    // Next, Previous and Close with their keys: for the window to add (so the keys work
    // wherever the focus is).
    QList<QAction*> keyActions() const;

signals:
    void activeChanged(bool active);
    void stageChanged(int stage);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showStage();
    void place();

    Figure* figure_;
    ExplainArrows arrows_;
    QLabel* header_;
    QLabel* caption_;
    QPushButton* previousButton_;
    QPushButton* nextButton_;
    QPushButton* closeButton_;
    QAction* nextAction_;
    QAction* previousAction_;
    QAction* closeAction_;
    StepAnatomy anatomy_;
    QString runLabel_;
    QColor colour_;
    int map_ = 0;
    int stage_ = 0;
    bool active_ = false;
};

} // namespace optviz
