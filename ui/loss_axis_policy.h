#pragma once

namespace optviz {

// How the figure's loss panel chooses its axes. Instant mode shows whole runs: the step
// axis spans the step budget and the scale is log once the values span two decades.
// Animate mode (followSteps) shows the steps taken so far: the step axis ends a little
// beyond the newest step, in 1–2–5 strides (10, 20, 50, 100 …) so that it moves rarely,
// and the scale does not flip back and forth during Play: it starts log when the
// landscape spans decades, turns log once the values span three decades, and stays log
// until the runs start over.
class LossAxisPolicy
{
public:
    void setFollowSteps(bool follow) { followSteps_ = follow; }
    bool followsSteps() const { return followSteps_; }

    // The upper end of the step axis for runs that have reached `lastStep` of `budget`.
    double stepAxisEnd(double lastStep, double budget) const;

    struct Values
    {
        bool hasData = false;
        double minPositive = 0.0; // the smallest value > 0 (infinite: none)
        double max = 0.0;
        bool anyNegative = false;
    };
    // Log or linear for `values` (remembered for the next call). `lastStep`, the newest
    // step drawn, tells a restart (it goes back) from a continuation.
    bool chooseLogarithmic(const Values& values, double lastStep, bool landscapeSpansDecades);

    // Ratios of the largest to the smallest positive value past which the axis turns
    // log: at once in Instant mode, with hysteresis in Animate mode.
    static constexpr double instantLogSpan = 100.0;
    static constexpr double followingLogSpan = 1000.0;

private:
    bool decide(const Values& values, double lastStep, bool landscapeSpansDecades);

    bool followSteps_ = false;
    double lastStepSeen_ = -1.0;
    bool logarithmic_ = false;
};

} // namespace optviz
