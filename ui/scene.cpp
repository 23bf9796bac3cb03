#include "scene.h"

#include "core/expression/expression_surface.h"
#include "core/network/activation.h"
#include "core/network/dataset.h"
#include "core/network/loss.h"
#include "core/optimizer.h"
#include "palette.h"
#include "safe_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

constexpr const char* formatTag = "optviz-scene";
constexpr int formatVersion = 1;
constexpr qint64 maxFileBytes = 1 << 20; // a scene is a few kilobytes
constexpr double maxCoordinate = 1e6; // views and starts
constexpr int maxNameLength = 64;

[[noreturn]] void fail(const QString& field, const QString& problem)
{
    throw InvalidArgument(QString("scene field '%1': %2").arg(field, problem).toStdString());
}

QJsonValue member(
    const QJsonObject& object, const QString& key, const QString& path, bool required = true)
{
    if (!object.contains(key)) {
        if (required)
            fail(path + key, "is missing");
        return QJsonValue(QJsonValue::Undefined);
    }
    return object.value(key);
}

// A key from the file as a message may quote it (one line, of a readable length).
QString printableKey(const QString& key)
{
    return QString::fromStdString(printable(key.toStdString(), 40));
}

// The members of one JSON object of a scene, taken by name. A member that nothing took is
// an unknown field, refused by rejectUnknown(): a typo such as "noize" must not be ignored
// in silence. `path` prefixes the field names in messages ("surface.", "optimizers[0].").
class Fields
{
public:
    Fields(const QJsonObject& object, const QString& path)
        : object_(object)
        , path_(path)
    {
    }

    QJsonValue take(const QString& key, bool required = true)
    {
        taken_.push_back(key.toStdString());
        return member(object_, key, path_, required);
    }

    void rejectUnknown() const
    {
        for (auto it = object_.begin(); it != object_.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::find(taken_.begin(), taken_.end(), key) != taken_.end())
                continue;
            std::string problem = "is not a scene field";
            if (const std::string closest = closestName(key, taken_); !closest.empty())
                problem += " (did you mean '" + closest + "'?)";
            fail(path_ + printableKey(it.key()),
                QString::fromStdString(problem + "; accepted: " + joinNames(taken_)));
        }
    }

private:
    QJsonObject object_;
    QString path_;
    std::vector<std::string> taken_;
};

double finiteNumber(const QJsonValue& value, const QString& field, double minimum, double maximum)
{
    if (!value.isDouble())
        fail(field, "must be a number");
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < minimum || number > maximum)
        fail(field, QString("must be a finite number in [%1, %2]").arg(minimum).arg(maximum));
    return number;
}

long long integerNumber(
    const QJsonValue& value, const QString& field, long long minimum, long long maximum)
{
    const double number = finiteNumber(value, field, double(minimum), double(maximum));
    if (number != std::floor(number))
        fail(field, "must be an integer");
    return static_cast<long long>(number);
}

std::string shortString(const QJsonValue& value, const QString& field)
{
    if (!value.isString())
        fail(field, "must be a string");
    const QString text = value.toString();
    if (text.isEmpty() || text.size() > maxNameLength)
        fail(field, QString("must be 1 to %1 characters long").arg(maxNameLength));
    return text.toStdString();
}

QJsonObject object(const QJsonValue& value, const QString& field)
{
    if (!value.isObject())
        fail(field, "must be an object");
    return value.toObject();
}

// Reads {"name": value, ...} against the specs: unknown names and bad values are errors;
// missing names take their defaults.
ParameterValues parameters(const QJsonValue& value, const QString& field,
    const ParameterSpecs& specs, const std::string& owner)
{
    ParameterValues given;
    if (value.isUndefined())
        return resolveParameters(specs, given, owner);
    const QJsonObject json = object(value, field);
    if (json.size() > 64)
        fail(field, "has too many entries");
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString name = field + "." + printableKey(it.key());
        const ParameterSpec* spec = findParameter(specs, it.key().toStdString());
        if (!spec) {
            std::vector<std::string> names;
            for (const ParameterSpec& s : specs)
                names.push_back(s.name);
            fail(name,
                QString::fromStdString(
                    "is not a parameter of " + owner + "; accepted: " + joinNames(names)));
        }
        double number = 0.0;
        if (spec->scale == Scale::Boolean && it.value().isBool())
            number = it.value().toBool() ? 1.0 : 0.0;
        else if (it.value().isDouble())
            number = it.value().toDouble();
        else
            fail(name, "must be a number");
        if (!spec->accepts(number))
            fail(name, QString::fromStdString("is out of range; accepted: " + spec->rangeText()));
        given[spec->name] = number;
    }
    return resolveParameters(specs, given, owner);
}

