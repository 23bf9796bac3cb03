#pragma once

#include "scene.h"

#include <QFrame>
#include <QList>

#include <string_view>

class QCheckBox;
class QComboBox;
class QToolButton;
class QWidget;

namespace optviz {

class ElidingLabel;
class ParameterControl;

// The controls of one optimizer instance (one OptimizerEntry):
//   ▌[colour] [✓] [adam ▾]  ⚠ diverged at st…    [⧉] [✕]   (the status in the header,
//   ▌ lr        [━━━━━●━━━━]  [0.001 ] ↺                      cut to fit, in full as
//                                                             its tooltip)
//   ▌ beta1     …
//   ▌ ▸ Advanced (3)                             (eps, weight_decay, amsgrad, …)
//   ▌ lr schedule [cosine ▾]
//   ▌   T_max     [  500 ] ↺                     (the schedule's parameters, if any)
// The strip on the left has the path's colour, so a card and its path read as one.
// Nothing in the card changes size when the status or a value changes, so a slider
// being dragged stays under the hand when the run diverges. Below a comfortable width
// the sliders take lines of their own (ParameterControl); the header's buttons stay.
// Edits that make an inconsistent optimizer (Nesterov without momentum) are shown in
// the status line and not emitted; everything else emits entryChanged at once.
class OptimizerCard : public QFrame
{
    Q_OBJECT

public:
    enum class StatusTone { Info, Warning };

    explicit OptimizerCard(const OptimizerEntry& entry, QWidget* parent = nullptr);

    // The entry as shown (it may hold an inconsistent edit that was not emitted).
    const OptimizerEntry& entry() const { return entry_; }
    // Shows `entry` without emitting; rebuilds the parameter controls only when the
    // optimizer changes, so a slider being dragged is never destroyed.
    void setEntry(const OptimizerEntry& entry);

    // The run's status ("diverged at step 12"); a warning is red with a ⚠ sign.
    void setStatusText(const QString& text, StatusTone tone = StatusTone::Warning);
    QString statusText() const { return statusText_; }

    void setDuplicateEnabled(bool enabled);
    bool isAdvancedExpanded() const;
    void setAdvancedExpanded(bool expanded);

    // The parts, for tests and for the panel.
    ParameterControl* parameterControl(std::string_view name) const;
    const QList<ParameterControl*>& parameterControls() const { return controls_; }
    QToolButton* colourButton() const { return colourButton_; }
    QCheckBox* enabledBox() const { return enabledBox_; }
    QComboBox* nameBox() const { return nameBox_; }
    QToolButton* duplicateButton() const { return duplicateButton_; }
    QToolButton* removeButton() const { return removeButton_; }
    QToolButton* advancedButton() const { return advancedButton_; }
    QComboBox* scheduleBox() const { return scheduleBox_; }
    ParameterControl* scheduleControl(std::string_view name) const;
    const QList<ParameterControl*>& scheduleControls() const { return scheduleControls_; }
    // Shown only while there is a status; its space in the header is kept either way.
    ElidingLabel* statusLabel() const { return statusLabel_; }

    // The hyperparameters shown without unfolding "Advanced": the ones a lesson varies.
    static bool isEssentialParameter(std::string_view name);

signals:
    void entryChanged(const optviz::OptimizerEntry& entry);
    void duplicateRequested();
    void removeRequested();

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildParameterControls();
    void buildScheduleControls();
    void onScheduleChosen(int index);
    void onParameterChanged(const std::string& name, double value);
    void onNameChosen(int index);
    void chooseColour();
    void publish(); // emits entry_ if it makes a valid optimizer, else says why
    void showEntry();
    void updateColourIcon();
    void updateAdvancedCaption();
    void updateStatus();

    OptimizerEntry entry_;
    QString statusText_;
    StatusTone statusTone_ = StatusTone::Warning;
    bool advancedExpanded_ = false;
    QString problem_; // why the shown edit was not emitted; empty when it was

    QToolButton* colourButton_ = nullptr;
    QCheckBox* enabledBox_ = nullptr;
    QComboBox* nameBox_ = nullptr;
    QToolButton* duplicateButton_ = nullptr;
    QToolButton* removeButton_ = nullptr;
    ElidingLabel* statusLabel_ = nullptr;
    QWidget* essentialArea_ = nullptr;
    QToolButton* advancedButton_ = nullptr;
    QWidget* advancedArea_ = nullptr;
    QList<ParameterControl*> controls_;
    QComboBox* scheduleBox_ = nullptr;
    QWidget* scheduleArea_ = nullptr;
    QList<ParameterControl*> scheduleControls_;
};

} // namespace optviz
