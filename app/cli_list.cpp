#include "cli_list.h"

#include "cli_arguments.h"
#include "core/expression/expression_surface.h"
#include "core/lr_schedule.h"
#include "core/network/dataset.h"
#include "core/network/loss.h"
#include "core/network/mlp.h"
#include "core/number_format.h"
#include "core/optimizer.h"
#include "core/surface.h"
#include "exit_status.h"
#include "output_sink.h"

#include <iostream>

namespace optviz::cli {

namespace {

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.resize(width, ' ');
    else
        text += ' ';
    return text;
}

std::string scaleName(Scale scale)
{
    switch (scale) {
    case Scale::Linear:
        return "linear";
    case Scale::Log:
        return "log";
    case Scale::Integer:
        return "integer";
    case Scale::Boolean:
        return "boolean";
    }
    return "linear";
}

void appendParametersText(std::string& out, const ParameterSpecs& specs)
{
    for (const ParameterSpec& spec : specs) {
        out += "      " + padded(spec.name + "=" + spec.formatValue(spec.defaultValue), 32);
        const std::string scale = spec.scale == Scale::Log ? " log" : "";
        out += padded(spec.rangeText() + scale, 26) + spec.meaning + "\n";
    }
}

std::string pointText(Point2 p)
{
    return "(" + formatNumber(p.x) + ", " + formatNumber(p.y) + ")";
}

// The pieces of `optviz-cli train`: data sets, activations, losses.
void appendNetworkText(std::string& out)
{
    out += "\nDATASETS  (optviz-cli train --dataset NAME [--samples N] [--noise S] "
           "[--test-fraction F] [--classes K] [--seed K])\n";
    for (const DatasetInfo& info : datasetCatalog()) {
        out += "\n  " + info.name + "    "
            + (info.task == Task::Classification ? "classification: " : "regression: ")
            + info.definition + "\n";
        appendParametersText(out, info.parameters);
    }
    out += "\nACTIVATIONS  (optviz-cli train --activation NAME: the hidden layers; the output "
           "layer is linear)\n";
    for (Activation activation : activations())
        out += "\n  " + activationName(activation) + "    " + activationDefinition(activation)
            + "\n";
    out += "\nLOSSES  (optviz-cli train --loss auto|NAME; auto: bce for two classes, ce for more, "
           "mse for regression)\n";
    for (Loss loss : losses())
        out += "\n  " + lossName(loss) + "    " + lossDefinition(loss) + "\n";
}

std::string listText()
{
    std::string out = "Each parameter: name=default, accepted range (log: log-scale slider), "
                      "meaning.\n\nSURFACES  (optviz-cli run --surface NAME "
                      "[--surface-param k=v]...)\n";
    for (const SurfaceInfo& info : surfaceCatalog()) {
        const auto surface = info.create(resolveParameters(info.parameters, {}, info.name));
        out += "\n  " + info.name + "    f(x, y) = " + info.definition + "\n";
        appendParametersText(out, info.parameters);
        const ViewRect view = surface->defaultView();
        out += "      view: x in [" + formatNumber(view.xMin) + ", " + formatNumber(view.xMax)
            + "], y in [" + formatNumber(view.yMin) + ", " + formatNumber(view.yMax)
            + "]; start: " + pointText(surface->defaultStart()) + "\n";
        const auto minima = surface->minima();
        if (minima.empty())
            out += info.name == expressionSurfaceName
                ? "      minima: not known (a typed formula: no distance to a minimum, no "
                  "tolerance on one)\n"
                : "      minima: none (unbounded below)\n";
        for (std::size_t i = 0; i < minima.size(); ++i)
            out += "      minimum " + std::to_string(i) + ": " + pointText(minima[i])
                + ", f = " + formatNumber(surface->value2(minima[i].x, minima[i].y)) + "\n";
    }
    out += "\nOPTIMIZERS  (optviz-cli run --optimizer NAME [--param k=v]...)\n";
    for (const OptimizerInfo& info : optimizerCatalog()) {
        out += "\n  " + info.name + "    " + info.summary;
        if (!info.aliasOf.empty())
            out += " (alias of " + info.aliasOf + ")";
        if (info.usesHessian)
            out += " [uses the Hessian]";
        out += "\n";
        appendParametersText(out, info.parameters);
    }
    out += "\nSCHEDULES  (optviz-cli run|render|... --schedule NAME [--schedule-param k=v]...)\n"
           "  The lr of step k (k = 0 first), lr being the optimizer's lr parameter, as\n"
           "  torch.optim.lr_scheduler stepped after every optimizer step. With warmup > 0,\n"
           "  step, exponential and cosine first ramp linearly from start_factor·lr to lr over\n"
           "  `warmup` steps, then start their own clock (torch's SequentialLR).\n";
    for (const ScheduleInfo& info : scheduleCatalog()) {
        out += "\n  " + info.name + "    " + info.summary + "\n";
        appendParametersText(out, info.parameters);
    }
    appendNetworkText(out);
    return out;
}

void appendSpecsJson(std::string& out, const ParameterSpecs& specs)
{
    out += "[";
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const ParameterSpec& spec = specs[i];
        out += i ? ", " : "";
        out += "{\"name\": \"" + spec.name + "\", \"default\": ";
        appendNumber17(out, spec.defaultValue);
        out += ", \"min\": ";
        appendNumber17(out, spec.minimum);
        out += ", \"max\": ";
        appendNumber17(out, spec.maximum);
        out += std::string(", \"min_exclusive\": ") + (spec.minimumExclusive ? "true" : "false");
        out += std::string(", \"max_exclusive\": ") + (spec.maximumExclusive ? "true" : "false");
        out += ", \"scale\": \"" + scaleName(spec.scale) + "\", \"meaning\": \"" + spec.meaning
            + "\"}";
    }
    out += "]";
}