QJsonObject parametersJson(const ParameterSpecs& specs, const ParameterValues& values)
{
    QJsonObject json;
    for (const ParameterSpec& spec : specs) {
        const auto it = values.find(spec.name);
        const double value = it != values.end() ? it->second : spec.defaultValue;
        if (spec.scale == Scale::Boolean)
            json[QString::fromStdString(spec.name)] = value != 0.0;
        else
            json[QString::fromStdString(spec.name)] = value;
    }
    return json;
}

// An optional plain-text field of at most `maxLength` characters (absent: empty).
QString plainText(const QJsonValue& value, const QString& field, int maxLength)
{
    if (value.isUndefined())
        return {};
    if (!value.isString())
        fail(field, "must be a string");
    const QString string = value.toString();
    if (string.size() > maxLength)
        fail(field,
            QString("is %1 characters long; at most %2 are accepted")
                .arg(string.size())
                .arg(maxLength));
    return string;
}

// "translations": {"zh_CN": {"title": …, "text": …}, …}: optional; languages are named
// like "zh_CN" or "de", each holds a title and/or a text under the same limits as the
// untranslated ones, and nothing else.
QMap<QString, Scene::LocalizedText> readTranslations(const QJsonValue& value)
{
    QMap<QString, Scene::LocalizedText> translations;
    if (value.isUndefined())
        return translations;
    const QJsonObject byLanguage = object(value, "translations");
    if (byLanguage.size() > Scene::maxTranslations)
        fail("translations",
            QString("has %1 languages; at most %2 are accepted")
                .arg(byLanguage.size())
                .arg(Scene::maxTranslations));
    static const QRegularExpression languageName(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    for (auto it = byLanguage.begin(); it != byLanguage.end(); ++it) {
        if (!languageName.match(it.key()).hasMatch())
            fail("translations",
                QString("has the language '%1'; accepted: names like zh_CN or de")
                    .arg(QString::fromStdString(printable(it.key().toStdString()))));
        const QString prefix = "translations." + it.key();
        Fields localized(object(it.value(), prefix), prefix + ".");
        Scene::LocalizedText text;
        text.title
            = plainText(localized.take("title", false), prefix + ".title", Scene::maxTitleLength);
        text.text
            = plainText(localized.take("text", false), prefix + ".text", Scene::maxTextLength);
        localized.rejectUnknown();
        translations.insert(it.key(), text);
    }
    return translations;
}

// The formula of surface "expr": optional (absent, its default formula), checked by
// parsing it; other surfaces take none.
std::string expressionField(const QJsonValue& value, const std::string& surface)
{
    const QString field = QStringLiteral("surface.expression");
    if (surface != expressionSurfaceName) {
        if (!value.isUndefined())
            fail(field,
                QString::fromStdString("applies only to surface "
                    + std::string(expressionSurfaceName) + ", not to " + surface));
        return {};
    }
    if (value.isUndefined())
        return std::string(ExpressionSurface::defaultFormula);
    if (!value.isString())
        fail(field, "must be a string, a formula in x and y such as \"x^2 + 3*y^2\"");
    const std::string formula = value.toString().toStdString();
    try {
        validateExpression(formula); // its length too
    } catch (const InvalidArgument& error) {
        fail(field, QString::fromUtf8(error.what()));
    }
    return formula;
}

// {"name": "cosine", "parameters": {"T_max": 200}}: a known schedule with its
// parameters checked against the catalogue; nothing else is accepted.
void readSchedule(const QJsonValue& value, const QString& field, OptimizerEntry& entry)
{
    Fields fields(object(value, field), field + ".");
    entry.schedule = shortString(fields.take("name"), field + ".name");
    const ScheduleInfo* info = findSchedule(entry.schedule);
    if (!info)
        fail(field + ".name",
            QString::fromStdString(
                unknownNameMessage("schedule", entry.schedule, scheduleNames())));
    entry.scheduleParameters = parameters(fields.take("parameters", false), field + ".parameters",
        info->parameters, "schedule " + entry.schedule);
    fields.rejectUnknown();
}

// The array of optimizer entries at `field` ("optimizers", "network.optimizers"); an entry
// without a colour takes the first palette colour the entries before it do not use.
QList<OptimizerEntry> readOptimizers(const QJsonValue& value, const QString& field)
{
    if (!value.isArray())
        fail(field, "must be an array");
    const QJsonArray optimizerArray = value.toArray();
    if (optimizerArray.size() > Scene::maxOptimizers)
        fail(field,
            QString("has %1 entries; at most %2 are accepted")
                .arg(optimizerArray.size())
                .arg(Scene::maxOptimizers));
    Scene read; // makeEntry() picks colours against the entries read so far
    for (int i = 0; i < optimizerArray.size(); ++i) {
        const QString path = QString("%1[%2].").arg(field).arg(i);
        Fields entryFields(object(optimizerArray[i], path.chopped(1)), path);
        OptimizerEntry entry;
        entry.name = shortString(entryFields.take("name"), path + "name");
        const OptimizerInfo* info = findOptimizer(entry.name);
        if (!info)
            fail(path + "name",
                QString::fromStdString(
                    unknownNameMessage("optimizer", entry.name, optimizerNames())));
        entry.parameters = parameters(entryFields.take("parameters", false), path + "parameters",
            info->parameters, entry.name);
        try {
            makeOptimizer(entry.name, entry.parameters); // combinations (nesterov, rprop)
        } catch (const InvalidArgument& error) {
            fail(path + "parameters", QString::fromUtf8(error.what()));
        }
        const QJsonValue colour = entryFields.take("color", false);
        if (colour.isUndefined()) {
            entry.colour = read.makeEntry(entry.name).colour;
        } else {
            if (!colour.isString() || !QColor::isValidColorName(colour.toString())
                || colour.toString().size() > maxNameLength)
                fail(path + "color", "must be a colour such as \"#d55e00\"");
            entry.colour = QColor::fromString(colour.toString());
        }
        const QJsonValue enabled = entryFields.take("enabled", false);
        if (!enabled.isUndefined() && !enabled.isBool())
            fail(path + "enabled", "must be true or false");
        entry.enabled = enabled.isUndefined() || enabled.toBool();
        if (const QJsonValue schedule = entryFields.take("schedule", false);
            !schedule.isUndefined())
            readSchedule(schedule, path + "schedule", entry);
        else
            entry.scheduleParameters = resolveParameters({}, {}, entry.schedule);
        entryFields.rejectUnknown();
        read.optimizers.append(entry);
    }
    return read.optimizers;
}

QJsonArray optimizersJson(const QList<OptimizerEntry>& optimizers)
{
    QJsonArray optimizerArray;
    for (const OptimizerEntry& entry : optimizers) {
        QJsonObject entryJson;
        entryJson["name"] = QString::fromStdString(entry.name);
        if (const OptimizerInfo* info = findOptimizer(entry.name))
            entryJson["parameters"] = parametersJson(info->parameters, entry.parameters);
        entryJson["color"] = entry.colour.name();
        entryJson["enabled"] = entry.enabled;
        // Absent means constant: scenes without a schedule read and write as before.
        if (const ScheduleInfo* info = findSchedule(entry.schedule);
            info && info->kind != ScheduleKind::Constant)
            entryJson["schedule"] = QJsonObject {{"name", QString::fromStdString(entry.schedule)},
                {"parameters", parametersJson(info->parameters, entry.scheduleParameters)}};
        optimizerArray.append(entryJson);
    }
    return optimizerArray;
}

// A name from a fixed list; refused with the list otherwise.
std::string choice(
    const QJsonValue& value, const QString& field, const std::vector<std::string>& accepted)
{
    const std::string name = shortString(value, field);
    if (std::find(accepted.begin(), accepted.end(), name) == accepted.end())
        fail(field, QString::fromStdString(unknownNameMessage("value", name, accepted)));
    return name;
}

// {"dataset": {...}, "layers": [16, 16], "activation": "tanh", "loss": "auto",
//  "epochs": 300, "batch_size": 0, "plane": "pca", "optimizers": [...]}
NetworkSettings readNetwork(const QJsonValue& value)
{
    Fields fields(object(value, "network"), "network.");
    NetworkSettings network;

    Fields datasetFields(object(fields.take("dataset"), "network.dataset"), "network.dataset.");
    network.dataset = shortString(datasetFields.take("name"), "network.dataset.name");
    const DatasetInfo* dataset = findDataset(network.dataset);
    if (!dataset)
        fail("network.dataset.name",
            QString::fromStdString(unknownNameMessage("dataset", network.dataset, datasetNames())));
    network.datasetParameters = parameters(datasetFields.take("parameters", false),
        "network.dataset.parameters", dataset->parameters, network.dataset);
    datasetFields.rejectUnknown();
    const int samples = static_cast<int>(network.datasetParameters.at("samples"));
    if (samples > NetworkSettings::maxSamples)
        fail("network.dataset.parameters.samples",
            QString("is %1; the window trains at most %2 samples")
                .arg(samples)
                .arg(NetworkSettings::maxSamples));

    const QJsonValue layers = fields.take("layers");
    if (!layers.isArray() || layers.toArray().size() > NetworkSettings::maxHiddenLayers)
        fail("network.layers",
            QString("must be an array of at most %1 hidden-layer widths, e.g. [16, 16] ([] for "
                    "none)")
                .arg(NetworkSettings::maxHiddenLayers));
    const QJsonArray widths = layers.toArray();
    network.hiddenLayers.clear();
    for (int i = 0; i < widths.size(); ++i)
        network.hiddenLayers.push_back(int(integerNumber(
            widths[i], QString("network.layers[%1]").arg(i), 1, NetworkSettings::maxWidth)));

    if (const QJsonValue v = fields.take("activation", false); !v.isUndefined())
        network.activation = choice(v, "network.activation", activationNames());
    if (const QJsonValue v = fields.take("loss", false); !v.isUndefined()) {
        std::vector<std::string> losses = lossNames();
        losses.insert(losses.begin(), "auto");
        network.loss = choice(v, "network.loss", losses);
    }
    if (dataset->task == Task::Regression && network.loss != "auto" && network.loss != "mse")
        fail("network.loss",
            QString::fromStdString("'" + network.loss + "' needs a classification data set; "
                + network.dataset + " is a regression data set; accepted: auto, mse"));
    network.epochs = int(
        integerNumber(fields.take("epochs"), "network.epochs", 1, NetworkSettings::maxEpochs));
    if (const QJsonValue v = fields.take("batch_size", false); !v.isUndefined())
        network.batchSize = int(integerNumber(v, "network.batch_size", 0, samples));
    if (const QJsonValue v = fields.take("plane", false); !v.isUndefined())
        network.plane = choice(v, "network.plane", {"pca", "random"}) == "pca"
            ? PlaneDirections::Pca
            : PlaneDirections::Random;
    network.optimizers = readOptimizers(fields.take("optimizers"), "network.optimizers");
    fields.rejectUnknown();
    return network;
}

QJsonObject networkJson(const NetworkSettings& network)
{
    QJsonObject json;
    QJsonObject dataset {{"name", QString::fromStdString(network.dataset)}};
    if (const DatasetInfo* info = findDataset(network.dataset))
        dataset["parameters"] = parametersJson(info->parameters, network.datasetParameters);
    json["dataset"] = dataset;
    QJsonArray layers;
    for (int width : network.hiddenLayers)
        layers.append(width);
    json["layers"] = layers;
    json["activation"] = QString::fromStdString(network.activation);
    json["loss"] = QString::fromStdString(network.loss);
    json["epochs"] = network.epochs;
    json["batch_size"] = network.batchSize;
    json["plane"] = network.plane == PlaneDirections::Pca ? "pca" : "random";
    json["optimizers"] = optimizersJson(network.optimizers);
    return json;
}

} // namespace

