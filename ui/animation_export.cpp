#include "animation_export.h"

#include "palette.h"
#include "run_series.h"
#include "scene_simulation.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

constexpr int colourMapShades = 96;

QString translated(const char* text)
{
    return QCoreApplication::translate("AnimationExport", text);
}

// The display time of frame `frame` in centiseconds (GIF's unit): rounded so that the
// frames' start times stay on the exact 1/fps grid instead of drifting.
int frameDelay(int frame, int fps)
{
    const auto at = [fps](int k) { return int(std::lround(100.0 * k / fps)); };
    return at(frame + 1) - at(frame);
}

double clamp(double value, double low, double high)
{
    return std::isfinite(value) ? std::clamp(value, low, high) : low;
}

} // namespace

QString AnimationOptions::problem() const
{
    if (size.width() < minSide || size.width() > maxWidth || size.height() < minSide
        || size.height() > maxHeight)
        return translated("size %1x%2: width %3 to %4 and height %3 to %5 pixels")
            .arg(size.width())
            .arg(size.height())
            .arg(minSide)
            .arg(maxWidth)
            .arg(maxHeight);
    if (frames < minFrames || frames > maxFrames)
        return translated("frames %1: %2 to %3").arg(frames).arg(minFrames).arg(maxFrames);
    if (fps < minFps || fps > maxFps)
        return translated("fps %1: %2 to %3 frames per second").arg(fps).arg(minFps).arg(maxFps);
    if (!(holdSeconds >= 0.0 && holdSeconds <= maxHoldSeconds))
        return translated("hold %1: 0 to %2 seconds").arg(holdSeconds).arg(maxHoldSeconds);
    return {};
}

bool isAnimationPath(const QString& path)
{
    return QFileInfo(path).suffix().compare("gif", Qt::CaseInsensitive) == 0;
}

std::vector<long long> animationFrameSteps(
    const std::vector<double>& pathLength, long long lastStep, int frames)
{
    lastStep = std::max(0LL, lastStep);
    const long long count = std::min<long long>(std::max(frames, 1), lastStep + 1);
    std::vector<long long> steps(std::size_t(count), 0);
    if (count == 1)
        return steps;
    const double total = pathLength.empty() ? 0.0 : pathLength.back();
    const bool hasLength
        = std::isfinite(total) && total > 0.0 && pathLength.size() == std::size_t(lastStep + 1);
    // progress(s) = ½ s/N + ½ L(s)/L(N): increasing in s. Frame i shows the first step
    // whose progress reaches i/(count − 1).
    const auto progress = [&](long long s) {
        const double byStep = double(s) / double(lastStep);
        return hasLength ? 0.5 * byStep + 0.5 * pathLength[std::size_t(s)] / total : byStep;
    };
    long long s = 0;
    for (long long i = 0; i < count; ++i) {
        const double target = double(i) / double(count - 1);
        while (s < lastStep && progress(s) < target - 1e-12)
            ++s;
        steps[std::size_t(i)] = s;
    }
    steps.back() = lastStep;
    // Strictly increasing: a frame never repeats a step, and the last shows the end.
    for (std::size_t i = 1; i < steps.size(); ++i)
        steps[i] = std::max(steps[i], steps[i - 1] + 1);
    for (std::size_t i = steps.size() - 1; i-- > 0;)
        steps[i] = std::min(steps[i], steps[i + 1] - 1);
    return steps;
}

AnimationExport::AnimationExport(const Scene& scene, const AnimationOptions& options)
    : scene_(scene)
    , options_(options)
{
}

AnimationExport::~AnimationExport() = default;

