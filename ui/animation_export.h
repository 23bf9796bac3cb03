#pragma once

#include "figure.h"
#include "gif_writer.h"
#include "scene.h"

#include <QSize>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace optviz {

class SceneSimulation;

// What an animation of a scene looks like: its size, how many frames show the run and
// how fast, whether it loops, and how long the finished figure stays before it does.
struct AnimationOptions
{
    QSize size {1280, 720};
    int frames = 120; // the first shows step 0, the last the finished runs
    int fps = 15;
    bool loop = true;
    double holdSeconds = 2.0; // the last frame's extra time
    Figure::Panels panels = Figure::Panels::SurfaceAndLoss;
    bool presentation = false; // the lecture-hall style (Figure::setPresentationStyle)

    static constexpr int minSide = 64, maxWidth = 3840, maxHeight = 2160;
    static constexpr int minFrames = 2, maxFrames = 1000;
    // GIF delays are whole centiseconds and viewers slow down anything under 2.
    static constexpr int minFps = 1, maxFps = 50;
    static constexpr double maxHoldSeconds = 60.0;

    // Empty when the options are acceptable; otherwise one line naming the option and
    // the accepted values.
    QString problem() const;
};

// The steps the frames show: `frames` steps from 0 to `lastStep`, strictly increasing
// (fewer when the run has fewer steps), placed so that the figure changes evenly from
// frame to frame: half by step count (the loss curve grows steadily), half by the paths'
// length on the map (`pathLength[s]`, the total length drawn up to step s, in the view's
// units). Gradient descent covers most of its path in its first steps and then crawls:
// frames then come thick early and sparse late, where an even spacing would spend most
// of the animation on a path that no longer moves. A run that moves late (a slow valley)
// gets its frames late; geometric sampling would rush it.
std::vector<long long> animationFrameSteps(
    const std::vector<double>& pathLength, long long lastStep, int frames);

// Renders a scene's runs growing from step 0 to their end as an animated GIF: each frame
// is drawn by an offscreen Figure (the one PNG export and `optviz-cli render` use) at the
// options' size, with the loss axes fixed at the finished run's, and encoded by
// GifWriter. Frame by frame, so that the window can keep its event loop turning and stop
// at once (renderNext), or all at once (run). Needs a QApplication.
class AnimationExport
{
public:
    AnimationExport(const Scene& scene, const AnimationOptions& options);
    ~AnimationExport();
    AnimationExport(const AnimationExport&) = delete;
    AnimationExport& operator=(const AnimationExport&) = delete;

    // Checks the options and the scene, runs the scene to its end, picks the frames and
    // the palette and opens the file. False with a one-line message in `error`.
    bool start(const QString& path, QString* error);
    // Renders and encodes the next frame; after the last one, writes the file. False with
    // a message on failure (the partial file is removed).
    bool renderNext(QString* error);
    bool isFinished() const { return finished_; }
    int framesDone() const { return done_; }
    int frameCount() const { return int(steps_.size()); }
    const std::vector<long long>& frameSteps() const { return steps_; }
    // Stops: the partial file is removed and nothing is written.
    void cancel();

    // start() and every frame; `progress(done, total)` after each frame returns false to
    // cancel (then false with an empty `error`).
    bool run(
        const QString& path, QString* error, const std::function<bool(int, int)>& progress = {});

    // One frame's image at step `step` of the finished simulation (for tests and the
    // benchmark: the same drawing as renderNext's).
    QImage frameAt(long long step);
    // The figure that draws the frames (after start()), for tests.
    const Figure* figure() const { return figure_.get(); }

private:
    QImage render();
    void showUpTo(long long step);

    Scene scene_;
    AnimationOptions options_;
    std::unique_ptr<SceneSimulation> simulation_;
    std::unique_ptr<Figure> figure_;
    QVector<RunSeries> series_;
    std::vector<long long> shownUpTo_; // per run: the last step appended
    std::vector<long long> steps_;
    GifWriter writer_;
    int done_ = 0;
    bool finished_ = false;
};

// The file name filter and extension check of animations: ".gif".
bool isAnimationPath(const QString& path);

} // namespace optviz
