#include "figure_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

// Room taken by what is not a map: the title and legend rows, the colour bar and the
// axes' labels, roughly (the choice only needs the aspect to be about right).
constexpr double chromeWidth = 110.0;
constexpr double chromeHeight = 130.0;
constexpr double axisLabels = 60.0; // per map: tick labels and axis titles
// The maps' share of the width when the loss panel is beside them (Figure::rebuild's
// column stretch: 1.5 + 0.45 per extra column against the loss panel's 1).
double besideMapShare(int columns)
{
    const double maps = 1.5 + 0.45 * (columns - 1);
    return maps / (maps + 1.0);
}

} // namespace

FigureLayout FigureLayout::choose(QSize figure, int maps, bool withLoss)
{
    FigureLayout layout;
    const double width = std::max(1, figure.width());
    const double height = std::max(1, figure.height());
    layout.lossBelowMap = withLoss && (width < narrowWidth || width < 1.15 * height);
    maps = std::max(1, maps);
    if (maps == 1)
        return layout;
    // Every column count; keep the one whose maps are closest to square, and of those
    // (within 10 %) the one with the larger maps.
    double bestScore = std::numeric_limits<double>::infinity();
    for (int columns = 1; columns <= maps; ++columns) {
        const int rows = (maps + columns - 1) / columns;
        if ((rows - 1) * columns >= maps)
            continue; // an empty row
        double areaWidth = width - chromeWidth;
        double areaHeight = height - chromeHeight;
        double share = 1.0;
        if (withLoss && layout.lossBelowMap) {
            // As much height as square maps want, between 45 % and 72 % of it.
            const double wanted = rows * (areaWidth / columns);
            share = std::clamp(wanted / std::max(1.0, areaHeight), 0.45, 0.72);
            areaHeight *= share;
        } else if (withLoss) {
            areaWidth *= besideMapShare(columns);
        }
        const double cellWidth = std::max(1.0, areaWidth / columns - axisLabels);
        const double cellHeight = std::max(1.0, areaHeight / rows - axisLabels);
        // Squareness first; a map's side breaks near-ties; empty cells cost a little.
        const double squareness = std::abs(std::log(cellWidth / cellHeight));
        const double side = std::min(cellWidth, cellHeight);
        const double score = squareness - 0.1 * std::log(side) + 0.05 * (rows * columns - maps);
        if (score < bestScore) {
            bestScore = score;
            layout.columns = columns;
            layout.rows = rows;
            layout.mapShare = share < 1.0 ? share : layout.mapShare;
        }
    }
    return layout;
}

} // namespace optviz
