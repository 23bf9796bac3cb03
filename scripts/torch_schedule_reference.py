#!/usr/bin/python3
"""Reference learning rates and trajectories for optviz's learning-rate schedules, written
to tests/data/torch_schedule_reference.csv and checked by tests/tst_lr_schedule.cpp.

Run with the system Python (PyTorch 1.13 from Debian):

    /usr/bin/python3 scripts/torch_schedule_reference.py [--out tests/data/torch_schedule_reference.csv]

Every case drives torch.optim.lr_scheduler the usual way, one scheduler step after every
optimizer step:

    for k in range(steps):
        lr_k = optimizer.param_groups[0]["lr"]   # the lr step k uses
        optimizer.step(closure)
        scheduler.step()

optviz's schedules map to torch's as (spec: core/lr_schedule.h):

    step          StepLR(step_size, gamma)
    exponential   ExponentialLR(gamma)
    cosine        CosineAnnealingLR(T_max, eta_min)
    warmup        LinearLR(start_factor, end_factor=1, total_iters=warmup)
    X + warmup    SequentialLR([LinearLR(start_factor, 1, warmup), X], milestones=[warmup])

Two kinds of rows:

* lr/...    -- the lr of every step k (column `lr`; x, y empty): the schedule alone.
* traj/...  -- an optimizer with a schedule on Rosenbrock from (-1.5, 2): the iterate after
               k steps (x, y; lr empty), so that the runner is checked to apply the lr of
               step k to step k (not k - 1 or k + 1) and to keep the optimizer's state.

CSV columns: case,optimizer,params,schedule,schedule_params,steps,step,lr,x,y with params
as k=v;k=v in optviz's names. Numbers are printed with %.17g.
"""

import argparse
import warnings
import os
import sys

import torch
from torch.optim import lr_scheduler as L

torch.set_default_dtype(torch.float64)
# SequentialLR steps the scheduler after the ramp with step(0), which torch 1.13 flags as
# deprecated; that is its own code path, not ours.
warnings.filterwarnings("ignore", category=UserWarning)


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2


def build(optimizer, name, params):
    warmup = int(params.get("warmup", 100 if name == "warmup" else 0))
    start = params.get("start_factor", 1.0 / 3.0)
    # The ramp is built first, as in torch's "warm-up, then X" recipe.
    ramp = L.LinearLR(optimizer, start_factor=start, end_factor=1.0, total_iters=warmup) if warmup else None
    if name == "warmup":
        return ramp
    if name == "step":
        main = L.StepLR(optimizer, step_size=int(params["step_size"]), gamma=params.get("gamma", 0.1))
    elif name == "exponential":
        main = L.ExponentialLR(optimizer, gamma=params["gamma"])
    elif name == "cosine":
        main = L.CosineAnnealingLR(optimizer, T_max=int(params["T_max"]), eta_min=params.get("eta_min", 0.0))
    else:
        raise ValueError(name)
    return L.SequentialLR(optimizer, [ramp, main], milestones=[warmup]) if ramp else main


OPTIMIZERS = {
    "sgd": lambda p, a: torch.optim.SGD([p], **a),
    "adam": lambda p, a: torch.optim.Adam([p], **a),
    "adagrad": lambda p, a: torch.optim.Adagrad([p], **a),
    "rprop": lambda p, a: torch.optim.Rprop([p], **a),
    "lbfgs": lambda p, a: torch.optim.LBFGS([p], max_iter=1, line_search_fn="strong_wolfe", **a),
}


def fmt(params):
    return ";".join(f"{k}={v:.17g}" if isinstance(v, float) else f"{k}={v}" for k, v in params.items())


LR_CASES = [
    # (schedule, params, base lr, steps)
    ("warmup", {"warmup": 10, "start_factor": 0.1}, 0.5, 25),
    ("warmup", {}, 0.01, 130),
    ("step", {"step_size": 7, "gamma": 0.5}, 0.3, 40),
    ("step", {"step_size": 100}, 1.0, 320),
    ("exponential", {"gamma": 0.9}, 0.2, 60),
    ("exponential", {"gamma": 0.999}, 0.001, 400),
    ("cosine", {"T_max": 20}, 0.1, 60),
    ("cosine", {"T_max": 50, "eta_min": 0.001}, 0.05, 120),
    ("cosine", {"T_max": 30, "warmup": 10}, 0.2, 80),
    ("step", {"step_size": 5, "gamma": 0.5, "warmup": 8, "start_factor": 0.25}, 1.0, 40),
    ("exponential", {"gamma": 0.95, "warmup": 5, "start_factor": 0.5}, 0.1, 40),
]

TRAJ_CASES = [
    # (optimizer, torch kwargs, optviz params, schedule, params, steps)
    ("sgd", {"lr": 1e-3, "momentum": 0.9}, {"lr": 1e-3, "momentum": 0.9}, "cosine", {"T_max": 40}, 60),
    ("adam", {"lr": 0.05}, {"lr": 0.05}, "step", {"step_size": 10, "gamma": 0.5}, 50),
    ("adam", {"lr": 0.1}, {"lr": 0.1}, "cosine", {"T_max": 30, "warmup": 10, "start_factor": 0.1}, 50),
    ("adagrad", {"lr": 0.5, "lr_decay": 0.01}, {"lr": 0.5, "lr_decay": 0.01}, "exponential", {"gamma": 0.97}, 50),
    ("rprop", {"lr": 0.01}, {"lr": 0.01}, "warmup", {"warmup": 20, "start_factor": 0.2}, 40),
    # L-BFGS on Rosenbrock amplifies rounding past step 10 (with a constant lr too): 10 steps.
    ("lbfgs", {"lr": 1.0}, {"lr": 1, "line_search": "true"}, "step", {"step_size": 3, "gamma": 0.5}, 10),
]


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "tests", "data", "torch_schedule_reference.csv"))
    args = parser.parse_args()

    rows = ["case,optimizer,params,schedule,schedule_params,steps,step,lr,x,y"]
    for i, (name, params, base, steps) in enumerate(LR_CASES):
        p = torch.zeros(2, requires_grad=True)
        optimizer = torch.optim.SGD([p], lr=base)
        scheduler = build(optimizer, name, params)
        case = f"lr/{i}/{name}"
        for k in range(steps):
            lr = optimizer.param_groups[0]["lr"]
            rows.append(f"{case},sgd,lr={base:.17g},{name},{fmt(params)},{steps},{k},{lr:.17g},,")
            optimizer.step()  # no gradient: nothing moves, as in torch's own scheduler tests
            scheduler.step()

    for i, (opt, kwargs, ours, name, params, steps) in enumerate(TRAJ_CASES):
        p = torch.tensor([-1.5, 2.0], requires_grad=True)
        optimizer = OPTIMIZERS[opt](p, kwargs)
        scheduler = build(optimizer, name, params)
        case = f"traj/{i}/{opt}/{name}"
        ours_text = ";".join(f"{k}={v}" for k, v in ours.items())

        def closure():
            optimizer.zero_grad()
            loss = rosenbrock(p)
            loss.backward()
            return loss

        rows.append(f"{case},{opt},{ours_text},{name},{fmt(params)},{steps},0,,{p[0].item():.17g},{p[1].item():.17g}")
        for k in range(1, steps + 1):
            optimizer.step(closure)
            scheduler.step()
            rows.append(f"{case},{opt},{ours_text},{name},{fmt(params)},{steps},{k},,{p[0].item():.17g},{p[1].item():.17g}")

    with open(args.out, "w") as out:
        out.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows) - 1} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
