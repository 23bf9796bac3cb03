#pragma once

#include <Eigen/Core>

namespace optviz {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;

// Anything with a value and an exact gradient over a parameter vector (the Hessian
// where it exists). 2-D surfaces and the neural network are both objectives, so every
// optimizer works on both unchanged (ensmallen's FunctionType).
class Objective
{
public:
    virtual ~Objective() = default;

    virtual int dimension() const = 0;
    virtual double value(const Vector& x) const = 0;
    // Returns f(x) and writes ∇f(x) into `gradient`, which the caller has sized to
    // dimension(): no allocation here, this is on the hot path.
    virtual double valueAndGradient(const Vector& x, Vector& gradient) const = 0;

    virtual bool hasHessian() const { return false; }
    // Writes ∇²f(x) into `hessian` (sized dimension() × dimension() by the caller).
    // Only called when hasHessian() is true.
    virtual void hessian(const Vector& x, Matrix& hessian) const;

    // Objectives whose loss is a mean over data samples (linear regression, the small
    // networks) report how many samples they hold, so that gradients can be taken over
    // mini-batches of them. Zero means "not a data objective".
    virtual int sampleCount() const { return 0; }
    // The mean loss (and its gradient, its Hessian) over the samples with the given
    // indices. Only called when sampleCount() > 0.
    virtual double batchValue(const Vector& x, const int* indices, int count) const;
    virtual double batchValueAndGradient(
        const Vector& x, const int* indices, int count, Vector& gradient) const;
    virtual void batchHessian(
        const Vector& x, const int* indices, int count, Matrix& hessian) const;
};

} // namespace optviz
