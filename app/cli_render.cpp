#include "cli_render.h"

#include "cli_arguments.h"
#include "cli_problem.h"
#include "exit_status.h"
#include "output_sink.h"
#include "ui/figure_export.h"
#include "ui/network_simulation.h"
#include "ui/scene.h"
#include "ui/scene_simulation.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>

#include <cstdio>
#include <iostream>

namespace optviz::cli {

namespace {

// The flags that describe a scene without a file.
const std::vector<std::string> sceneFlagNames = {"--surface", "--surface-param", "--expr",
    "--optimizer", "--param", "--schedule", "--schedule-param", "--start", "--steps", "--noise",
    "--seed", "--clip-norm", "--batch-size"};

} // namespace

std::vector<FlagSpec> renderFlags()
{
    std::vector<FlagSpec> flags;
    flags.push_back({"--scene", true, false, "FILE.json",
        "the scene to render (instead of the "
        "scene flags below)"});
    for (FlagSpec flag : problemFlags()) {
        if (flag.name == "--optimizer") {
            flag.repeatable = true;
            flag.help = "an optimizer; repeat for several, each followed by its --param";
        } else if (flag.name == "--param") {
            flag.help = "a parameter of the --optimizer before it, e.g. lr=0.01";
        } else if (flag.name == "--schedule") {
            flag.repeatable = true;
            flag.help = "learning-rate schedule of the --optimizer before it (default constant)";
        } else if (flag.name == "--schedule-param") {
            flag.help = "a parameter of the --schedule before it, e.g. T_max=200";
        } else if (flag.name == "--steps") {
            flag.help = "number of steps (default 500)";
        }
        flags.push_back(flag);
    }
    flags.push_back({"--save-scene", true, false, "FILE.json",
        "also write the scene as a file the window can open"});
    flags.push_back({"--out", true, false, "FILE",
        "the figure: FILE.png, FILE.svg or FILE.pdf; FILE.gif animates the runs"});
    flags.push_back({"--size", true, false, "WxH",
        "figure size in pixels (default 1600x900; animations 1280x720, at most 3840x2160)"});
    flags.push_back(
        {"--scale", true, false, "K", "PNG pixels per figure pixel, 1 to 4 (default 1)"});
    flags.push_back({"--layout", true, false, "overlay|small_multiples",
        "one map with every path, or one map per optimizer"});
    flags.push_back({"--measure", true, false, "loss|distance",
        "the right panel: loss, or distance to the nearest minimum"});
    flags.push_back(
        {"--panels", true, false, "both|surface|loss", "which panels to draw (default both)"});
    flags.push_back({"--frames", true, false, "N",
        "animation (.gif): frames from step 0 to the end, 2 to 1000 (default 120)"});
    flags.push_back(
        {"--fps", true, false, "N", "animation (.gif): frames per second, 1 to 50 (default 15)"});
    flags.push_back({"--hold", true, false, "SECONDS",
        "animation (.gif): how long the last frame stays, 0 to 60 (default 2)"});
    flags.push_back(
        {"--no-loop", false, false, "", "animation (.gif): play once instead of forever"});
    flags.push_back({"--help", false, false, "", "show this help"});
    return flags;
}

namespace {

QSize parseSize(const Arguments& arguments, bool animation)
{
    constexpr int minimum = 200;
    const int maximum = animation ? AnimationOptions::maxWidth : 8000;
    const auto text = arguments.text("--size");
    if (!text)
        return animation ? AnimationOptions().size : QSize(1600, 900);
    const std::string accepted = "accepted: WxH with W and H integers in ["
        + std::to_string(minimum) + ", " + std::to_string(maximum) + "], e.g. 1600x900";
    const auto x = text->find_first_of("xX");
    double w = 0.0;
    double h = 0.0;
    if (x == std::string::npos || !parseDouble(text->substr(0, x), w)
        || !parseDouble(text->substr(x + 1), h) || w != std::floor(w) || h != std::floor(h))
        throw InvalidArgument("--size '" + printable(*text) + "' is not WxH; " + accepted);
    // The range is checked on the doubles: converting 6e22 to an integer first is undefined
    // behaviour (found by fuzzing).
    if (w < minimum || w > maximum || h < minimum || h > maximum
        || (animation && h > AnimationOptions::maxHeight))
        throw InvalidArgument("--size " + printable(*text) + " is out of range; "
            + (animation ? "accepted for animations: WxH with W in [200, 3840] and H in [200, "
                           "2160], e.g. 1280x720"
                         : accepted));
    return QSize(static_cast<int>(w), static_cast<int>(h));
}

// The scene given by flags: a surface, then each --optimizer with the --param flags
// that follow it, in command-line order.
Scene sceneFromFlags(const Arguments& arguments)
{
    Scene scene;
    scene.optimizers.clear();
    std::string surfaceName;
    ParameterValues surfaceOverrides;
    const std::unique_ptr<Surface> surface
        = parseSurface(arguments, surfaceName, surfaceOverrides, &scene.expression);
    scene.surface = surfaceName;
    scene.surfaceParameters
        = resolveParameters(findSurface(surfaceName)->parameters, surfaceOverrides, surfaceName);

    struct Group
    {
        std::string name;
        std::vector<std::string> assignments;
        std::optional<std::string> schedule;
        std::vector<std::string> scheduleAssignments;
    };
    std::vector<Group> groups;
    for (const GivenFlag& flag : arguments.given()) {
        if (flag.name == "--optimizer") {
            if (!findOptimizer(flag.value))
                throw InvalidArgument("--optimizer: "
                    + unknownNameMessage("optimizer", flag.value, optimizerNames()));
            groups.push_back({flag.value, {}, std::nullopt, {}});
        } else if (flag.name == "--param") {
            if (groups.empty())
                throw InvalidArgument("--param " + printable(flag.value)
                    + " comes before any --optimizer; each --param applies "
                      "to the --optimizer named before it");
            groups.back().assignments.push_back(flag.value);
        } else if (flag.name == "--schedule") {
            if (groups.empty() || groups.back().schedule)
                throw InvalidArgument("--schedule " + printable(flag.value)
                    + (groups.empty() ? " comes before any --optimizer"
                                      : " is given twice for one --optimizer")
                    + "; each --schedule applies to the --optimizer named before it");
            groups.back().schedule = flag.value;
        } else if (flag.name == "--schedule-param") {
            if (groups.empty() || !groups.back().schedule)
                throw InvalidArgument("--schedule-param " + printable(flag.value)
                    + " comes before any --schedule; each applies to the --schedule "
                      "named before it");
            groups.back().scheduleAssignments.push_back(flag.value);
        }
    }
    if (groups.empty())
        throw InvalidArgument("--optimizer is required (repeat it to compare several), or "
                              "give --scene FILE.json");
    if (groups.size() > std::size_t(Scene::maxOptimizers))
        throw InvalidArgument("--optimizer is given " + std::to_string(groups.size())
            + " times; at most " + std::to_string(Scene::maxOptimizers) + " are accepted");
    for (const Group& group : groups) {
        const OptimizerInfo* info = findOptimizer(group.name);
        OptimizerEntry entry = scene.makeEntry(group.name);
        const ParameterValues overrides = Arguments::parameterValues(
            "--param", group.assignments, info->parameters, group.name);
        entry.parameters = resolveParameters(info->parameters, overrides, group.name);
        makeOptimizer(entry.name, entry.parameters); // combinations (nesterov, rprop)
        const LearningRateSchedule schedule
            = parseSchedule(group.schedule, group.scheduleAssignments);
        entry.schedule = schedule.name();
        entry.scheduleParameters = schedule.parameters();
        scene.optimizers.append(entry);
    }

    if (const auto start = arguments.point("--start"))
        scene.start = *start;
    scene.steps = arguments.integer("--steps", 500, 0, Scene::maxSteps);
    scene.gradient = parseGradientSettings(arguments, *surface);
    return scene;
}

} // namespace

RenderRequest parseRenderRequest(const Arguments& arguments)
{
    RenderRequest request;
    request.out = arguments.requiredText("--out");
    const QString extension = QFileInfo(QString::fromStdString(request.out)).suffix().toLower();
    if (extension != "png" && extension != "svg" && extension != "pdf" && extension != "gif")
        throw InvalidArgument("--out '" + printable(request.out, 200)
            + "' has an unknown extension; accepted: .png, .svg, .pdf, .gif (animation)");
    const bool animation = extension == "gif";
    for (const char* flag : {"--frames", "--fps", "--hold", "--no-loop"})
        if (!animation && arguments.has(flag))
            throw InvalidArgument(std::string(flag)
                + " applies to animations only; give --out FILE.gif to write one");
    if (animation && arguments.has("--scale"))
        throw InvalidArgument("--scale applies to PNG only; an animation's size is --size WxH");
    request.size = parseSize(arguments, animation);
    request.scale = arguments.number("--scale", 1.0, 1.0, 4.0);
    if (animation) {
        AnimationOptions options;
        options.size = request.size;
        options.frames = int(arguments.integer(
            "--frames", options.frames, AnimationOptions::minFrames, AnimationOptions::maxFrames));
        options.fps = int(arguments.integer(
            "--fps", options.fps, AnimationOptions::minFps, AnimationOptions::maxFps));
        options.holdSeconds = arguments.number(
            "--hold", options.holdSeconds, 0.0, AnimationOptions::maxHoldSeconds);
        options.loop = !arguments.has("--no-loop");
        request.animation = options;
    }

    Scene& scene = request.scene;
    if (const auto sceneFile = arguments.text("--scene")) {
        for (const std::string& name : sceneFlagNames)
            if (arguments.has(name))
                throw InvalidArgument(name
                    + " cannot be combined with --scene; the scene "
                      "file gives the surface, optimizers and steps");
        scene = Scene::load(QString::fromStdString(*sceneFile));
    } else {
        scene = sceneFromFlags(arguments);
    }
    if (arguments.has("--layout"))
        scene.layout
            = arguments.choice("--layout", {"overlay", "small_multiples"}, "overlay") == "overlay"
            ? SceneLayout::Overlay
            : SceneLayout::SmallMultiples;
    if (arguments.has("--measure"))
        scene.lossMeasure = arguments.choice("--measure", {"loss", "distance"}, "loss") == "loss"
            ? LossMeasure::Loss
            : LossMeasure::DistanceToMinimum;
    const std::string panelsName
        = arguments.choice("--panels", {"both", "surface", "loss"}, "both");
    request.panels = panelsName == "surface" ? Figure::Panels::SurfaceOnly
        : panelsName == "loss"               ? Figure::Panels::LossOnly
                                             : Figure::Panels::SurfaceAndLoss;
    if (request.animation) {
        request.animation->panels = request.panels;
        if (scene.network)
            throw InvalidArgument("--out " + printable(request.out, 200)
                + ": animations show the surface workspace, and this scene trains a network; "
                  "accepted: .png, .svg, .pdf");
    }
    SceneSimulation check(scene); // unknown names, optimizers the surface cannot serve
    if (scene.network) // a network scene draws its network: bad settings exit 2 as well
        NetworkSimulation networkCheck(*scene.network);
    request.saveScene = arguments.text("--save-scene");
    return request;
}

int renderCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = renderFlags();
    const Arguments arguments("render", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("render",
            "(--scene FILE.json | --surface NAME --optimizer NAME [--param k=v]"
            "... [--optimizer NAME ...]...) --out FILE.(png|svg|pdf|gif) [options]",
            flags);
        return exitOk;
    }