QString OptimizerEntry::label() const
{
    QString text = QString::fromStdString(name);
    const OptimizerInfo* info = findOptimizer(name);
    if (!info)
        return text;
    // For people: 4 significant digits ("lr=0.01468", not "lr=0.014677578663479131");
    // the scene file keeps the exact values. Counts and switches as they are.
    const auto appendChanged = [&text](const ParameterSpecs& specs, const ParameterValues& values) {
        for (const ParameterSpec& spec : specs) {
            const auto it = values.find(spec.name);
            if (it == values.end() || it->second == spec.defaultValue)
                continue;
            const bool continuous = spec.scale == Scale::Log || spec.scale == Scale::Linear;
            text += QString(" %1=%2").arg(QString::fromStdString(spec.name),
                continuous ? QString::number(it->second, 'g', 4)
                           : QString::fromStdString(spec.formatValue(it->second)));
        }
    };
    appendChanged(info->parameters, parameters);
    if (const ScheduleInfo* schedules = findSchedule(schedule);
        schedules && schedules->kind != ScheduleKind::Constant) {
        text += QString::fromUtf8(" · ") + QString::fromStdString(schedule);
        appendChanged(schedules->parameters, scheduleParameters);
    }
    return text;
}

LearningRateSchedule OptimizerEntry::makeSchedule() const
{
    return LearningRateSchedule(schedule, scheduleParameters);
}

