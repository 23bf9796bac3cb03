#pragma once

#include "parameter.h"

#include <string>
#include <string_view>
#include <vector>

namespace optviz {

enum class ScheduleKind { Constant, Step, Exponential, Cosine, Warmup };

// An entry of the schedule catalogue: listed by `optviz-cli list`, validated like an
// optimizer's parameters, turned into controls by the window.
struct ScheduleInfo
{
    std::string name;
    std::string summary; // one line: the formula
    ScheduleKind kind;
    ParameterSpecs parameters;
};

const std::vector<ScheduleInfo>& scheduleCatalog();
const ScheduleInfo* findSchedule(std::string_view name);
std::vector<std::string> scheduleNames();

// A learning-rate schedule: the lr of step k (k = 0 for the first step) as the closed
// forms of torch.optim.lr_scheduler, stepped once after every optimizer step
// (`optimizer.step(); scheduler.step()`), with lr₀ the optimizer's lr parameter:
//   constant      lr₀
//   step          lr₀·gamma^⌊k / step_size⌋                             (StepLR)
//   exponential   lr₀·gamma^k                                           (ExponentialLR)
//   cosine        eta_min + (lr₀ − eta_min)·(1 + cos(π·k / T_max))/2     (CosineAnnealingLR's
//                 closed form; past T_max it rises again, as torch's does)
//   warmup        lr₀·(start_factor + (1 − start_factor)·k / warmup) for k < warmup, then lr₀
//                 (LinearLR with end_factor 1, total_iters = warmup)
// Combination: step, exponential and cosine take a warm-up of their own (warmup > 0):
// the LinearLR ramp for the first `warmup` steps, then the schedule with its clock
// started at the end of the ramp (k − warmup), which is torch's
// SequentialLR([LinearLR(...), schedule], milestones=[warmup]), the usual recipe for
// "warm-up, then cosine".
// A plain value, cheap to copy; rate() allocates nothing (it runs inside the step loop).
class LearningRateSchedule
{
public:
    LearningRateSchedule() = default; // constant

    // Validates against the catalogue; throws InvalidArgument for an unknown name or a
    // parameter that is unknown or out of range, naming the accepted ones.
    explicit LearningRateSchedule(std::string_view name, const ParameterValues& overrides = {});

    const std::string& name() const { return name_; }
    ScheduleKind kind() const { return kind_; }
    bool isConstant() const { return kind_ == ScheduleKind::Constant; }
    // Every parameter, defaults filled in.
    const ParameterValues& parameters() const { return parameters_; }

    // The learning rate of step `step` (0-based) for an optimizer whose lr parameter is
    // `baseRate`.
    double rate(double baseRate, long long step) const;

private:
    std::string name_ = "constant";
    ScheduleKind kind_ = ScheduleKind::Constant;
    ParameterValues parameters_;
    long long warmup_ = 0;
    double startFactor_ = 1.0;
    long long stepSize_ = 1;
    double gamma_ = 1.0;
    double tMax_ = 1.0;
    double etaMin_ = 0.0;
};

} // namespace optviz
