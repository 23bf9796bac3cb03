#include "strong_wolfe.h"

#include <cmath>

namespace optviz {

namespace {

// Python's min(a, b), which torch's code uses: the first argument unless the second is
// strictly smaller. Spelt out so that ties and NaNs go the same way as in the reference.
double pyMin(double a, double b)
{
    return b < a ? b : a;
}

// A step length as torch's line search holds it: a Python float, or a 0-dim tensor once
// it has come out of tensor arithmetic. Both give the same results in every operation but
// one: Python divides a float by a tensor as float·(1/tensor) (Tensor.__rtruediv__), which
// rounds twice. The cubic interpolation divides by a difference of step lengths, so to
// round as torch does we carry along which kind each one is.
struct Step
{
    double value = 0.0;
    bool tensor = false;
};

Step operator+(Step a, Step b)
{
    return {a.value + b.value, a.tensor || b.tensor};
}

Step operator-(Step a, Step b)
{
    return {a.value - b.value, a.tensor || b.tensor};
}

// Python's max() and min() on step lengths: they return one of the arguments, type and all.
Step stepMax(Step a, Step b)
{
    return b.value > a.value ? b : a;
}

Step stepMin(Step a, Step b)
{
    return b.value < a.value ? b : a;
}

// torch's _cubic_interpolate; the slopes g1, g2 are tensors there, hence so is the
// interpolated minimizer.
Step cubic(Step x1, double f1, double g1, Step x2, double f2, double g2, Step xMin, Step xMax)
{
    // The cubic's stationary points follow from d1 and d2; the minimizer is written
    // relative to the end farther along, which keeps it well conditioned.
    const double dx = x1.value - x2.value;
    const double secant
        = x1.tensor || x2.tensor ? 3.0 * (f1 - f2) * (1.0 / dx) : 3.0 * (f1 - f2) / dx;
    const double d1 = g1 + g2 - secant;
    const double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0.0) {
        const double d2 = std::sqrt(d2Square);
        const double x1v = x1.value, x2v = x2.value;
        const double minPos = x1v <= x2v
            ? x2v - (x2v - x1v) * ((g2 + d2 - d1) / (g2 - g1 + 2.0 * d2))
            : x1v - (x1v - x2v) * ((g1 + d2 - d1) / (g1 - g2 + 2.0 * d2));
        return stepMin(stepMax({minPos, true}, xMin), xMax);
    }
    // No real minimizer: bisect.
    return {(xMin.value + xMax.value) / 2.0, xMin.tensor || xMax.tensor};
}

Step cubic(Step x1, double f1, double g1, Step x2, double f2, double g2)
{
    return x1.value <= x2.value ? cubic(x1, f1, g1, x2, f2, g2, x1, x2)
                                : cubic(x1, f1, g1, x2, f2, g2, x2, x1);
}

} // namespace

ParameterSpecs lineSearchParameters()
{
    return {
        {"line_search", 1.0, 0.0, 1.0, false, false, Scale::Boolean,
            "choose each step length by a strong-Wolfe line search (off: the fixed step lr)"},
        {"tolerance_grad", 1e-7, 0.0, 1.0, false, false, Scale::Log,
            "no move once the largest gradient component is at most this"},
        {"tolerance_change", 1e-9, 0.0, 1.0, false, false, Scale::Log,
            "no move once the slope along the direction is above −this; the line search's "
            "finest bracket"},
    };
}

FirstStep firstStepLength(const Vector& g, double lr)
{
    // torch: min(1., 1. / g.abs().sum()) * lr, where 1/‖g‖₁ is a tensor and min() keeps
    // whichever argument wins, with its type.
    const double inverse = 1.0 / g.cwiseAbs().sum();
    if (inverse < 1.0)
        return {inverse * lr, true};
    return {lr, false};
}

void addScaled(Eigen::Ref<Vector> y, double alpha, const Eigen::Ref<const Vector>& x)
{
    for (Eigen::Index i = 0; i < y.size(); ++i)
        y[i] = std::fma(alpha, x[i], y[i]);
}

double cubicInterpolate(
    double x1, double f1, double g1, double x2, double f2, double g2, double xMin, double xMax)
{
    return cubic({x1, false}, f1, g1, {x2, false}, f2, g2, {xMin, false}, {xMax, false}).value;
}

double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2)
{
    return cubic({x1, false}, f1, g1, {x2, false}, f2, g2).value;
}

void StrongWolfeLineSearch::reset(int dimension)
{
    trial_ = Vector::Zero(dimension);
    newGradient_ = Vector::Zero(dimension);
    prevGradient_ = Vector::Zero(dimension);
    bracketGradient_[0] = Vector::Zero(dimension);
    bracketGradient_[1] = Vector::Zero(dimension);
    low_ = 0;
}

double StrongWolfeLineSearch::evaluate(
    GradientOracle& oracle, const Vector& x, double t, const Vector& d)
{
    trial_ = x;
    addScaled(trial_, t, d);
    return oracle.valueAndGradient(trial_, newGradient_);
}