    // Everything is checked before any work: bad input exits 2 and writes nothing.
    const RenderRequest request = parseRenderRequest(arguments);
    const Scene& scene = request.scene;

    // Targets that can never be written (a device, a FIFO, a folder, no such folder) are
    // bad input too: refused before the scene or the figure is written anywhere.
    checkOutputFlag("--out", request.out);
    if (request.saveScene)
        checkOutputFlag("--save-scene", *request.saveScene);

    if (const auto& savePath = request.saveScene) {
        QString error;
        if (!scene.save(QString::fromStdString(*savePath), &error)) {
            std::fprintf(stderr, "optviz-cli render: cannot write scene '%s': %s\n",
                savePath->c_str(), error.toStdString().c_str());
            return exitWriteFailed;
        }
    }

    // Qt's GUI machinery only now, and offscreen on a machine without a display.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's chatter (no XDG_RUNTIME_DIR on a bare machine, QCustomPlot's debug output) is
    // not the CLI's business; real warnings still reach stderr.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
        if (type == QtDebugMsg || type == QtInfoMsg || text.contains("XDG_RUNTIME_DIR"))
            return;
        std::fprintf(stderr, "optviz-cli render: %s\n", text.toLocal8Bit().constData());
    });
    static char applicationName[] = "optviz-cli";
    static char* argv[] = {applicationName, nullptr};
    static int argc = 1;
    const QApplication application(argc, argv);
    // A figure is the same file under every LANG (README): numbers in the C locale, 10ⁿ
    // on log axes, decimal points (the figures set this themselves; this covers any
    // number a QLocale() formats on the way).
    QLocale::setDefault(QLocale::c());

    QString error;
    if (request.animation) {
        AnimationExport animation(scene, *request.animation);
        if (!animation.run(QString::fromStdString(request.out), &error)) {
            std::fprintf(stderr, "optviz-cli render: %s\n", error.toStdString().c_str());
            return exitWriteFailed;
        }
        return exitOk;
    }
    if (!renderSceneToFile(scene, QString::fromStdString(request.out), request.size, request.scale,
            &error, request.panels)) {
        std::fprintf(stderr, "optviz-cli render: %s\n", error.toStdString().c_str());
        return exitWriteFailed;
    }
    return exitOk;
}

} // namespace optviz::cli
