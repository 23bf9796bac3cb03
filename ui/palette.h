#pragma once

#include <QColor>
#include <QList>

namespace optviz::palette {

// Path colours: the Okabe–Ito palette, which stays distinguishable for the common forms
// of colour blindness, ordered so that the first three (the usual GD / momentum / Adam
// comparison) differ in lightness as well as hue. Yellow comes last: it vanishes on the
// bright end of the heat map.
const QList<QColor>& pathColours();
QColor pathColour(int index);

// Class colours of the network's data sets, the same Okabe–Ito colours in another order:
// blue and vermillion first (the pair that stays apart in every common colour-vision
// deficiency, and the two ends of the two-class boundary map), yellow last.
QColor classColour(int index);

// Surface colour map: viridis (perceptually uniform, colour-blind safe, readable in
// grey), as stops, since QCustomPlot 2.1 has no built-in viridis gradient.
struct ColourStop
{
    double position;
    QColor colour;
};
const QList<ColourStop>& viridisStops();

} // namespace optviz::palette
