#pragma once

namespace optviz {
enum class PlaybackMode { Animate, Instant };
}
