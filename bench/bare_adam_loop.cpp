#include "bare_adam_loop.h"

#include <cmath>

namespace optviz::bench {

// Kept in its own translation unit so that the caller cannot see through it and drop
// the stores into arrays it never reads back in the timed region. The arithmetic is
// written in the order core/optimizers/adam.cpp and core/surfaces/rosenbrock.h use,
// so that both produce the same trajectory bit for bit.
void runBareAdamLoop(const BareAdamProblem& problem, double x0, double y0, long long steps,
    double* xs, double* ys, double* losses)
{
    const double a = problem.a;
    const double b = problem.b;
    double x = x0;
    double y = y0;
    double mx = 0.0, my = 0.0; // first moments
    double vx = 0.0, vy = 0.0; // second moments
    double beta1Power = 1.0;
    double beta2Power = 1.0;

    const double u0 = a - x;
    const double w0 = y - x * x;
    xs[0] = x;
    ys[0] = y;
    losses[0] = u0 * u0 + b * w0 * w0;

    for (long long k = 1; k <= steps; ++k) {
        const double u = a - x;
        const double w = y - x * x;
        const double gx = -2.0 * u - 4.0 * b * x * w;
        const double gy = 2.0 * b * w;

        beta1Power *= problem.beta1;
        beta2Power *= problem.beta2;
        mx = problem.beta1 * mx + (1.0 - problem.beta1) * gx;
        my = problem.beta1 * my + (1.0 - problem.beta1) * gy;
        vx = problem.beta2 * vx + (1.0 - problem.beta2) * (gx * gx);
        vy = problem.beta2 * vy + (1.0 - problem.beta2) * (gy * gy);
        const double stepSize = problem.lr / (1.0 - beta1Power);
        const double correction2Sqrt = std::sqrt(1.0 - beta2Power);
        x -= stepSize * mx / (std::sqrt(vx) / correction2Sqrt + problem.eps);
        y -= stepSize * my / (std::sqrt(vy) / correction2Sqrt + problem.eps);

        const double un = a - x;
        const double wn = y - x * x;
        xs[k] = x;
        ys[k] = y;
        losses[k] = un * un + b * wn * wn;
    }
}

} // namespace optviz::bench
