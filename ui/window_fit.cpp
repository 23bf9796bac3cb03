#include "window_fit.h"

#include <QFrame>
#include <QScreen>
#include <QScrollArea>

#include <algorithm>

namespace optviz {

bool isCompactScreen(const QScreen* screen)
{
    return screen && screen->availableGeometry().width() < compactScreenWidth;
}

QRect initialWindowGeometry(const QRect& available)
{
    // A compact screen (a projector) is all figure and panels: the whole of it. Larger
    // ones: 1480 × 920 holds both panel columns beside a square map and the loss plot,
    // less a title bar's worth on screens not much larger.
    if (available.width() < compactScreenWidth)
        return available;
    const int width = std::min(1480, available.width() * 19 / 20);
    const int height = std::min(920, available.height() * 19 / 20);
    QRect geometry(0, 0, width, height);
    geometry.moveCenter(available.center());
    return geometry;
}

QRect fittedFrame(const QRect& frame, const QRect& available)
{
    QRect fitted = frame;
    fitted.setWidth(std::min(frame.width(), available.width()));
    fitted.setHeight(std::min(frame.height(), available.height()));
    fitted.moveLeft(
        std::clamp(fitted.left(), available.left(), available.right() - fitted.width() + 1));
    fitted.moveTop(
        std::clamp(fitted.top(), available.top(), available.bottom() - fitted.height() + 1));
    return fitted;
}

QWidget* inScrollArea(QWidget* panel, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setObjectName(panel->objectName() + QStringLiteral("Scroll"));
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace optviz
