#pragma once

#include "core/basins.h"

#include <QColor>
#include <QWidget>

#include <memory>
#include <optional>

namespace optviz {

// One basin map in the window's Basins dock, drawn by the same code (basin_map_painter.h)
// as `optviz-cli basins --out FILE.png`, with the scene's start point marked. A click on
// the map picks that point.
class BasinMapView : public QWidget
{
    Q_OBJECT

public:
    explicit BasinMapView(QWidget* parent = nullptr);

    // `map` may be null: the view then says it is computing.
    void setMap(std::shared_ptr<const BasinMap> map, const QString& title);
    const BasinMap* map() const { return map_.get(); }
    QString title() const { return title_; }
    void setStart(std::optional<Point2> start);
    // The widget pixel of a point of the map's view, for tests.
    QPointF pixelOf(Point2 point) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void pointClicked(double x, double y);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QFont mapFont() const;
    QRectF mapRect() const;

    std::shared_ptr<const BasinMap> map_;
    QString title_;
    std::optional<Point2> start_;
};

} // namespace optviz