Scene Scene::defaultScene()
{
    Scene scene;
    scene.surfaceParameters
        = resolveParameters(findSurface(scene.surface)->parameters, {}, scene.surface);
    OptimizerEntry gd = scene.makeEntry("gd");
    gd.parameters["lr"] = 0.001;
    scene.optimizers.append(gd);
    OptimizerEntry momentum = scene.makeEntry("momentum");
    momentum.parameters["lr"] = 0.001;
    scene.optimizers.append(momentum);
    OptimizerEntry adam = scene.makeEntry("adam");
    adam.parameters["lr"] = 0.02;
    scene.optimizers.append(adam);
    return scene;
}

ViewRect Scene::effectiveView(const Surface& s) const
{
    return view.value_or(s.defaultView());
}

Point2 Scene::effectiveStart(const Surface& s) const
{
    return start.value_or(s.defaultStart());
}

std::unique_ptr<Surface> Scene::makeSurface() const
{
    return optviz::makeSurface(surface, surfaceParameters, expression);
}

OptimizerEntry Scene::makeEntry(const std::string& optimizerName) const
{
    const OptimizerInfo* info = findOptimizer(optimizerName);
    if (!info)
        throw InvalidArgument(unknownNameMessage("optimizer", optimizerName, optimizerNames()));
    OptimizerEntry entry;
    entry.name = optimizerName;
    entry.parameters = resolveParameters(info->parameters, {}, optimizerName);
    // The first palette colour no other entry uses.
    for (int i = 0; i < palette::pathColours().size(); ++i) {
        const QColor colour = palette::pathColour(i);
        bool used = false;
        for (const OptimizerEntry& other : optimizers)
            used = used || other.colour == colour;
        if (!used) {
            entry.colour = colour;
            return entry;
        }
    }
    entry.colour = palette::pathColour(int(optimizers.size()));
    return entry;
}

