#pragma once

#include "../surface.h"
#include "expression_program.h"

#include <string>
#include <string_view>

namespace optviz {

// The catalogue name of the typed surface (`optviz-cli run --surface expr --expr ...`).
inline constexpr std::string_view expressionSurfaceName = "expr";

// A surface typed as a formula in x and y (spec/cli.md, "Custom surfaces"), with exact
// derivatives by automatic differentiation (ExpressionProgram). Where the formula is
// undefined (log or sqrt of a negative number, 0/0) it is NaN, like the built-in
// surfaces where they overflow: the heat map leaves such points blank and a run that
// reaches one stops as diverged.
//
// Its minima are not known (the formula is arbitrary), so minima() is empty: there is no
// distance to a minimum and no tolerance on one, as on the saddle.
class ExpressionSurface final : public Surface
{
public:
    // What the window shows when "expr" is first chosen, and what `makeSurface("expr")`
    // gives: a bowl with a ripple, several local minima in the default view.
    static constexpr std::string_view defaultFormula = "sin(x)*cos(y) + 0.1*(x^2 + y^2)";

    // Throws ExpressionError (an InvalidArgument) when the formula does not parse.
    explicit ExpressionSurface(std::string_view formula);

    const std::string& formula() const { return formula_; }
    const ExpressionProgram& program() const { return program_; }

    double value2(double x, double y) const override { return program_.value(x, y); }
    double valueAndGradient2(double x, double y, double& gx, double& gy) const override
    {
        return program_.valueAndGradient(x, y, gx, gy);
    }
    void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const override
    {
        program_.hessian(x, y, hxx, hxy, hyy);
    }
    void rowValues(const double* xs, std::size_t count, double y, double* out) const override
    {
        program_.rowValues(xs, count, y, out);
    }

    // [−3, 3]²: the textbook formulas people type have their features there.
    ViewRect defaultView() const override { return {-3.0, 3.0, -3.0, 3.0}; }
    Point2 defaultStart() const override { return {-2.0, 2.0}; }
    std::vector<Point2> minima() const override { return {}; }

private:
    std::string formula_;
    ExpressionProgram program_;
};

// Checks a formula as ExpressionSurface would take it; throws ExpressionError.
void validateExpression(std::string_view formula);

} // namespace optviz
