#include "network_workspace.h"

#include "network_controller.h"
#include "network_figure.h"
#include "network_panel.h"
#include "optimizer_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace optviz {

namespace {

// The optimizer panel edits a scene's optimizers: the network's, in a scene of their own.
Scene optimizerScene(const NetworkSettings& settings)
{
    Scene scene;
    scene.optimizers = settings.optimizers;
    return scene;
}

} // namespace

const QList<double>& NetworkWorkspace::speeds()
{
    static const QList<double> values = {1, 3, 10, 30, 100, 300, 0};
    return values;
}

NetworkWorkspace::NetworkWorkspace(QWidget* parent)
    : QWidget(parent)
    , controller_(new NetworkController(this))
    , figure_(new NetworkFigure(this))
    , panel_(new NetworkPanel(this))
    , optimizerPanel_(new OptimizerPanel(this))
{
    setObjectName("networkWorkspace");

    auto* bar = new QHBoxLayout;
    const auto button
        = [this](const QString& text, QStyle::StandardPixmap icon, const QString& tip) {
              auto* b = new QToolButton(this);
              b->setText(text);
              b->setIcon(style()->standardIcon(icon));
              b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
              b->setToolTip(tip);
              b->setAutoRaise(false);
              return b;
          };
    playButton_
        = button(tr("Play"), QStyle::SP_MediaPlay, tr("Train every optimizer, or pause (Space)"));
    stepButton_
        = button(tr("Epoch"), QStyle::SP_MediaSkipForward, tr("One epoch of every optimizer (→)"));
    resetButton_ = button(
        tr("Reset"), QStyle::SP_MediaSkipBackward, tr("Back to the initial weights, epoch 0 (R)"));
    speedBox_ = new QComboBox(this);
    for (double speed : speeds())
        speedBox_->addItem(
            speed > 0.0 ? tr("%1 epochs/s").arg(speed) : tr("as fast as possible"), speed);
    speedBox_->setCurrentIndex(int(speeds().indexOf(30.0)));
    speedBox_->setToolTip(tr("Epochs per second while playing"));
    progressLabel_ = new QLabel(this);
    auto* speedCaption = new QLabel(tr("Speed"), this);
    bar->addWidget(playButton_);
    bar->addWidget(stepButton_);
    bar->addWidget(resetButton_);
    bar->addSpacing(12);
    bar->addWidget(speedCaption);
    bar->addWidget(speedBox_);
    bar->addSpacing(12);
    bar->addWidget(progressLabel_, 1);

    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addLayout(bar);
    centreLayout->addWidget(figure_, 1);

    auto* settingsScroll = new QScrollArea(this);
    settingsScroll->setWidget(panel_);
    settingsScroll->setWidgetResizable(true);
    settingsScroll->setFrameShape(QFrame::NoFrame);
    settingsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One column of controls, the settings above the optimizers, so that the figure has
    // the rest of the width: its panels are what the class looks at.
    auto* controls = new QSplitter(Qt::Vertical, this);
    controls->addWidget(settingsScroll);
    controls->addWidget(optimizerPanel_);
    controls->setStretchFactor(0, 0);
    controls->setStretchFactor(1, 1);
    controls->setChildrenCollapsible(false);
    // The settings whole (they are few), the optimizers' cards scroll below them.
    controls->setSizes({panel_->sizeHint().height() + 12, 4 * panel_->sizeHint().height()});
    controls->setMinimumWidth(std::max(
        panel_->minimumSizeHint().width() + 24, optimizerPanel_->minimumSizeHint().width()));

    splitter_ = new QSplitter(this);
    splitter_->addWidget(controls);
    splitter_->addWidget(centre);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    splitter_->setCollapsible(0, true); // drag the controls away for more figure
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);

    connect(playButton_, &QToolButton::clicked, this, &NetworkWorkspace::togglePlaying);
    connect(stepButton_, &QToolButton::clicked, this, &NetworkWorkspace::stepOnce);
    connect(resetButton_, &QToolButton::clicked, this, &NetworkWorkspace::reset);
    connect(speedBox_, &QComboBox::activated, this,
        [this](int index) { controller_->setSpeed(speedBox_->itemData(index).toDouble()); });
    connect(panel_, &NetworkPanel::settingsEdited, this, [this](const NetworkSettings& edited) {
        NetworkSettings next = edited;
        next.optimizers = settings_.optimizers;
        apply(next, true);
    });
    connect(optimizerPanel_, &OptimizerPanel::sceneEdited, this, [this](const Scene& scene) {
        NetworkSettings next = settings_;
        next.optimizers = scene.optimizers;
        apply(next, true);
    });
    connect(controller_, &NetworkController::runsReset, this, &NetworkWorkspace::onRunsReset);
    connect(controller_, &NetworkController::runsUpdated, this, &NetworkWorkspace::onRunsUpdated);
    connect(controller_, &NetworkController::planeUpdated, this, &NetworkWorkspace::onPlaneUpdated);
    connect(controller_, &NetworkController::playingChanged, this, &NetworkWorkspace::showPlaying);
    connect(controller_, &NetworkController::finished, this, &NetworkWorkspace::updateProgress);
    connect(controller_, &NetworkController::settingsFailed, this, [this](const QString& message) {
        figure_->setData(nullptr, {}, tr("Cannot train this network: %1").arg(message));
        figure_->replot(QCustomPlot::rpQueuedReplot);
        panel_->setDescription(message, true);
        emit statusMessage(tr("Cannot train this network: %1").arg(message));
    });

    apply(NetworkSettings::defaultSettings(), false);
    showPlaying(false);
}

