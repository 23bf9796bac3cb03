#pragma once

#include "cli_arguments.h"
#include "ui/animation_export.h"
#include "ui/figure.h"
#include "ui/scene.h"

#include <QSize>

#include <optional>
#include <string>
#include <vector>

namespace optviz::cli {

// What `render` was asked for, every argument checked.
struct RenderRequest
{
    Scene scene;
    std::string out; // FILE.png, FILE.svg, FILE.pdf or FILE.gif
    QSize size;
    double scale = 1.0;
    Figure::Panels panels = Figure::Panels::SurfaceAndLoss;
    std::optional<std::string> saveScene;
    // For FILE.gif: the runs growing from step 0 to their end (--frames, --fps, --hold,
    // --no-loop; the size is the animation's).
    std::optional<AnimationOptions> animation;
};

std::vector<FlagSpec> renderFlags();

// Reads and checks every argument of `render` (the scene file too, and that the scene
// can be simulated) before any work: throws InvalidArgument naming the offending one,
// writes nothing. Shared with the fuzz target of the CLI's arguments.
RenderRequest parseRenderRequest(const Arguments& arguments);

// `optviz-cli render`: runs a scene (from --scene FILE.json, or from flags) and writes
// the figure the window shows as PNG, SVG or PDF, or its animation as a GIF. The only command that
// starts Qt's GUI machinery (offscreen when there is no display). Returns the exit status; throws
// InvalidArgument for bad input (status 2).
int renderCommand(const std::vector<std::string>& words);

} // namespace optviz::cli