QJsonObject Scene::toJson() const
{
    QJsonObject json;
    json["format"] = formatTag;
    json["version"] = formatVersion;
    QJsonObject surfaceJson;
    surfaceJson["name"] = QString::fromStdString(surface);
    if (const SurfaceInfo* info = findSurface(surface))
        surfaceJson["parameters"] = parametersJson(info->parameters, surfaceParameters);
    if (surface == expressionSurfaceName)
        surfaceJson["expression"] = QString::fromStdString(
            expression.empty() ? std::string(ExpressionSurface::defaultFormula) : expression);
    json["surface"] = surfaceJson;
    if (view)
        json["view"] = QJsonObject {{"x_min", view->xMin}, {"x_max", view->xMax},
            {"y_min", view->yMin}, {"y_max", view->yMax}};
    if (start)
        json["start"] = QJsonArray {start->x, start->y};
    json["steps"] = double(steps);
    json["optimizers"] = optimizersJson(optimizers);
    json["noise"] = gradient.noise;
    json["seed"] = double(gradient.seed);
    json["clip_norm"] = gradient.clipNorm;
    json["batch_size"] = gradient.batchSize;
    json["layout"] = layout == SceneLayout::Overlay ? "overlay" : "small_multiples";
    json["loss_measure"] = lossMeasure == LossMeasure::Loss ? "loss" : "distance";
    if (!title.isEmpty())
        json["title"] = title;
    if (!text.isEmpty())
        json["text"] = text;
    if (!translations.isEmpty()) {
        QJsonObject byLanguage;
        for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
            QJsonObject localized;
            if (!it->title.isEmpty())
                localized["title"] = it->title;
            if (!it->text.isEmpty())
                localized["text"] = it->text;
            byLanguage[it.key()] = localized;
        }
        json["translations"] = byLanguage;
    }
    if (network)
        json["network"] = networkJson(*network);
    return json;
}

