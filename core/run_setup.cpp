#include "run_setup.h"

namespace optviz {

std::vector<std::unique_ptr<Surface>> surfacesPerThread(const SurfaceFactory& factory, int threads)
{
    if (!factory)
        throw InvalidArgument("no surface to run on");
    std::vector<std::unique_ptr<Surface>> surfaces;
    surfaces.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        surfaces.push_back(factory());
        if (!surfaces.back())
            throw InvalidArgument("no surface to run on");
    }
    return surfaces;
}

bool runToEndUnlessCancelled(Runner& runner, const ParallelControl& control)
{
    // A few thousand steps take microseconds: the window's cancel is felt at once, and
    // the check costs nothing measurable.
    constexpr long long chunk = 4096;
    while (runner.status() == RunStatus::Running) {
        if (control.cancelled())
            return false;
        runner.advance(chunk);
    }
    return true;
}

} // namespace optviz
