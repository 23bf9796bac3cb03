#pragma once

#include <QSlider>
#include <QStyleOptionSlider>

namespace optviz {

// A horizontal slider a hand can steer precisely:
//   drag         the handle follows the pointer (a click on the groove first moves the
//                handle there), one pixel = positionsPerPixel() positions
//   Shift+drag   10× finer, continuing from where Shift was pressed (no jump), and
//                finer than one position: the position becomes fractional
//   ← → ↑ ↓      one position;  Page Up/Down: pageStep() positions;  Home/End: the ends
//   wheel        wheelPositions positions a notch;  Shift+wheel: one position a notch
// Steps count from where the value really is: from a typed value between two positions,
// → moves exactly one position's worth, not to the next whole position.
// The hand's moves (drag, keys, wheel) are reported through preciseMoved(), with the
// fractional position; setValue() and a click on the groove emit valueChanged() as in
// any QSlider. setPrecisePosition() shows a fractional position silently.
class FineSlider : public QSlider
{
    Q_OBJECT

public:
    static constexpr double fineFactor = 0.1;
    static constexpr int wheelPositions = 10;

    explicit FineSlider(QWidget* parent = nullptr);

    double precisePosition() const { return precise_; }
    // Shows `position` (clamped to the range) without emitting any signal.
    void setPrecisePosition(double position);
    // Positions per pixel of a normal drag at the current width.
    double positionsPerPixel() const;
    // Where the handle is drawn (for tests, which press on it).
    QRect handleRect() const;

signals:
    // The hand moved the slider to `position` (fractional after a fine drag or from a
    // value between positions).
    void preciseMoved(double position);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void sliderChange(SliderChange change) override;

private:
    // The style's groove and handle at the current size; `span` is the handle's travel.
    struct Track
    {
        QStyleOptionSlider option;
        QRect groove;
        QRect handle;
        int span = 1;
    };
    Track track() const;
    double pixelOf(const QMouseEvent* event) const;
    int handlePositionAt(double pixel) const; // the position that centres the handle there
    void moveBy(double positions); // a user's move: shown and reported
    void moveTo(double position);

    double precise_ = 0.0;
    bool settingPrecise_ = false;

    // The drag: positions move relative to an anchor, re-set whenever Shift changes.
    bool dragging_ = false;
    bool fine_ = false;
    double anchorPixel_ = 0.0;
    double anchorPosition_ = 0.0;
    double lastPixel_ = 0.0;
    int wheelRemainder_ = 0; // eighths of a degree not yet turned into steps
};

} // namespace optviz
