#include "parameter_control.h"

#include "number_text.h"
#include "translation.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>
#include <climits>
#include <cmath>

namespace optviz {

namespace {

QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

// The name with break opportunities after underscores, so that a long name such as
// initial_accumulator_value wraps inside the label column instead of widening it.
QString breakableName(const QString& name)
{
    QString text = name;
    text.replace(QLatin1Char('_'), QStringLiteral("_\u200B"));
    return text;
}

QString formatQ(const ParameterSpec& spec, double value)
{
    return toQString(spec.formatValue(value));
}

} // namespace

ParameterControl::ParameterControl(const ParameterSpec& spec, QWidget* parent)
    : QWidget(parent)
    , spec_(spec)
    , scale_(spec)
    , value_(spec.defaultValue)
    , labelText_(toQString(spec.name))
{
    // name | slider (stretches) | entry | ↺ — see arrangeSlider() for narrow widths.
    layout_ = new QGridLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setVerticalSpacing(1);
    layout_->setColumnStretch(1, 1);

    label_ = new QLabel(breakableName(labelText_), this);
    label_->setWordWrap(true);
    layout_->addWidget(label_, 0, 0);

    switch (spec_.scale) {
    case Scale::Log:
    case Scale::Linear: {
        slider_ = new FineSlider(this);
        slider_->setFocusPolicy(Qt::StrongFocus);
        slider_->installEventFilter(this);
        updateSliderGeometry();
        connect(slider_, &QSlider::valueChanged, this, &ParameterControl::onSliderMoved);
        connect(slider_, &FineSlider::preciseMoved, this, &ParameterControl::onSliderDragged);
        layout_->addWidget(slider_, 0, 1);

        entry_ = new QLineEdit(this);
        entry_->setAlignment(Qt::AlignRight);
        entry_->installEventFilter(this);
        connect(entry_, &QLineEdit::textEdited, this, &ParameterControl::onEntryEdited);
        connect(entry_, &QLineEdit::returnPressed, this, &ParameterControl::commitEntry);
        connect(entry_, &QLineEdit::editingFinished, this, &ParameterControl::commitEntry);
        layout_->addWidget(entry_, 0, 2);
        label_->setBuddy(slider_);
        break;
    }
    case Scale::Integer: {
        layout_->addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding), 0, 1);
        const double low = spec_.minimumExclusive ? spec_.minimum + 1 : spec_.minimum;
        const double high = spec_.maximumExclusive ? spec_.maximum - 1 : spec_.maximum;
        if (low >= INT_MIN && high <= INT_MAX) {
            auto* box = new QSpinBox(this);
            box->setRange(int(low), int(high));
            connect(
                box, &QSpinBox::valueChanged, this, [this](int value) { applyUserValue(value); });
            spinBox_ = box;
        } else {
            // Seeds go up to 2⁵³, beyond int: a double spin box without decimals holds
            // every integer up to there exactly.
            auto* box = new QDoubleSpinBox(this);
            box->setDecimals(0);
            box->setRange(low, high);
            connect(box, &QDoubleSpinBox::valueChanged, this,
                [this](double value) { applyUserValue(value); });
            spinBox_ = box;
        }
        spinBox_->setKeyboardTracking(false); // typing "500" is one change, not three
        spinBox_->setAlignment(Qt::AlignRight);
        spinBox_->setFocusPolicy(Qt::StrongFocus);
        spinBox_->installEventFilter(this);
        layout_->addWidget(spinBox_, 0, 2);
        label_->setBuddy(spinBox_);
        break;
    }
    case Scale::Boolean:
        checkBox_ = new QCheckBox(this);
        connect(checkBox_, &QCheckBox::toggled, this,
            [this](bool checked) { applyUserValue(checked ? 1.0 : 0.0); });
        layout_->addWidget(checkBox_, 0, 1, Qt::AlignLeft);
        label_->setBuddy(checkBox_);
        break;
    }

    resetButton_ = new QToolButton(this);
    resetButton_->setText(QStringLiteral("↺"));
    resetButton_->setAutoRaise(true);
    resetButton_->setFocusPolicy(Qt::TabFocus);
    connect(resetButton_, &QToolButton::clicked, this, [this] {
        if (value_ != spec_.defaultValue)
            applyUserValue(spec_.defaultValue);
        else
            showValue(); // drops rejected text
    });
    layout_->addWidget(resetButton_, 0, 3);

    showValue();
    updateToolTips();
    updateMetrics();
}

