#include "figure_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace optviz {

namespace {

// Room taken by what is not a map: the title and legend rows, the colour bar and the
// axes' labels, roughly (the choice only needs the shapes to be about right).
constexpr double chromeWidth = 110.0;
constexpr double chromeHeight = 130.0;
constexpr double axisLabels = 60.0; // per map: tick labels and axis titles
// The loss panel needs this much (with its labels) to be read: beside the maps, width
// for a few step labels; under them, height for a few decades.
constexpr double lossMinimumWidth = 330.0;
constexpr double lossMinimumHeight = 150.0;
constexpr double minimumStackedHeight = 420.0;

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
    const double width = std::max(1, figure.width());
    const double height = std::max(1, figure.height());
    maps = std::max(1, maps);
    const double areaWidth = std::max(1.0, width - chromeWidth);
    const double areaHeight = std::max(1.0, height - chromeHeight);

    // Every arrangement (loss beside or below, 1 … n columns) is scored by the side of
    // the largest square that fits each map, less a penalty where the loss panel gets
    // too small to read: near-square maps as large as possible, never tall thin strips
    // or flat bands.
    FigureLayout best;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (const bool below : {false, true}) {
        if (below && (!withLoss || height < minimumStackedHeight))
            continue; // a short figure has no room for two rows of panels
        for (int columns = 1; columns <= maps; ++columns) {
            const int rows = (maps + columns - 1) / columns;
            if ((rows - 1) * columns >= maps)
                continue; // an empty row
            double mapsWidth = areaWidth, mapsHeight = areaHeight;
            double share = 1.6 / 2.6;
            double lossRoom = 0.0, lossNeeded = 0.0;
            if (below) {
                // As much height as square maps want, between 45 % and 72 % of it.
                const double wanted = rows * (areaWidth / columns);
                share = maps == 1 ? share : std::clamp(wanted / areaHeight, 0.45, 0.72);
                mapsHeight = areaHeight * share;
                lossRoom = areaHeight - mapsHeight;
                lossNeeded = lossMinimumHeight;
            } else if (withLoss) {
                mapsWidth = areaWidth * besideMapShare(columns);
                lossRoom = areaWidth - mapsWidth;
                lossNeeded = lossMinimumWidth;
            }
            const double cellWidth = mapsWidth / columns - axisLabels;
            const double cellHeight = mapsHeight / rows - axisLabels;
            double score = std::min(cellWidth, cellHeight);
            if (withLoss && lossRoom < lossNeeded)
                score -= 2.0 * (lossNeeded - lossRoom);
            score -= 2.0 * (rows * columns - maps); // an empty cell wastes room
            if (score > bestScore) {
                bestScore = score;
                best.lossBelowMap = below;
                best.columns = columns;
                best.rows = rows;
                best.mapShare = share;
            }
        }
    }
    return best;
}

} // namespace optviz
