#include "expression_program.h"

#include "../parameter.h"

#include <Eigen/Core> // before AutoDiff, which assumes it
#include <unsupported/Eigen/AutoDiff>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace optviz {

namespace {

using Op = ExpressionProgram::Op;
using Instruction = ExpressionProgram::Instruction;

// f with its gradient (∂f/∂x, ∂f/∂y); nested once, with its Hessian as well.
using Gradient = Eigen::AutoDiffScalar<Eigen::Vector2d>;
using Hessian = Eigen::AutoDiffScalar<Eigen::Matrix<Gradient, 2, 1>>;

// Integer exponents up to this are products (x^2 = x·x); larger ones go through pow.
constexpr double maxIntegerExponent = 64.0;

template<typename T> T constantOf(double c);
template<> double constantOf<double>(double c)
{
    return c;
}
template<> Gradient constantOf<Gradient>(double c)
{
    return Gradient(c); // derivatives zero
}
template<> Hessian constantOf<Hessian>(double c)
{
    return Hessian(Gradient(c));
}

// The functions Eigen's AutoDiff lacks (atan) or cannot nest (abs, whose slope is an int,
// and pow with a constant exponent, which must have the value's type), by the same rule as
// Eigen's own: value f(v), derivatives v'·f'(v), recursively for nested types.
double atanOf(double v)
{
    return std::atan(v);
}

template<typename Derivatives>
Eigen::AutoDiffScalar<Derivatives> atanOf(const Eigen::AutoDiffScalar<Derivatives>& v)
{
    using Scalar = typename Eigen::AutoDiffScalar<Derivatives>::Scalar;
    const Scalar slope
        = constantOf<Scalar>(1.0) / (constantOf<Scalar>(1.0) + v.value() * v.value());
    return Eigen::AutoDiffScalar<Derivatives>(atanOf(v.value()), v.derivatives() * slope);
}

double absOf(double v)
{
    return std::abs(v);
}

// Eigen's rule (slope −1 below zero, +1 from zero on), with a slope of the value's type.
template<typename Derivatives>
Eigen::AutoDiffScalar<Derivatives> absOf(const Eigen::AutoDiffScalar<Derivatives>& v)
{
    using Scalar = typename Eigen::AutoDiffScalar<Derivatives>::Scalar;
    const Scalar slope = constantOf<Scalar>(v.value() < 0.0 ? -1.0 : 1.0);
    return Eigen::AutoDiffScalar<Derivatives>(absOf(v.value()), v.derivatives() * slope);
}

double powConstant(double v, double exponent)
{
    return std::pow(v, exponent);
}

template<typename Derivatives>
Eigen::AutoDiffScalar<Derivatives> powConstant(
    const Eigen::AutoDiffScalar<Derivatives>& v, double exponent)
{
    using Scalar = typename Eigen::AutoDiffScalar<Derivatives>::Scalar;
    const Scalar slope = exponent * powConstant(v.value(), exponent - 1.0);
    return Eigen::AutoDiffScalar<Derivatives>(
        powConstant(v.value(), exponent), v.derivatives() * slope);
}

// base^n by binary powering: x^2 is exactly x·x, and the derivative types see only
// products, whose rules are exact and defined for negative bases.
template<typename T> T powInteger(const T& base, int n)
{
    if (n == 0)
        return constantOf<T>(1.0);
    if (n < 0)
        return constantOf<T>(1.0) / powInteger(base, -n);
    T square = base;
    T result = base;
    bool started = false;
    for (;;) {
        if (n & 1) {
            if (started)
                result = result * square;
            else
                result = square;
            started = true;
        }
        n >>= 1;
        if (n == 0)
            return result;
        square = square * square;
    }
}

template<typename T> T applyUnary(Op op, const T& v)
{
    using std::cos, std::cosh, std::exp, std::log, std::sin, std::sinh, std::sqrt, std::tan,
        std::tanh;
    switch (op) {
    case Op::Negate:
        return -v;
    case Op::Sin:
        return sin(v);
    case Op::Cos:
        return cos(v);
    case Op::Tan:
        return tan(v);
    case Op::Exp:
        return exp(v);
    case Op::Log:
        return log(v);
    case Op::Sqrt:
        return sqrt(v);
    case Op::Abs:
        return absOf(v);
    case Op::Tanh:
        return tanh(v);
    case Op::Sinh:
        return sinh(v);
    case Op::Cosh:
        return cosh(v);
    case Op::Atan:
        return atanOf(v);
    default:
        break;
    }
    return v; // not reached: the compiler emits only unary operations here
}

// a OP b, with a the operand below the top of the stack and b the top.
template<typename T> T applyBinary(Op op, const T& a, const T& b)
{
    using std::exp, std::log;
    switch (op) {
    case Op::Add:
        return a + b;
    case Op::Subtract:
        return a - b;
    case Op::SubtractReversed:
        return b - a;
    case Op::Multiply:
        return a * b;
    case Op::Divide:
        return a / b;
    case Op::DivideReversed:
        return b / a;
    case Op::Power:
        return exp(b * log(a));
    case Op::PowerReversed:
        return exp(a * log(b));
    default:
        break;
    }
    return a; // not reached
}

bool isBinary(Op op)
{
    return op >= Op::Add && op <= Op::PowerReversed;
}

Op reversed(Op op)
{
    switch (op) {
    case Op::Subtract:
        return Op::SubtractReversed;
    case Op::Divide:
        return Op::DivideReversed;
    case Op::Power:
        return Op::PowerReversed;
    default:
        return op; // + and · commute
    }
}

Op programOp(ExpressionOp op)
{
    switch (op) {
    case ExpressionOp::Add:
        return Op::Add;
    case ExpressionOp::Subtract:
        return Op::Subtract;
    case ExpressionOp::Multiply:
        return Op::Multiply;
    case ExpressionOp::Divide:
        return Op::Divide;
    case ExpressionOp::Power:
        return Op::Power;
    case ExpressionOp::Negate:
        return Op::Negate;
    case ExpressionOp::Sin:
        return Op::Sin;
    case ExpressionOp::Cos:
        return Op::Cos;
    case ExpressionOp::Tan:
        return Op::Tan;
    case ExpressionOp::Exp:
        return Op::Exp;
    case ExpressionOp::Log:
        return Op::Log;
    case ExpressionOp::Sqrt:
        return Op::Sqrt;
    case ExpressionOp::Abs:
        return Op::Abs;
    case ExpressionOp::Tanh:
        return Op::Tanh;
    case ExpressionOp::Sinh:
        return Op::Sinh;
    case ExpressionOp::Cosh:
        return Op::Cosh;
    case ExpressionOp::Atan:
        return Op::Atan;
    default:
        return Op::PushConstant; // leaves are handled by the caller
    }
}

// What the compiler knows of a node before emitting it.
struct NodeFacts
{
    bool constant = false;
    double value = 0.0; // when constant
    int need = 1; // stack slots its evaluation needs (Sethi–Ullman number)
};

class Compiler
{
public:
    explicit Compiler(const ExpressionTree& tree)
        : tree_(tree)
        , facts_(tree.nodes.size())
    {
        // Children come before their parents in the array: one forward pass.
        for (std::size_t i = 0; i < tree.nodes.size(); ++i)
            analyse(i);
    }

