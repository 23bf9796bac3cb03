#pragma once

#include "core/runner.h"
#include "scene.h"

#include <memory>
#include <vector>

namespace optviz {

// The runs of a scene: one Runner per enabled optimizer, all from the scene's start on
// its surface. Shared by the worker thread, `optviz-cli render` and the benchmark, so
// that the window and the files compute exactly the same thing.
class SceneSimulation
{
public:
    // Throws InvalidArgument if the scene names an unknown surface or optimizer, or if an
    // optimizer needs what the surface lacks.
    explicit SceneSimulation(const Scene& scene);

    const Surface& surface() const { return *surface_; }
    int runCount() const { return int(runners_.size()); }
    Runner& runner(int run) { return *runners_[std::size_t(run)]; }
    const Runner& runner(int run) const { return *runners_[std::size_t(run)]; }
    // The scene's optimizer index of a run (disabled optimizers have no run).
    int entryOf(int run) const { return entries_[std::size_t(run)]; }

    // Advances every run that is still running by up to `steps`; true while any runs.
    bool advance(long long steps);
    bool isRunning() const;
    void runToEnd();

private:
    std::shared_ptr<Surface> surface_;
    std::vector<std::unique_ptr<Runner>> runners_;
    std::vector<int> entries_;
};

// The runs' full trajectories as the plots take them, from runners that recorded them
// (tests compare the window's thinned streams with these).
QVector<class RunSeries> seriesOf(const SceneSimulation& simulation);

// Runs every run of `simulation` to its end and returns what the plots take, thinned as
// the window's worker thins it: memory stays bounded (a few hundred kB a run) however
// long the runs, where the full trajectories of 12 runs of 10 million steps would take
// gigabytes. Runs of up to RunSeries' capacity come out complete. For `render` and the
// exports.
QVector<class RunSeries> runThinned(SceneSimulation& simulation);

} // namespace optviz
