#include "trajectory_export.h"

#include "core/number_format.h"
#include "safe_file.h"
#include "scene_simulation.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace optviz {

namespace {

std::string csvText(const Scene& scene, const SceneSimulation& simulation)
{
    std::string out = "optimizer,label,step,x,y,loss\n";
    for (int run = 0; run < simulation.runCount(); ++run) {
        const OptimizerEntry& entry = scene.optimizers[simulation.entryOf(run)];
        // Labels may contain spaces and '=', never quotes or commas; quote them anyway.
        const std::string prefix = entry.name + ",\"" + entry.label().toStdString() + "\",";
        const Trajectory& trajectory = simulation.runner(run).trajectory();
        for (std::size_t i = 0; i < trajectory.size(); ++i) {
            out += prefix;
            out += std::to_string(i);
            out += ',';
            appendNumber17(out, trajectory.coordinate(i, 0));
            out += ',';
            appendNumber17(out, trajectory.coordinate(i, 1));
            out += ',';
            appendNumber17(out, trajectory.loss(i));
            out += '\n';
        }
    }
    return out;
}

void appendArray(std::string& out, const char* key, const std::vector<double>& values,
    std::size_t offset, std::size_t stride)
{
    out += "\"";
    out += key;
    out += "\": [";
    for (std::size_t i = offset, n = 0; i < values.size(); i += stride, ++n) {
        if (n)
            out += ", ";
        appendNumber17(out, values[i]);
    }
    out += "]";
}

std::string jsonText(const Scene& scene, const SceneSimulation& simulation)
{
    std::string out = "{\n  \"format\": \"optviz-trajectories\",\n  \"version\": 1,\n";
    out += "  \"scene\": "
        + QJsonDocument(scene.toJson()).toJson(QJsonDocument::Compact).toStdString();
    out += ",\n  \"runs\": [";
    for (int run = 0; run < simulation.runCount(); ++run) {
        const OptimizerEntry& entry = scene.optimizers[simulation.entryOf(run)];
        const Runner& runner = simulation.runner(run);
        const Trajectory& trajectory = runner.trajectory();
        out += run ? ",\n    {" : "\n    {";
        out += "\"optimizer\": \"" + entry.name + "\", \"label\": \"" + entry.label().toStdString()
            + "\", \"color\": \"" + entry.colour.name().toStdString() + "\", ";
        const bool diverged = runner.status() == RunStatus::Diverged;
        out += std::string("\"status\": \"") + (diverged ? "diverged" : "finished") + "\", ";
        out += "\"diverged_at_step\": "
            + (diverged ? std::to_string(runner.divergedAtStep()) : std::string("null"))
            + ",\n     ";
        appendArray(out, "x", trajectory.coordinates(), 0, 2);
        out += ",\n     ";
        appendArray(out, "y", trajectory.coordinates(), 1, 2);
        out += ",\n     ";
        appendArray(out, "loss", trajectory.losses(), 0, 1);
        out += "}";
    }
    out += "\n  ]\n}\n";
    return out;
}

} // namespace

bool exportTrajectories(const Scene& scene, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "csv" && suffix != "json") {
        if (error)
            *error = QObject::tr("'%1': choose a .csv or .json file name").arg(path);
        return false;
    }
    if (!checkOutputPath(path, error)) // a device or a missing folder: before the runs
        return false;
    std::string text;
    try {
        SceneSimulation simulation(scene);
        simulation.runToEnd();
        text = suffix == "csv" ? csvText(scene, simulation) : jsonText(scene, simulation);
    } catch (const InvalidArgument& problem) {
        if (error)
            *error = QString::fromUtf8(problem.what());
        return false;
    }
    return writeFileSafely(path, QByteArray::fromStdString(text), error);
}

} // namespace optviz
