#pragma once

namespace optviz::bench {

// The constants of the hand-written loop: passed at run time, as the library gets them,
// so that neither side is compiled for one fixed problem.
struct BareAdamProblem
{
    double a = 1.0; // Rosenbrock (a − x)² + b (y − x²)²
    double b = 100.0;
    double lr = 0.001; // Adam, with bias correction, no weight decay
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
};

// Adam on Rosenbrock written plainly with doubles: the yardstick that
// core.overhead_vs_bare_loop.adam compares the library against. Takes `steps` steps
// from (x0, y0) and records every point as the Runner does, row 0 being the start:
// xs, ys and losses must each hold steps + 1 values.
void runBareAdamLoop(const BareAdamProblem& problem, double x0, double y0, long long steps,
    double* xs, double* ys, double* losses);

} // namespace optviz::bench
