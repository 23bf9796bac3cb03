#include "lr_schedule.h"

#include <cmath>
#include <numbers>

namespace optviz {

namespace {

constexpr double maxSteps = 1e9; // the CLI's largest step budget

ParameterSpec warmupSteps(double defaultValue, bool required)
{
    return {"warmup", defaultValue, required ? 1.0 : 0.0, maxSteps, false, false, Scale::Integer,
        required ? "steps of linear warm-up from start_factor·lr to lr"
                 : "steps of linear warm-up before the schedule starts (0: none)"};
}

ParameterSpec startFactor()
{
    // torch.optim.lr_scheduler.LinearLR's default start_factor.
    return {"start_factor", 1.0 / 3.0, 0.0, 1.0, true, false, Scale::Linear,
        "the warm-up's first lr as a fraction of lr"};
}

ParameterSpec gamma(double defaultValue, const char* meaning)
{
    return {"gamma", defaultValue, 0.0, 1.0, true, false, Scale::Linear, meaning};
}

} // namespace

const std::vector<ScheduleInfo>& scheduleCatalog()
{
    static const std::vector<ScheduleInfo> catalog = {
        {"constant", "lr every step (no schedule)", ScheduleKind::Constant, {}},
        {"step", "lr·gamma^floor(k/step_size): drops by gamma every step_size steps (StepLR)",
            ScheduleKind::Step,
            {
                {"step_size", 100.0, 1.0, maxSteps, false, false, Scale::Integer,
                    "steps between two drops"},
                gamma(0.1, "factor of each drop"),
                warmupSteps(0.0, false),
                startFactor(),
            }},
        {"exponential", "lr·gamma^k: shrinks by gamma every step (ExponentialLR)",
            ScheduleKind::Exponential,
            {
                gamma(0.99, "factor applied every step"),
                warmupSteps(0.0, false),
                startFactor(),
            }},
        {"cosine",
            "eta_min + (lr − eta_min)·(1 + cos(π·k/T_max))/2: half a cosine from lr to "
            "eta_min (CosineAnnealingLR)",
            ScheduleKind::Cosine,
            {
                {"T_max", 500.0, 1.0, maxSteps, false, false, Scale::Integer,
                    "steps from lr down to eta_min (after that it rises again)"},
                {"eta_min", 0.0, 0.0, 1000.0, false, false, Scale::Log,
                    "the smallest learning rate, reached at step T_max"},
                warmupSteps(0.0, false),
                startFactor(),
            }},
        {"warmup",
            "lr·(start_factor + (1 − start_factor)·k/warmup) for k < warmup, then lr "
            "(LinearLR)",
            ScheduleKind::Warmup,
            {
                // torch's total_iters defaults to 5, too short to see at our step counts.
                warmupSteps(100.0, true),
                startFactor(),
            }},
    };
    return catalog;
}

const ScheduleInfo* findSchedule(std::string_view name)
{
    for (const ScheduleInfo& info : scheduleCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::vector<std::string> scheduleNames()
{
    std::vector<std::string> names;
    for (const ScheduleInfo& info : scheduleCatalog())
        names.push_back(info.name);
    return names;
}

LearningRateSchedule::LearningRateSchedule(std::string_view name, const ParameterValues& overrides)
{
    const ScheduleInfo* info = findSchedule(name);
    if (!info)
        throw InvalidArgument(unknownNameMessage("schedule", name, scheduleNames()));
    name_ = info->name;
    kind_ = info->kind;
    parameters_ = resolveParameters(info->parameters, overrides, "schedule " + info->name);
    auto value = [this](const char* key, double fallback) {
        const auto it = parameters_.find(key);
        return it != parameters_.end() ? it->second : fallback;
    };
    warmup_ = static_cast<long long>(value("warmup", 0.0));
    startFactor_ = value("start_factor", 1.0);
    stepSize_ = static_cast<long long>(value("step_size", 1.0));
    gamma_ = value("gamma", 1.0);
    tMax_ = value("T_max", 1.0);
    etaMin_ = value("eta_min", 0.0);
}

double LearningRateSchedule::rate(double baseRate, long long step) const
{
    if (kind_ == ScheduleKind::Constant)
        return baseRate;
    if (step < warmup_)
        return baseRate
            * (startFactor_
                + (1.0 - startFactor_) * static_cast<double>(step) / static_cast<double>(warmup_));
    const long long k = step - warmup_; // the schedule's own clock starts after the ramp
    switch (kind_) {
    case ScheduleKind::Step:
        return baseRate * std::pow(gamma_, static_cast<double>(k / stepSize_));
    case ScheduleKind::Exponential:
        return baseRate * std::pow(gamma_, static_cast<double>(k));
    case ScheduleKind::Cosine:
        return etaMin_
            + (baseRate - etaMin_)
            * (1.0 + std::cos(std::numbers::pi * static_cast<double>(k) / tMax_)) / 2.0;
    case ScheduleKind::Constant:
    case ScheduleKind::Warmup:
        break;
    }
    return baseRate;
}

} // namespace optviz
