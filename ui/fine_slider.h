#pragma once

#include <QSlider>

namespace optviz {

// A horizontal slider a hand can steer precisely:
//   drag         the handle follows the pointer (a click on the groove first moves the
//                handle there), one pixel = positionsPerPixel() positions
//   Shift+drag   10× finer, continuing from where Shift was pressed (no jump), and
//                finer than one position: the position becomes fractional
//   ← → ↑ ↓      one position;  Page Up/Down: pageStep() positions;  Home/End: the ends
//   wheel        wheelPositions positions a notch;  Shift+wheel: one position a notch
// A drag reports its (possibly fractional) position through preciseMoved(); keys and the
// wheel change value() and emit valueChanged() as any QSlider does.
// setPrecisePosition() shows a fractional position silently, so that a value between
// two positions (a fine drag, a typed value) is where the next fine drag starts.
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

signals:
    // A drag moved to `position`: a whole number, or fractional in fine mode.
    void preciseMoved(double position);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void sliderChange(SliderChange change) override;

private:
    double pixelOf(const QMouseEvent* event) const;
    int handlePositionAt(double pixel) const; // the position that centres the handle there

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
