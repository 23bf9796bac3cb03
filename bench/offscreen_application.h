#pragma once

namespace optviz::bench {

// The QApplication the widget metrics need. After the ui.* metrics it is theirs
// (ui_metrics.cpp's timed one); alone, one of its own, offscreen unless QT_QPA_PLATFORM
// says otherwise, never destroyed.
void ensureApplication();

} // namespace optviz::bench
