#include "objective.h"

#include <stdexcept>

namespace optviz {

void Objective::hessian(const Vector&, Matrix&) const
{
    throw std::logic_error("this objective has no Hessian");
}

double Objective::batchValue(const Vector&, const int*, int) const
{
    throw std::logic_error("this objective has no data samples");
}

double Objective::batchValueAndGradient(const Vector&, const int*, int, Vector&) const
{
    throw std::logic_error("this objective has no data samples");
}

void Objective::batchHessian(const Vector&, const int*, int, Matrix&) const
{
    throw std::logic_error("this objective has no data samples");
}

} // namespace optviz
