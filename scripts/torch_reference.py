#!/usr/bin/python3
"""Reference trajectories for optviz's first-order optimizers, written to
tests/data/torch_reference.csv and replayed step by step by tests/tst_optimizers.cpp.

Run with the system Python (PyTorch 1.13 from Debian):

    /usr/bin/python3 scripts/torch_reference.py [--out tests/data/torch_reference.csv]

Where the reference comes from (column `source`):

* torch        -- torch.optim itself (SGD, Adagrad, RMSprop, Adadelta, Adam, AdamW, Adamax,
                  RAdam, Rprop), in float64, gradients by autograd. Only the parameters a case
                  sets are passed, so torch's own defaults check ours.
* python-ref   -- a small float64 implementation in this file, written from the formulas,
                  for what torch 1.13 does not compute as the spec wants:
    - nadam:  torch 1.13's code multiplies mu_t into the product twice
              (mu_product_next = mu_product * mu * mu_next); the spec follows the DOCUMENTED
              rule, mu_product_next = mu_product * mu_next. RefNadam(buggy=True) reproduces
              torch 1.13 and is checked against it below, so the only difference between
              the reference and torch is that one factor.
    - qhm, qhadam: not in torch; Ma & Yarats 2019 as docs/spec (cli.md) state them.
    - adam with bias_correction=false: optviz's teaching addition.
  Every python-ref class is first checked against torch where the two coincide
  (RefAdam with bias correction == torch Adam, RefNadam(buggy) == torch NAdam,
  RefQhm with nu=0 == torch SGD, RefQhAdam with nu1=nu2=1 == torch Adam).

Two kinds of cases:

* traj/...   -- 50-step trajectories on three surfaces with learning rates that keep the
                paths stable. Each is checked for sensitivity (the same run from a start
                perturbed by 1e-10 relative): a path is cut where rounding would be
                amplified more than 1e5-fold, so that 1e-9 agreement stays meaningful.
* state/...  -- "one step from an identical state": a random start, random hyperparameters
                and 0-7 warm-up steps, then the step under test. Short, hence immune to chaos.

CSV columns: case,source,optimizer,params,surface,start_x,start_y,step,x,y. `params` is
k=v;k=v with optviz's parameter names (torch's betas -> beta1,beta2; etas ->
etaminus,etaplus; step_sizes -> step_min,step_max), booleans as true/false. Step 0 is the
start. Numbers are printed with %.17g.
"""

import argparse
import math
import os
import random
import sys

import torch

torch.set_default_dtype(torch.float64)

# --- surfaces, as the spec (cli.md) defines them --------------------------------------


