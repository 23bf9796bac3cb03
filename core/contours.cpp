#include "contours.h"

#include "surface_grid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace optviz {

namespace {

// The edges of cell (i, j), whose corners are c0 = (i, j), c1 = (i+1, j), c2 = (i+1, j+1)
// and c3 = (i, j+1). Crossing edge e leads into the neighbour's edge e ^ 2.
enum Edge : int { Bottom = 0, Right = 1, Top = 2, Left = 3 };

// A cell's case has bit c set when corner c is above the level.
constexpr int saddleBottomLeftTopRight = 0b0101;
constexpr int saddleBottomRightTopLeft = 0b1010;

constexpr bool isAbove(int cellCase, int corner)
{
    return ((cellCase >> corner) & 1) != 0;
}

constexpr int crossedEdges(int cellCase)
{
    int mask = 0;
    if (isAbove(cellCase, 0) != isAbove(cellCase, 1))
        mask |= 1 << Bottom;
    if (isAbove(cellCase, 1) != isAbove(cellCase, 2))
        mask |= 1 << Right;
    if (isAbove(cellCase, 3) != isAbove(cellCase, 2))
        mask |= 1 << Top;
    if (isAbove(cellCase, 0) != isAbove(cellCase, 3))
        mask |= 1 << Left;
    return mask;
}

// For the non-saddle cases, the edge a line leaves by given the one it enters by: the
// other crossed edge (-1 where the entry is not crossed).
using ExitTable = std::array<std::array<std::int8_t, 4>, 16>;
constexpr ExitTable buildExitTable()
{
    ExitTable table {};
    for (int cellCase = 0; cellCase < 16; ++cellCase) {
        const int mask = crossedEdges(cellCase);
        for (int entry = 0; entry < 4; ++entry) {
            table[cellCase][entry] = -1;
            if (!(mask & (1 << entry)))
                continue;
            for (int other = 0; other < 4; ++other) {
                if (other != entry && (mask & (1 << other)))
                    table[cellCase][entry] = static_cast<std::int8_t>(other);
            }
        }
    }
    return table;
}
constexpr ExitTable exitTable = buildExitTable();

// Follows the lines of one level through the grid. Bands, not values, decide which corners
// are above: band(p) = number of levels ≤ value(p), so "p is above sorted level k" is
// band(p) > k, computed once per point for all levels, and two cells sharing an edge
// always agree about it.
class Tracer
{
public:
    Tracer(const SurfaceGrid& grid, const std::vector<int>& bands, const std::vector<double>& xs,
        const std::vector<double>& ys, std::vector<std::uint8_t>& visited)
        : values_(grid.values().data())
        , bands_(bands.data())
        , xs_(xs.data())
        , ys_(ys.data())
        , visited_(visited.data())
        , columns_(grid.columns())
        , cellsX_(grid.columns() - 1)
        , cellsY_(grid.rows() - 1)
    {
    }

    void setLevel(int band, double level)
    {
        band_ = band;
        level_ = level;
    }

    // Traces every line of the current level through the given cell that is not traced yet.
    void traceCell(int cell, std::vector<Polyline>& lines)
    {
        const int i = cell % cellsX_;
        const int j = cell / cellsX_;
        const int cellCase = caseOf(i, j);
        if (cellCase < 0)
            return;
        const int mask = crossedEdges(cellCase);
        for (int entry = 0; entry < 4; ++entry) {
            if ((mask & (1 << entry)) && !(visited_[cell] & (1 << entry)))
                traceSegment(i, j, entry, exitOf(i, j, cellCase, entry), lines);
        }
    }

private:
    std::size_t pointIndex(int i, int j) const
    {
        return static_cast<std::size_t>(j) * static_cast<std::size_t>(columns_)
            + static_cast<std::size_t>(i);
    }

    // The marching-squares case of cell (i, j) for the current level; -1 if a corner is NaN.
    int caseOf(int i, int j) const
    {
        const std::size_t p = pointIndex(i, j);
        const std::size_t up = p + static_cast<std::size_t>(columns_);
        const int b0 = bands_[p], b1 = bands_[p + 1], b2 = bands_[up + 1], b3 = bands_[up];
        if ((b0 | b1 | b2 | b3) < 0)
            return -1;
        return int(b0 > band_) | int(b1 > band_) << 1 | int(b2 > band_) << 2 | int(b3 > band_) << 3;
    }

