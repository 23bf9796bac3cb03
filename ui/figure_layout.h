#pragma once

#include <QSize>
#include <QSizeF>

namespace optviz {

// Where the figure's panels go for a given widget size: the loss panel beside the map
// or under it, and the maps of small multiples in rows and columns, whichever gives the
// maps the largest near-square room while the loss panel keeps room to be read. A wide
// figure (1600 × 900) has the loss panel beside the map; a narrow one (the window's figure
// beside its docks at 1024 × 768) under it, where beside it both would be slivers.
struct FigureLayout
{
    bool lossBelowMap = false;
    int columns = 1; // maps per row (small multiples)
    int rows = 1;
    // The share of the panels' height the maps get when the loss panel is under them.
    double mapShare = 1.6 / 2.6;

    // `maps`: 1 for an overlay, the run count for small multiples; `withLoss`: whether
    // the loss panel is shown at all.
    static FigureLayout choose(QSize figure, int maps, bool withLoss);
    bool operator==(const FigureLayout&) const = default;
};

} // namespace optviz
