#pragma once

#include <QRect>

class QScreen;
class QWidget;

namespace optviz {

// Keeping the window on the screen a classroom has (1024×768 projectors to 4K at 200 %).

// Screens narrower than this (in device-independent pixels) get the compact arrangement:
// every panel in one column of tabs, the figure the rest of the width.
inline constexpr int compactScreenWidth = 1280;
bool isCompactScreen(const QScreen* screen);

// The window size first start chooses on `available`: large enough for the panels beside
// the figure, never larger than the screen (a margin left for the title bar).
QRect initialWindowGeometry(const QRect& available);

// `frame` moved and shrunk as little as needed to lie inside `available`; `margins` is the
// window manager's frame around the client area (frame minus client size).
QRect fittedFrame(const QRect& frame, const QRect& available);

// A dock's content in a scroll area: a panel whose text grows (a long formula, a
// diverged run's numbers) scrolls inside its dock instead of widening the window.
QWidget* inScrollArea(QWidget* panel, QWidget* parent);

} // namespace optviz