void ParameterControl::setSliderRange(double low, double high)
{
    if (!slider_ || !scale_.setTravel(low, high))
        return;
    updateSliderGeometry();
    showValue();
    updateToolTips();
}

void ParameterControl::updateSliderGeometry()
{
    const QSignalBlocker blocker(slider_);
    slider_->setRange(scale_.firstPosition(), scale_.lastPosition());
    slider_->setSingleStep(1);
    slider_->setPageStep(scale_.pageStep());
}

double ParameterControl::precisePosition(double value) const
{
    return scale_.precisePosition(value);
}

int ParameterControl::sliderPosition(double value) const
{
    return scale_.position(value);
}

double ParameterControl::sliderValueAt(double position) const
{
    return scale_.valueAt(position);
}

double ParameterControl::sliderValue(int position) const
{
    return sliderValueAt(position);
}

QString ParameterControl::displayText(double value) const
{
    if (spec_.scale == Scale::Log || spec_.scale == Scale::Linear)
        return numberText(value);
    return formatQ(spec_, value);
}

void ParameterControl::setValue(double value)
{
    if (value == value_)
        return; // also keeps half-typed text and a dragged slider undisturbed
    value_ = value;
    showValue();
}

void ParameterControl::setLabelText(const QString& text)
{
    labelText_ = text;
    label_->setText(breakableName(text));
    updateToolTips();
}

void ParameterControl::setSpecialValueText(const QString& text)
{
    if (spinBox_)
        spinBox_->setSpecialValueText(text);
}

void ParameterControl::applyUserValue(double value)
{
    if (value == value_ && entryValid_)
        return;
    value_ = value;
    showValue();
    emit valueChanged(value_);
}

void ParameterControl::showValue()
{
    if (slider_) {
        // Where the value really is (between positions for a typed value), so that a
        // fine drag continues from it.
        slider_->setPrecisePosition(precisePosition(value_));
    }
    if (entry_)
        showSliderValue();
    if (auto* box = qobject_cast<QSpinBox*>(spinBox_)) {
        const QSignalBlocker blocker(box);
        box->setValue(int(value_));
    } else if (auto* doubleBox = qobject_cast<QDoubleSpinBox*>(spinBox_)) {
        const QSignalBlocker blocker(doubleBox);
        doubleBox->setValue(value_);
    }
    if (checkBox_) {
        const QSignalBlocker blocker(checkBox_);
        checkBox_->setChecked(value_ != 0.0);
    }
    resetButton_->setEnabled(!isDefault());
}

void ParameterControl::onSliderMoved(int position)
{
    const double value = sliderValue(position);
    if (value == value_)
        return;
    value_ = value;
    showSliderValue();
    emit valueChanged(value_);
}

void ParameterControl::onSliderDragged(double position)
{
    const double value = sliderValueAt(position);
    if (value == value_)
        return;
    value_ = value;
    showSliderValue();
    emit valueChanged(value_);
}

void ParameterControl::showSliderValue()
{
    // A fixed-width field: new text never changes the layout, so the slider under the
    // hand stays where it is.
    const QString shown = displayText(value_);
    const QString exact = formatQ(spec_, value_);
    QString tip = entry_->property("baseToolTip").toString();
    if (shown != exact)
        tip += QStringLiteral("<br><nobr>") + tr("Exact value: %1").arg(exact)
            + QStringLiteral("</nobr>");
    entry_->setProperty("validToolTip", tip);
    // While the user edits the field it holds the exact value (see eventFilter()).
    entry_->setText(entry_->hasFocus() ? exact : shown);
    entry_->setCursorPosition(0); // a long value shows its leading digits
    entryValid_ = true;
    showEntryProblem(entry_, QString(), tip);
    resetButton_->setEnabled(!isDefault());
}

QString ParameterControl::problemWith(const QString& typed, double& parsed) const
{
    QString text = typed.trimmed();
    const QString range = rangeText(spec_);
    if (text.isEmpty())
        return tr("Empty: type a number in %1.").arg(range);
    if (!text.contains(QLatin1Char('.')) && text.count(QLatin1Char(',')) == 1)
        text.replace(QLatin1Char(','), QLatin1Char('.')); // "0,05" from a decimal-comma habit
    const std::string utf8 = text.toStdString();
    if (!parseDouble(utf8, parsed))
        return tr("“%1” is not a finite number; accepted: %2.").arg(typed.toHtmlEscaped(), range);
    if (!spec_.accepts(parsed)) {
        if (spec_.scale == Scale::Integer && parsed == std::floor(parsed))
            return tr("%1 is outside the accepted range %2.").arg(text, range);
        if (spec_.scale == Scale::Integer)
            return tr("%1 is not a whole number; accepted: %2.").arg(text, range);
        return tr("%1 is outside the accepted range %2.").arg(text, range);
    }
    return QString();
}

