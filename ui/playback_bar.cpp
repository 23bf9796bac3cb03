#include "playback_bar.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include <array>
#include <cmath>

namespace optviz {

namespace {

// Round speeds, six to a decade, from 1 to 100000 steps per second.
constexpr std::array<double, 6> mantissas = {1.0, 1.5, 2.0, 3.0, 5.0, 7.0};
constexpr int decades = 5;
constexpr int lastFinitePosition = decades * int(mantissas.size()); // 100000

QFrame* separator(QWidget* parent)
{
    auto* line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

int PlaybackBar::maxSpeedPosition()
{
    return lastFinitePosition + 1;
}

double PlaybackBar::speedValue(int position)
{
    if (position >= maxSpeedPosition())
        return 0.0;
    position = std::max(0, position);
    const int size = int(mantissas.size());
    return mantissas[std::size_t(position % size)] * std::pow(10.0, position / size);
}

int PlaybackBar::speedPosition(double stepsPerSecond)
{
    if (!(stepsPerSecond > 0.0) || !std::isfinite(stepsPerSecond))
        return maxSpeedPosition();
    int best = 0;
    double bestDistance = INFINITY;
    for (int position = 0; position <= lastFinitePosition; ++position) {
        const double distance = std::abs(std::log(stepsPerSecond / speedValue(position)));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = position;
        }
    }
    return best;
}

PlaybackBar::PlaybackBar(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto makeButton = [this](QStyle::StandardPixmap icon, const QString& text, const QString& tip) {
        auto* button = new QToolButton(this);
        button->setIcon(style()->standardIcon(icon));
        button->setText(text);
        button->setToolTip(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        return button;
    };

    playButton_ = makeButton(QStyle::SP_MediaPlay, tr("Play"),
        tr("Play or pause: the optimizers take steps at the chosen speed "
           "(Space)"));
    playButton_->setCheckable(true);
    connect(playButton_, &QToolButton::toggled, this, [this](bool checked) {
        playing_ = checked;
        showPlaying();
        emit playToggled(playing_);
    });
    layout->addWidget(playButton_);

    stepButton_ = makeButton(QStyle::SP_MediaSkipForward, tr("Step"),
        tr("One step of every optimizer, then pause (Right arrow)"));
    connect(stepButton_, &QToolButton::clicked, this, &PlaybackBar::stepRequested);
    layout->addWidget(stepButton_);

    resetButton_ = makeButton(QStyle::SP_MediaSkipBackward, tr("Reset"),
        tr("Back to the start point, step 0, keeping every setting (R)"));
    connect(resetButton_, &QToolButton::clicked, this, &PlaybackBar::resetRequested);
    layout->addWidget(resetButton_);

    layout->addWidget(separator(this));
    speedCaption_ = new QLabel(tr("speed"), this);
    layout->addWidget(speedCaption_);
    speedSlider_ = new QSlider(Qt::Horizontal, this);
    speedSlider_->setRange(0, maxSpeedPosition());
    speedSlider_->setPageStep(int(mantissas.size())); // a decade
    const QString speedTip = tr("Animation speed in steps per second, 1 … 100000 on a log "
                                "scale; far right: as fast as the computer can");
    speedSlider_->setToolTip(speedTip);
    speedCaption_->setToolTip(speedTip);
    speedCaption_->setBuddy(speedSlider_);
    connect(speedSlider_, &QSlider::valueChanged, this, [this](int position) {
        const double value = speedValue(position);
        if (value == speed_)
            return;
        speed_ = value;
        showSpeed();
        emit speedChanged(speed_);
    });
    layout->addWidget(speedSlider_);
    speedLabel_ = new QLabel(this);
    speedLabel_->setToolTip(speedTip);
    layout->addWidget(speedLabel_);

    layout->addWidget(separator(this));
    budgetCaption_ = new QLabel(tr("budget"), this);
    layout->addWidget(budgetCaption_);
    budgetBox_ = new QSpinBox(this);
    budgetBox_->setRange(0, int(Scene::maxSteps));
    budgetBox_->setGroupSeparatorShown(true); // 10,000,000 reads at a glance
    budgetBox_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    budgetBox_->setKeyboardTracking(false); // typing 5000 is one change, not four
    budgetBox_->setAlignment(Qt::AlignRight);
    budgetBox_->setSuffix(tr(" steps"));
    const QString budgetTip = tr("Step budget: how many steps each optimizer takes, up to "
                                 "10,000,000. Type a number and press Enter.");
    budgetBox_->setToolTip(budgetTip);
    budgetCaption_->setToolTip(budgetTip);
    budgetCaption_->setBuddy(budgetBox_);
    connect(budgetBox_, &QSpinBox::valueChanged, this, [this](int value) {
        if (value == scene_.steps)
            return;
        scene_.steps = value;
        emit budgetChanged(scene_.steps);
        emit sceneEdited(scene_);
    });
    layout->addWidget(budgetBox_);

    layout->addWidget(separator(this));
    animateButton_ = new QToolButton(this);
    animateButton_->setText(tr("Animate"));
    animateButton_->setCheckable(true);
    animateButton_->setToolTip(tr("Animate: watch the optimizers step at the chosen speed"));
    instantButton_ = new QToolButton(this);
    instantButton_->setText(tr("Instant"));
    instantButton_->setCheckable(true);
    instantButton_->setToolTip(tr("Instant: every change computes all paths to the budget and "
                                  "shows them at once, live while a slider moves"));
    modeGroup_ = new QButtonGroup(this);
    modeGroup_->setExclusive(true);
    modeGroup_->addButton(animateButton_);
    modeGroup_->addButton(instantButton_);
    connect(modeGroup_, &QButtonGroup::buttonClicked, this, [this](QAbstractButton* button) {
        const PlaybackMode mode
            = button == instantButton_ ? PlaybackMode::Instant : PlaybackMode::Animate;
        if (mode == mode_)
            return;
        mode_ = mode;
        showMode();
        emit modeChanged(mode_);
    });
    layout->addWidget(animateButton_);
    layout->addWidget(instantButton_);
    layout->addStretch(1); // a toolbar offers the whole width: keep the controls together

    setScene(scene_);
    showPlaying();
    showSpeed();
    showMode();
    updateMetrics();
}

void PlaybackBar::setScene(const Scene& scene)
{
    scene_ = scene;
    if (budgetBox_->value() != scene_.steps) {
        const QSignalBlocker blocker(budgetBox_);
        budgetBox_->setValue(int(std::clamp(scene_.steps, 0LL, Scene::maxSteps)));
    }
}

void PlaybackBar::setPlaying(bool playing)
{
    playing_ = playing;
    showPlaying();
}

void PlaybackBar::setSpeed(double stepsPerSecond)
{
    speed_ = std::isfinite(stepsPerSecond) && stepsPerSecond > 0.0 ? stepsPerSecond : 0.0;
    showSpeed();
}

void PlaybackBar::setMode(PlaybackMode mode)
{
    mode_ = mode;
    showMode();
}

void PlaybackBar::showPlaying()
{
    {
        const QSignalBlocker blocker(playButton_);
        playButton_->setChecked(playing_);
    }
    playButton_->setIcon(
        style()->standardIcon(playing_ ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    playButton_->setText(playing_ ? tr("Pause") : tr("Play"));
}

void PlaybackBar::showSpeed()
{
    const int position = speedPosition(speed_);
    if (speedSlider_->value() != position) {
        const QSignalBlocker blocker(speedSlider_);
        speedSlider_->setValue(position);
    }
    speedLabel_->setText(speed_ > 0.0
            ? tr("%1 steps/s").arg(QString::fromStdString(formatNumber(speed_)))
            : tr("max speed"));
}

void PlaybackBar::showMode()
{
    {
        const QSignalBlocker blocker(modeGroup_);
        animateButton_->setChecked(mode_ == PlaybackMode::Animate);
        instantButton_->setChecked(mode_ == PlaybackMode::Instant);
    }
    // Play and Step stay available in Instant mode: pressing them starts the animated
    // race from step 0 (the window switches to Animate).
}

void PlaybackBar::setCompact(bool compact)
{
    if (compact == compact_)
        return;
    compact_ = compact;
    for (QToolButton* button : {playButton_, stepButton_, resetButton_})
        button->setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    speedCaption_->setVisible(!compact);
    budgetCaption_->setVisible(!compact);
    updateMetrics();
}

int PlaybackBar::fullWidth() const
{
    if (!compact_)
        return sizeHint().width();
    // What the hidden texts add back: the captions and each button's text.
    int width = sizeHint().width() + speedCaption_->sizeHint().width()
        + budgetCaption_->sizeHint().width() + 2 * layout()->spacing();
    const QFontMetrics metrics = fontMetrics();
    for (const QToolButton* button : {playButton_, stepButton_, resetButton_})
        width += metrics.horizontalAdvance(button->text()) + metrics.averageCharWidth() * 2;
    width += fontMetrics().averageCharWidth() * 6; // the speed slider's width when full
    return width;
}

void PlaybackBar::updateMetrics()
{
    const QFontMetrics metrics = fontMetrics();
    speedSlider_->setFixedWidth(metrics.averageCharWidth() * (compact_ ? 10 : 16));
    speedLabel_->setFixedWidth(metrics.horizontalAdvance(tr("100000 steps/s")) + 4);
    // The play button keeps its width when its text flips between Play and Pause.
    const QString shown = playButton_->text();
    int width = 0;
    for (const QString& text : {tr("Play"), tr("Pause")}) {
        playButton_->setText(text);
        width = std::max(width, playButton_->sizeHint().width());
    }
    playButton_->setText(shown);
    playButton_->setMinimumWidth(compact_ ? 0 : width);
}

void PlaybackBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMetrics();
    QWidget::changeEvent(event);
}

} // namespace optviz
