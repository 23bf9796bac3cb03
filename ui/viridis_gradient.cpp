#include "viridis_gradient.h"

#include "palette.h"

namespace optviz {

QCPColorGradient viridisGradient(int levels)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const palette::ColourStop& stop : palette::viridisStops())
        gradient.setColorStopAt(stop.position, stop.colour);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(levels);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

} // namespace optviz
