#pragma once

#include "gradient_oracle.h"
#include "lr_schedule.h"
#include "parallel_runs.h"
#include "parameter.h"
#include "runner.h"
#include "surface.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace optviz {

// Builds the surface of a batch of runs. Called once per worker thread (on the calling
// thread, before the workers start), so that every thread computes on a copy of its
// own: a surface need not be safe to share between threads (a compiled formula may
// keep scratch space).
using SurfaceFactory = std::function<std::unique_ptr<Surface>()>;

// What every run of a hyperparameter sweep or a basin map has in common: the problem
// of `optviz-cli run` without its start point.
struct RunSetup
{
    SurfaceFactory surface;
    std::string optimizer; // catalogue name
    ParameterValues parameters; // overrides of the optimizer's defaults
    LearningRateSchedule schedule;
    GradientSettings gradient;
    long long steps = 100;
};

// `threads` surfaces from the factory; throws what the factory throws, or
// InvalidArgument if it returns none.
std::vector<std::unique_ptr<Surface>> surfacesPerThread(const SurfaceFactory& factory, int threads);

// Runs `runner` to the end of its budget in chunks, checking `control.cancel` between
// them; false if cancelled first.
bool runToEndUnlessCancelled(Runner& runner, const ParallelControl& control);

} // namespace optviz