def rosenbrock(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2


def quadratic(x, y):
    # catalogue "quadratic" with a=1, b=10, angle=0, centre (0, 0)
    return 0.5 * (1.0 * x**2 + 10.0 * y**2)


def himmelblau(x, y):
    return (x**2 + y - 11.0) ** 2 + (x + y**2 - 7.0) ** 2


SURFACES = {"rosenbrock": rosenbrock, "quadratic": quadratic, "himmelblau": himmelblau}
START_BOX = {  # random starts for the state cases
    "rosenbrock": ((-2.0, 2.0), (-1.0, 3.0)),
    "quadratic": ((-3.0, 3.0), (-3.0, 3.0)),
    "himmelblau": ((-4.5, 4.5), (-4.5, 4.5)),
}
# Stable learning rates for the plain-gradient methods (sgd family, qhm): below 2/λmax.
LR_GD = {"rosenbrock": 2e-4, "quadratic": 0.05, "himmelblau": 2e-3}

BOOLEAN = {"nesterov", "amsgrad", "centered", "bias_correction"}


def gradient(surface, p):
    q = p.detach().clone().requires_grad_(True)
    surface(q[0], q[1]).backward()
    return [float(q.grad[0]), float(q.grad[1])]


# --- torch.optim ----------------------------------------------------------------------

ALIAS = {  # optviz alias -> (torch optimizer, settings the alias implies)
    "gd": ("sgd", {"momentum": 0.0}),
    "momentum": ("sgd", {"momentum": 0.9}),
    "nesterov": ("sgd", {"momentum": 0.9, "nesterov": True}),
}


def torch_optimizer(name, params, tensor):
    """torch.optim instance for an optviz optimizer name and its parameter overrides."""
    base, implied = ALIAS.get(name, (name, {}))
    p = dict(implied)
    p.update(params)
    kw = {}
    for k, v in p.items():
        if k in ("beta1", "beta2"):
            kw.setdefault("betas", [None, None])[0 if k == "beta1" else 1] = v
        elif k in ("etaminus", "etaplus"):
            kw.setdefault("etas", [None, None])[0 if k == "etaminus" else 1] = v
        elif k in ("step_min", "step_max"):
            kw.setdefault("step_sizes", [None, None])[0 if k == "step_min" else 1] = v
        else:
            kw[k] = v
    # Pairs that a case sets only half of take torch's default for the other half.
    pair_defaults = {"betas": (0.9, 0.999), "etas": (0.5, 1.2), "step_sizes": (1e-6, 50.0)}
    for key, (d0, d1) in pair_defaults.items():
        if key in kw:
            a, b = kw[key]
            kw[key] = (d0 if a is None else a, d1 if b is None else b)
    cls = {
        "sgd": torch.optim.SGD,
        "adagrad": torch.optim.Adagrad,
        "rmsprop": torch.optim.RMSprop,
        "adadelta": torch.optim.Adadelta,
        "adam": torch.optim.Adam,
        "adamw": torch.optim.AdamW,
        "adamax": torch.optim.Adamax,
        "nadam": torch.optim.NAdam,
        "radam": torch.optim.RAdam,
        "rprop": torch.optim.Rprop,
    }[base]
    if base == "sgd" and "lr" not in kw:
        kw["lr"] = 0.001  # torch's SGD has no default lr; optviz uses 0.001
    return cls([tensor], **kw)


def run_torch(name, params, surface, start, steps):
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = torch_optimizer(name, params, p)
    path = [tuple(start)]
    for _ in range(steps):
        opt.zero_grad()
        surface(p[0], p[1]).backward()
        opt.step()
        path.append((float(p[0]), float(p[1])))
    return path


# --- reference implementations in plain float64 (python-ref) --------------------------


class RefAdam:
    """Adam from the formula. bias_correction=False (optviz's teaching addition) drops both
    corrections: θ ← θ − lr·m/(√v + eps)."""

    defaults = dict(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                    amsgrad=False, bias_correction=True)

    def __init__(self, **kw):
        self.h = dict(self.defaults, **kw)
        self.t = 0
        self.m = [0.0, 0.0]
        self.v = [0.0, 0.0]
        self.vmax = [0.0, 0.0]

    def step(self, x, g):
        h = self.h
        self.t += 1
        out = []
        for i in range(2):
            gi = g[i] + h["weight_decay"] * x[i]
            self.m[i] = h["beta1"] * self.m[i] + (1 - h["beta1"]) * gi
            self.v[i] = h["beta2"] * self.v[i] + (1 - h["beta2"]) * gi * gi
            self.vmax[i] = max(self.vmax[i], self.v[i])
            v = self.vmax[i] if h["amsgrad"] else self.v[i]
            if h["bias_correction"]:
                c1 = 1 - h["beta1"] ** self.t
                c2 = 1 - h["beta2"] ** self.t
                out.append(x[i] - h["lr"] / c1 * self.m[i] / (math.sqrt(v) / math.sqrt(c2) + h["eps"]))
            else:
                out.append(x[i] - h["lr"] * self.m[i] / (math.sqrt(v) + h["eps"]))
        return out


class RefNadam:
    """NAdam as torch 1.13 DOCUMENTS it (Dozat 2016):
    μ_t = β1(1 − ½·0.96^(tψ)), Π_t = μ_1⋯μ_t,
    θ ← θ − lr·[μ_{t+1}·m/(1 − Π_t·μ_{t+1}) + (1 − μ_t)·g/(1 − Π_t)] / (√(v/(1 − β2^t)) + eps).
    buggy=True reproduces torch 1.13's code, whose Π_{t+1} is Π_t·μ_t·μ_{t+1}: used only to
    check this class against torch."""

    defaults = dict(lr=0.002, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                    momentum_decay=0.004)

    def __init__(self, buggy=False, **kw):
        self.h = dict(self.defaults, **kw)
        self.buggy = buggy
        self.t = 0
        self.mu_product = 1.0
        self.m = [0.0, 0.0]
        self.v = [0.0, 0.0]

    def step(self, x, g):
        h = self.h
        self.t += 1
        t = self.t
        b1, b2, psi = h["beta1"], h["beta2"], h["momentum_decay"]
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
        mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
        self.mu_product *= mu
        mu_product_next = self.mu_product * mu_next * (mu if self.buggy else 1.0)
        out = []
        for i in range(2):
            gi = g[i] + h["weight_decay"] * x[i]
            self.m[i] = b1 * self.m[i] + (1 - b1) * gi
            self.v[i] = b2 * self.v[i] + (1 - b2) * gi * gi
            denom = math.sqrt(self.v[i] / (1 - b2**t)) + h["eps"]
            xi = x[i] - h["lr"] * (1 - mu) / (1 - self.mu_product) * gi / denom
            xi = xi - h["lr"] * mu_next / (1 - mu_product_next) * self.m[i] / denom
            out.append(xi)
        return out


class RefQhm:
    """Quasi-hyperbolic momentum (Ma & Yarats 2019), as the spec states it:
    b ← momentum·b + (1 − momentum)·g (b starts at 0); θ ← θ − lr·((1 − nu)·g + nu·b)."""

    defaults = dict(lr=0.001, momentum=0.999, nu=0.7)

    def __init__(self, **kw):
        self.h = dict(self.defaults, **kw)
        self.b = [0.0, 0.0]

    def step(self, x, g):
        h = self.h
        out = []
        for i in range(2):
            self.b[i] = h["momentum"] * self.b[i] + (1 - h["momentum"]) * g[i]
            out.append(x[i] - h["lr"] * ((1 - h["nu"]) * g[i] + h["nu"] * self.b[i]))
        return out


class RefQhAdam:
    """QHAdam (Ma & Yarats 2019), as the spec states it, with Adam's m̂ = m/(1 − β1^t) and
    v̂ = v/(1 − β2^t): θ ← θ − lr·((1 − nu1)·g + nu1·m̂)/(√((1 − nu2)·g² + nu2·v̂) + eps)."""

    defaults = dict(lr=0.001, beta1=0.9, beta2=0.999, nu1=0.7, nu2=1.0, eps=1e-8)

    def __init__(self, **kw):
        self.h = dict(self.defaults, **kw)
        self.t = 0
        self.m = [0.0, 0.0]
        self.v = [0.0, 0.0]

    def step(self, x, g):
        h = self.h
        self.t += 1
        out = []
        for i in range(2):
            self.m[i] = h["beta1"] * self.m[i] + (1 - h["beta1"]) * g[i]
            self.v[i] = h["beta2"] * self.v[i] + (1 - h["beta2"]) * g[i] * g[i]
            mhat = self.m[i] / (1 - h["beta1"] ** self.t)
            vhat = self.v[i] / (1 - h["beta2"] ** self.t)
            num = (1 - h["nu1"]) * g[i] + h["nu1"] * mhat
            den = math.sqrt((1 - h["nu2"]) * g[i] * g[i] + h["nu2"] * vhat) + h["eps"]
            out.append(x[i] - h["lr"] * num / den)
        return out


def run_ref(ref, surface, start, steps):
    x = list(start)
    path = [tuple(x)]
    for _ in range(steps):
        g = gradient(surface, torch.tensor(x))
        x = ref.step(x, g)
        path.append(tuple(x))
    return path


def python_ref(name, params):
    """The python-ref optimizer for a case, or None where torch is the reference."""
    if name == "nadam":
        return RefNadam(**params)
    if name == "qhm":
        return RefQhm(**params)
    if name == "qhadam":
        return RefQhAdam(**params)
    if name == "adam" and params.get("bias_correction") is False:
        return RefAdam(**params)
    return None


def run_case(name, params, surface_name, start, steps):
    surface = SURFACES[surface_name]
    ref = python_ref(name, params)
    if ref is not None:
        return "python-ref", run_ref(ref, surface, start, steps)
    return "torch", run_torch(name, params, surface, start, steps)


# --- self-checks of the python-ref classes against torch ------------------------------


def max_rel_diff(a, b):
    worst = 0.0
    for (ax, ay), (bx, by) in zip(a, b):
        for u, v in ((ax, bx), (ay, by)):
            worst = max(worst, abs(u - v) / max(abs(u), abs(v), 1e-12))
    return worst


def self_check():
    checks = []
    for surface_name, start in (("rosenbrock", (-1.5, 2.0)), ("himmelblau", (2.5, 1.0))):
        s = SURFACES[surface_name]
        for kw in ({"lr": 0.01}, {"lr": 0.01, "amsgrad": True, "weight_decay": 0.1}):
            checks.append(("RefAdam == torch Adam " + str(kw),
                           run_ref(RefAdam(**kw), s, start, 40),
                           run_torch("adam", kw, s, start, 40)))
        for kw in ({"lr": 0.01}, {"lr": 0.01, "momentum_decay": 0.01, "weight_decay": 0.1}):
            checks.append(("RefNadam(buggy) == torch NAdam " + str(kw),
                           run_ref(RefNadam(buggy=True, **kw), s, start, 40),
                           run_torch("nadam", kw, s, start, 40)))
        lr = LR_GD[surface_name]
        checks.append(("RefQhm(nu=0) == torch SGD",
                       run_ref(RefQhm(lr=lr, nu=0.0, momentum=0.9), s, start, 40),
                       run_torch("sgd", {"lr": lr}, s, start, 40)))
        checks.append(("RefQhAdam(nu1=nu2=1) == torch Adam",
                       run_ref(RefQhAdam(lr=0.01, nu1=1.0, nu2=1.0), s, start, 40),
                       run_torch("adam", {"lr": 0.01}, s, start, 40)))
    for label, a, b in checks:
        d = max_rel_diff(a, b)
        if d > 1e-12:
            sys.exit("self-check failed: %s: max relative difference %.3g" % (label, d))
    # And the documented NAdam really differs from torch 1.13's code path.
    s = SURFACES["rosenbrock"]
    d = max_rel_diff(run_ref(RefNadam(lr=0.01), s, (-1.5, 2.0), 10),
                     run_torch("nadam", {"lr": 0.01}, s, (-1.5, 2.0), 10))
    if d < 1e-6:
        sys.exit("self-check: documented NAdam unexpectedly equals torch 1.13's")
    print("self-checks passed (%d python-ref runs agree with torch to 1e-12; documented "
          "NAdam differs from torch 1.13's code by %.2g relative)" % (len(checks), d),
          file=sys.stderr)


# --- the cases ------------------------------------------------------------------------

RADAM_LR = {"rosenbrock": 1e-3, "quadratic": 0.01, "himmelblau": 0.005}
GD = "gd-lr"  # placeholder: replaced by LR_GD[surface] (scaled) per surface

# (optimizer, overrides); lr GD means the stable plain-gradient lr of the surface, a dict
# an lr per surface (RAdam's first, unrectified steps are plain momentum steps).
TRAJECTORY_CONFIGS = [
    ("sgd", {"lr": GD}),
    ("sgd", {"lr": GD, "momentum": 0.9}),
    ("sgd", {"lr": GD, "momentum": 0.9, "dampening": 0.5}),
    ("sgd", {"lr": GD, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": GD, "weight_decay": 0.1}),
    ("sgd", {"lr": GD, "momentum": 0.5, "nesterov": True, "weight_decay": 0.05}),
    ("gd", {"lr": GD}),
    ("momentum", {"lr": GD}),
    ("momentum", {"lr": GD, "dampening": 0.3}),
    ("nesterov", {"lr": GD}),
    ("adagrad", {"lr": 0.1}),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.05}),
    ("adagrad", {"lr": 0.2, "initial_accumulator_value": 0.5}),
    ("adagrad", {"lr": 0.1, "weight_decay": 0.1, "eps": 1e-6}),
    ("rmsprop", {"lr": 0.001}),
    ("rmsprop", {"lr": 0.001, "centered": True}),
    ("rmsprop", {"lr": 0.0005, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.001, "alpha": 0.9, "weight_decay": 0.1}),
    ("rmsprop", {"lr": 0.0005, "centered": True, "momentum": 0.5, "eps": 1e-4}),
    ("adadelta", {}),
    ("adadelta", {"rho": 0.95, "eps": 1e-4}),
    ("adadelta", {"lr": 0.5, "weight_decay": 0.1}),
    ("adam", {"lr": 0.01}),
    ("adam", {"lr": 0.01, "amsgrad": True}),
    ("adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("adam", {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}),
    ("adam", {"lr": 0.01, "amsgrad": True, "weight_decay": 0.05}),
    ("adam", {"lr": 0.01, "bias_correction": False}),
    ("adam", {"lr": 0.005, "bias_correction": False, "beta1": 0.8, "beta2": 0.99}),
    ("adamw", {"lr": 0.01}),
    ("adamw", {"lr": 0.01, "weight_decay": 0.1}),
    ("adamw", {"lr": 0.01, "amsgrad": True, "weight_decay": 0.05}),
    ("adamax", {"lr": 0.01}),
    ("adamax", {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "weight_decay": 0.1}),
    ("nadam", {"lr": 0.01}),
    ("nadam", {"lr": 0.01, "beta1": 0.85, "momentum_decay": 0.01}),
    ("nadam", {"lr": 0.005, "weight_decay": 0.1, "eps": 1e-6}),
    ("radam", {"lr": RADAM_LR}),
    ("radam", {"lr": RADAM_LR, "beta2": 0.9, "weight_decay": 0.05}),
    ("radam", {"lr": RADAM_LR, "beta1": 0.8, "eps": 1e-6}),
    ("rprop", {}),
    ("rprop", {"lr": 0.05, "etaminus": 0.3, "etaplus": 1.5}),
    ("rprop", {"lr": 0.1, "step_min": 0.01, "step_max": 0.2}),
    ("qhm", {"lr": GD, "momentum": 0.9}),
    ("qhm", {"lr": GD}),
    ("qhm", {"lr": GD, "momentum": 0.5, "nu": 0.3}),
    ("qhadam", {"lr": 0.01}),
    ("qhadam", {"lr": 0.01, "beta2": 0.99, "nu1": 0.5, "nu2": 0.8}),
    ("qhadam", {"lr": 0.02, "beta1": 0.8, "eps": 1e-6}),
]

STARTS = [(-1.5, 2.0), (0.5, -0.3), (2.5, 1.0)]


def resolve_lr(params, surface_name, scale=1.0):
    p = dict(params)
    if p.get("lr") == GD:
        p["lr"] = LR_GD[surface_name] * scale
    elif isinstance(p.get("lr"), dict):
        p["lr"] = p["lr"][surface_name]
    return p


def random_params(rng, name, surface_name):
    """Random hyperparameters for a state case (valid for optviz and torch alike)."""
    u = rng.uniform
    coin = lambda: rng.random() < 0.5  # noqa: E731
    p = {}
    gd_lr = LR_GD[surface_name] * u(0.3, 1.2)
    if name in ("sgd", "gd", "momentum", "nesterov"):
        p["lr"] = gd_lr
        if coin():
            p["weight_decay"] = u(0.0, 0.5)
        if name == "sgd":
            if coin():
                p["momentum"] = u(0.05, 0.95)
                if coin():
                    p["nesterov"] = True
                elif coin():
                    p["dampening"] = u(0.0, 0.9)
        elif name == "momentum":
            if coin():
                p["momentum"] = u(0.05, 0.95)
            if coin():
                p["dampening"] = u(0.0, 0.9)
        elif name == "nesterov" and coin():
            p["momentum"] = u(0.05, 0.95)
    elif name == "adagrad":
        p["lr"] = u(0.01, 0.5)
        if coin():
            p["lr_decay"] = u(0.0, 0.5)
        if coin():
            p["weight_decay"] = u(0.0, 0.5)
        if coin():
            p["initial_accumulator_value"] = u(0.0, 2.0)
        if coin():
            p["eps"] = rng.choice([1e-6, 1e-3])
    elif name == "rmsprop":
        p["lr"] = u(1e-4, 3e-3)
        p["alpha"] = u(0.8, 0.999)
        if coin():
            p["eps"] = rng.choice([1e-6, 1e-4])
        if coin():
            p["weight_decay"] = u(0.0, 0.5)
        if coin():
            p["momentum"] = u(0.05, 0.95)
        if coin():
            p["centered"] = True
    elif name == "adadelta":
        p["lr"] = u(0.1, 2.0)
        p["rho"] = u(0.5, 0.99)
        if coin():
            p["eps"] = rng.choice([1e-5, 1e-3])
        if coin():
            p["weight_decay"] = u(0.0, 0.5)
    elif name in ("adam", "adamw", "adamax", "nadam", "radam", "qhadam"):
        p["lr"] = u(1e-3, 0.05)
        p["beta1"] = u(0.5, 0.95)
        p["beta2"] = u(0.8, 0.9999)
        if coin():
            p["eps"] = rng.choice([1e-6, 1e-4])
        if name != "qhadam" and coin():
            p["weight_decay"] = u(0.0, 0.5)
        if name in ("adam", "adamw") and coin():
            p["amsgrad"] = True
        if name == "adam" and coin():
            p["bias_correction"] = False
        if name == "nadam":
            p["momentum_decay"] = u(0.001, 0.05)
        if name == "qhadam":
            p["nu1"] = u(0.0, 1.0)
            p["nu2"] = u(0.0, 1.0)
    elif name == "rprop":
        p["lr"] = u(0.001, 0.2)
        p["etaminus"] = u(0.2, 0.9)
        p["etaplus"] = u(1.05, 2.0)
        if coin():
            p["step_min"] = u(1e-6, 1e-3)
        if coin():
            p["step_max"] = u(0.05, 50.0)
    elif name == "qhm":
        p["lr"] = gd_lr
        p["momentum"] = u(0.0, 0.999)
        p["nu"] = u(0.0, 1.0)
    else:
        raise ValueError(name)
    return p


def sensitivity(name, params, surface_name, start, path):
    """Per step: how much a 1e-10 relative perturbation of the start is amplified."""
    delta = 1e-10
    pert = (start[0] * (1 + delta) + delta, start[1] * (1 - delta) - delta)
    _, other = run_case(name, params, surface_name, pert, len(path) - 1)
    amp = []
    for (ax, ay), (bx, by) in zip(path, other):
        scale = max(1.0, abs(ax), abs(ay))
        amp.append(max(abs(ax - bx), abs(ay - by)) / (delta * scale))
    return amp


def finite(path):
    return all(math.isfinite(c) and abs(c) < 1e6 for p in path for c in p)


def format_params(params):
    items = []
    for k, v in params.items():
        if k in BOOLEAN:
            items.append("%s=%s" % (k, "true" if v else "false"))
        else:
            items.append("%s=%s" % (k, repr(float(v))))
    return ";".join(items)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--out", default=os.path.join(root, "tests", "data", "torch_reference.csv"))
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--states", type=int, default=24, help="state cases per optimizer")
    parser.add_argument("--seed", type=int, default=20240607)
    args = parser.parse_args()

    self_check()
    rows = []
    cut = 0
    max_amp = 1e5

    def add(case, source, name, params, surface_name, start, path):
        for k, (x, y) in enumerate(path):
            rows.append("%s,%s,%s,%s,%s,%.17g,%.17g,%d,%.17g,%.17g" % (
                case, source, name, format_params(params), surface_name,
                start[0], start[1], k, x, y))

    for index, (name, base) in enumerate(TRAJECTORY_CONFIGS):
        for s_index, surface_name in enumerate(SURFACES):
            start = STARTS[(index + s_index) % len(STARTS)]
            params = resolve_lr(base, surface_name)
            source, path = run_case(name, params, surface_name, start, args.steps)
            amp = sensitivity(name, params, surface_name, start, path)
            keep = len(path)
            for k in range(len(path)):
                if amp[k] > max_amp or not finite(path[: k + 1]):
                    keep = k
                    break
            if keep < len(path):
                cut += 1
                print("note: traj %s %s on %s cut at step %d (amplification %.3g)" % (
                    name, format_params(params), surface_name, keep - 1,
                    max(amp[: keep] or [0])), file=sys.stderr)
            if keep < 21:
                sys.exit("trajectory too sensitive: %s %s on %s" % (name, params, surface_name))
            add("traj/%d/%s/%s" % (index, name, surface_name), source, name, params,
                surface_name, start, path[:keep])

    rng = random.Random(args.seed)
    names = ["sgd", "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam",
             "adamw", "adamax", "nadam", "radam", "rprop", "qhm", "qhadam"]
    skipped = 0
    for name in names:
        made = 0
        while made < args.states:
            surface_name = rng.choice(list(SURFACES))
            (x0, x1), (y0, y1) = START_BOX[surface_name]
            start = (rng.uniform(x0, x1), rng.uniform(y0, y1))
            params = random_params(rng, name, surface_name)
            warmup = rng.randint(0, 7)
            source, path = run_case(name, params, surface_name, start, warmup + 1)
            amp = sensitivity(name, params, surface_name, start, path)
            if not finite(path) or max(amp) > max_amp:
                skipped += 1
                continue
            add("state/%s/%d" % (name, made), source, name, params, surface_name, start, path)
            made += 1

    header = "case,source,optimizer,params,surface,start_x,start_y,step,x,y"
    with open(args.out, "w") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(row + "\n")
    print("wrote %d rows to %s (%d trajectories cut for sensitivity, %d random states "
          "redrawn)" % (len(rows), args.out, cut, skipped), file=sys.stderr)


if __name__ == "__main__":
    main()
