#include "cli_basins.h"

#include "core/number_format.h"
#include "exit_status.h"
#include "output_sink.h"
#include "ui/basin_map_painter.h"
#include "ui/safe_file.h"

#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace optviz::cli {

namespace {

// A run counts as having reached a minimum when it ends within this distance of it,
// unless --tolerance.
constexpr double defaultTolerance = 1e-2;

// "WxH", both integers in [1, BasinGrid::maxSide].
std::pair<int, int> parseGrid(const std::string& text)
{
    const std::string accepted = "accepted: WxH with W and H integers in [1, "
        + std::to_string(BasinGrid::maxSide) + "], e.g. 200x200";
    const auto x = text.find_first_of("xX");
    double w = 0.0;
    double h = 0.0;
    if (x == std::string::npos || !parseDouble(std::string_view(text).substr(0, x), w)
        || !parseDouble(std::string_view(text).substr(x + 1), h) || w != std::floor(w)
        || h != std::floor(h))
        throw InvalidArgument("--grid '" + printable(text) + "' is not WxH; " + accepted);
    if (w < 1 || w > BasinGrid::maxSide || h < 1 || h > BasinGrid::maxSide)
        throw InvalidArgument("--grid " + printable(text) + " is out of range; " + accepted);
    return {int(w), int(h)};
}

// "X0:X1,Y0:Y1" with finite X0 < X1 and Y0 < Y1.
ViewRect parseRange(const std::string& text)
{
    const std::string accepted
        = "accepted: X0:X1,Y0:Y1 with finite numbers, X0 < X1 and Y0 < Y1, e.g. -5:5,-5:5";
    const auto comma = text.find(',');
    const std::string_view xs = std::string_view(text).substr(0, comma);
    const std::string_view ys = comma == std::string::npos
        ? std::string_view()
        : std::string_view(text).substr(comma + 1);
    const auto xColon = xs.find(':');
    const auto yColon = ys.find(':');
    ViewRect view;
    if (comma == std::string::npos || xColon == std::string_view::npos
        || yColon == std::string_view::npos || !parseDouble(xs.substr(0, xColon), view.xMin)
        || !parseDouble(xs.substr(xColon + 1), view.xMax)
        || !parseDouble(ys.substr(0, yColon), view.yMin)
        || !parseDouble(ys.substr(yColon + 1), view.yMax))
        throw InvalidArgument("--range '" + printable(text) + "' is not X0:X1,Y0:Y1; " + accepted);
    if (!(view.xMin < view.xMax) || !(view.yMin < view.yMax))
        throw InvalidArgument("--range " + printable(text) + " is empty; " + accepted);
    return view;
}

// "gd lr=0.01": the optimizer and the parameters given on the command line.
std::string optimizerLabel(const Problem& problem)
{
    std::string label = problem.optimizerName;
    const ParameterSpecs& specs = findOptimizer(problem.optimizerName)->parameters;
    for (const auto& [name, value] : problem.optimizerParameters)
        label += " " + name + "=" + findParameter(specs, name)->formatValue(value);
    return label;
}

bool writePng(const BasinMap& map, const Problem& problem, const std::string& path)
{
    // Qt's GUI machinery only now, and offscreen on a machine without a display.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
        if (type == QtDebugMsg || type == QtInfoMsg || text.contains("XDG_RUNTIME_DIR"))
            return;
        std::fprintf(stderr, "optviz-cli basins: %s\n", text.toLocal8Bit().constData());
    });
    static char applicationName[] = "optviz-cli";
    static char* argv[] = {applicationName, nullptr};
    static int argc = 1;
    const QGuiApplication application(argc, argv);

    const QString title = QStringLiteral("Basins of attraction · %1 · %2 · %3 steps")
                              .arg(QString::fromStdString(optimizerLabel(problem)),
                                  QString::fromStdString(problem.surfaceName))
                              .arg(problem.steps);
    // Encoded in memory (libpng reports a failed write on stderr by itself), then written
    // into a temporary file beside the target and renamed over it when complete: a kill
    // leaves the old image whole.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    QString error;
    if (!writer.write(basins::renderFigure(map, title)))
        error = QStringLiteral("cannot write '%1': %2")
                    .arg(QString::fromStdString(path), writer.errorString());
    else
        writeFileSafely(QString::fromStdString(path), bytes, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "optviz-cli basins: %s\n", error.toLocal8Bit().constData());
        return false;
    }
    return true;
}

} // namespace