    std::vector<Instruction> compile()
    {
        if (tree_.root >= 0)
            emit(tree_.root);
        return std::move(code_);
    }

private:
    void analyse(std::size_t index)
    {
        const ExpressionNode& node = tree_.nodes[index];
        NodeFacts& facts = facts_[index];
        switch (node.op) {
        case ExpressionOp::Constant:
            facts = {true, node.constant, 1};
            return;
        case ExpressionOp::VariableX:
        case ExpressionOp::VariableY:
            facts = {false, 0.0, 1};
            return;
        default:
            break;
        }
        const NodeFacts& left = facts_[std::size_t(node.left)];
        const Op op = programOp(node.op);
        if (!isBinary(op)) {
            facts.need = left.need;
            if (left.constant)
                facts = {true, applyUnary(op, left.value), 1};
            return;
        }
        const NodeFacts& right = facts_[std::size_t(node.right)];
        if (left.constant && right.constant) {
            if (op == Op::Power && isSmallInteger(right.value))
                facts = {true, powInteger(left.value, int(right.value)), 1};
            else if (op == Op::Power)
                facts = {true, powConstant(left.value, right.value), 1};
            else
                facts = {true, applyBinary(op, left.value, right.value), 1};
            return;
        }
        if (op == Op::Power && right.constant) {
            facts.need = left.need; // a unary operation on the base
            return;
        }
        facts.need = left.need == right.need ? left.need + 1 : std::max(left.need, right.need);
    }

    static bool isSmallInteger(double value)
    {
        return value == std::floor(value) && std::abs(value) <= maxIntegerExponent;
    }

