#pragma once

#include <QSize>
#include <QSizeF>

namespace optviz {

// Where the figure's panels go for a given widget size: the loss panel beside the map
// on a wide figure, under it on a narrow one (where beside it both would be slivers and
// the step labels crowd), and the maps of small multiples in as many rows and columns as
// keep each map near square.
struct FigureLayout
{
    bool lossBelowMap = false;
    int columns = 1; // maps per row (small multiples)
    int rows = 1;
    // The share of the panels' height the maps get when the loss panel is under them.
    double mapShare = 1.6 / 2.6;

    // Below this width (device-independent pixels) the loss panel goes under the map.
    static constexpr int narrowWidth = 1280;

    // `maps`: 1 for an overlay, the run count for small multiples; `withLoss`: whether
    // the loss panel is shown at all.
    static FigureLayout choose(QSize figure, int maps, bool withLoss);
    bool operator==(const FigureLayout&) const = default;
};

} // namespace optviz
