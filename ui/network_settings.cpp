// NetworkSettings (declared in scene.h beside the rest of the scene): its defaults and
// the hidden-layer text the window and the scene files use.

#include "core/network/dataset.h"
#include "scene.h"

#include <QStringList>

#include <cmath>

namespace optviz {

NetworkSettings NetworkSettings::defaultSettings()
{
    NetworkSettings settings;
    settings.datasetParameters
        = resolveParameters(findDataset(settings.dataset)->parameters, {}, settings.dataset);
    // Learning rates at which the three reach the top of moons at different speeds in 300
    // full-batch epochs: gradient descent about 90%, momentum and Adam about 99%.
    const std::pair<const char*, double> runs[] = {{"gd", 0.1}, {"momentum", 0.05}, {"adam", 0.01}};
    for (const auto& [name, lr] : runs) {
        OptimizerEntry entry = settings.makeEntry(name);
        entry.parameters["lr"] = lr;
        settings.optimizers.append(entry);
    }
    return settings;
}

QString NetworkSettings::layersText() const
{
    if (hiddenLayers.empty())
        return QStringLiteral("none");
    QStringList widths;
    for (int width : hiddenLayers)
        widths << QString::number(width);
    return widths.join(',');
}

std::vector<int> NetworkSettings::parseLayers(const QString& text)
{
    const QString trimmed = text.trimmed();
    const std::string accepted = "accepted: comma-separated widths in [1, "
        + std::to_string(maxWidth) + "], at most " + std::to_string(maxHiddenLayers)
        + " of them, e.g. 16,16; or none (no hidden layer)";
    if (trimmed.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return {};
    const auto refuse = [&](const std::string& problem) {
        return InvalidArgument(
            "hidden layers '" + printable(text.toStdString()) + "' " + problem + "; " + accepted);
    };
    std::vector<int> widths;
    for (const QString& part : trimmed.split(',')) {
        double value = 0.0;
        if (!parseDouble(part.trimmed().toStdString(), value) || value != std::floor(value)
            || value < 1.0 || value > maxWidth)
            throw refuse("are not accepted");
        widths.push_back(static_cast<int>(value));
    }
    if (static_cast<int>(widths.size()) > maxHiddenLayers)
        throw refuse("are too many");
    return widths;
}

bool NetworkSettings::sameTraining(const NetworkSettings& other) const
{
    if (dataset != other.dataset || datasetParameters != other.datasetParameters
        || hiddenLayers != other.hiddenLayers || activation != other.activation
        || loss != other.loss || epochs != other.epochs || batchSize != other.batchSize
        || optimizers.size() != other.optimizers.size())
        return false;
    for (qsizetype i = 0; i < optimizers.size(); ++i) {
        OptimizerEntry mine = optimizers[i];
        mine.colour = other.optimizers[i].colour; // a colour is not training
        if (!(mine == other.optimizers[i]))
            return false;
    }
    return true;
}

OptimizerEntry NetworkSettings::makeEntry(const std::string& optimizerName) const
{
    // Scene::makeEntry picks the first palette colour its optimizers do not use.
    Scene colours;
    colours.optimizers = optimizers;
    return colours.makeEntry(optimizerName);
}

} // namespace optviz