std::vector<FlagSpec> basinsFlags()
{
    std::vector<FlagSpec> flags;
    for (const FlagSpec& flag : problemFlags())
        if (flag.name != "--start") // every cell centre is a start
            flags.push_back(flag);
    flags.push_back({"--grid", true, false, "WxH",
        "start points: the cell centres of a W×H grid, W and H in [1, 2000]"});
    flags.push_back({"--range", true, false, "X0:X1,Y0:Y1",
        "the grid's extent (default: the "
        "surface's view)"});
    flags.push_back({"--tolerance", true, false, "T",
        "a run reached a minimum if it ends within distance T of it (default 0.01)"});
    flags.push_back({"--out", true, false, "FILE.csv|FILE.png",
        "x,y,minimum,steps,diverged per cell, or the map as an image"});
    flags.push_back({"--help", false, false, "", "show this help"});
    return flags;
}

BasinsRequest parseBasinsRequest(const Arguments& arguments)
{
    BasinsRequest request;
    request.problem = parseProblem(arguments);
    const auto [width, height] = parseGrid(arguments.requiredText("--grid"));
    request.grid.width = width;
    request.grid.height = height;
    request.grid.view = arguments.has("--range") ? parseRange(*arguments.text("--range"))
                                                 : request.problem.surface->defaultView();
    request.tolerance = arguments.number("--tolerance", defaultTolerance, 0.0, 1e300);
    if (request.tolerance <= 0.0)
        throw InvalidArgument("--tolerance must be > 0; accepted: a distance in (0, 1e300]");
    request.out = arguments.requiredText("--out");
    const QString extension = QFileInfo(QString::fromStdString(request.out)).suffix().toLower();
    if (extension != "csv" && extension != "png")
        throw InvalidArgument("--out '" + printable(request.out, 200)
            + "' has an unknown extension; accepted: .csv, .png");
    request.png = extension == "png";
    request.setup = runSetupFor(request.problem);
    return request;
}

int basinsCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = basinsFlags();
    const Arguments arguments("basins", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("basins",
            "--surface NAME --optimizer NAME --steps N --grid WxH --out FILE.(csv|png) "
            "[options]\n\nminimum indexes the surface's known minima as `optviz-cli list` "
            "prints them (-1: none\nwithin tolerance, or diverged); steps is the step from "
            "which the run stayed within\ntolerance of it (N if none).",
            flags);
        return exitOk;
    }
    const BasinsRequest request = parseBasinsRequest(arguments);
    const Problem& problem = request.problem;
    const BasinGrid& grid = request.grid;
    const std::string& out = request.out;
    const RunSetup& setup = request.setup;
    const double tolerance = request.tolerance;

    if (request.png) {
        checkOutputFlag(
            "--out", out); // a target that cannot be written fails now, not after the work
        const BasinMap map = runBasins(setup, grid, tolerance);
        return writePng(map, problem, out) ? exitOk : exitWriteFailed;
    }
    OutputSink sink(out); // fails before the work, not after
    const BasinMap map = runBasins(setup, grid, tolerance);
    std::string& text = sink.buffer();
    text += "x,y,minimum,steps,diverged\n";
    for (int row = 0; row < grid.height; ++row)
        for (int column = 0; column < grid.width; ++column) {
            const Point2 centre = grid.cellCentre(column, row);
            const BasinCell& cell = map.at(column, row);
            appendNumber17(text, centre.x);
            text += ',';
            appendNumber17(text, centre.y);
            text += ',' + std::to_string(cell.minimum) + ',' + std::to_string(cell.steps)
                + (cell.diverged ? ",1\n" : ",0\n");
            sink.flushIfLarge();
        }
    sink.finish();
    return exitOk;
}

} // namespace optviz::cli
