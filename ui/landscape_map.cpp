#include "landscape_map.h"

namespace optviz {

LandscapeMap::LandscapeMap(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPColorMap(keyAxis, valueAxis)
{
    setInterpolate(true);
    setTightBoundary(false);
}

void LandscapeMap::setContours(std::shared_ptr<const QVector<QPolygonF>> lines)
{
    contours_ = std::move(lines);
    ++version_;
}

void LandscapeMap::setContourPen(const QPen& pen)
{
    contourPen_ = pen;
    ++version_;
}

void LandscapeMap::setBlankBrush(const QBrush& brush)
{
    blankBrush_ = brush;
    ++version_;
}

void LandscapeMap::setMapData(const QCPColorMapData& data)
{
    // QCPColorMapData has no const copy-in; setData(…, copy = true) copies the cells.
    setData(const_cast<QCPColorMapData*>(&data), true);
    ++version_;
}

void LandscapeMap::draw(QCPPainter* painter)
{
    const bool exporting = painter->modes().testFlag(QCPPainter::pmNoCaching)
        || painter->modes().testFlag(QCPPainter::pmVectorized);
    if (exporting || !mKeyAxis || !mValueAxis
        || painter->worldTransform().type() > QTransform::TxTranslate) {
        drawUncached(painter);
        return;
    }
    const QRect rect = mKeyAxis->axisRect()->rect();
    if (rect.isEmpty())
        return;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const CacheKey key {rect, mKeyAxis->range(), mValueAxis->range(), mDataRange, ratio, version_};
    if (cache_.isNull() || !(key == cacheKey_)) {
        cache_ = QPixmap((QSizeF(rect.size()) * ratio).toSize());
        cache_.setDevicePixelRatio(ratio);
        cache_.fill(Qt::transparent);
        QCPPainter cachePainter(&cache_);
        cachePainter.setModes(painter->modes());
        cachePainter.translate(-rect.topLeft());
        cachePainter.setClipRect(rect);
        drawUncached(&cachePainter);
        cachePainter.end();
        cacheKey_ = key;
    }
    painter->drawPixmap(rect.topLeft(), cache_);
}

void LandscapeMap::drawUncached(QCPPainter* painter)
{
    if (blankBrush_.style() != Qt::NoBrush && mKeyAxis)
        painter->fillRect(mKeyAxis->axisRect()->rect(), blankBrush_);
    QCPColorMap::draw(painter);
    drawContours(painter);
}

void LandscapeMap::drawContours(QCPPainter* painter) const
{
    if (!contours_ || contours_->isEmpty() || !mKeyAxis || !mValueAxis)
        return;
    const QCPAxis* keyAxis = mKeyAxis.data();
    const QCPAxis* valueAxis = mValueAxis.data();
    painter->save();
    painter->setAntialiasing(true);
    painter->setPen(contourPen_);
    painter->setBrush(Qt::NoBrush);
    QPolygonF pixels;
    for (const QPolygonF& line : *contours_) {
        pixels.resize(line.size());
        for (qsizetype i = 0; i < line.size(); ++i)
            pixels[i]
                = QPointF(keyAxis->coordToPixel(line[i].x()), valueAxis->coordToPixel(line[i].y()));
        painter->drawPolyline(pixels);
    }
    painter->restore();
}

} // namespace optviz