    void emit(int index)
    {
        const ExpressionNode& node = tree_.nodes[std::size_t(index)];
        const NodeFacts& facts = facts_[std::size_t(index)];
        if (facts.constant) {
            code_.push_back({Op::PushConstant, 0, facts.value});
            return;
        }
        if (node.op == ExpressionOp::VariableX || node.op == ExpressionOp::VariableY) {
            code_.push_back({node.op == ExpressionOp::VariableX ? Op::PushX : Op::PushY, 0, 0.0});
            return;
        }
        const Op op = programOp(node.op);
        if (!isBinary(op)) {
            emit(node.left);
            code_.push_back({op, 0, 0.0});
            return;
        }
        const NodeFacts& right = facts_[std::size_t(node.right)];
        if (op == Op::Power && right.constant) {
            emit(node.left);
            if (right.value == 2.0) // the commonest power: x·x, as powInteger computes it
                code_.push_back({Op::Square, 2, 0.0});
            else if (isSmallInteger(right.value))
                code_.push_back({Op::PowerInteger, int(right.value), 0.0});
            else
                code_.push_back({Op::PowerConstant, 0, right.value});
            return;
        }
        // The operand that needs more stack first: the other then needs one slot more
        // at most, instead of piling up.
        if (right.need > facts_[std::size_t(node.left)].need) {
            emit(node.right);
            emit(node.left);
            code_.push_back({reversed(op), 0, 0.0});
        } else {
            emit(node.left);
            emit(node.right);
            code_.push_back({op, 0, 0.0});
        }
    }

    const ExpressionTree& tree_;
    std::vector<NodeFacts> facts_;
    std::vector<Instruction> code_;
};

int stackDepthOf(const std::vector<Instruction>& code)
{
    int depth = 0;
    int deepest = 0;
    for (const Instruction& instruction : code) {
        if (instruction.op <= Op::PushY)
            deepest = std::max(deepest, ++depth);
        else if (isBinary(instruction.op))
            --depth;
    }
    return deepest;
}

} // namespace

ExpressionProgram::ExpressionProgram(const ExpressionTree& tree)
    : code_(Compiler(tree).compile())
    , stackDepth_(stackDepthOf(code_))
{
    if (code_.empty())
        code_.push_back({Op::PushConstant, 0, 0.0});
    stackDepth_ = std::max(stackDepth_, 1);
    if (stackDepth_ > maxStack)
        throw InvalidArgument("the formula is too complex to evaluate (it needs "
            + std::to_string(stackDepth_) + " stack slots; at most " + std::to_string(maxStack)
            + " are available)");
}

bool ExpressionProgram::isConstant() const
{
    return code_.size() == 1 && code_.front().op == Op::PushConstant;
}

// One flat switch, each case inline: the dispatch is most of the cost per instruction.
template<typename T> T ExpressionProgram::run(const T& x, const T& y) const
{
    using std::cos, std::cosh, std::exp, std::log, std::sin, std::sinh, std::sqrt, std::tan,
        std::tanh;
    std::array<T, maxStack> stack;
    T* end = stack.data(); // one past the top
    for (const Instruction& instruction : code_) {
        T& top = end[-1];
        switch (instruction.op) {
        case Op::PushConstant:
            *end++ = constantOf<T>(instruction.constant);
            break;
        case Op::PushX:
            *end++ = x;
            break;
        case Op::PushY:
            *end++ = y;
            break;
        case Op::Add:
            --end;
            end[-1] = T(end[-1] + end[0]);
            break;
        case Op::Subtract:
            --end;
            end[-1] = T(end[-1] - end[0]);
            break;
        case Op::SubtractReversed:
            --end;
            end[-1] = T(end[0] - end[-1]);
            break;
        case Op::Multiply:
            --end;
            end[-1] = T(end[-1] * end[0]);
            break;
        case Op::Divide:
            --end;
            end[-1] = T(end[-1] / end[0]);
            break;
        case Op::DivideReversed:
            --end;
            end[-1] = T(end[0] / end[-1]);
            break;
        case Op::Power:
        case Op::PowerReversed:
            --end;
            end[-1] = applyBinary(instruction.op, end[-1], end[0]);
            break;
        case Op::Square:
            top = T(top * top);
            break;
        case Op::PowerInteger:
            top = powInteger(top, instruction.integer);
            break;
        case Op::PowerConstant:
            top = powConstant(top, instruction.constant);
            break;
        case Op::Negate:
            top = T(-top);
            break;
        case Op::Sin:
            top = T(sin(top));
            break;
        case Op::Cos:
            top = T(cos(top));
            break;
        case Op::Tan:
            top = T(tan(top));
            break;
        case Op::Exp:
            top = T(exp(top));
            break;
        case Op::Log:
            top = T(log(top));
            break;
        case Op::Sqrt:
            top = T(sqrt(top));
            break;
        case Op::Abs:
            top = absOf(top);
            break;
        case Op::Tanh:
            top = T(tanh(top));
            break;
        case Op::Sinh:
            top = T(sinh(top));
            break;
        case Op::Cosh:
            top = T(cosh(top));
            break;
        case Op::Atan:
            top = atanOf(top);
            break;
        }
    }
    return stack[0];
}

