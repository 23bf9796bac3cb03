#pragma once

#include "playback_mode.h"
#include "scene.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace optviz {

// The playback controls, for a toolbar:
//   [▶ Play] [⏭ Step] [⏮ Reset] | speed [━━●━━] 70 steps/s | budget [500] | [Animate|Instant]
// The step budget is part of the scene: setScene() shows it without emitting, and an
// edit emits both sceneEdited() and budgetChanged(). The other signals are commands
// for the worker. setPlaying(), setSpeed() and setMode() show without emitting.
class PlaybackBar : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybackBar(QWidget* parent = nullptr);

    void setScene(const Scene& scene);
    const Scene& scene() const { return scene_; }
    long long budget() const { return scene_.steps; }

    void setPlaying(bool playing);
    bool isPlaying() const { return playing_; }
    // Steps per second; 0 = as fast as possible.
    void setSpeed(double stepsPerSecond);
    double speed() const { return speed_; }
    void setMode(PlaybackMode mode);
    PlaybackMode mode() const { return mode_; }
    // Compact: icons without text and no captions, for a window narrower than the bar's
    // full width (a 1024×768 projector, presentation mode's large type). The tooltips
    // still say everything.
    void setCompact(bool compact);
    bool isCompact() const { return compact_; }
    // The width the bar needs with its texts (whatever it shows now).
    int fullWidth() const;

    // The speed slider: 1, 1.5, 2, 3, 5, 7, 10, … 100000 steps per second, then "max".
    static int speedPosition(double stepsPerSecond);
    static double speedValue(int position);
    static int maxSpeedPosition();

    // The parts, for tests.
    QToolButton* playButton() const { return playButton_; }
    QToolButton* stepButton() const { return stepButton_; }
    QToolButton* resetButton() const { return resetButton_; }
    QSlider* speedSlider() const { return speedSlider_; }
    QLabel* speedLabel() const { return speedLabel_; }
    QSpinBox* budgetBox() const { return budgetBox_; }
    QToolButton* animateButton() const { return animateButton_; }
    QToolButton* instantButton() const { return instantButton_; }

signals:
    void playToggled(bool playing);
    void stepRequested();
    void resetRequested();
    void speedChanged(double stepsPerSecond);
    void budgetChanged(long long steps);
    void modeChanged(optviz::PlaybackMode mode);
    void sceneEdited(const optviz::Scene& scene);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showPlaying();
    void showSpeed();
    void showMode();
    void updateMetrics();

    Scene scene_;
    bool compact_ = false;
    QLabel* budgetCaption_ = nullptr;
    bool playing_ = false;
    double speed_ = 60.0;
    PlaybackMode mode_ = PlaybackMode::Animate;

    QToolButton* playButton_ = nullptr;
    QToolButton* stepButton_ = nullptr;
    QToolButton* resetButton_ = nullptr;
    QLabel* speedCaption_ = nullptr;
    QSlider* speedSlider_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QSpinBox* budgetBox_ = nullptr;
    QToolButton* animateButton_ = nullptr;
    QToolButton* instantButton_ = nullptr;
    QButtonGroup* modeGroup_ = nullptr;
};

} // namespace optviz