void ParameterControl::onEntryEdited(const QString& text)
{
    // Red only once the user commits; but clear it as soon as the text becomes
    // acceptable again, so the field never stays red over good input.
    if (entryValid_)
        return;
    double parsed = 0.0;
    if (problemWith(text, parsed).isEmpty()) {
        entryValid_ = true;
        showEntryProblem(entry_, QString(), entry_->property("validToolTip").toString());
    }
}

void ParameterControl::commitEntry()
{
    if (entryValid_ && !entry_->isModified()) {
        showValue(); // nothing typed: keep the exact value, not the rounded text
        return;
    }
    double parsed = 0.0;
    const QString problem = problemWith(entry_->text(), parsed);
    if (!problem.isEmpty()) {
        entryValid_ = false;
        const QString message = tr("<b>Not applied.</b> %1<br>The value in use is still %2; "
                                   "Esc restores it.")
                                    .arg(problem, formatQ(spec_, value_));
        showEntryProblem(entry_, message, QString());
        // Say why at once, where the user is looking, rather than only on hover.
        if (entry_->hasFocus() && entry_->isVisible())
            QToolTip::showText(entry_->mapToGlobal(QPoint(0, entry_->height())), message, entry_);
        return;
    }
    if (parsed != value_)
        applyUserValue(parsed);
    else
        showValue(); // "1e-3" reads back as "0.001"
}

void ParameterControl::revertEntry()
{
    showValue();
}

void ParameterControl::showEntryProblem(
    QLineEdit* entry, const QString& problem, const QString& validToolTip)
{
    if (problem.isEmpty()) {
        if (entry->property("invalid").toBool()) {
            entry->setPalette(QPalette()); // back to the inherited palette
            entry->setProperty("invalid", false);
        }
        entry->setToolTip(validToolTip);
        return;
    }
    QPalette palette = entry->palette();
    palette.setColor(QPalette::Text, QColor(0xB0, 0x00, 0x20));
    palette.setColor(QPalette::Base, QColor(0xFD, 0xE7, 0xE9));
    entry->setPalette(palette);
    entry->setProperty("invalid", true);
    entry->setToolTip(problem);
}

void ParameterControl::updateToolTips()
{
    // Rich text, one idea a line: what it means, what it accepts, how to set it.
    const QString name = labelText_.toHtmlEscaped();
    QString main = QStringLiteral("<b>%1</b> — %2<br><nobr>")
                       .arg(name, coreText(spec_.meaning).toHtmlEscaped())
        + tr("Accepted: %1 · default: %2")
              .arg(rangeText(spec_), formatQ(spec_, spec_.defaultValue));
    if (labelText_ != toQString(spec_.name))
        main += tr(" · in scene files: %1").arg(toQString(spec_.name));
    main += QStringLiteral("</nobr>");
    label_->setToolTip(main);

    if (slider_) {
        QString travel;
        if (spec_.scale == Scale::Log)
            travel = scale_.zeroAtStart() ? tr("Slider: 0, then %1 … %2 on a log scale.")
                                          : tr("Slider: %1 … %2 on a log scale.");
        else
            travel = tr("Slider: %1 … %2 in steps of %3.")
                         .arg(QStringLiteral("%1"), QStringLiteral("%2"),
                             formatQ(spec_, scale_.step()));
        travel = travel.arg(formatQ(spec_, scale_.low()), formatQ(spec_, scale_.high()));
        slider_->setToolTip(main + QStringLiteral("<br><nobr>%1 ").arg(travel)
            + tr("The box takes any accepted value.") + QStringLiteral("</nobr><br><nobr>")
            + tr("Hold Shift while dragging for 10× finer steps. Arrow keys: one step; "
                 "Page Up/Down: %1 steps.")
                  .arg(slider_->pageStep())
            + QStringLiteral("</nobr><br><nobr>")
            + tr("Mouse wheel (once the slider has focus): %1 steps a notch, with Shift one.")
                  .arg(FineSlider::wheelPositions)
            + QStringLiteral("</nobr>"));
        const QString entryTip = main + QStringLiteral("<br><nobr>")
            + tr("Type an exact value, e.g. %1 or 1e-3, then Enter.")
                  .arg(formatQ(spec_, spec_.defaultValue))
            + QStringLiteral("</nobr>");
        entry_->setProperty("baseToolTip", entryTip);
        if (entryValid_)
            showSliderValue(); // the tooltip with the exact value
    }
    if (spinBox_)
        spinBox_->setToolTip(main + QStringLiteral("<br><nobr>")
            + tr("Type a whole number, then Enter; or use the arrows.")
            + QStringLiteral("</nobr>"));
    if (checkBox_)
        checkBox_->setToolTip(main);
    resetButton_->setToolTip(
        tr("Reset %1 to its default, %2").arg(labelText_, formatQ(spec_, spec_.defaultValue)));
}

