#pragma once

#include "../parameter.h"
#include "expression_tree.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace optviz {

// A formula that does not parse. what() is one line that starts with the 1-based
// character position and says what was expected there: "position 7: expected ')' but
// the formula ends". An InvalidArgument, so the CLI exits 2 with it like with any bad flag.
class ExpressionError : public InvalidArgument
{
public:
    ExpressionError(std::size_t position, const std::string& problem);
    std::size_t position() const { return position_; }

private:
    std::size_t position_;
};

// Hostile input stays cheap: longer formulas are refused before parsing, deeper nesting
// (parentheses, function calls, signs, powers) is refused while parsing, so the
// recursive descent never nears the stack's end.
constexpr std::size_t maxExpressionLength = 1000;
constexpr int maxExpressionDepth = 100;

// Parses a formula in x and y (spec/cli.md, "Custom surfaces"):
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := primary ('^' unary)?          right-associative: 2^3^2 = 2^9
//   primary    := number | x | y | pi | e | function '(' expression ')' | '(' expression ')'
// so that -x^2 = -(x^2) and 2^-x = 2^(-x), as in mathematics and Python. Numbers: 1, 1.5,
// .5, 1., 1e-3, 2E+4. Functions: sin cos tan exp log sqrt abs tanh sinh cosh atan, of one
// argument. Two operands side by side ("2x", "x y", "2(x+1)") are an error, not an
// implicit product: a typo must not silently change the surface. Throws ExpressionError.
ExpressionTree parseExpression(std::string_view formula);

// The function names a formula may call, in the spec's order.
const std::vector<std::string>& expressionFunctionNames();

} // namespace optviz
