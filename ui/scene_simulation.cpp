#include "scene_simulation.h"

#include "chunk_collector.h"
#include "run_series.h"

#include <memory>

namespace optviz {

SceneSimulation::SceneSimulation(const Scene& scene)
    : surface_(scene.makeSurface())
{
    const Point2 start = scene.effectiveStart(*surface_);
    Vector x(2);
    x << start.x, start.y;
    for (int i = 0; i < scene.optimizers.size(); ++i) {
        const OptimizerEntry& entry = scene.optimizers[i];
        if (!entry.enabled)
            continue;
        runners_.push_back(
            std::make_unique<Runner>(*surface_, makeOptimizer(entry.name, entry.parameters), x,
                scene.steps, scene.gradient, entry.makeSchedule()));
        entries_.push_back(i);
    }
}

bool SceneSimulation::advance(long long steps)
{
    for (auto& runner : runners_)
        runner->advance(steps);
    return isRunning();
}

bool SceneSimulation::isRunning() const
{
    for (const auto& runner : runners_)
        if (runner->status() == RunStatus::Running)
            return true;
    return false;
}

void SceneSimulation::runToEnd()
{
    for (auto& runner : runners_)
        runner->runToEnd();
}

QVector<RunSeries> seriesOf(const SceneSimulation& simulation)
{
    QVector<RunSeries> all;
    for (int run = 0; run < simulation.runCount(); ++run) {
        const Runner& runner = simulation.runner(run);
        const Trajectory& trajectory = runner.trajectory();
        RunChunk chunk;
        chunk.run = run;
        const auto n = trajectory.size();
        chunk.steps.resize(qsizetype(n));
        chunk.x.resize(qsizetype(n));
        chunk.y.resize(qsizetype(n));
        chunk.loss.resize(qsizetype(n));
        for (std::size_t i = 0; i < n; ++i) {
            chunk.steps[qsizetype(i)] = double(i);
            chunk.x[qsizetype(i)] = trajectory.coordinate(i, 0);
            chunk.y[qsizetype(i)] = trajectory.coordinate(i, 1);
            chunk.loss[qsizetype(i)] = trajectory.loss(i);
        }
        chunk.status = runner.status();
        chunk.stepsTaken = runner.stepsTaken();
        chunk.divergedAtStep = runner.divergedAtStep();
        runner.optimizer().inspect(chunk.state);
        RunSeries series;
        series.append(chunk);
        all.append(series);
    }
    return all;
}

QVector<RunSeries> runThinned(SceneSimulation& simulation)
{
    // Rounds of this many steps move the collected points into the series, which thins
    // them to its capacity: a round's points are the most held at once.
    constexpr long long stepsPerRound = 1 << 16;
    QVector<RunSeries> all;
    for (int run = 0; run < simulation.runCount(); ++run) {
        Runner& runner = simulation.runner(run);
        RunSeries series;
        ChunkCollector collector {int(stepsPerRound)};
        collector.attachTo(runner);
        do {
            runner.advance(stepsPerRound);
            series.append(collector.takeChunk(run, runner));
        } while (runner.status() == RunStatus::Running);
        runner.setObserver(nullptr);
        all.append(std::move(series));
    }
    return all;
}

} // namespace optviz
