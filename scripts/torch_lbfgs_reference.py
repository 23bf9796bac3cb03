#!/usr/bin/python3
"""Reference trajectories of torch.optim.LBFGS for tests/tst_second_order.cpp.

Runs torch.optim.LBFGS(max_iter=1, ...) in float64 on small 2-D functions and writes
tests/data/torch_lbfgs_reference.csv (case,step,x,y; step 0 is the start). One row
per optimizer.step(closure), which is one step of optviz's lbfgs.

The closure sets the gradient from the same closed-form expressions, in the same
order of operations, as the C++ objectives (core/surfaces/rosenbrock.h, and the Beale
function and the plane in the test), so that both sides see bit-identical values and gradients and
the comparison isolates the optimizer. Needs PyTorch 1.13 (Debian's python3-torch):

    /usr/bin/python3 scripts/torch_lbfgs_reference.py
"""

import os
import sys

import torch

assert torch.__version__.startswith("1.13"), "the reference is torch 1.13's LBFGS"


def rosenbrock(x, y, a=1.0, b=100.0):
    u = a - x
    v = y - x * x
    gx = -2.0 * u - 4.0 * b * x * v
    gy = 2.0 * b * v
    return u * u + b * v * v, gx, gy


def beale(x, y):
    a1 = 1.5 - x + x * y
    a2 = 2.25 - x + x * y * y
    a3 = 2.625 - x + x * y * y * y
    gx = 2.0 * a1 * (y - 1.0) + 2.0 * a2 * (y * y - 1.0) + 2.0 * a3 * (y * y * y - 1.0)
    gy = 2.0 * a1 * x + 2.0 * a2 * (2.0 * x * y) + 2.0 * a3 * (3.0 * x * y * y)
    return a1 * a1 + a2 * a2 + a3 * a3, gx, gy


def plane(x, y):
    return x + 2.0 * y, 1.0, 2.0


# name, function, start, lr, history_size, line search, steps. The test holds the same
# table (and compares only the first steps of some runs: see there); keep the two in
# step. Between them the cases take every branch of _strong_wolfe and _cubic_interpolate
# but one (the zoom's push away from the bracket's upper end), and both early exits of
# LBFGS.step (max|g| <= tolerance_grad: beale; g.d > -tolerance_change: the rosenbrock
# runs once they stall near the minimum).
CASES = [
    ("rosenbrock", rosenbrock, (-1.5, 2.0), 1.0, 10, True, 60),
    ("rosenbrock_history3", rosenbrock, (-1.5, 2.0), 1.0, 3, True, 60),
    ("rosenbrock_lr0.5", rosenbrock, (-1.5, 2.0), 0.5, 10, True, 60),
    # Overshooting first trials: the zoom phase, the cubic with x1 > x2.
    ("rosenbrock_lr10", rosenbrock, (-1.5, 2.0), 10.0, 10, True, 60),
    # Timid first trials: extrapolation, and cubics without a minimum (bisection).
    ("rosenbrock_lr0.01_far", rosenbrock, (-4.0, 4.0), 0.01, 10, True, 60),
    ("beale", beale, (1.0, 1.5), 1.0, 10, True, 60),
    # Steep walls: zoom trials pushed away from the end of the bracket they crowd.
    ("beale_lr100_history3", beale, (-4.0, 2.0), 100.0, 3, True, 60),
    ("beale_no_line_search", beale, (1.0, 1.5), 0.1, 10, False, 60),
    # Unbounded below: extrapolation runs out of trials (max_ls), then brackets too
    # narrow to zoom into.
    ("plane_lr1e-20", plane, (0.0, 0.0), 1e-20, 10, True, 3),
]


def run(function, start, lr, history_size, line_search, steps):
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([p], lr=lr, max_iter=1, history_size=history_size,
                                  line_search_fn="strong_wolfe" if line_search else None)

    def closure():
        x, y = p.detach().tolist()
        f, gx, gy = function(x, y)
        p.grad = torch.tensor([gx, gy], dtype=torch.float64)
        return torch.tensor(f, dtype=torch.float64)

    points = [tuple(p.detach().tolist())]
    for _ in range(steps):
        optimizer.step(closure)
        points.append(tuple(p.detach().tolist()))
    return points


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "tests", "data", "torch_lbfgs_reference.csv")
    if len(sys.argv) > 1:
        path = sys.argv[1]
    with open(path, "w") as out:
        out.write("case,step,x,y\n")
        for name, function, start, lr, history_size, line_search, steps in CASES:
            points = run(function, start, lr, history_size, line_search, steps)
            for step, (x, y) in enumerate(points):
                out.write("%s,%d,%.17g,%.17g\n" % (name, step, x, y))
    print("wrote", path)


if __name__ == "__main__":
    main()
