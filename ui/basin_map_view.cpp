#include "basin_map_view.h"

#include "basin_map_painter.h"

#include <QFontInfo>
#include <QMouseEvent>
#include <QPainter>

namespace optviz {

BasinMapView::BasinMapView(QWidget* parent)
    : QWidget(parent)
{
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Each start point in the colour of the minimum the optimizer reaches from it. "
                  "Click to start the runs there."));
}

void BasinMapView::setMap(std::shared_ptr<const BasinMap> map, const QString& title)
{
    map_ = std::move(map);
    title_ = title;
    update();
}

void BasinMapView::setStart(std::optional<Point2> start)
{
    start_ = start;
    update();
}

QFont BasinMapView::mapFont() const
{
    // A little larger than the panel's text: the numbers must read from the back row.
    QFont font = this->font();
    font.setPixelSize(int(QFontInfo(font).pixelSize() * 1.15 + 0.5));
    return font;
}

QRectF BasinMapView::mapRect() const
{
    if (!map_)
        return {};
    return basins::layoutFor(
        QRectF(rect()).adjusted(4, 4, -4, -4), map_->grid.view, mapFont(), !title_.isEmpty())
        .map;
}

QPointF BasinMapView::pixelOf(Point2 point) const
{
    if (!map_)
        return {};
    const QRectF area = mapRect();
    const ViewRect& view = map_->grid.view;
    return {area.left() + (point.x - view.xMin) / (view.xMax - view.xMin) * area.width(),
        area.bottom() - (point.y - view.yMin) / (view.yMax - view.yMin) * area.height()};
}

QSize BasinMapView::sizeHint() const
{
    return {360, 360};
}

QSize BasinMapView::minimumSizeHint() const
{
    return {180, 180};
}

void BasinMapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!map_) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, title_.isEmpty() ? tr("Computing…") : title_);
        return;
    }
    basins::paintMap(painter, QRectF(rect()).adjusted(4, 4, -4, -4), *map_, title_,
        QColor(0x22, 0x22, 0x22), mapFont());
    if (start_) {
        // The start of the window's runs: a white disc ringed in ink, as in the figure.
        const QRectF area = mapRect();
        const QPointF centre = pixelOf(*start_);
        if (area.contains(centre)) {
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(QColor(0x22, 0x22, 0x22), 2.5));
            painter.setBrush(Qt::white);
            const double radius = QFontInfo(mapFont()).pixelSize() * 0.4;
            painter.drawEllipse(centre, radius, radius);
        }
    }
}

void BasinMapView::mousePressEvent(QMouseEvent* event)
{
    if (!map_ || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QRectF area = mapRect();
    if (!area.contains(event->position()))
        return;
    const Point2 point = basins::pointAt(event->position(), area, map_->grid.view);
    emit pointClicked(point.x, point.y);
}

} // namespace optviz
