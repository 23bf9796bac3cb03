#include "basins.h"

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// Which known minimum each iterate is near, and since when it has stayed near it.
class MinimumWatch final : public RunObserver
{
public:
    MinimumWatch(const std::vector<Point2>& minima, double tolerance)
        : minima_(minima)
        , toleranceSquared_(tolerance * tolerance)
    {
    }

    void check(long long step, const Vector& x)
    {
        const int nearest = nearestWithin(x[0], x[1]);
        if (nearest != current_) {
            current_ = nearest;
            since_ = step;
        }
    }
    bool stepTaken(long long step, const Vector& x, double) override
    {
        check(step, x);
        return true;
    }
    int current() const { return current_; }
    long long since() const { return since_; }

private:
    int nearestWithin(double x, double y) const
    {
        int nearest = -1;
        double best = toleranceSquared_;
        for (std::size_t i = 0; i < minima_.size(); ++i) {
            const double dx = x - minima_[i].x;
            const double dy = y - minima_[i].y;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= best) {
                best = d2;
                nearest = static_cast<int>(i);
            }
        }
        return nearest;
    }

    const std::vector<Point2>& minima_;
    double toleranceSquared_;
    int current_ = -2; // nothing seen yet
    long long since_ = 0;
};

} // namespace

Point2 BasinGrid::cellCentre(int column, int row) const
{
    return {view.xMin + (column + 0.5) * (view.xMax - view.xMin) / width,
        view.yMin + (row + 0.5) * (view.yMax - view.yMin) / height};
}

void BasinGrid::check() const
{
    if (width < 1 || width > maxSide || height < 1 || height > maxSide)
        throw InvalidArgument("grid " + std::to_string(width) + "x" + std::to_string(height)
            + " is not accepted; accepted: WxH with W and H integers in [1, "
            + std::to_string(maxSide) + "]");
    if (!std::isfinite(view.xMin) || !std::isfinite(view.xMax) || !std::isfinite(view.yMin)
        || !std::isfinite(view.yMax) || !(view.xMin < view.xMax) || !(view.yMin < view.yMax))
        throw InvalidArgument("range is not accepted; accepted: finite X0 < X1 and Y0 < Y1");
}

BasinMap runBasins(
    const RunSetup& setup, const BasinGrid& grid, double tolerance, const ParallelControl& control)
{
    makeOptimizer(setup.optimizer, setup.parameters); // unknown names, bad values: once
    grid.check();
    if (!std::isfinite(tolerance) || tolerance <= 0.0)
        throw InvalidArgument(
            "tolerance " + formatNumber(tolerance) + " is not accepted; accepted: a number > 0");

    BasinMap map;
    map.grid = grid;
    map.tolerance = tolerance;
    map.steps = std::max(0LL, setup.steps);
    const long long total = static_cast<long long>(grid.width) * grid.height;
    map.cells.resize(static_cast<std::size_t>(total));
    const int threads = parallelThreadCount(control, total);
    const std::vector<std::unique_ptr<Surface>> surfaces
        = surfacesPerThread(setup.surface, threads);
    map.minima = surfaces.front()->minima();

    map.complete = parallelRuns(total, control, [&](int thread, long long item) {
        const int column = static_cast<int>(item % grid.width);
        const int row = static_cast<int>(item / grid.width);
        const Point2 centre = grid.cellCentre(column, row);
        Vector start(2);
        start << centre.x, centre.y;
        Runner runner(*surfaces[static_cast<std::size_t>(thread)],
            makeOptimizer(setup.optimizer, setup.parameters), start, setup.steps, setup.gradient,
            setup.schedule);
        runner.setRecording(false);
        MinimumWatch watch(map.minima, tolerance);
        watch.check(0, start);
        runner.setObserver(&watch);
        if (!runToEndUnlessCancelled(runner, control))
            return;
        BasinCell& cell = map.cells[static_cast<std::size_t>(item)];
        cell.diverged = runner.status() == RunStatus::Diverged;
        cell.minimum = cell.diverged ? -1 : watch.current();
        cell.steps = cell.minimum >= 0 ? watch.since() : map.steps;
    });
    return map;
}

} // namespace optviz
