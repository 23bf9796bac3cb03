#include "expression_surface.h"

#include "expression_parser.h"

namespace optviz {

ExpressionSurface::ExpressionSurface(std::string_view formula)
    : formula_(formula)
    , program_(parseExpression(formula))
{
}

void validateExpression(std::string_view formula)
{
    ExpressionProgram(parseExpression(formula));
}

} // namespace optviz
