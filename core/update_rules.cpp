#include "update_rules.h"

#include <array>
#include <utility>

namespace optviz {

namespace {

constexpr std::string_view sgdRule = "g ← ∇f(θ) + weight_decay·θ\n"
                                     "b ← g (first step), else momentum·b + (1 − dampening)·g\n"
                                     "d ← g + momentum·b (Nesterov), b (momentum), g (none)\n"
                                     "θ ← θ − lr·d";

constexpr std::string_view adamRule = "g ← ∇f(θ) + weight_decay·θ\n"
                                      "m ← β₁·m + (1 − β₁)·g\n"
                                      "v ← β₂·v + (1 − β₂)·g²      (amsgrad: v̄ ← max(v̄, v))\n"
                                      "θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)";

constexpr std::array<std::pair<std::string_view, std::string_view>, 18> rules = {{
    {"sgd", sgdRule},
    {"gd", "g ← ∇f(θ) + weight_decay·θ\nθ ← θ − lr·g"},
    {"momentum", sgdRule},
    {"nesterov", sgdRule},
    {"adagrad",
        "g ← ∇f(θ) + weight_decay·θ\n"
        "s ← s + g²            (sum)\n"
        "θ ← θ − lr/(1 + (t − 1)·lr_decay) · g / (√s + eps)"},
    {"rmsprop",
        "g ← ∇f(θ) + weight_decay·θ\n"
        "v ← α·v + (1 − α)·g²            (square_avg)\n"
        "centered: a ← α·a + (1 − α)·g, v − a² in place of v\n"
        "b ← momentum·b + g / (√v + eps);  θ ← θ − lr·b\n"
        "(momentum 0: θ ← θ − lr·g / (√v + eps))"},
    {"adadelta",
        "g ← ∇f(θ) + weight_decay·θ\n"
        "v ← ρ·v + (1 − ρ)·g²            (square_avg)\n"
        "Δ ← √(u + eps) / √(v + eps) · g\n"
        "u ← ρ·u + (1 − ρ)·Δ²            (acc_delta)\n"
        "θ ← θ − lr·Δ"},
    {"adam", adamRule},
    {"adamw",
        "θ ← θ·(1 − lr·weight_decay)\n"
        "m ← β₁·m + (1 − β₁)·g\n"
        "v ← β₂·v + (1 − β₂)·g²\n"
        "θ ← θ − lr/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + eps)"},
    {"adamax",
        "g ← ∇f(θ) + weight_decay·θ\n"
        "m ← β₁·m + (1 − β₁)·g\n"
        "u ← max(β₂·u, |g| + eps)        (exp_inf)\n"
        "θ ← θ − lr/(1 − β₁ᵗ) · m / u"},
    {"nadam",
        "μₜ = β₁·(1 − ½·0.96^(t·ψ)),  Πₜ = μ₁⋯μₜ\n"
        "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²\n"
        "θ ← θ − lr·[(1 − μₜ)/(1 − Πₜ)·g + μₜ₊₁/(1 − Πₜμₜ₊₁)·m] / (√(v/(1 − β₂ᵗ)) + eps)"},
    {"radam",
        "m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  m̂ = m/(1 − β₁ᵗ)\n"
        "ρ∞ = 2/(1 − β₂) − 1;  ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)\n"
        "ρₜ > 5: θ ← θ − lr·m̂·r·√(1 − β₂ᵗ)/(√v + eps), r the rectifier\n"
        "else:   θ ← θ − lr·m̂"},
    {"rprop",
        "η = etaplus if g·g_prev > 0, etaminus if < 0, else 1\n"
        "s ← clamp(s·η, step_min, step_max)     (step_size)\n"
        "g ← 0 where the sign flipped\n"
        "θ ← θ − sign(g)·s"},
    {"qhm",
        "b ← momentum·b + (1 − momentum)·g\n"
        "θ ← θ − lr·((1 − ν)·g + ν·b)"},
    {"qhadam",
        "m, v, m̂, v̂ as in Adam\n"
        "θ ← θ − lr·((1 − ν₁)·g + ν₁·m̂) / (√((1 − ν₂)·g² + ν₂·v̂) + eps)"},
    {"newton",
        "H = V·diag(λ)·Vᵀ;  |H| = V·diag(max(|λ|, δ))·Vᵀ\n"
        "θ ← θ − lr·|H|⁻¹·g      (Newton's step where H is positive definite)"},
    {"bfgs",
        "d ← −H·g            (H: inverse-Hessian estimate)\n"
        "t: strong-Wolfe line search along d (c₁ = 1e-4, c₂ = 0.9)\n"
        "s = t·d, y = Δg:  H ← (I − ρsyᵀ)·H·(I − ρysᵀ) + ρssᵀ, ρ = 1/yᵀs"},
    {"lbfgs",
        "d ← −H·g by the two-loop recursion over the last history_size (s, y)\n"
        "t: strong-Wolfe line search along d (c₁ = 1e-4, c₂ = 0.9)\n"
        "θ ← θ + t·d"},
}};

} // namespace

std::string_view updateRule(std::string_view optimizerName)
{
    for (const auto& [name, rule] : rules)
        if (name == optimizerName)
            return rule;
    return {};
}

} // namespace optviz