Scene Scene::fromJson(const QJsonObject& json)
{
    // Every field is taken through `fields` (or its object's Fields): what none takes is
    // refused as unknown at the end.
    Fields fields(json, "");
    if (fields.take("format").toString() != formatTag)
        fail("format", QString("must be \"%1\"").arg(formatTag));
    const long long version = integerNumber(fields.take("version"), "version", 0, 1000);
    if (version != formatVersion)
        fail("version",
            QString("%1 is not supported; accepted: %2").arg(version).arg(formatVersion));

    Scene scene;
    Fields surfaceFields(object(fields.take("surface"), "surface"), "surface.");
    scene.surface = shortString(surfaceFields.take("name"), "surface.name");
    const SurfaceInfo* surfaceInfo = findSurface(scene.surface);
    if (!surfaceInfo)
        fail("surface.name",
            QString::fromStdString(unknownNameMessage("surface", scene.surface, surfaceNames())));
    scene.surfaceParameters = parameters(surfaceFields.take("parameters", false),
        "surface.parameters", surfaceInfo->parameters, scene.surface);
    scene.expression = expressionField(surfaceFields.take("expression", false), scene.surface);
    surfaceFields.rejectUnknown();

    if (const QJsonValue viewJson = fields.take("view", false); !viewJson.isUndefined()) {
        Fields v(object(viewJson, "view"), "view.");
        ViewRect rect;
        rect.xMin = finiteNumber(v.take("x_min"), "view.x_min", -maxCoordinate, maxCoordinate);
        rect.xMax = finiteNumber(v.take("x_max"), "view.x_max", -maxCoordinate, maxCoordinate);
        rect.yMin = finiteNumber(v.take("y_min"), "view.y_min", -maxCoordinate, maxCoordinate);
        rect.yMax = finiteNumber(v.take("y_max"), "view.y_max", -maxCoordinate, maxCoordinate);
        if (!(rect.xMin < rect.xMax) || !(rect.yMin < rect.yMax))
            fail("view", "needs x_min < x_max and y_min < y_max");
        v.rejectUnknown();
        scene.view = rect;
    }
    if (const QJsonValue startJson = fields.take("start", false); !startJson.isUndefined()) {
        const QJsonArray p = startJson.toArray();
        if (!startJson.isArray() || p.size() != 2)
            fail("start", "must be an array [x, y]");
        scene.start = Point2 {finiteNumber(p[0], "start[0]", -maxCoordinate, maxCoordinate),
            finiteNumber(p[1], "start[1]", -maxCoordinate, maxCoordinate)};
    }
    scene.steps = integerNumber(fields.take("steps"), "steps", 0, maxSteps);

    scene.optimizers = readOptimizers(fields.take("optimizers"), "optimizers");

    if (const QJsonValue v = fields.take("noise", false); !v.isUndefined())
        scene.gradient.noise = finiteNumber(v, "noise", 0.0, 1e6);
    if (const QJsonValue v = fields.take("seed", false); !v.isUndefined())
        scene.gradient.seed = static_cast<std::uint64_t>(
            integerNumber(v, "seed", 0, 9007199254740992LL)); // 2^53: exact in JSON
    if (const QJsonValue v = fields.take("clip_norm", false); !v.isUndefined())
        scene.gradient.clipNorm = finiteNumber(v, "clip_norm", 0.0, 1e12);
    if (const QJsonValue v = fields.take("batch_size", false); !v.isUndefined()) {
        const auto surface = scene.makeSurface();
        scene.gradient.batchSize
            = int(integerNumber(v, "batch_size", 0, std::max(0, surface->sampleCount())));
    }
    if (const QJsonValue v = fields.take("layout", false); !v.isUndefined()) {
        if (v.toString() == "overlay")
            scene.layout = SceneLayout::Overlay;
        else if (v.toString() == "small_multiples")
            scene.layout = SceneLayout::SmallMultiples;
        else
            fail("layout", "must be \"overlay\" or \"small_multiples\"");
    }
    if (const QJsonValue v = fields.take("loss_measure", false); !v.isUndefined()) {
        if (v.toString() == "loss")
            scene.lossMeasure = LossMeasure::Loss;
        else if (v.toString() == "distance")
            scene.lossMeasure = LossMeasure::DistanceToMinimum;
        else
            fail("loss_measure", "must be \"loss\" or \"distance\"");
    }
    scene.title = plainText(fields.take("title", false), "title", maxTitleLength);
    scene.text = plainText(fields.take("text", false), "text", maxTextLength);
    scene.translations = readTranslations(fields.take("translations", false));
    if (const QJsonValue v = fields.take("network", false); !v.isUndefined())
        scene.network = readNetwork(v);
    fields.rejectUnknown();
    return scene;
}

