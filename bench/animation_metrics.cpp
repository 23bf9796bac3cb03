// ui.gif_*: animation export (ui/animation_export.h): the time to draw and encode one
// 1280 × 720 frame of the default scene, and the size of its default animation (120
// frames at 15/s), the number that decides whether it fits in a slide deck.

#include "metric_registry.h"
#include "offscreen_application.h"
#include "timing.h"

#include "ui/animation_export.h"
#include "ui/scene.h"

#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <optional>

namespace optviz::bench {

namespace {

struct Export
{
    double frameMs = 0.0;
    double sizeKiB = 0.0;
};

// The default animation of the default scene, its frames timed (not the simulation, the
// palette or the file's opening, which start() does once).
std::optional<Export> exportDefault()
{
    ensureApplication();
    QTemporaryDir dir;
    const QString path = dir.filePath("default.gif");
    AnimationExport animation(Scene::defaultScene(), AnimationOptions());
    QString error;
    if (!animation.start(path, &error)) {
        reportFailure("ui.gif_frame_ms.1280x720", error.toStdString());
        return std::nullopt;
    }
    bool ok = true;
    const double seconds = secondsOf([&] {
        while (ok && !animation.isFinished())
            ok = animation.renderNext(&error);
    });
    if (!ok) {
        reportFailure("ui.gif_frame_ms.1280x720", error.toStdString());
        return std::nullopt;
    }
    return Export {1e3 * seconds / animation.frameCount(), QFileInfo(path).size() / 1024.0};
}

} // namespace

void registerAnimationMetrics(MetricRegistry& registry)
{
    registry.add("ui.gif_frame_ms.1280x720", "ms", []() -> std::optional<double> {
        const auto result = exportDefault();
        return result ? std::optional<double>(result->frameMs) : std::nullopt;
    });
    registry.add("ui.gif_size_kib.default_scene", "KiB", []() -> std::optional<double> {
        const auto result = exportDefault();
        return result ? std::optional<double>(result->sizeKiB) : std::nullopt;
    });
}

} // namespace optviz::bench
