#pragma once

#include "../surface.h"

namespace optviz {

// f(x, y) = ½ (a u² + b v²), where (u, v) is (x − cx, y − cy) rotated by −angle degrees:
// an elliptic bowl with curvatures a and b along axes turned by `angle`, centred on
// (cx, cy). The condition number b / a is what makes gradient descent zigzag, and the
// rotation is what defeats per-coordinate methods (Adagrad, RMSprop, Adam) that only
// rescale x and y.
//
// With c = cos angle, s = sin angle: u = c dx + s dy, v = −s dx + c dy, so
// ∇f = (a u c − b v s, a u s + b v c) and ∇²f = Rᵀ diag(a, b) R, constant.
class Quadratic final : public Surface
{
public:
    static ParameterSpecs parameters();
    explicit Quadratic(const ParameterValues& resolved);

    double value2(double x, double y) const override
    {
        const double u = rotatedU(x, y);
        const double v = rotatedV(x, y);
        return 0.5 * (a_ * u * u + b_ * v * v);
    }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double u = rotatedU(x, y);
        const double v = rotatedV(x, y);
        gx = a_ * u * cos_ - b_ * v * sin_;
        gy = a_ * u * sin_ + b_ * v * cos_;
        return 0.5 * (a_ * u * u + b_ * v * v);
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override;
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override { return {{cx_, cy_}}; }

private:
    double rotatedU(double x, double y) const { return cos_ * (x - cx_) + sin_ * (y - cy_); }
    double rotatedV(double x, double y) const { return -sin_ * (x - cx_) + cos_ * (y - cy_); }

    double a_;
    double b_;
    double cx_;
    double cy_;
    double cos_;
    double sin_;
};

} // namespace optviz
