#pragma once

#include "gradient_oracle.h"
#include "objective.h"
#include "parameter.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace optviz {

// A snapshot of an optimizer's internals for the step inspector: named per-coordinate
// vectors (PyTorch's state names where it has them: momentum_buffer, exp_avg,
// exp_avg_sq, ...) and named scalars (step, bias corrections, the line search's t).
struct OptimizerState
{
    std::vector<std::pair<std::string, Vector>> vectors;
    std::vector<std::pair<std::string, double>> scalars;

    const Vector* vector(std::string_view name) const;
    const double* scalar(std::string_view name) const;
};

// One optimization method with its state. `step` advances one iteration; first-order
// methods ask the oracle for one gradient, line-search and Newton methods for more.
// Every optimizer records the gradient it used and the move it made, so that the
// inspector can show the effective step per coordinate for all of them alike.
class Optimizer
{
public:
    virtual ~Optimizer() = default;

    // Clears all state, ready to optimize a problem of the given dimension.
    void reset(int dimension);
    // One iteration from x, in place.
    virtual void step(GradientOracle& oracle, Vector& x) = 0;

    // Iterations taken since reset.
    long long iterations() const { return iterations_; }
    // The gradient the last step used (after weight decay where the method adds it
    // to the gradient, as torch.optim does) and the move it made: x_new − x_old.
    const Vector& lastGradient() const { return gradient_; }
    const Vector& lastUpdate() const { return update_; }

    // The learning rate the next step uses (torch's param_group['lr']). A schedule sets
    // it between steps; the state (moments, buffers, curvature history) is kept, as
    // torch.optim.lr_scheduler does. Every method has one: Adadelta and Newton scale
    // their step by it; Rprop, like torch's, reads it only once, for the initial step
    // sizes of its first step.
    double learningRate() const { return lr_; }
    void setLearningRate(double lr) { lr_ = lr; }

    // Fills `state` with the method's internals; the base adds gradient, update and
    // the effective step per coordinate (−update / gradient, 0 where the gradient is).
    void inspect(OptimizerState& state) const;

protected:
    explicit Optimizer(double learningRate)
        : lr_(learningRate)
    {
    }

    virtual void resetState(int dimension) = 0;
    virtual void inspectState(OptimizerState& state) const = 0;

    double lr_;
    Vector gradient_;
    Vector update_;
    long long iterations_ = 0;
};

// An entry of the optimizer catalogue. Aliases (gd, momentum, nesterov) are entries of
// their own with other defaults, so that they list and validate like any other.
struct OptimizerInfo
{
    std::string name;
    std::string summary; // one line
    std::string aliasOf; // empty unless an alias
    ParameterSpecs parameters;
    bool usesHessian = false; // Newton: needs an objective with a Hessian
    std::unique_ptr<Optimizer> (*create)(const ParameterValues& resolved);
};

const std::vector<OptimizerInfo>& optimizerCatalog();
const OptimizerInfo* findOptimizer(std::string_view name);
std::vector<std::string> optimizerNames();

// Builds an optimizer by name with the given parameter overrides; throws InvalidArgument
// for an unknown name, a bad parameter or an inconsistent combination (Nesterov without
// momentum), naming the accepted values.
std::unique_ptr<Optimizer> makeOptimizer(
    std::string_view name, const ParameterValues& overrides = {});

} // namespace optviz
