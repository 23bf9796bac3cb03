#pragma once

#include "core/parameter.h"
#include "fine_slider.h"
#include "slider_scale.h"

#include <QWidget>

class QAbstractSpinBox;
class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace optviz {

// One row of controls generated from a ParameterSpec, the single source of truth for
// the name, default, accepted range, scale and meaning:
//   Log      name  [slider, logarithmic]  [exact entry]  ↺
//   Linear   name  [slider, linear]       [exact entry]  ↺
//   Integer  name  [spin box]                            ↺
//   Boolean  name  [check box]                           ↺
// Where the width does not leave a useful slider beside the entry (a projector font in
// a narrow dock), the slider moves to a line of its own below the name and the entry.
// The slider travels over a useful part of the range (lr: 1e-6 … 10) in 1000 steps
// (log) or round steps (linear), with the fine drag, keys and wheel of FineSlider; the
// entry accepts every value the spec accepts and keeps a typed value exactly. Text it
// does not accept turns red, says why in its tooltip and is never applied. The entry
// shows 4 significant digits (the exact value in its tooltip, and in the field while
// it is being edited) in a width that does not depend on the value, so nothing moves
// while the slider is dragged. valueChanged() fires continuously while the slider is
// dragged and once per committed entry; setValue() never emits.
class ParameterControl : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterControl(const ParameterSpec& spec, QWidget* parent = nullptr);

    const ParameterSpec& spec() const { return spec_; }
    double value() const { return value_; }
    // Shows `value` without emitting; the caller passes a value the spec accepts.
    void setValue(double value);
    bool isDefault() const { return value_ == spec_.defaultValue; }

    // The name shown (the spec's name unless set: "noise σ" reads better than "noise").
    void setLabelText(const QString& text);
    // Integer controls: text shown instead of the minimum ("full batch" for 0).
    void setSpecialValueText(const QString& text);
    // Overrides the slider's travel [low, high] (Log: low > 0). Values outside it stay
    // typeable; the slider then rests at its nearest end.
    void setSliderRange(double low, double high);

    // The slider's mapping, public so that tests can check it round-trips.
    double sliderLow() const { return scale_.low(); }
    double sliderHigh() const { return scale_.high(); }
    int sliderPosition(double value) const;
    double sliderValue(int position) const;
    // The continuous mapping behind them: a fractional position (a fine drag) gives a
    // value rounded to 4 significant digits (log) or one decimal finer than the grid
    // (linear); precisePosition() is its inverse, clamped to the travel.
    double sliderValueAt(double position) const;
    double precisePosition(double value) const;

    // What the entry shows for `value` when it is not being edited.
    QString displayText(double value) const;

    // True unless the entry holds text that was rejected.
    bool isEntryValid() const { return entryValid_; }

    // The parts, for tests and for the owner's layout; null where the scale has none.
    QLabel* label() const { return label_; }
    FineSlider* slider() const { return slider_; }
    QLineEdit* entry() const { return entry_; }
    QAbstractSpinBox* spinBox() const { return spinBox_; }
    QCheckBox* checkBox() const { return checkBox_; }
    QToolButton* resetButton() const { return resetButton_; }

    // The width the row asks for has room for a slider beside the entry, whichever
    // arrangement it shows at the moment.
    QSize sizeHint() const override;

    // The width of the name column, the same in every row so that sliders line up;
    // names longer than "weight_decay" wrap at their underscores.
    static int labelWidth(const QFontMetrics& metrics);

    // Marks a line edit as holding rejected text (red, the reason as its tooltip), or
    // restores it with `validToolTip`. Shared with the other panels' numeric fields.
    static void showEntryProblem(
        QLineEdit* entry, const QString& problem, const QString& validToolTip);

signals:
    void valueChanged(double value);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateSliderGeometry();
    void applyUserValue(double value); // a value the user chose: show it, emit
    void showValue(); // updates every part from value_, silently
    void onSliderMoved(int position); // keys, wheel, setValue(): whole positions
    void onSliderDragged(double position); // a drag, fractional in fine mode
    void showSliderValue(); // the entry and ↺ after the slider chose value_
    void onEntryEdited(const QString& text);
    void commitEntry();
    void revertEntry();
    // The reason `text` is rejected, or an empty string if it is accepted.
    QString problemWith(const QString& text, double& parsed) const;
    void updateToolTips();
    void updateMetrics();
    void arrangeSlider();

    ParameterSpec spec_;
    SliderScale scale_; // the slider's positions ↔ values
    double value_ = 0.0;
    QString labelText_;

    bool entryValid_ = true;
    bool sliderOnOwnLine_ = false;
    QGridLayout* layout_ = nullptr;
    QLabel* label_ = nullptr;
    FineSlider* slider_ = nullptr;
    QLineEdit* entry_ = nullptr;
    QAbstractSpinBox* spinBox_ = nullptr;
    QCheckBox* checkBox_ = nullptr;
    QToolButton* resetButton_ = nullptr;
};

} // namespace optviz
