#include "fine_slider.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace optviz {

FineSlider::FineSlider(QWidget* parent)
    : QSlider(Qt::Horizontal, parent)
{
}

void FineSlider::setPrecisePosition(double position)
{
    position = std::clamp(position, double(minimum()), double(maximum()));
    const QSignalBlocker blocker(this);
    settingPrecise_ = true;
    setValue(int(std::lround(position)));
    settingPrecise_ = false;
    precise_ = position;
}

FineSlider::Track FineSlider::track() const
{
    Track track;
    initStyleOption(&track.option);
    track.groove
        = style()->subControlRect(QStyle::CC_Slider, &track.option, QStyle::SC_SliderGroove, this);
    track.handle
        = style()->subControlRect(QStyle::CC_Slider, &track.option, QStyle::SC_SliderHandle, this);
    track.span = std::max(1, track.groove.width() - track.handle.width());
    return track;
}

double FineSlider::positionsPerPixel() const
{
    return double(maximum() - minimum()) / track().span;
}

QRect FineSlider::handleRect() const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    return style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
}

double FineSlider::pixelOf(const QMouseEvent* event) const
{
    return event->position().x();
}

int FineSlider::handlePositionAt(double pixel) const
{
    const Track where = track();
    const int offset = int(std::lround(pixel)) - where.handle.width() / 2 - where.groove.x();
    return QStyle::sliderValueFromPosition(
        minimum(), maximum(), offset, where.span, where.option.upsideDown);
}

void FineSlider::mousePressEvent(QMouseEvent* event)
{
    dragging_ = false;
    if (event->button() == Qt::LeftButton && event->buttons() == Qt::LeftButton
        && maximum() > minimum()) {
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle
            = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        // A click beside the handle moves it under the pointer (rather than paging
        // towards it); QSlider then starts dragging it from there.
        if (!handle.contains(event->position().toPoint()))
            setValue(handlePositionAt(pixelOf(event)));
    }
    QSlider::mousePressEvent(event);
    if (isSliderDown()) {
        dragging_ = true;
        fine_ = event->modifiers().testFlag(Qt::ShiftModifier);
        anchorPixel_ = lastPixel_ = pixelOf(event);
        anchorPosition_ = precise_;
    }
}

void FineSlider::mouseMoveEvent(QMouseEvent* event)
{
    if (!dragging_ || !isSliderDown()) {
        QSlider::mouseMoveEvent(event);
        return;
    }
    event->accept();
    const double pixel = pixelOf(event);
    const bool fine = event->modifiers().testFlag(Qt::ShiftModifier);
    if (fine != fine_) {
        // Shift pressed or released: continue from here at the new rate, so the value
        // never jumps when the hand changes mode.
        anchorPixel_ = lastPixel_;
        anchorPosition_ = precise_;
        fine_ = fine;
    }
    lastPixel_ = pixel;
    QStyleOptionSlider option;
    initStyleOption(&option);
    const double direction = option.upsideDown ? -1.0 : 1.0;
    // Relative to the anchor, not accumulated move by move: the same pointer position
    // always gives the same value, also after the pointer left the groove and came back.
    double position = anchorPosition_
        + direction * (pixel - anchorPixel_) * positionsPerPixel() * (fine ? fineFactor : 1.0);
    position = std::clamp(position, double(minimum()), double(maximum()));
    if (!fine)
        position = std::round(position);
    moveTo(position);
}

void FineSlider::moveBy(double positions)
{
    moveTo(precise_ + positions);
}

void FineSlider::moveTo(double position)
{
    position = std::clamp(position, double(minimum()), double(maximum()));
    if (position == precise_)
        return;
    setPrecisePosition(position);
    emit preciseMoved(position);
}

void FineSlider::keyPressEvent(QKeyEvent* event)
{
    // As QAbstractSlider maps them, but counted from the precise position.
    const bool reversed = invertedControls() != (layoutDirection() == Qt::RightToLeft);
    const double single = singleStep();
    switch (event->key()) {
    case Qt::Key_Right:
        moveBy(reversed ? -single : single);
        break;
    case Qt::Key_Left:
        moveBy(reversed ? single : -single);
        break;
    case Qt::Key_Up:
        moveBy(invertedControls() ? -single : single);
        break;
    case Qt::Key_Down:
        moveBy(invertedControls() ? single : -single);
        break;
    case Qt::Key_PageUp:
        moveBy(invertedControls() ? -pageStep() : pageStep());
        break;
    case Qt::Key_PageDown:
        moveBy(invertedControls() ? pageStep() : -pageStep());
        break;
    case Qt::Key_Home:
        moveTo(minimum());
        break;
    case Qt::Key_End:
        moveTo(maximum());
        break;
    default:
        QSlider::keyPressEvent(event);
        return;
    }
    event->accept();
}

void FineSlider::mouseReleaseEvent(QMouseEvent* event)
{
    QSlider::mouseReleaseEvent(event);
    if (!isSliderDown())
        dragging_ = false;
}

void FineSlider::wheelEvent(QWheelEvent* event)
{
    const QPoint angle = event->angleDelta();
    int delta = std::abs(angle.x()) > std::abs(angle.y()) ? angle.x() : angle.y();
    if (event->inverted())
        delta = -delta;
    if (delta == 0 || maximum() == minimum()) {
        event->ignore();
        return;
    }
    event->accept();
    // Touchpads send fractions of a notch: collect them until a notch is full.
    wheelRemainder_ += delta;
    const int notches = wheelRemainder_ / 120;
    wheelRemainder_ -= notches * 120;
    if (notches == 0)
        return;
    const int perNotch = event->modifiers().testFlag(Qt::ShiftModifier) ? 1 : wheelPositions;
    moveBy(double(notches * perNotch));
}

void FineSlider::sliderChange(SliderChange change)
{
    // setValue(), a click on the groove: the position is whole again.
    if ((change == SliderValueChange || change == SliderRangeChange) && !settingPrecise_)
        precise_ = value();
    QSlider::sliderChange(change);
}

} // namespace optviz
