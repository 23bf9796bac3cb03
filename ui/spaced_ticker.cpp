#include "spaced_ticker.h"

#include <algorithm>

namespace optviz {

SpacedTicker::SpacedTicker(QCPAxis* axis, double spacing)
    : axis_(axis)
    , spacing_(spacing)
{
}

double SpacedTicker::getTickStep(const QCPRange& range)
{
    if (axis_ && axis_->axisRect() && spacing_ > 0.0) {
        const int pixels = axis_->orientation() == Qt::Horizontal ? axis_->axisRect()->width()
                                                                  : axis_->axisRect()->height();
        if (pixels > 0)
            setTickCount(std::clamp(int(pixels / spacing_), 2, 10));
    }
    return QCPAxisTicker::getTickStep(range);
}

} // namespace optviz
