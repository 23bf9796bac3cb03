#pragma once

#include "animation_export.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace optviz {

// File > Export Animation: where to write the GIF and how it plays (size, which panels,
// frames, frames per second, hold at the end, loop). The export itself runs behind a
// progress dialog with Cancel (exportAnimationWithProgress).
class AnimationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AnimationDialog(const QString& suggestedPath, QWidget* parent = nullptr);

    QString path() const;
    AnimationOptions options() const;

private:
    void browse();
    void updateDuration();

    QLineEdit* path_;
    QComboBox* panels_;
    QComboBox* size_;
    QSpinBox* frames_;
    QSpinBox* fps_;
    QDoubleSpinBox* hold_;
    QCheckBox* loop_;
    QLabel* duration_;
};

// Writes the animation frame by frame behind a window-modal progress dialog ("frame k of
// n"), the event loop turning between frames so the window stays live; Cancel stops
// before the next frame and leaves no file. True when the file was written; false with
// `error` empty when cancelled, or with the message on failure.
bool exportAnimationWithProgress(QWidget* parent, const Scene& scene, const QString& path,
    const AnimationOptions& options, QString* error);

} // namespace optviz