namespace {

// A file's path as messages quote it: printable, and never used as a QString::arg format
// (a '%1' in a file name must stay as it is).
std::string shownPath(const QString& path)
{
    return "'" + printable(path.toStdString(), 200) + "'";
}

std::string tooLarge(const QString& path, qint64 bytes)
{
    return "scene " + shownPath(path) + " is " + std::to_string(bytes) + " bytes; at most "
        + std::to_string(maxFileBytes) + " are accepted";
}

} // namespace

Scene Scene::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InvalidArgument(
            "cannot open scene " + shownPath(path) + ": " + file.errorString().toStdString());
    // Checked before reading: a huge file is refused at once. A device or a pipe reports
    // no size; reading stops one byte past the limit, and fromBytes() refuses it.
    if (file.size() > maxFileBytes)
        throw InvalidArgument(tooLarge(path, file.size()));
    return fromBytes(file.read(maxFileBytes + 1), path);
}

Scene Scene::fromBytes(const QByteArray& bytes, const QString& path)
{
    if (bytes.size() > maxFileBytes)
        throw InvalidArgument(tooLarge(path, bytes.size()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        throw InvalidArgument("scene " + shownPath(path) + " is not valid JSON: "
            + error.errorString().toStdString() + " at byte " + std::to_string(error.offset));
    if (!document.isObject())
        throw InvalidArgument("scene " + shownPath(path) + " must hold a JSON object");
    return fromJson(document.object());
}

bool Scene::save(const QString& path, QString* error) const
{
    // io::AtomicFile: a temporary file beside the target, renamed over it when complete;
    // through a symbolic link to the file it leads to; never over a device or a FIFO.
    try {
        io::writeFileAtomically(QFile::encodeName(path).toStdString(),
            QJsonDocument(toJson()).toJson(QJsonDocument::Indented).toStdString());
    } catch (const io::WriteError& problem) {
        if (error)
            *error = writeErrorReason(problem);
        return false;
    }
    return true;
}

QString Scene::localizedTitle(const QString& language) const
{
    const auto it = translations.constFind(language);
    return it != translations.cend() && !it->title.isEmpty() ? it->title : title;
}

QString Scene::localizedText(const QString& language) const
{
    const auto it = translations.constFind(language);
    return it != translations.cend() && !it->text.isEmpty() ? it->text : text;
}

} // namespace optviz
