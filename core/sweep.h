#pragma once

#include "optimizer.h"
#include "parallel_runs.h"
#include "run_setup.h"

#include <string>
#include <string_view>
#include <vector>

namespace optviz {

// One varied hyperparameter of a sweep: COUNT values from LO to HI, evenly spaced on a
// linear or a logarithmic scale (`optviz-cli sweep --vary NAME=LO:HI:lin|log:COUNT`).
struct SweepAxis
{
    static constexpr int minCount = 2;
    static constexpr int maxCount = 1000;

    std::string name;
    double low = 0.0;
    double high = 1.0;
    bool logarithmic = false;
    int count = minCount;

    // Parses "lr=1e-4:1:log:50" and checks it against the optimizer's parameters; throws
    // InvalidArgument with one line naming what is wrong and what is accepted.
    static SweepAxis parse(std::string_view text, const OptimizerInfo& optimizer);
    // The checks of parse(), for an axis built otherwise (the window): a parameter of
    // the optimizer, finite LO < HI inside its range, LO > 0 on a log scale, COUNT in
    // [2, 1000]; a flag only as NAME=0:1:lin:2, an integer with COUNT distinct integers.
    void check(const OptimizerInfo& optimizer) const;
    // The COUNT values, LO and HI exactly at the ends; integers rounded.
    std::vector<double> values(const OptimizerInfo& optimizer) const;
    // "lr=0.0001:1:log:50"
    std::string text() const;

    friend bool operator==(const SweepAxis&, const SweepAxis&) = default;
};

// What one run of a sweep ended with.
struct SweepRun
{
    // The loss of the last iterate (of the last finite one if the run diverged).
    double finalLoss = 0.0;
    // The first step whose loss is within the tolerance of the surface's lowest known
    // minimum value (0 if the start already is); −1 if never, or if the surface has no
    // known minimum.
    long long stepsToTolerance = -1;
    bool diverged = false;
};

struct SweepResult
{
    std::vector<SweepAxis> axes; // one or two
    std::vector<std::vector<double>> values; // per axis, the values run
    // Row-major, the first axis slowest: the run with values[0][i] and values[1][j] is
    // runs[i · values[1].size() + j].
    std::vector<SweepRun> runs;
    double minimumValue = 0.0; // the lowest value of the surface's known minima
    bool hasMinimum = false;
    bool complete = false; // false if cancelled

    const SweepRun& at(int i, int j = 0) const;
};

// Runs the optimizer from `start` for setup.steps steps for every value (one axis) or
// pair of values (two axes) of the varied parameters, which override setup.parameters,
// on every core (ParallelControl). The result does not depend on the thread count.
// Throws InvalidArgument for an unknown optimizer, a bad or repeated axis, no axis or
// more than two, a tolerance that is negative or not finite, or a combination the
// optimizer refuses (named with its values).
SweepResult runSweep(const RunSetup& setup, Point2 start, const std::vector<SweepAxis>& axes,
    double tolerance, const ParallelControl& control = {});

} // namespace optviz
