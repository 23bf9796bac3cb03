#pragma once

#include "objective.h"
#include "random.h"

#include <cstdint>
#include <vector>

namespace optviz {

// How the optimizer's gradient departs from the exact full gradient.
struct GradientSettings
{
    double noise = 0.0; // σ of N(0, σ²) noise added to every gradient component
    std::uint64_t seed = 1; // for the noise and the mini-batch shuffles
    double clipNorm = 0.0; // rescale gradients whose norm exceeds this; 0 = off
    int batchSize = 0; // on data objectives: mini-batch size; 0 = full batch
    friend bool operator==(const GradientSettings&, const GradientSettings&) = default;
};

// What an optimizer asks for the objective: values, gradients and Hessians, with the
// run's stochasticity applied the same way for every optimizer (noise, clipping,
// mini-batches). Noise and clipping apply to gradients only; values and Hessians are
// those of the current mini-batch (or of the whole objective).
class GradientOracle
{
public:
    GradientOracle(const Objective& objective, const GradientSettings& settings);

    const Objective& objective() const { return objective_; }
    int dimension() const { return objective_.dimension(); }
    bool hasHessian() const { return objective_.hasHessian(); }
    bool isMiniBatch() const { return !batch_.empty(); }

    // Called by the runner once before every step: draws the step's mini-batch.
    // Inline, like valueAndGradient(): on a 2-D surface a step is a few dozen
    // instructions, and an out-of-line call that only finds it has nothing to do costs a
    // noticeable share of it.
    void beginStep()
    {
        if (!batch_.empty())
            drawBatch();
    }

    double value(const Vector& x) const;
    double valueAndGradient(const Vector& x, Vector& gradient)
    {
        ++gradientEvaluations_;
        if (exact_)
            return objective_.valueAndGradient(x, gradient);
        return perturbedValueAndGradient(x, gradient);
    }
    void hessian(const Vector& x, Matrix& hessian) const;

    // Gradient evaluations so far (line searches make several per step).
    long long gradientEvaluations() const { return gradientEvaluations_; }

private:
    void drawBatch();
    double perturbedValueAndGradient(const Vector& x, Vector& gradient);

    const Objective& objective_;
    GradientSettings settings_;
    Random random_;
    std::vector<int> order_; // shuffled sample indices of the current epoch
    std::vector<int> batch_; // empty unless mini-batching
    int cursor_ = 0;
    int batchCount_ = 0;
    long long gradientEvaluations_ = 0;
    // Full batch, no noise, no clipping: the gradient is the objective's own. Fixed at
    // construction, like the settings and the batch size it depends on.
    bool exact_ = true;
};

} // namespace optviz
