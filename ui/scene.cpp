#include "scene.h"

#include "core/optimizer.h"
#include "palette.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

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
        const QString name = field + "." + it.key();
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

} // namespace

QString OptimizerEntry::label() const
{
    QString text = QString::fromStdString(name);
    const OptimizerInfo* info = findOptimizer(name);
    if (!info)
        return text;
    for (const ParameterSpec& spec : info->parameters) {
        const auto it = parameters.find(spec.name);
        if (it != parameters.end() && it->second != spec.defaultValue)
            text += QString(" %1=%2").arg(QString::fromStdString(spec.name),
                QString::fromStdString(spec.formatValue(it->second)));
    }
    return text;
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
    return optviz::makeSurface(surface, surfaceParameters);
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
    json["surface"] = surfaceJson;
    if (view)
        json["view"] = QJsonObject {{"x_min", view->xMin}, {"x_max", view->xMax},
            {"y_min", view->yMin}, {"y_max", view->yMax}};
    if (start)
        json["start"] = QJsonArray {start->x, start->y};
    json["steps"] = double(steps);
    QJsonArray optimizerArray;
    for (const OptimizerEntry& entry : optimizers) {
        QJsonObject entryJson;
        entryJson["name"] = QString::fromStdString(entry.name);
        if (const OptimizerInfo* info = findOptimizer(entry.name))
            entryJson["parameters"] = parametersJson(info->parameters, entry.parameters);
        entryJson["color"] = entry.colour.name();
        entryJson["enabled"] = entry.enabled;
        optimizerArray.append(entryJson);
    }
    json["optimizers"] = optimizerArray;
    json["noise"] = gradient.noise;
    json["seed"] = double(gradient.seed);
    json["clip_norm"] = gradient.clipNorm;
    json["batch_size"] = gradient.batchSize;
    json["layout"] = layout == SceneLayout::Overlay ? "overlay" : "small_multiples";
    json["loss_measure"] = lossMeasure == LossMeasure::Loss ? "loss" : "distance";
    return json;
}

