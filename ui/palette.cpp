#include "palette.h"

namespace optviz::palette {

const QList<QColor>& pathColours()
{
    static const QList<QColor> colours = {
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0x00, 0x00, 0x00), // black
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    return colours;
}

QColor pathColour(int index)
{
    const QList<QColor>& colours = pathColours();
    return colours[((index % colours.size()) + colours.size()) % colours.size()];
}

QColor classColour(int index)
{
    static const QList<QColor> colours = {
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0x00, 0x00, 0x00), // black
        QColor(0xF0, 0xE4, 0x42), // yellow
    };
    return colours[((index % colours.size()) + colours.size()) % colours.size()];
}

const QList<ColourStop>& viridisStops()
{
    // viridis sampled at ten evenly spaced positions (i / 9), as R's viridis(10).
    static const QList<ColourStop> stops = {
        {0.0 / 9, QColor(0x44, 0x01, 0x54)},
        {1.0 / 9, QColor(0x48, 0x28, 0x78)},
        {2.0 / 9, QColor(0x3E, 0x4A, 0x89)},
        {3.0 / 9, QColor(0x31, 0x68, 0x8E)},
        {4.0 / 9, QColor(0x26, 0x82, 0x8E)},
        {5.0 / 9, QColor(0x1F, 0x9E, 0x89)},
        {6.0 / 9, QColor(0x35, 0xB7, 0x79)},
        {7.0 / 9, QColor(0x6D, 0xCD, 0x59)},
        {8.0 / 9, QColor(0xB4, 0xDE, 0x2C)},
        {9.0 / 9, QColor(0xFD, 0xE7, 0x25)},
    };
    return stops;
}

} // namespace optviz::palette