StrongWolfeLineSearch::Result StrongWolfeLineSearch::search(GradientOracle& oracle, const Vector& x,
    double initialT, bool tensorT, const Vector& d, double f, const Vector& g, double gtd,
    double toleranceChange)
{
    const double dNorm = d.cwiseAbs().maxCoeff();
    Step t {initialT, tensorT};
    double fNew = evaluate(oracle, x, t.value, d);
    int evaluations = 1;
    double gtdNew = newGradient_.dot(d);

    Step tPrev {0.0, false};
    double fPrev = f, gtdPrev = gtd;
    prevGradient_ = g;
    bool done = false;
    int iteration = 0; // torch's ls_iter: trials after the first

    // The bracket: step lengths, losses, gradients and slopes at its two ends (or at
    // its single point once the Wolfe conditions hold).
    Step bracket[2];
    double bracketF[2] = {0.0, 0.0};
    double bracketGtd[2] = {0.0, 0.0};
    int bracketSize = 0;
    const auto bracketPrevAndNew = [&] {
        bracket[0] = tPrev;
        bracket[1] = t;
        bracketF[0] = fPrev;
        bracketF[1] = fNew;
        bracketGradient_[0] = prevGradient_;
        bracketGradient_[1] = newGradient_;
        bracketGtd[0] = gtdPrev;
        bracketGtd[1] = gtdNew;
        bracketSize = 2;
    };

    while (iteration < maxIterations) {
        if (fNew > (f + c1 * t.value * gtd) || (iteration > 1 && fNew >= fPrev)) {
            bracketPrevAndNew();
            break;
        }
        if (std::abs(gtdNew) <= -c2 * gtd) {
            bracket[0] = t;
            bracketF[0] = fNew;
            bracketGradient_[0] = newGradient_;
            bracketSize = 1;
            done = true;
            break;
        }
        if (gtdNew >= 0.0) {
            bracketPrevAndNew();
            break;
        }

        // Still descending at t: extrapolate, between a little past t and ten times t.
        const Step minStep = t + Step {0.01 * (t.value - tPrev.value), t.tensor || tPrev.tensor};
        const Step maxStep {t.value * 10.0, t.tensor};
        const Step previous = t;
        t = cubic(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);

        tPrev = previous;
        fPrev = fNew;
        prevGradient_ = newGradient_;
        gtdPrev = gtdNew;
        fNew = evaluate(oracle, x, t.value, d);
        ++evaluations;
        gtdNew = newGradient_.dot(d);
        ++iteration;
    }

    if (iteration == maxIterations) {
        // Out of trials while still descending: fall back on the better of 0 and t.
        bracket[0] = {0.0, false};
        bracket[1] = t;
        bracketF[0] = f;
        bracketF[1] = fNew;
        bracketGradient_[0] = g;
        bracketGradient_[1] = newGradient_;
        bracketSize = 2;
    }

    bool insufficientProgress = false;
    low_ = 0;
    int high = 1;
    if (bracketSize == 2 && !(bracketF[0] <= bracketF[1])) {
        low_ = 1;
        high = 0;
    }
    while (!done && iteration < maxIterations) {
        if (std::abs(bracket[1].value - bracket[0].value) * dNorm < toleranceChange)
            break;

        t = cubic(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);

        // A trial too close to an end of the bracket barely shrinks it; the second time in
        // a row (or when it lands on or outside an end) move it 10 % of the width inside.
        const Step upper = stepMax(bracket[0], bracket[1]);
        const Step lower = stepMin(bracket[0], bracket[1]);
        const Step eps {0.1 * (upper.value - lower.value), upper.tensor || lower.tensor};
        if (pyMin(upper.value - t.value, t.value - lower.value) < eps.value) {
            if (insufficientProgress || t.value >= upper.value || t.value <= lower.value) {
                if (std::abs(t.value - upper.value) < std::abs(t.value - lower.value))
                    t = upper - eps;
                else
                    t = lower + eps;
                insufficientProgress = false;
            } else {
                insufficientProgress = true;
            }
        } else {
            insufficientProgress = false;
        }

        fNew = evaluate(oracle, x, t.value, d);
        ++evaluations;
        gtdNew = newGradient_.dot(d);
        ++iteration;

        if (fNew > (f + c1 * t.value * gtd) || fNew >= bracketF[low_]) {
            // Not low enough: t becomes the high end.
            bracket[high] = t;
            bracketF[high] = fNew;
            bracketGradient_[high] = newGradient_;
            bracketGtd[high] = gtdNew;
            if (bracketF[0] <= bracketF[1]) {
                low_ = 0;
                high = 1;
            } else {
                low_ = 1;
                high = 0;
            }
        } else {
            if (std::abs(gtdNew) <= -c2 * gtd) {
                done = true;
            } else if (gtdNew * (bracket[high].value - bracket[low_].value) >= 0.0) {
                // The slope at t points towards the low end: the old low end becomes high.
                bracket[high] = bracket[low_];
                bracketF[high] = bracketF[low_];
                bracketGradient_[high] = bracketGradient_[low_];
                bracketGtd[high] = bracketGtd[low_];
            }
            bracket[low_] = t;
            bracketF[low_] = fNew;
            bracketGradient_[low_] = newGradient_;
            bracketGtd[low_] = gtdNew;
        }
    }

    return {bracket[low_].value, bracketF[low_], evaluations};
}

double moveAlongDirection(GradientOracle& oracle, Vector& x, const Vector& d, double loss,
    const Vector& g, FirstStep initial, bool lineSearch, double toleranceChange,
    StrongWolfeLineSearch& search, long long& evaluations, Vector& update)
{
    const double gtd = g.dot(d);
    if (gtd > -toleranceChange)
        return initial.t;
    double t = initial.t;
    if (lineSearch) {
        const StrongWolfeLineSearch::Result result
            = search.search(oracle, x, t, initial.tensor, d, loss, g, gtd, toleranceChange);
        t = result.t;
        evaluations += result.evaluations;
    }
    update = x;
    addScaled(x, t, d);
    update = x - update;
    return t;
}

} // namespace optviz
