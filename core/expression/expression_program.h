#pragma once

#include "expression_tree.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace optviz {

// A parsed formula compiled to a flat stack-machine program, evaluated in a tight loop
// (no tree walk per point). Three ways to run it:
//
//   value(), rowValues()      doubles; rowValues() runs each instruction over a block of
//                             points at once (the grid of the heat map: the interpreter's
//                             dispatch is paid once per block, the arithmetic loops
//                             vectorise);
//   valueAndGradient()        forward-mode automatic differentiation with Eigen's
//                             AutoDiffScalar over a fixed-size 2-vector;
//   hessian()                 the same nested once (AutoDiffScalar of AutoDiffScalar).
//
// Why automatic differentiation through Eigen rather than our own symbolic derivatives:
// both are exact (the derivative rules applied to the very operations that compute the
// value, rounding aside, never a finite difference), but Eigen's rules are a maintained
// library's (unsupported/Eigen/AutoDiff, already a dependency) rather than new code, and
// forward mode over two variables costs a small constant factor of the value with no
// expression swell (a symbolic Hessian of a long formula grows quadratically unless it is
// simplified with common subexpressions). Where Eigen's rules do not fit (atan, which it
// lacks; abs and a constant real power, which do not nest) the same chain rule is written
// out beside them.
//
// Compilation folds constant subformulas (2*pi, sqrt(2)), turns constant integer powers
// into products (x^2 is x·x: exact, fast, and defined for negative x), and orders each
// operation's operands so that the deeper one is evaluated first (Sethi–Ullman): with at
// most maxExpressionLength characters the stack never needs more than maxStack slots.
// A non-constant exponent a^b is exp(b·log a), so it needs a > 0 (NaN elsewhere, like
// log and sqrt of negative numbers: the runner's divergence handling takes it from there).
class ExpressionProgram
{
public:
    static constexpr int maxStack = 16;

    // Throws InvalidArgument if the formula would need more than maxStack slots (only
    // a formula far beyond maxExpressionLength could).
    explicit ExpressionProgram(const ExpressionTree& tree);

    double value(double x, double y) const;
    double valueAndGradient(double x, double y, double& gx, double& gy) const;
    void hessian(double x, double y, double& hxx, double& hxy, double& hyy) const;
    // out[i] = value(xs[i], y) for i < count, bit for bit.
    void rowValues(const double* xs, std::size_t count, double y, double* out) const;

    // The number of instructions and the stack slots they need (for tests).
    std::size_t size() const { return code_.size(); }
    int stackDepth() const { return stackDepth_; }
    // True when the formula is a constant (it uses neither x nor y).
    bool isConstant() const;

    enum class Op : std::uint8_t {
        PushConstant,
        PushX,
        PushY,
        Add, // below + top
        Subtract, // below − top
        SubtractReversed, // top − below
        Multiply,
        Divide, // below / top
        DivideReversed, // top / below
        Power, // below ^ top = exp(top·log below)
        PowerReversed, // top ^ below
        Square, // top · top
        PowerInteger, // top ^ integer, by repeated multiplication
        PowerConstant, // top ^ constant
        Negate,
        Sin,
        Cos,
        Tan,
        Exp,
        Log,
        Sqrt,
        Abs,
        Tanh,
        Sinh,
        Cosh,
        Atan,
    };

    struct Instruction
    {
        Op op = Op::PushConstant;
        int integer = 0; // PowerInteger's exponent
        double constant = 0.0; // PushConstant's value, PowerConstant's exponent
    };

private:
    template<typename T> T run(const T& x, const T& y) const;

    std::vector<Instruction> code_;
    int stackDepth_ = 0;
};

} // namespace optviz
