#pragma once

#include "../surface.h"

namespace optviz {

// The Goldstein–Price function:
//   f(x, y) = [1 + (x + y + 1)² (19 − 14x + 3x² − 14y + 6xy + 3y²)]
//           × [30 + (2x − 3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²)],
// global minimum f = 3 at (0, −1). Values span six orders of magnitude over the view,
// which is what makes it hard for fixed step sizes.
//
// The first bracket depends on x and y only through u = x + y, the second only through
// t = 2x − 3y: f = A(u) B(t) with A(u) = 3u⁴ − 8u³ − 6u² + 24u + 20 and
// B(t) = 3t⁴ − 16t³ + 18t² + 30 (expand to check). That makes the derivatives short and
// shows all the structure: A' = 12(u + 1)(u − 1)(u − 2) and B' = 12t(t − 1)(t − 3), A and
// B are positive, so the minima are where u ∈ {−1, 2} and t ∈ {0, 3}: (0, −1) f = 3,
// (−0.6, −0.4) f = 30, (1.8, 0.2) f = 84, (1.2, 0.8) f = 840.
class GoldsteinPrice final : public Surface
{
public:
    static ParameterSpecs parameters() { return {}; }
    explicit GoldsteinPrice(const ParameterValues&) { }

    double value2(double x, double y) const override { return a(x + y) * b(2.0 * x - 3.0 * y); }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        const double u = x + y;
        const double t = 2.0 * x - 3.0 * y;
        const double av = a(u), bv = b(t), da = aSlope(u), db = bSlope(t);
        gx = da * bv + 2.0 * av * db;
        gy = da * bv - 3.0 * av * db;
        return av * bv;
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override;

    ViewRect defaultView() const override { return {-2.0, 2.0, -2.0, 2.0}; }
    Point2 defaultStart() const override;
    std::vector<Point2> minima() const override
    {
        return {{0.0, -1.0}, {-0.6, -0.4}, {1.8, 0.2}, {1.2, 0.8}};
    }

private:
    static double a(double u) { return (((3.0 * u - 8.0) * u - 6.0) * u + 24.0) * u + 20.0; }
    static double aSlope(double u) { return ((12.0 * u - 24.0) * u - 12.0) * u + 24.0; }
    static double aCurvature(double u) { return (36.0 * u - 48.0) * u - 12.0; }
    static double b(double t) { return ((3.0 * t - 16.0) * t + 18.0) * t * t + 30.0; }
    static double bSlope(double t) { return ((12.0 * t - 48.0) * t + 36.0) * t; }
    static double bCurvature(double t) { return (36.0 * t - 96.0) * t + 36.0; }
};

} // namespace optviz
