#include "optimizer_card.h"

#include "core/lr_schedule.h"
#include "core/optimizer.h"
#include "display_names.h"
#include "eliding_label.h"
#include "parameter_control.h"
#include "translation.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace optviz {

namespace {

constexpr int stripWidth = 5;

QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

QString summaryOf(const OptimizerInfo& info)
{
    QString text = QStringLiteral("<b>%1</b> — %2")
                       .arg(toQString(info.name), coreText(info.summary).toHtmlEscaped());
    if (!info.aliasOf.empty())
        text += QObject::tr(" (sgd with other defaults)");
    if (info.usesHessian)
        text += QObject::tr(" — uses the exact Hessian");
    return text;
}

// Small line icons drawn in the text colour at the font's height, crisp at any scale
// and independent of which symbols the installed fonts happen to have.
enum class Glyph { Duplicate, Remove };

QIcon glyphIcon(Glyph glyph, const QColor& colour, int side, qreal ratio)
{
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(
        QPen(colour, std::max(1.2, side / 12.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const double margin = side * 0.18;
    const double extent = side - 2 * margin;
    if (glyph == Glyph::Duplicate) {
        const double box = extent * 0.68;
        const double shift = extent - box;
        painter.drawRoundedRect(QRectF(margin + shift, margin, box, box), 1.5, 1.5);
        painter.setBrush(QColor(0, 0, 0, 0));
        painter.drawRoundedRect(QRectF(margin, margin + shift, box, box), 1.5, 1.5);
    } else {
        const double inset = margin + extent * 0.12;
        painter.drawLine(QPointF(inset, inset), QPointF(side - inset, side - inset));
        painter.drawLine(QPointF(side - inset, inset), QPointF(inset, side - inset));
    }
    return QIcon(pixmap);
}

} // namespace

bool OptimizerCard::isEssentialParameter(std::string_view name)
{
    // What lessons vary: the step size, the momentum and moment decays, the QH
    // weights, and the switches that change the method's character.
    static constexpr std::array<std::string_view, 14> essential
        = {"lr", "momentum", "beta1", "beta2", "nesterov", "nu", "nu1", "nu2", "alpha", "rho",
            "etaminus", "etaplus", "line_search", "history_size"};
    for (std::string_view candidate : essential)
        if (candidate == name)
            return true;
    return false;
}

OptimizerCard::OptimizerCard(const OptimizerEntry& entry, QWidget* parent)
    : QFrame(parent)
    , entry_(entry)
{
    setObjectName(QStringLiteral("optimizerCard"));
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Plain);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(stripWidth + 6, 4, 6, 6);
    layout->setSpacing(3);

    auto* header = new QHBoxLayout;
    header->setSpacing(4);
    colourButton_ = new QToolButton(this);
    colourButton_->setAutoRaise(true);
    colourButton_->setToolTip(tr("Colour of this optimizer's path and loss curve.<br>Click to "
                                 "choose another."));
    connect(colourButton_, &QToolButton::clicked, this, &OptimizerCard::chooseColour);
    header->addWidget(colourButton_);

    enabledBox_ = new QCheckBox(this);
    enabledBox_->setToolTip(tr("Run and show this optimizer.<br>Untick to hide it without "
                               "losing its settings."));
    connect(enabledBox_, &QCheckBox::toggled, this, [this](bool checked) {
        entry_.enabled = checked;
        update(); // the strip fades when off
        publish();
    });
    header->addWidget(enabledBox_);

    nameBox_ = new QComboBox(this);
    nameBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    nameBox_->setFocusPolicy(Qt::StrongFocus);
    nameBox_->installEventFilter(this);
    for (const OptimizerInfo& info : optimizerCatalog()) {
        nameBox_->addItem(toQString(info.name));
        nameBox_->setItemData(nameBox_->count() - 1, summaryOf(info), Qt::ToolTipRole);
    }
    connect(nameBox_, &QComboBox::activated, this, &OptimizerCard::onNameChosen);
    header->addWidget(nameBox_);

    // The run's status in the header's free space: it never inserts a row, so the
    // sliders below do not move when a run diverges during a drag.
    statusLabel_ = new ElidingLabel(1, this);
    QSizePolicy statusPolicy = statusLabel_->sizePolicy();
    statusPolicy.setRetainSizeWhenHidden(true);
    statusPolicy.setHorizontalStretch(1);
    statusLabel_->setSizePolicy(statusPolicy);
    statusLabel_->hide();
    header->addWidget(statusLabel_, 1);

    duplicateButton_ = new QToolButton(this);
    duplicateButton_->setAutoRaise(true);
    duplicateButton_->setToolTip(tr("Duplicate: add a copy right below with its own colour,"
                                    "<br>e.g. to compare two learning rates."));
    connect(duplicateButton_, &QToolButton::clicked, this, &OptimizerCard::duplicateRequested);
    header->addWidget(duplicateButton_);

    removeButton_ = new QToolButton(this);
    removeButton_->setAutoRaise(true);
    removeButton_->setToolTip(tr("Remove this optimizer"));
    connect(removeButton_, &QToolButton::clicked, this, &OptimizerCard::removeRequested);
    header->addWidget(removeButton_);
    layout->addLayout(header);

    essentialArea_ = new QWidget(this);
    auto* essentialLayout = new QVBoxLayout(essentialArea_);
    essentialLayout->setContentsMargins(0, 0, 0, 0);
    essentialLayout->setSpacing(2);
    layout->addWidget(essentialArea_);

    advancedButton_ = new QToolButton(this);
    advancedButton_->setAutoRaise(true);
    advancedButton_->setArrowType(Qt::RightArrow);
    advancedButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(advancedButton_, &QToolButton::clicked, this,
        [this] { setAdvancedExpanded(!advancedExpanded_); });
    layout->addWidget(advancedButton_);

    advancedArea_ = new QWidget(this);
    auto* advancedLayout = new QVBoxLayout(advancedArea_);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->setSpacing(2);
    advancedArea_->hide();
    layout->addWidget(advancedArea_);

    // The learning-rate schedule: one line while constant, its parameters below it.
    auto* scheduleRow = new QHBoxLayout;
    scheduleRow->setSpacing(4);
    auto* scheduleLabel = new QLabel(tr("lr schedule"), this);
    scheduleLabel->setToolTip(tr("How the learning rate changes from step to step "
                                 "(torch.optim.lr_scheduler); the optimizer's state is kept."));
    scheduleRow->addWidget(scheduleLabel);
    scheduleBox_ = new QComboBox(this);
    scheduleBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    scheduleBox_->setFocusPolicy(Qt::StrongFocus);
    scheduleBox_->installEventFilter(this);
    for (const ScheduleInfo& info : scheduleCatalog()) {
        scheduleBox_->addItem(scheduleDisplayName(info.name), toQString(info.name));
        scheduleBox_->setItemData(scheduleBox_->count() - 1,
            QStringLiteral("<b>%1</b>: %2")
                .arg(toQString(info.name), coreText(info.summary).toHtmlEscaped()),
            Qt::ToolTipRole);
    }
    connect(scheduleBox_, &QComboBox::activated, this, &OptimizerCard::onScheduleChosen);
    scheduleRow->addWidget(scheduleBox_);
    scheduleRow->addStretch(1);
    layout->addLayout(scheduleRow);

    scheduleArea_ = new QWidget(this);
    auto* scheduleLayout = new QVBoxLayout(scheduleArea_);
    scheduleLayout->setContentsMargins(0, 0, 0, 0);
    scheduleLayout->setSpacing(2);
    layout->addWidget(scheduleArea_);

    buildParameterControls();
    buildScheduleControls();
    showEntry();
}

void OptimizerCard::buildScheduleControls()
{
    for (ParameterControl* control : scheduleControls_) {
        control->hide();
        control->deleteLater(); // we may be inside one of its signals
    }
    scheduleControls_.clear();
    const ScheduleInfo* info = findSchedule(entry_.schedule);
    if (info) {
        for (const ParameterSpec& spec : info->parameters) {
            auto* control = new ParameterControl(spec, scheduleArea_);
            const auto it = entry_.scheduleParameters.find(spec.name);
            control->setValue(
                it != entry_.scheduleParameters.end() ? it->second : spec.defaultValue);
            if (spec.name == "gamma" && info->kind == ScheduleKind::Exponential)
                control->setSliderRange(0.9, 1.0); // per-step factors live close to 1
            const std::string name = spec.name;
            connect(control, &ParameterControl::valueChanged, this, [this, name](double value) {
                entry_.scheduleParameters[name] = value;
                publish();
            });
            scheduleArea_->layout()->addWidget(control);
            scheduleControls_.append(control);
        }
    }
    scheduleArea_->setVisible(!scheduleControls_.isEmpty());
}

void OptimizerCard::onScheduleChosen(int index)
{
    const std::vector<ScheduleInfo>& catalog = scheduleCatalog();
    if (index < 0 || index >= int(catalog.size())
        || catalog[std::size_t(index)].name == entry_.schedule)
        return;
    const ScheduleInfo& info = catalog[std::size_t(index)];
    entry_.schedule = info.name;
    entry_.scheduleParameters = resolveParameters(info.parameters, {}, info.name);
    buildScheduleControls();
    showEntry();
    publish();
}

ParameterControl* OptimizerCard::scheduleControl(std::string_view name) const
{
    for (ParameterControl* control : scheduleControls_)
        if (control->spec().name == name)
            return control;
    return nullptr;
}

void OptimizerCard::buildParameterControls()
{
    for (ParameterControl* control : controls_) {
        control->hide();
        control->deleteLater(); // we may be inside one of its signals
    }
    controls_.clear();

    const OptimizerInfo* info = findOptimizer(entry_.name);
    if (!info)
        return;
    QStringList advancedNames;
    for (const ParameterSpec& spec : info->parameters) {
        const bool essential = isEssentialParameter(spec.name);
        QWidget* area = essential ? essentialArea_ : advancedArea_;
        auto* control = new ParameterControl(spec, area);
        const auto it = entry_.parameters.find(spec.name);
        control->setValue(it != entry_.parameters.end() ? it->second : spec.defaultValue);
        const std::string name = spec.name;
        connect(control, &ParameterControl::valueChanged, this,
            [this, name](double value) { onParameterChanged(name, value); });
        area->layout()->addWidget(control);
        controls_.append(control);
        if (!essential)
            advancedNames.append(toQString(spec.name));
    }
    advancedButton_->setVisible(!advancedNames.isEmpty());
    if (advancedNames.isEmpty())
        advancedArea_->hide();
    else
        advancedArea_->setVisible(advancedExpanded_);
    advancedButton_->setToolTip(tr("Show or hide the less often changed hyperparameters: %1")
                                    .arg(advancedNames.join(QStringLiteral(", "))));
}

void OptimizerCard::setEntry(const OptimizerEntry& entry)
{
    const bool rebuild = entry.name != entry_.name;
    const bool rebuildSchedule = entry.schedule != entry_.schedule;
    entry_ = entry;
    if (rebuildSchedule) {
        buildScheduleControls();
    } else {
        for (ParameterControl* control : scheduleControls_) {
            const auto it = entry_.scheduleParameters.find(control->spec().name);
            control->setValue(
                it != entry_.scheduleParameters.end() ? it->second : control->spec().defaultValue);
        }
    }
    problem_.clear();
    if (rebuild) {
        buildParameterControls();
    } else {
        for (ParameterControl* control : controls_) {
            const auto it = entry_.parameters.find(control->spec().name);
            control->setValue(
                it != entry_.parameters.end() ? it->second : control->spec().defaultValue);
        }
    }
    showEntry();
}

void OptimizerCard::onParameterChanged(const std::string& name, double value)
{
    entry_.parameters[name] = value;
    updateAdvancedCaption();
    publish();
}

void OptimizerCard::onNameChosen(int index)
{
    const std::vector<OptimizerInfo>& catalog = optimizerCatalog();
    if (index < 0 || index >= int(catalog.size())
        || catalog[std::size_t(index)].name == entry_.name)
        return;
    const OptimizerInfo& info = catalog[std::size_t(index)];
    entry_.name = info.name;
    entry_.parameters = resolveParameters(info.parameters, {}, info.name);
    problem_.clear();
    buildParameterControls();
    showEntry();
    publish();
}

void OptimizerCard::chooseColour()
{
    const QColor colour = QColorDialog::getColor(
        entry_.colour, this, tr("Colour of %1").arg(toQString(entry_.name)));
    if (!colour.isValid() || colour == entry_.colour)
        return;
    entry_.colour = colour;
    showEntry();
    publish();
}

void OptimizerCard::publish()
{
    try {
        makeOptimizer(entry_.name, entry_.parameters); // catches Nesterov without momentum
        entry_.makeSchedule();
    } catch (const InvalidArgument& error) {
        const QString problem = QString::fromUtf8(error.what());
        const bool isNew = problem != problem_;
        problem_ = problem;
        updateStatus();
        // The header has room for a few words only: say it in full at once, where the
        // user is looking, as a rejected entry does.
        if (isNew && statusLabel_->isVisible() && statusLabel_->isElided())
            QToolTip::showText(statusLabel_->mapToGlobal(QPoint(0, statusLabel_->height())),
                statusLabel_->toolTip(), statusLabel_);
        return;
    }
    problem_.clear();
    updateStatus();
    emit entryChanged(entry_);
}

void OptimizerCard::showEntry()
{
    {
        const QSignalBlocker blocker(nameBox_);
        nameBox_->setCurrentIndex(nameBox_->findText(toQString(entry_.name)));
    }
    {
        const QSignalBlocker blocker(enabledBox_);
        enabledBox_->setChecked(entry_.enabled);
    }
    {
        const QSignalBlocker blocker(scheduleBox_);
        scheduleBox_->setCurrentIndex(scheduleBox_->findData(toQString(entry_.schedule)));
    }
    if (const ScheduleInfo* info = findSchedule(entry_.schedule))
        scheduleBox_->setToolTip(coreText(info->summary));
    if (const OptimizerInfo* info = findOptimizer(entry_.name))
        nameBox_->setToolTip(summaryOf(*info)
            + tr("<br>Choosing another method resets the hyperparameters "
                 "to its defaults."));
    updateColourIcon();
    updateAdvancedCaption();
    updateStatus();
    update();
}

void OptimizerCard::updateColourIcon()
{
    const int side = fontMetrics().height();
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(entry_.colour.darker(150), 1.0));
    painter.setBrush(entry_.colour);
    painter.drawRoundedRect(QRectF(1.5, 1.5, side - 3.0, side - 3.0), 3.0, 3.0);
    painter.end();
    colourButton_->setIcon(QIcon(pixmap));
    colourButton_->setIconSize(QSize(side, side));

    const QColor ink = palette().color(QPalette::WindowText);
    duplicateButton_->setIcon(glyphIcon(Glyph::Duplicate, ink, side, ratio));
    duplicateButton_->setIconSize(QSize(side, side));
    removeButton_->setIcon(glyphIcon(Glyph::Remove, ink, side, ratio));
    removeButton_->setIconSize(QSize(side, side));
}

void OptimizerCard::updateAdvancedCaption()
{
    int count = 0;
    int changed = 0;
    for (const ParameterControl* control : controls_) {
        if (isEssentialParameter(control->spec().name))
            continue;
        ++count;
        const auto it = entry_.parameters.find(control->spec().name);
        if (it != entry_.parameters.end() && it->second != control->spec().defaultValue)
            ++changed;
    }
    // "1 changed" keeps a non-default eps visible while the fold is closed.
    advancedButton_->setText(changed > 0 ? tr("Advanced (%1, %2 changed)").arg(count).arg(changed)
                                         : tr("Advanced (%1)").arg(count));
}

bool OptimizerCard::isAdvancedExpanded() const
{
    return advancedExpanded_;
}

void OptimizerCard::setAdvancedExpanded(bool expanded)
{
    advancedExpanded_ = expanded;
    advancedButton_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    advancedArea_->setVisible(expanded && advancedButton_->isVisibleTo(this));
}

void OptimizerCard::setStatusText(const QString& text, StatusTone tone)
{
    if (text == statusText_ && tone == statusTone_)
        return; // the window repeats the status with every batch
    statusText_ = text;
    statusTone_ = tone;
    updateStatus();
}

void OptimizerCard::setDuplicateEnabled(bool enabled)
{
    duplicateButton_->setEnabled(enabled);
}

ParameterControl* OptimizerCard::parameterControl(std::string_view name) const
{
    for (ParameterControl* control : controls_)
        if (control->spec().name == name)
            return control;
    return nullptr;
}

void OptimizerCard::updateStatus()
{
    QString text;
    bool warning = true;
    if (!problem_.isEmpty()) {
        text = tr("⚠ Not applied: %1").arg(problem_);
    } else if (!statusText_.isEmpty()) {
        warning = statusTone_ == StatusTone::Warning;
        text = warning ? tr("⚠ %1").arg(statusText_) : statusText_;
    }
    statusLabel_->setText(text);
    statusLabel_->setVisible(!text.isEmpty()); // its space stays reserved
    QPalette palette = statusLabel_->palette();
    palette.setColor(QPalette::WindowText,
        warning ? QColor(0xB0, 0x00, 0x20) : this->palette().color(QPalette::PlaceholderText));
    statusLabel_->setPalette(palette);
}

void OptimizerCard::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    const int inset = frameWidth();
    const QRect strip(inset, inset, stripWidth, height() - 2 * inset);
    QColor colour = entry_.colour;
    if (!entry_.enabled)
        colour.setAlpha(70); // off: a faded strip, the colour still recognisable
    painter.fillRect(strip, colour);
}

void OptimizerCard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateColourIcon();
    QFrame::changeEvent(event);
}

bool OptimizerCard::eventFilter(QObject* watched, QEvent* event)
{
    // Scrolling the panel over a card must not switch its optimizer.
    if ((watched == nameBox_ || watched == scheduleBox_) && event->type() == QEvent::Wheel
        && !static_cast<QWidget*>(watched)->hasFocus()) {
        event->ignore();
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace optviz