    int exitOf(int i, int j, int cellCase, int entry) const
    {
        if (cellCase != saddleBottomLeftTopRight && cellCase != saddleBottomRightTopLeft)
            return exitTable[static_cast<std::size_t>(cellCase)][static_cast<std::size_t>(entry)];
        // Saddle: is the centre (the corners' average) above? If so the "above" corners are
        // joined through it and the lines cut off the two "below" corners, else the reverse.
        const std::size_t p = pointIndex(i, j);
        const std::size_t up = p + static_cast<std::size_t>(columns_);
        const double centre = 0.25 * (values_[p] + values_[p + 1] + values_[up + 1] + values_[up]);
        const bool centreAbove = centre >= level_;
        // Cutting off c1 and c3 pairs bottom–right and top–left (entry ^ 1); cutting off c0
        // and c2 pairs bottom–left and right–top (3 − entry).
        const bool cutOffC1C3 = (cellCase == saddleBottomLeftTopRight) == centreAbove;
        return cutOffC1C3 ? (entry ^ 1) : (3 - entry);
    }

    // The crossing on an edge, always interpolated from the edge's lower-index end, so the
    // two cells sharing the edge produce the very same point.
    Point2 edgePoint(int i, int j, int edge) const
    {
        switch (edge) {
        case Bottom:
            return horizontalCrossing(i, j);
        case Top:
            return horizontalCrossing(i, j + 1);
        case Left:
            return verticalCrossing(i, j);
        default:
            return verticalCrossing(i + 1, j);
        }
    }
    Point2 horizontalCrossing(int i, int j) const
    {
        const std::size_t p = pointIndex(i, j);
        const double t = (level_ - values_[p]) / (values_[p + 1] - values_[p]);
        return {xs_[i] + t * (xs_[i + 1] - xs_[i]), ys_[j]};
    }
    Point2 verticalCrossing(int i, int j) const
    {
        const std::size_t p = pointIndex(i, j);
        const double v0 = values_[p];
        const double t = (level_ - v0) / (values_[p + static_cast<std::size_t>(columns_)] - v0);
        return {xs_[i], ys_[j] + t * (ys_[j + 1] - ys_[j])};
    }

    static void append(Polyline& line, const Point2& point)
    {
        // A level through a grid point gives zero-length pieces; drop the repeats.
        if (!line.empty() && line.back().x == point.x && line.back().y == point.y)
            return;
        line.push_back(point);
    }

    void traceSegment(int i, int j, int entry, int exit, std::vector<Polyline>& lines)
    {
        visited_[static_cast<std::size_t>(j * cellsX_ + i)]
            |= static_cast<std::uint8_t>((1 << entry) | (1 << exit));
        Polyline line;
        append(line, edgePoint(i, j, entry));
        append(line, edgePoint(i, j, exit));
        if (walk(i, j, exit, line)) {
            if (line.size() > 1
                && (line.back().x != line.front().x || line.back().y != line.front().y))
                line.push_back(line.front());
        } else {
            // An open line: the walk forward reached an end; fetch the part behind the start
            // and put it in front.
            Polyline behind;
            walk(i, j, entry, behind);
            if (!behind.empty()) {
                std::reverse(line.begin(), line.end());
                line.reserve(line.size() + behind.size());
                for (const Point2& point : behind)
                    append(line, point);
            }
        }
        if (line.size() > 1)
            lines.push_back(std::move(line));
    }

    // Leaves cell (i, j) through `exit` and keeps going from neighbour to neighbour,
    // appending each crossing, until the line leaves the grid or meets a NaN cell (returns
    // false) or comes back to an already traced segment, which can only be the one the
    // line started from (returns true: a closed loop, its first point already repeated).
    bool walk(int i, int j, int exit, Polyline& line)
    {
        for (;;) {
            switch (exit) {
            case Bottom:
                --j;
                break;
            case Right:
                ++i;
                break;
            case Top:
                ++j;
                break;
            default:
                --i;
                break;
            }
            if (i < 0 || j < 0 || i >= cellsX_ || j >= cellsY_)
                return false;
            const int cellCase = caseOf(i, j);
            if (cellCase < 0)
                return false;
            const int entry = exit ^ 2;
            std::uint8_t& visited = visited_[static_cast<std::size_t>(j * cellsX_ + i)];
            if (visited & (1 << entry))
                return true;
            exit = exitOf(i, j, cellCase, entry);
            if (exit < 0)
                return false; // cannot happen: neighbours agree on their shared edge
            visited |= static_cast<std::uint8_t>((1 << entry) | (1 << exit));
            append(line, edgePoint(i, j, exit));
        }
    }