NetworkWorkspace::~NetworkWorkspace()
{
    shutdown();
}

void NetworkWorkspace::shutdown()
{
    controller_->shutdown();
}

void NetworkWorkspace::setSettings(const NetworkSettings& settings)
{
    apply(settings, false);
}

void NetworkWorkspace::apply(const NetworkSettings& settings, bool emitEdit)
{
    if (controller_->hasSettings() && settings == settings_)
        return;
    settings_ = settings;
    panel_->setSettings(settings_);
    optimizerPanel_->setScene(optimizerScene(settings_));
    controller_->setSettings(settings_);
    if (emitEdit)
        emit settingsEdited(settings_);
}

void NetworkWorkspace::togglePlaying()
{
    controller_->togglePlaying();
}

void NetworkWorkspace::stepOnce()
{
    controller_->stepOnce();
}

void NetworkWorkspace::reset()
{
    controller_->pause();
    controller_->reset();
}

void NetworkWorkspace::pause()
{
    if (controller_->isPlaying())
        controller_->pause();
}

void NetworkWorkspace::setPresentationStyle(bool on)
{
    // On a projector the figure is what the class reads: the controls fold away (drag
    // the splitter to bring them back) and come back as they were afterwards.
    if (on && !presenting_) {
        savedSizes_ = splitter_->sizes();
        splitter_->setSizes({0, savedSizes_.value(0) + savedSizes_.value(1)});
    } else if (!on && presenting_ && savedSizes_.size() == 2) {
        splitter_->setSizes(savedSizes_);
    }
    presenting_ = on;
    figure_->setPresentationStyle(on);
    figure_->replot(QCustomPlot::rpQueuedReplot);
}

void NetworkWorkspace::onRunsReset()
{
    figure_->setData(controller_->data(), controller_->runs(), controller_->failure());
    if (const auto& samples = controller_->data())
        panel_->setDescription(samples->description
            + tr(" · %1 training, %2 test samples")
                  .arg(samples->trainX.size())
                  .arg(samples->testX.size()));
    // Statuses ("diverged at epoch 12") start afresh with the runs.
    optimizerPanel_->clearRunStatus();
    figure_->replot(QCustomPlot::rpQueuedReplot);
}

void NetworkWorkspace::onRunsUpdated()
{
    const QVector<NetworkRunView>& runs = controller_->runs();
    figure_->updateRuns(runs);
    int run = 0;
    const QList<OptimizerEntry>& entries = controller_->settings().optimizers;
    for (int entry = 0; entry < entries.size() && run < runs.size(); ++entry) {
        if (!entries[entry].enabled)
            continue;
        optimizerPanel_->setRunStatus(entry,
            runs[run].status == RunStatus::Diverged
                ? tr("diverged at epoch %1").arg(runs[run].divergedAtEpoch)
                : QString());
        ++run;
    }
    updateProgress();
    figure_->replot(QCustomPlot::rpQueuedReplot);
}

void NetworkWorkspace::onPlaneUpdated()
{
    figure_->setPlane(controller_->plane());
    figure_->replot(QCustomPlot::rpQueuedReplot);
}

void NetworkWorkspace::showPlaying(bool playing)
{
    playButton_->setText(playing ? tr("Pause") : tr("Play"));
    playButton_->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void NetworkWorkspace::updateProgress()
{
    const auto& samples = controller_->data();
    QString text = tr("epoch %1 / %2")
                       .arg(controller_->epoch())
                       .arg(samples ? samples->epochs : settings_.epochs);
    if (samples && samples->stepsPerEpoch > 1)
        text += tr(" · %1 steps per epoch").arg(samples->stepsPerEpoch);
    if (controller_->isFinished())
        text += tr(" · done");
    progressLabel_->setText(text);
}

} // namespace optviz