bool AnimationExport::start(const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    cancel();
    done_ = 0;
    finished_ = false;
    if (const QString problem = options_.problem(); !problem.isEmpty())
        return fail(problem);
    if (!isAnimationPath(path))
        return fail(translated("cannot write '%1': an animation is a .gif file").arg(path));
    if (scene_.network)
        return fail(translated("cannot animate '%1': animations show the surface workspace, "
                               "and this scene trains a network")
                        .arg(path));
    try {
        simulation_ = std::make_unique<SceneSimulation>(scene_);
    } catch (const InvalidArgument& problem) {
        return fail(QString::fromUtf8(problem.what()));
    }
    simulation_->runToEnd();

    // The paths' total length up to each step, in units of the view's width and height,
    // each point held inside the view (a diverging run's last leap counts as far as the
    // edge of what is shown).
    const ViewRect view = scene_.effectiveView(simulation_->surface());
    const double width = std::max(view.xMax - view.xMin, 1e-300);
    const double height = std::max(view.yMax - view.yMin, 1e-300);
    long long lastStep = 0;
    for (int run = 0; run < simulation_->runCount(); ++run)
        lastStep = std::max(
            lastStep, static_cast<long long>(simulation_->runner(run).trajectory().size()) - 1);
    std::vector<double> length(std::size_t(lastStep + 1), 0.0);
    for (int run = 0; run < simulation_->runCount(); ++run) {
        const Trajectory& trajectory = simulation_->runner(run).trajectory();
        for (std::size_t i = 1; i < trajectory.size(); ++i) {
            const auto at = [&](std::size_t k) {
                return QPointF(clamp((trajectory.coordinate(k, 0) - view.xMin) / width, 0.0, 1.0),
                    clamp((trajectory.coordinate(k, 1) - view.yMin) / height, 0.0, 1.0));
            };
            const QPointF d = at(i) - at(i - 1);
            length[i] += std::hypot(d.x(), d.y());
        }
    }
    for (std::size_t i = 1; i < length.size(); ++i)
        length[i] += length[i - 1];
    steps_ = animationFrameSteps(length, lastStep, options_.frames);

    figure_ = std::make_unique<Figure>();
    figure_->setAttribute(Qt::WA_DontShowOnScreen);
    figure_->resize(options_.size);
    figure_->setPresentationStyle(options_.presentation);
    figure_->setPanels(options_.panels);
    figure_->setSceneLayout(scene_.layout, simulation_->runCount());
    figure_->setLossMeasure(scene_.lossMeasure);
    figure_->setLandscape(scene_, simulation_->surface());
    figure_->setStart(scene_.effectiveStart(simulation_->surface()));
    // The finished runs first: they set the loss axis, held from then on, and they hold
    // every colour the frames will show, so the palette is made from them.
    figure_->setRuns(scene_, seriesOf(*simulation_));
    figure_->setLossAxisHeld(true);
    QList<QRgb> exact {qRgb(255, 255, 255), qRgb(0, 0, 0)};
    for (const OptimizerEntry& entry : scene_.optimizers)
        if (entry.enabled)
            exact.append(entry.colour.rgb());
    // The heat map is most of the picture but a thin curve through colour space: a
    // median cut of the whole figure spends its colours on the many blends of text and
    // lines and leaves the heat map in broad bands. So the colour map gets 96 colours of
    // its own (steps of about 1 % in lightness), and the cut shares out the rest.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const palette::ColourStop& stop : palette::viridisStops())
        gradient.setColorStopAt(stop.position, stop.colour);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    for (int i = 0; i < colourMapShades; ++i)
        exact.append(gradient.color(double(i) / (colourMapShades - 1), QCPRange(0.0, 1.0)));
    const QList<QRgb> palette = GifWriter::paletteFor(render(), exact);
    series_.clear();
    shownUpTo_.clear();
    return writer_.open(path, options_.size, palette, options_.loop, error);
}

void AnimationExport::showUpTo(long long step)
{
    const int runs = simulation_->runCount();
    bool restart = int(series_.size()) != runs;
    for (int run = 0; run < runs && !restart; ++run)
        restart = shownUpTo_[std::size_t(run)] > step;
    if (restart) {
        series_ = QVector<RunSeries>(runs);
        shownUpTo_.assign(std::size_t(runs), -1);
    }
    for (int run = 0; run < runs; ++run) {
        const Runner& runner = simulation_->runner(run);
        const Trajectory& trajectory = runner.trajectory();
        const long long last = std::min(step, static_cast<long long>(trajectory.size()) - 1);
        long long& shown = shownUpTo_[std::size_t(run)];
        if (last <= shown)
            continue;
        // Appended as the worker streams them: the run's end (finished, or diverged with
        // its message in the legend) shows once its last point does.
        RunChunk chunk;
        chunk.run = run;
        for (long long i = shown + 1; i <= last; ++i) {
            chunk.steps.append(double(i));
            chunk.x.append(trajectory.coordinate(std::size_t(i), 0));
            chunk.y.append(trajectory.coordinate(std::size_t(i), 1));
            chunk.loss.append(trajectory.loss(std::size_t(i)));
        }
        const bool ended = last == static_cast<long long>(trajectory.size()) - 1;
        chunk.status = ended ? runner.status() : RunStatus::Running;
        chunk.stepsTaken = ended ? runner.stepsTaken() : last;
        chunk.divergedAtStep = ended ? runner.divergedAtStep() : -1;
        series_[run].append(chunk);
        shown = last;
    }
    figure_->setRuns(scene_, series_);
}

QImage AnimationExport::render()
{
    // As exportPlot lays a figure out before drawing it (tick spacing follows the
    // previous layout), then drawn straight into an image.
    const int w = options_.size.width(), h = options_.size.height();
    figure_->setViewport(figure_->rect());
    for (int pass = 0; pass < 2; ++pass)
        for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                 QCPLayoutElement::upLayout})
            figure_->plotLayout()->update(phase);
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::white);
    QCPPainter painter(&image);
    figure_->toPainter(&painter, w, h);
    painter.end();
    return image;
}

QImage AnimationExport::frameAt(long long step)
{
    if (!figure_)
        return {};
    showUpTo(step);
    return render();
}

bool AnimationExport::renderNext(QString* error)
{
    if (!writer_.isOpen() || finished_) {
        if (error)
            *error = translated("the animation is not being written");
        return false;
    }
    showUpTo(steps_[std::size_t(done_)]);
    if (!writer_.addFrame(render(), frameDelay(done_, options_.fps), error))
        return false;
    ++done_;
    if (done_ == frameCount()) {
        if (!writer_.finish(int(std::lround(options_.holdSeconds * 100.0)), error))
            return false;
        finished_ = true;
    }
    return true;
}

void AnimationExport::cancel()
{
    writer_.cancel();
}

bool AnimationExport::run(
    const QString& path, QString* error, const std::function<bool(int, int)>& progress)
{
    if (!start(path, error))
        return false;
    while (!finished_) {
        if (!renderNext(error))
            return false;
        if (progress && !progress(done_, frameCount()) && !finished_) {
            cancel();
            if (error)
                error->clear();
            return false;
        }
    }
    return true;
}

} // namespace optviz