    const double* values_;
    const int* bands_;
    const double* xs_;
    const double* ys_;
    std::uint8_t* visited_;
    int columns_;
    int cellsX_;
    int cellsY_;
    int band_ = 0;
    double level_ = 0.0;
};

} // namespace

std::vector<Contour> extractContours(const SurfaceGrid& grid, const std::vector<double>& levels)
{
    std::vector<Contour> contours(levels.size());
    for (std::size_t n = 0; n < levels.size(); ++n)
        contours[n].level = levels[n];
    if (grid.isEmpty() || !grid.hasFiniteValues())
        return contours;

    // The finite levels, sorted, remembering where each came from.
    std::vector<std::size_t> order;
    order.reserve(levels.size());
    for (std::size_t n = 0; n < levels.size(); ++n) {
        if (std::isfinite(levels[n]))
            order.push_back(n);
    }
    std::sort(order.begin(), order.end(),
        [&levels](std::size_t a, std::size_t b) { return levels[a] < levels[b]; });
    std::vector<double> sorted(order.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        sorted[k] = levels[order[k]];
    const int levelCount = static_cast<int>(sorted.size());
    if (levelCount == 0)
        return contours;

    // Bands: the number of levels ≤ each value (-1 for NaN). Neighbouring values are
    // close, so walking from the previous point's band is a step or two, not a search.
    const std::vector<double>& values = grid.values();
    std::vector<int> bands(values.size());
    int band = 0;
    for (std::size_t p = 0; p < values.size(); ++p) {
        const double v = values[p];
        if (std::isnan(v)) {
            bands[p] = -1;
            continue;
        }
        while (band < levelCount && sorted[static_cast<std::size_t>(band)] <= v)
            ++band;
        while (band > 0 && sorted[static_cast<std::size_t>(band - 1)] > v)
            --band;
        bands[p] = band;
    }

    // One pass over the cells for all levels: a cell whose corners span bands [lo, hi] is
    // crossed by exactly the sorted levels lo … hi − 1. Most cells span none.
    const int columns = grid.columns();
    const int cellsX = columns - 1;
    const int cellsY = grid.rows() - 1;
    std::vector<std::vector<int>> crossed(sorted.size());
    for (int j = 0; j < cellsY; ++j) {
        const int* below
            = bands.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(columns);
        const int* above = below + columns;
        for (int i = 0; i < cellsX; ++i) {
            const int b0 = below[i], b1 = below[i + 1], b2 = above[i + 1], b3 = above[i];
            const int lo = std::min(std::min(b0, b1), std::min(b2, b3));
            const int hi = std::max(std::max(b0, b1), std::max(b2, b3));
            if (lo == hi || lo < 0)
                continue;
            const int cell = j * cellsX + i;
            for (int k = lo; k < hi; ++k)
                crossed[static_cast<std::size_t>(k)].push_back(cell);
        }
    }

    std::vector<double> xs(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i)
        xs[static_cast<std::size_t>(i)] = grid.x(i);
    std::vector<double> ys(static_cast<std::size_t>(grid.rows()));
    for (int j = 0; j < grid.rows(); ++j)
        ys[static_cast<std::size_t>(j)] = grid.y(j);

    // Which segment ends (cell edges) are traced, per cell; cleared after each level
    // through that level's crossed cells only, which are all its lines can touch.
    std::vector<std::uint8_t> visited(
        static_cast<std::size_t>(cellsX) * static_cast<std::size_t>(cellsY), 0);
    Tracer tracer(grid, bands, xs, ys, visited);
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        tracer.setLevel(static_cast<int>(k), sorted[k]);
        std::vector<Polyline>& lines = contours[order[k]].lines;
        for (int cell : crossed[k])
            tracer.traceCell(cell, lines);
        for (int cell : crossed[k])
            visited[static_cast<std::size_t>(cell)] = 0;
    }
    return contours;
}

std::vector<Polyline> extractContour(const SurfaceGrid& grid, double level)
{
    std::vector<Contour> contours = extractContours(grid, {level});
    return std::move(contours.front().lines);
}

} // namespace optviz