int ParameterControl::labelWidth(const QFontMetrics& metrics)
{
    return metrics.horizontalAdvance(QStringLiteral("weight_decay")) + 4;
}

void ParameterControl::updateMetrics()
{
    // Widths from the font, so the rows stay aligned when the window scales its fonts
    // for a projector. Every control uses the same label width, so sliders line up.
    const QFontMetrics metrics = fontMetrics();
    label_->setFixedWidth(labelWidth(metrics));
    // From the widest 4-digit value, not from the text shown: nothing moves as it changes.
    const int entryWidth = numberFieldWidth(metrics);
    if (entry_)
        entry_->setFixedWidth(entryWidth);
    if (spinBox_) {
        // One width for every spin box, right-aligned with the entries above it; room
        // for "full batch" and the arrows.
        const int text = std::max(metrics.horizontalAdvance(QStringLiteral("full batch")),
            metrics.horizontalAdvance(QStringLiteral("0.000316")));
        spinBox_->setFixedWidth(text + 16 + 2 * metrics.averageCharWidth() + 8);
    }
    layout_->setHorizontalSpacing(std::max(4, metrics.averageCharWidth() / 2 + 2));
    arrangeSlider();
}

QSize ParameterControl::sizeHint() const
{
    QSize size = QWidget::sizeHint();
    if (slider_) {
        const int spacing = layout_->horizontalSpacing();
        const int wide = label_->width() + 14 * fontMetrics().averageCharWidth() + entry_->width()
            + resetButton_->sizeHint().width() + 3 * spacing;
        size.setWidth(std::max(size.width(), wide));
    }
    return size;
}

void ParameterControl::arrangeSlider()
{
    if (!slider_)
        return;
    // Too narrow for a useful slider beside the entry (a projector font in a narrow
    // dock): the slider moves to a line of its own under the name and the entry.
    const int spacing = layout_->horizontalSpacing();
    const int room = width() - label_->width() - entry_->width() - resetButton_->sizeHint().width()
        - 3 * spacing;
    const int needed = 10 * fontMetrics().averageCharWidth();
    const bool narrow = sliderOnOwnLine_ ? room < needed + 12 : room < needed;
    if (narrow == sliderOnOwnLine_ && layout_->indexOf(slider_) >= 0)
        return;
    sliderOnOwnLine_ = narrow;
    layout_->removeWidget(slider_);
    if (narrow)
        layout_->addWidget(slider_, 1, 0, 1, 3);
    else
        layout_->addWidget(slider_, 0, 1);
}

void ParameterControl::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrangeSlider();
}

void ParameterControl::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QWidget::changeEvent(event);
}

bool ParameterControl::eventFilter(QObject* watched, QEvent* event)
{
    // A wheel over an unfocused slider scrolls the panel instead of changing lr under
    // a student's pointer: ignoring the event lets it reach the scroll area.
    if (event->type() == QEvent::Wheel && (watched == slider_ || watched == spinBox_)
        && !static_cast<QWidget*>(watched)->hasFocus()) {
        event->ignore();
        return true;
    }
    if (watched == entry_ && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        revertEntry();
        return true;
    }
    // The field shows 4 significant digits, but whoever edits it starts from the exact
    // value; leaving it unedited shows the short form again.
    if (watched == entry_ && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        && entryValid_ && !entry_->isModified())
        showSliderValue();
    return QWidget::eventFilter(watched, event);
}

} // namespace optviz