void appendNetworkJson(std::string& out)
{
    out += ",\n  \"datasets\": [";
    bool first = true;
    for (const DatasetInfo& info : datasetCatalog()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + info.name + "\", \"task\": \""
            + (info.task == Task::Classification ? "classification" : "regression")
            + "\", \"inputs\": " + std::to_string(info.inputCount) + ", \"definition\": \""
            + info.definition + "\", \"parameters\": ";
        appendSpecsJson(out, info.parameters);
        out += "}";
    }
    out += "\n  ],\n  \"activations\": [";
    first = true;
    for (Activation activation : activations()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + activationName(activation) + "\", \"definition\": \""
            + activationDefinition(activation) + "\"}";
    }
    out += "\n  ],\n  \"losses\": [";
    first = true;
    for (Loss loss : losses()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + lossName(loss) + "\", \"definition\": \"" + lossDefinition(loss)
            + "\"}";
    }
    out += "\n  ]";
}

std::string listJson()
{
    std::string out = "{\n  \"surfaces\": [";
    bool first = true;
    for (const SurfaceInfo& info : surfaceCatalog()) {
        const auto surface = info.create(resolveParameters(info.parameters, {}, info.name));
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + info.name + "\", \"definition\": \"" + info.definition
            + "\", \"parameters\": ";
        appendSpecsJson(out, info.parameters);
        out += ", \"minima\": [";
        const auto minima = surface->minima();
        for (std::size_t i = 0; i < minima.size(); ++i) {
            out += i ? ", [" : "[";
            appendNumber17(out, minima[i].x);
            out += ", ";
            appendNumber17(out, minima[i].y);
            out += "]";
        }
        out += "]}";
    }
    out += "\n  ],\n  \"optimizers\": [";
    first = true;
    for (const OptimizerInfo& info : optimizerCatalog()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + info.name + "\", \"summary\": \"" + info.summary + "\"";
        if (!info.aliasOf.empty())
            out += ", \"alias_of\": \"" + info.aliasOf + "\"";
        out += ", \"parameters\": ";
        appendSpecsJson(out, info.parameters);
        out += "}";
    }
    out += "\n  ],\n  \"schedules\": [";
    first = true;
    for (const ScheduleInfo& info : scheduleCatalog()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"name\": \"" + info.name + "\", \"summary\": \"" + info.summary
            + "\", \"parameters\": ";
        appendSpecsJson(out, info.parameters);
        out += "}";
    }
    out += "\n  ]";
    appendNetworkJson(out);
    out += "\n}\n";
    return out;
}

} // namespace

int listCommand(const std::vector<std::string>& words)
{
    const std::vector<FlagSpec> flags = {
        {"--format", true, false, "text|json", "output format (default text)"},
        {"--help", false, false, "", "show this help"},
    };
    const Arguments arguments("list", flags, words);
    if (arguments.has("--help")) {
        std::cout << usageText("list", "[--format text|json]", flags);
        return exitOk;
    }
    const bool json = arguments.choice("--format", {"text", "json"}, "text") == "json";
    OutputSink sink("");
    sink.buffer() = json ? listJson() : listText();
    sink.finish();
    return exitOk;
}

} // namespace optviz::cli
