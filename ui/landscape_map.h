#pragma once

#include <qcustomplot.h>

#include <QPen>
#include <QPixmap>
#include <QPolygonF>
#include <QVector>

#include <memory>

namespace optviz {

// The surface as the figure paints it: a QCPColorMap heat map with the contour lines
// drawn over it, in one layerable so that both can be cached together.
//
// On screen, the heat map and a few thousand contour points cost milliseconds to paint,
// far too much to repeat each time a trajectory changes (a learning-rate slider drag
// replots up to 60 times a second). So the rendering is kept in a pixmap and reused until
// the data, the axis ranges, the axis rect or the device pixel ratio change; a replot
// then costs one blit for the whole landscape. Exports (QCPPainter::pmNoCaching,
// pmVectorized) bypass the cache and draw afresh, so PDF and SVG get vector contours.
class LandscapeMap : public QCPColorMap
{
    Q_OBJECT

public:
    LandscapeMap(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // The contour lines, in plot coordinates, shared between the maps of small
    // multiples. Null or empty: no lines.
    void setContours(std::shared_ptr<const QVector<QPolygonF>> lines);
    void setContourPen(const QPen& pen);
    // Fills the axis rect under the heat map (shows where the surface is not finite, and
    // where a pan has not been recomputed yet). The map sits below the "background"
    // layer, so the axis rect's own background would hide it.
    void setBlankBrush(const QBrush& brush);
    // Copies `data` into the map (the colour data of the heat map).
    void setMapData(const QCPColorMapData& data);
    // Forces the next on-screen paint to render afresh (after a change of gradient,
    // data range or scale type).
    void invalidateCache() { ++version_; }

protected:
    void draw(QCPPainter* painter) override;

private:
    void drawUncached(QCPPainter* painter);
    void drawContours(QCPPainter* painter) const;

    struct CacheKey
    {
        QRect rect;
        QCPRange keyRange, valueRange, dataRange;
        qreal pixelRatio = 0.0;
        quint64 version = 0;
        bool operator==(const CacheKey& other) const
        {
            return rect == other.rect && keyRange == other.keyRange
                && valueRange == other.valueRange && dataRange == other.dataRange
                && pixelRatio == other.pixelRatio && version == other.version;
        }
    };

    std::shared_ptr<const QVector<QPolygonF>> contours_;
    QPen contourPen_;
    QBrush blankBrush_;
    QPixmap cache_;
    CacheKey cacheKey_;
    quint64 version_ = 1;
};

} // namespace optviz
