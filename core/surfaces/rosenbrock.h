#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = (a − x)² + b (y − x²)²: a curved, narrow valley with its minimum at (a, a²).
// The classic race track: plain gradient descent crawls along the valley floor.
class Rosenbrock final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit Rosenbrock(const ParameterValues& resolved);

    double value2(double x, double y) const override
    {
        const double u = a_ - x;
        const double v = y - x * x;
        return u * u + b_ * v * v;
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double u = a_ - x;
        const double v = y - x * x;
        gx = -2.0 * u - 4.0 * b_ * x * v;
        gy = 2.0 * b_ * v;
        return u * u + b_ * v * v;
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override;
    // (−1.5, 2) for the default a = 1, across the valley from the minimum; follows a, like
    // the view, so that it stays in the picture.
    Point2 defaultStart() const override { return {a_ - 2.5, a_ * a_ + 1.0}; }
    std::vector<Point2> minima() const override { return {{a_, a_ * a_}}; }

private:
    double a_;
    double b_;
};

} // namespace optviz