Scene Scene::fromJson(const QJsonObject& json)
{
    if (member(json, "format", "").toString() != formatTag)
        fail("format", QString("must be \"%1\"").arg(formatTag));
    const long long version = integerNumber(member(json, "version", ""), "version", 0, 1000);
    if (version != formatVersion)
        fail("version",
            QString("%1 is not supported; accepted: %2").arg(version).arg(formatVersion));

    Scene scene;
    const QJsonObject surfaceJson = object(member(json, "surface", ""), "surface");
    scene.surface = shortString(member(surfaceJson, "name", "surface."), "surface.name");
    const SurfaceInfo* surfaceInfo = findSurface(scene.surface);
    if (!surfaceInfo)
        fail("surface.name",
            QString::fromStdString(unknownNameMessage("surface", scene.surface, surfaceNames())));
    scene.surfaceParameters = parameters(member(surfaceJson, "parameters", "surface.", false),
        "surface.parameters", surfaceInfo->parameters, scene.surface);

    if (const QJsonValue viewJson = member(json, "view", "", false); !viewJson.isUndefined()) {
        const QJsonObject v = object(viewJson, "view");
        ViewRect rect;
        rect.xMin = finiteNumber(
            member(v, "x_min", "view."), "view.x_min", -maxCoordinate, maxCoordinate);
        rect.xMax = finiteNumber(
            member(v, "x_max", "view."), "view.x_max", -maxCoordinate, maxCoordinate);
        rect.yMin = finiteNumber(
            member(v, "y_min", "view."), "view.y_min", -maxCoordinate, maxCoordinate);
        rect.yMax = finiteNumber(
            member(v, "y_max", "view."), "view.y_max", -maxCoordinate, maxCoordinate);
        if (!(rect.xMin < rect.xMax) || !(rect.yMin < rect.yMax))
            fail("view", "needs x_min < x_max and y_min < y_max");
        scene.view = rect;
    }
    if (const QJsonValue startJson = member(json, "start", "", false); !startJson.isUndefined()) {
        const QJsonArray p = startJson.toArray();
        if (!startJson.isArray() || p.size() != 2)
            fail("start", "must be an array [x, y]");
        scene.start = Point2 {finiteNumber(p[0], "start[0]", -maxCoordinate, maxCoordinate),
            finiteNumber(p[1], "start[1]", -maxCoordinate, maxCoordinate)};
    }
    scene.steps = integerNumber(member(json, "steps", ""), "steps", 0, maxSteps);

    const QJsonValue optimizersJson = member(json, "optimizers", "");
    if (!optimizersJson.isArray())
        fail("optimizers", "must be an array");
    const QJsonArray optimizerArray = optimizersJson.toArray();
    if (optimizerArray.size() > maxOptimizers)
        fail("optimizers",
            QString("has %1 entries; at most %2 are accepted")
                .arg(optimizerArray.size())
                .arg(maxOptimizers));
    for (int i = 0; i < optimizerArray.size(); ++i) {
        const QString path = QString("optimizers[%1].").arg(i);
        const QJsonObject entryJson = object(optimizerArray[i], path.chopped(1));
        OptimizerEntry entry;
        entry.name = shortString(member(entryJson, "name", path), path + "name");
        const OptimizerInfo* info = findOptimizer(entry.name);
        if (!info)
            fail(path + "name",
                QString::fromStdString(
                    unknownNameMessage("optimizer", entry.name, optimizerNames())));
        entry.parameters = parameters(member(entryJson, "parameters", path, false),
            path + "parameters", info->parameters, entry.name);
        try {
            makeOptimizer(entry.name, entry.parameters); // combinations (nesterov, rprop)
        } catch (const InvalidArgument& error) {
            fail(path + "parameters", QString::fromUtf8(error.what()));
        }
        const QJsonValue colour = member(entryJson, "color", path, false);
        if (colour.isUndefined()) {
            entry.colour = scene.makeEntry(entry.name).colour;
        } else {
            if (!colour.isString() || !QColor::isValidColorName(colour.toString())
                || colour.toString().size() > maxNameLength)
                fail(path + "color", "must be a colour such as \"#d55e00\"");
            entry.colour = QColor::fromString(colour.toString());
        }
        const QJsonValue enabled = member(entryJson, "enabled", path, false);
        if (!enabled.isUndefined() && !enabled.isBool())
            fail(path + "enabled", "must be true or false");
        entry.enabled = enabled.isUndefined() || enabled.toBool();
        scene.optimizers.append(entry);
    }

    if (const QJsonValue v = member(json, "noise", "", false); !v.isUndefined())
        scene.gradient.noise = finiteNumber(v, "noise", 0.0, 1e6);
    if (const QJsonValue v = member(json, "seed", "", false); !v.isUndefined())
        scene.gradient.seed = static_cast<std::uint64_t>(
            integerNumber(v, "seed", 0, 9007199254740992LL)); // 2^53: exact in JSON
    if (const QJsonValue v = member(json, "clip_norm", "", false); !v.isUndefined())
        scene.gradient.clipNorm = finiteNumber(v, "clip_norm", 0.0, 1e12);
    if (const QJsonValue v = member(json, "batch_size", "", false); !v.isUndefined()) {
        const auto surface = scene.makeSurface();
        scene.gradient.batchSize
            = int(integerNumber(v, "batch_size", 0, std::max(0, surface->sampleCount())));
    }
    if (const QJsonValue v = member(json, "layout", "", false); !v.isUndefined()) {
        if (v.toString() == "overlay")
            scene.layout = SceneLayout::Overlay;
        else if (v.toString() == "small_multiples")
            scene.layout = SceneLayout::SmallMultiples;
        else
            fail("layout", "must be \"overlay\" or \"small_multiples\"");
    }
    if (const QJsonValue v = member(json, "loss_measure", "", false); !v.isUndefined()) {
        if (v.toString() == "loss")
            scene.lossMeasure = LossMeasure::Loss;
        else if (v.toString() == "distance")
            scene.lossMeasure = LossMeasure::DistanceToMinimum;
        else
            fail("loss_measure", "must be \"loss\" or \"distance\"");
    }
    return scene;
}

Scene Scene::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InvalidArgument(
            QString("cannot open scene '%1': %2").arg(path, file.errorString()).toStdString());
    if (file.size() > maxFileBytes)
        throw InvalidArgument(QString("scene '%1' is %2 bytes; at most %3 are accepted")
                                  .arg(path)
                                  .arg(file.size())
                                  .arg(maxFileBytes)
                                  .toStdString());
    const QByteArray bytes = file.read(maxFileBytes + 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        throw InvalidArgument(QString("scene '%1' is not valid JSON: %2 at byte %3")
                                  .arg(path, error.errorString())
                                  .arg(error.offset)
                                  .toStdString());
    if (!document.isObject())
        throw InvalidArgument(
            QString("scene '%1' must hold a JSON object").arg(path).toStdString());
    return fromJson(document.object());
}

bool Scene::save(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace optviz
