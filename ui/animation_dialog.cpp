#include "animation_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>

namespace optviz {

AnimationDialog::AnimationDialog(const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , path_(new QLineEdit(suggestedPath, this))
    , panels_(new QComboBox(this))
    , size_(new QComboBox(this))
    , frames_(new QSpinBox(this))
    , fps_(new QSpinBox(this))
    , hold_(new QDoubleSpinBox(this))
    , loop_(new QCheckBox(tr("Loop forever"), this))
    , duration_(new QLabel(this))
{
    setWindowTitle(tr("Export animation"));
    const AnimationOptions defaults;
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);
    path_->setToolTip(tr("The animated GIF to write (.gif)"));
    path_->setMinimumWidth(360);

    panels_->addItem(tr("Surface and loss"), int(Figure::Panels::SurfaceAndLoss));
    panels_->addItem(tr("Surface only"), int(Figure::Panels::SurfaceOnly));
    panels_->addItem(tr("Loss only"), int(Figure::Panels::LossOnly));
    panels_->setToolTip(tr("Which panels the animation shows"));
    for (const QSize size :
        {QSize(1280, 720), QSize(1920, 1080), QSize(960, 540), QSize(640, 360), QSize(1024, 768)})
        size_->addItem(tr("%1 × %2").arg(size.width()).arg(size.height()), size);
    size_->setToolTip(tr("Pixels; 1280 × 720 fills a 16:9 slide"));
    frames_->setRange(AnimationOptions::minFrames, AnimationOptions::maxFrames);
    frames_->setValue(defaults.frames);
    frames_->setToolTip(tr("Frames from step 0 to the end of the runs: more where the paths "
                           "move most"));
    fps_->setRange(AnimationOptions::minFps, AnimationOptions::maxFps);
    fps_->setValue(defaults.fps);
    fps_->setSuffix(tr(" frames/s"));
    hold_->setRange(0.0, AnimationOptions::maxHoldSeconds);
    hold_->setDecimals(1);
    hold_->setSingleStep(0.5);
    hold_->setValue(defaults.holdSeconds);
    hold_->setSuffix(tr(" s"));
    hold_->setToolTip(tr("How long the finished figure stays before the animation ends or "
                         "starts again"));
    loop_->setChecked(defaults.loop);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Show:"), panels_);
    form->addRow(tr("Size:"), size_);
    form->addRow(tr("Frames:"), frames_);
    form->addRow(tr("Speed:"), fps_);
    form->addRow(tr("Hold last frame:"), hold_);
    form->addRow(QString(), loop_);
    form->addRow(tr("Duration:"), duration_);
    form->addRow(buttons);

    connect(browse, &QPushButton::clicked, this, &AnimationDialog::browse);
    connect(frames_, &QSpinBox::valueChanged, this, &AnimationDialog::updateDuration);
    connect(fps_, &QSpinBox::valueChanged, this, &AnimationDialog::updateDuration);
    connect(hold_, &QDoubleSpinBox::valueChanged, this, &AnimationDialog::updateDuration);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateDuration();
}

QString AnimationDialog::path() const
{
    return path_->text().trimmed();
}

AnimationOptions AnimationDialog::options() const
{
    AnimationOptions options;
    options.size = size_->currentData().toSize();
    options.panels = Figure::Panels(panels_->currentData().toInt());
    options.frames = frames_->value();
    options.fps = fps_->value();
    options.holdSeconds = hold_->value();
    options.loop = loop_->isChecked();
    return options;
}

void AnimationDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export animation"), path(), tr("Animated GIF (*.gif)"));
    if (!chosen.isEmpty())
        path_->setText(chosen);
}

void AnimationDialog::updateDuration()
{
    // At most: a run with fewer steps than frames has fewer frames.
    const double seconds = double(frames_->value()) / fps_->value() + hold_->value();
    duration_->setText(tr("up to %1 s").arg(seconds, 0, 'f', 1));
}

bool exportAnimationWithProgress(QWidget* parent, const Scene& scene, const QString& path,
    const AnimationOptions& options, QString* error)
{
    AnimationExport animation(scene, options);
    QProgressDialog progress(QCoreApplication::translate("AnimationDialog", "Running the scene…"),
        QCoreApplication::translate("AnimationDialog", "Cancel"), 0, 1, parent);
    progress.setWindowTitle(QCoreApplication::translate("AnimationDialog", "Export animation"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    QCoreApplication::processEvents();
    if (!animation.start(path, error))
        return false;
    progress.setMaximum(animation.frameCount());
    while (!animation.isFinished()) {
        // Between frames (tens of milliseconds each) the window repaints and Cancel is
        // read: a click stops before the next frame.
        QCoreApplication::processEvents();
        if (progress.wasCanceled()) {
            animation.cancel();
            if (error)
                error->clear();
            return false;
        }
        if (!animation.renderNext(error))
            return false;
        progress.setLabelText(QCoreApplication::translate("AnimationDialog", "Frame %1 of %2")
                                  .arg(animation.framesDone())
                                  .arg(animation.frameCount()));
        progress.setValue(animation.framesDone());
    }
    return true;
}

} // namespace optviz
