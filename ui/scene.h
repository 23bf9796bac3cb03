#pragma once

#include "core/gradient_oracle.h"
#include "core/parameter.h"
#include "core/surface.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <string>

namespace optviz {

// One optimizer instance of a scene: Adam at lr 0.1 next to Adam at lr 0.01 are two.
struct OptimizerEntry
{
    std::string name; // catalogue name, e.g. "adam"
    ParameterValues parameters; // every parameter of the optimizer, defaults filled in
    QColor colour;
    bool enabled = true;

    // "adam lr=0.01": the name and the parameters that differ from the defaults.
    QString label() const;
    friend bool operator==(const OptimizerEntry&, const OptimizerEntry&) = default;
};

enum class SceneLayout { Overlay, SmallMultiples };
enum class LossMeasure { Loss, DistanceToMinimum };

// Everything needed to reproduce what the window shows (spec/cli.md, "Scenes"): the
// one serialisable description that the window, the scene files and
// `optviz-cli render` all go through.
struct Scene
{
    std::string surface = "rosenbrock";
    ParameterValues surfaceParameters; // every parameter, defaults filled in
    std::optional<ViewRect> view; // empty: the surface's default view
    std::optional<Point2> start; // empty: the surface's default start
    long long steps = 500;
    QList<OptimizerEntry> optimizers;
    GradientSettings gradient; // noise, seed, clipping, mini-batch size
    SceneLayout layout = SceneLayout::Overlay;
    LossMeasure lossMeasure = LossMeasure::Loss;

    // Largest values a scene may ask for; a file beyond them is refused, not obeyed.
    static constexpr long long maxSteps = 10'000'000;
    static constexpr int maxOptimizers = 12;

    // Rosenbrock with gradient descent, momentum and Adam from (-1.5, 2).
    static Scene defaultScene();

    // The effective view and start (the surface's defaults where unset).
    ViewRect effectiveView(const Surface& surface) const;
    Point2 effectiveStart(const Surface& surface) const;
    std::unique_ptr<Surface> makeSurface() const; // throws InvalidArgument

    // A new optimizer entry with default parameters and the next free palette colour.
    OptimizerEntry makeEntry(const std::string& optimizerName) const;

    QJsonObject toJson() const;
    // Strict: unknown format or version, missing or mistyped fields, unknown names,
    // out-of-range or non-finite numbers all throw InvalidArgument naming the field.
    static Scene fromJson(const QJsonObject& json);

    static Scene load(const QString& path); // throws InvalidArgument
    // Atomic (QSaveFile); returns false and sets `error` on failure.
    bool save(const QString& path, QString* error) const;

    friend bool operator==(const Scene&, const Scene&) = default;
};

} // namespace optviz
