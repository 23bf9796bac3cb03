#pragma once

#include "core/gradient_oracle.h"
#include "core/lr_schedule.h"
#include "core/parameter.h"
#include "core/surface.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace optviz {

// One optimizer instance of a scene: Adam at lr 0.1 next to Adam at lr 0.01 are two.
struct OptimizerEntry
{
    std::string name; // catalogue name, e.g. "adam"
    ParameterValues parameters; // every parameter of the optimizer, defaults filled in
    QColor colour;
    bool enabled = true;
    // The learning-rate schedule (core/lr_schedule.h) and every one of its parameters,
    // defaults filled in; "constant" takes none.
    std::string schedule = "constant";
    ParameterValues scheduleParameters;

    // "adam lr=0.01": the name and the parameters that differ from the defaults, then
    // the schedule unless constant ("adam lr=0.1 · cosine T_max=200").
    QString label() const;
    LearningRateSchedule makeSchedule() const; // throws InvalidArgument
    friend bool operator==(const OptimizerEntry&, const OptimizerEntry&) = default;
};

// How the network workspace chooses the plane through parameter space that its loss-plane
// view draws (core/network/loss_plane.h).
enum class PlaneDirections {
    Pca, // the two principal directions of the optimizers' paths from their common start
    Random // Li et al.'s filter-normalised random directions, through the first run's end
};

// The network workspace's part of a scene: a data set, a network, how it trains, and the
// optimizers that train it side by side from the same initial weights (a list of its own:
// learning rates that suit a network rarely suit Rosenbrock). One seed, the data set's,
// drives the data, the initial weights and the mini-batch order, as in `optviz-cli train`.
struct NetworkSettings
{
    std::string dataset = "moons";
    ParameterValues datasetParameters; // every parameter of the data set, defaults filled in
    std::vector<int> hiddenLayers = {16, 16}; // widths; empty: no hidden layer
    std::string activation = "tanh";
    std::string loss = "auto"; // or a core loss name: mse, bce, ce
    int epochs = 300;
    int batchSize = 0; // samples per step; 0 = full batch
    PlaneDirections plane = PlaneDirections::Pca;
    QList<OptimizerEntry> optimizers;

    // Largest values the window trains (the CLI accepts more): beyond them a frame of the
    // workspace or the loss plane would take seconds.
    static constexpr int maxHiddenLayers = 6;
    static constexpr int maxWidth = 128;
    static constexpr int maxEpochs = 100'000;
    static constexpr int maxSamples = 10'000;

    // Moons, a 2-16-16-1 tanh network, gradient descent, momentum and Adam.
    static NetworkSettings defaultSettings();
    // "16,16", or "none" without a hidden layer.
    QString layersText() const;
    // Parses "16,16" or "none"; throws InvalidArgument naming the accepted form.
    static std::vector<int> parseLayers(const QString& text);
    // Same data, network and training: only colours or the plane differ, so the runs
    // need not start again.
    bool sameTraining(const NetworkSettings& other) const;
    // A new optimizer entry with default parameters and the next free palette colour.
    OptimizerEntry makeEntry(const std::string& optimizerName) const;

    friend bool operator==(const NetworkSettings&, const NetworkSettings&) = default;
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
    // The formula of the typed surface "expr" (core/expression); empty for the others.
    std::string expression;
    std::optional<ViewRect> view; // empty: the surface's default view
    std::optional<Point2> start; // empty: the surface's default start
    long long steps = 500;
    QList<OptimizerEntry> optimizers;
    GradientSettings gradient; // noise, seed, clipping, mini-batch size
    SceneLayout layout = SceneLayout::Overlay;
    LossMeasure lossMeasure = LossMeasure::Loss;
    // A lesson's title and text (plain text, paragraphs separated by blank lines), shown
    // beside the plot; empty for an ordinary scene.
    QString title;
    QString text;
    // The title and text in other languages, by language ("zh_CN"), from the scene file's
    // optional "translations" object; saved back as they came. Empty for most scenes.
    struct LocalizedText
    {
        QString title;
        QString text;
        friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
    };
    QMap<QString, LocalizedText> translations;
    // The title and text to show in `language` ("zh_CN"): its translation where the file
    // has one, the English otherwise.
    QString localizedTitle(const QString& language) const;
    QString localizedText(const QString& language) const;
    // Set when the window shows the network workspace (and the scene file has a
    // "network" object): the data set, network and optimizers it trains.
    std::optional<NetworkSettings> network;

    // Largest values a scene may ask for; a file beyond them is refused, not obeyed.
    static constexpr long long maxSteps = 10'000'000;
    static constexpr int maxOptimizers = 12;
    static constexpr int maxTitleLength = 100;
    static constexpr int maxTextLength = 4000;
    static constexpr int maxTranslations = 16;

    // Rosenbrock with gradient descent, momentum and Adam from (-1.5, 2).
    static Scene defaultScene();

    // The effective view and start (the surface's defaults where unset).
    ViewRect effectiveView(const Surface& surface) const;
    Point2 effectiveStart(const Surface& surface) const;
    std::unique_ptr<Surface> makeSurface() const; // throws InvalidArgument
    // Same surface (name, parameters, formula): the landscape and the runs depend on it.
    bool sameSurface(const Scene& other) const
    {
        return surface == other.surface && surfaceParameters == other.surfaceParameters
            && expression == other.expression;
    }

    // A new optimizer entry with default parameters and the next free palette colour.
    OptimizerEntry makeEntry(const std::string& optimizerName) const;

    QJsonObject toJson() const;
    // Strict: unknown format or version, missing or mistyped fields, unknown names,
    // out-of-range or non-finite numbers all throw InvalidArgument naming the field.
    static Scene fromJson(const QJsonObject& json);

    static Scene load(const QString& path); // throws InvalidArgument
    // The bytes of a scene file, checked as load() checks them; `path` names it in messages.
    static Scene fromBytes(const QByteArray& bytes, const QString& path);
    // Atomic (io::AtomicFile, through symbolic links, never over a device); returns false
    // and sets `error` to the reason (the OS's words) on failure.
    bool save(const QString& path, QString* error) const;

    friend bool operator==(const Scene&, const Scene&) = default;
};

} // namespace optviz
