#include "expression/expression_surface.h"
#include "surface.h"
#include "surfaces/ackley.h"
#include "surfaces/beale.h"
#include "surfaces/booth.h"
#include "surfaces/goldstein_price.h"
#include "surfaces/himmelblau.h"
#include "surfaces/linear_regression.h"
#include "surfaces/matyas.h"
#include "surfaces/quadratic.h"
#include "surfaces/rastrigin.h"
#include "surfaces/rosenbrock.h"
#include "surfaces/saddle.h"
#include "surfaces/six_hump_camel.h"
#include "surfaces/styblinski_tang.h"
#include "surfaces/tiny_net.h"

namespace optviz {

namespace {

template<typename S> std::unique_ptr<Surface> create(const ParameterValues& resolved)
{
    return std::make_unique<S>(resolved);
}

std::unique_ptr<Surface> createDefaultExpression(const ParameterValues&)
{
    return std::make_unique<ExpressionSurface>(ExpressionSurface::defaultFormula);
}

} // namespace

const std::vector<SurfaceInfo>& surfaceCatalog()
{
    static const std::vector<SurfaceInfo> catalog = {
        // The spec's surfaces first, in its order, then the textbook extras.
        {"rosenbrock", "(a − x)² + b (y − x²)²", Rosenbrock::parameters(), &create<Rosenbrock>},
        {"quadratic", "½ (a u² + b v²), (u, v) = (x − cx, y − cy) rotated by −angle degrees",
            Quadratic::parameters(), &create<Quadratic>},
        {"beale", "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²", Beale::parameters(),
            &create<Beale>},
        {"himmelblau", "(x² + y − 11)² + (x + y² − 7)²", Himmelblau::parameters(),
            &create<Himmelblau>},
        {"saddle", "a x² − b y²", Saddle::parameters(), &create<Saddle>},
        {"linreg",
            "mean squared error of the line ŷ = w·t + b on seeded data y = slope·t + intercept"
            " + noise·N(0, 1), t ∈ [−1, 1]; x is w, y is b",
            LinearRegression::parameters(), &create<LinearRegression>},
        {"tinynet",
            "mean squared error of the network ŷ = w₂·tanh(w₁·t) on seeded data"
            " y = 2 tanh(1.5 t) + noise·N(0, 1), t ∈ [−2, 2]; x is w₁, y is w₂",
            TinyNet::parameters(), &create<TinyNet>},
        {"rastrigin", "2A + x² − A cos 2πx + y² − A cos 2πy", Rastrigin::parameters(),
            &create<Rastrigin>},
        {"ackley", "−a exp(−b √((x² + y²)/2)) − exp((cos cx + cos cy)/2) + a + e",
            Ackley::parameters(), &create<Ackley>},
        {"booth", "(x + 2y − 7)² + (2x + y − 5)²", Booth::parameters(), &create<Booth>},
        {"sixhump_camel", "(4 − 2.1x² + x⁴/3) x² + xy + (4y² − 4) y²", SixHumpCamel::parameters(),
            &create<SixHumpCamel>},
        {"styblinski_tang", "½ (x⁴ − 16x² + 5x + y⁴ − 16y² + 5y)", StyblinskiTang::parameters(),
            &create<StyblinskiTang>},
        {"matyas", "0.26 (x² + y²) − 0.48 xy", Matyas::parameters(), &create<Matyas>},
        {"goldstein_price",
            "[1 + (x + y + 1)² (19 − 14x + 3x² − 14y + 6xy + 3y²)]"
            " × [30 + (2x − 3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²)]",
            GoldsteinPrice::parameters(), &create<GoldsteinPrice>},
        // Typed by the user (--expr, the window's formula field); without one, its default.
        {std::string(expressionSurfaceName),
            "a formula in x and y typed with --expr: + - * / ^ ( ), numbers, pi, e, sin cos tan"
            " exp log sqrt abs tanh sinh cosh atan; in the window, first "
                + std::string(ExpressionSurface::defaultFormula),
            {}, &createDefaultExpression},
    };
    return catalog;
}

const SurfaceInfo* findSurface(std::string_view name)
{
    for (const SurfaceInfo& info : surfaceCatalog())
        if (info.name == name)
            return &info;
    return nullptr;
}

std::vector<std::string> surfaceNames()
{
    std::vector<std::string> names;
    for (const SurfaceInfo& info : surfaceCatalog())
        names.push_back(info.name);
    return names;
}

std::unique_ptr<Surface> makeSurface(std::string_view name, const ParameterValues& overrides)
{
    const SurfaceInfo* info = findSurface(name);
    if (!info)
        throw InvalidArgument(unknownNameMessage("surface", name, surfaceNames()));
    return info->create(resolveParameters(info->parameters, overrides, info->name));
}

std::unique_ptr<Surface> makeSurface(
    std::string_view name, const ParameterValues& overrides, std::string_view expression)
{
    if (name != expressionSurfaceName || expression.empty()) {
        if (!expression.empty() && findSurface(name))
            throw InvalidArgument("surface " + std::string(name) + " takes no formula; only "
                + std::string(expressionSurfaceName) + " does");
        return makeSurface(name, overrides);
    }
    resolveParameters({}, overrides, name); // it has none: refuses any
    return std::make_unique<ExpressionSurface>(expression);
}

} // namespace optviz