double ExpressionProgram::value(double x, double y) const
{
    return run(x, y);
}

double ExpressionProgram::valueAndGradient(double x, double y, double& gx, double& gy) const
{
    const Gradient result = run(Gradient(x, 2, 0), Gradient(y, 2, 1));
    gx = result.derivatives()[0];
    gy = result.derivatives()[1];
    return result.value();
}

void ExpressionProgram::hessian(double x, double y, double& hxx, double& hxy, double& hyy) const
{
    const Hessian result = run(Hessian(Gradient(x, 2, 0), 2, 0), Hessian(Gradient(y, 2, 1), 2, 1));
    hxx = result.derivatives()[0].derivatives()[0];
    hxy = result.derivatives()[0].derivatives()[1];
    hyy = result.derivatives()[1].derivatives()[1];
}

void ExpressionProgram::rowValues(const double* xs, std::size_t count, double y, double* out) const
{
    // One slot of `block` values per stack level: 16 KB, in the first-level cache.
    constexpr std::size_t block = 128;
    std::array<double, std::size_t(maxStack) * block> scratch;
    for (std::size_t first = 0; first < count; first += block) {
        const std::size_t n = std::min(block, count - first);
        std::size_t depth = 0; // slots in use; the top one starts at (depth − 1)·block
        for (const Instruction& instruction : code_) {
            const Op op = instruction.op;
            if (op == Op::PushConstant || op == Op::PushX || op == Op::PushY) {
                double* slot = scratch.data() + depth++ * block;
                if (op == Op::PushX)
                    std::copy(xs + first, xs + first + n, slot);
                else
                    std::fill(slot, slot + n, op == Op::PushY ? y : instruction.constant);
                continue;
            }
            if (isBinary(op)) {
                --depth;
                double* a = scratch.data() + (depth - 1) * block;
                const double* b = a + block;
                const auto combine = [a, b, n](auto f) {
                    for (std::size_t i = 0; i < n; ++i)
                        a[i] = f(a[i], b[i]);
                };
                switch (op) {
                case Op::Add:
                    combine([](double u, double v) { return u + v; });
                    break;
                case Op::Subtract:
                    combine([](double u, double v) { return u - v; });
                    break;
                case Op::SubtractReversed:
                    combine([](double u, double v) { return v - u; });
                    break;
                case Op::Multiply:
                    combine([](double u, double v) { return u * v; });
                    break;
                case Op::Divide:
                    combine([](double u, double v) { return u / v; });
                    break;
                case Op::DivideReversed:
                    combine([](double u, double v) { return v / u; });
                    break;
                case Op::Power:
                    combine([](double u, double v) { return applyBinary(Op::Power, u, v); });
                    break;
                default:
                    combine(
                        [](double u, double v) { return applyBinary(Op::PowerReversed, u, v); });
                    break;
                }
                continue;
            }
            double* a = scratch.data() + (depth - 1) * block;
            const auto map = [a, n](auto f) {
                for (std::size_t i = 0; i < n; ++i)
                    a[i] = f(a[i]);
            };
            switch (op) {
            case Op::Square:
                map([](double v) { return v * v; });
                break;
            case Op::PowerInteger:
                map([k = instruction.integer](double v) { return powInteger(v, k); });
                break;
            case Op::PowerConstant:
                map([c = instruction.constant](double v) { return powConstant(v, c); });
                break;
            case Op::Negate:
                map([](double v) { return -v; });
                break;
            case Op::Sin:
                map([](double v) { return std::sin(v); });
                break;
            case Op::Cos:
                map([](double v) { return std::cos(v); });
                break;
            case Op::Exp:
                map([](double v) { return std::exp(v); });
                break;
            case Op::Log:
                map([](double v) { return std::log(v); });
                break;
            case Op::Sqrt:
                map([](double v) { return std::sqrt(v); });
                break;
            case Op::Abs:
                map([](double v) { return std::abs(v); });
                break;
            default:
                map([op](double v) { return applyUnary(op, v); });
                break;
            }
        }
        std::copy(scratch.data(), scratch.data() + n, out + first);
    }
}

} // namespace optviz
