#pragma once

#include <cstdint>
#include <vector>

namespace optviz {

// What a node of a parsed formula computes. The functions are the ones the spec lists
// (spec/cli.md, "Custom surfaces").
enum class ExpressionOp : std::uint8_t {
    Constant,
    VariableX,
    VariableY,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
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

// One node: a constant, a variable, or an operation on one (`left`) or two (`left`,
// `right`) earlier nodes, by index.
struct ExpressionNode
{
    ExpressionOp op = ExpressionOp::Constant;
    double constant = 0.0; // for Constant
    int left = -1;
    int right = -1;
};

// A parsed formula: its nodes in a flat array (children before parents), `root` the
// whole formula. Indices instead of pointers: one allocation, trivially copyable nodes.
struct ExpressionTree
{
    std::vector<ExpressionNode> nodes;
    int root = -1;
};

} // namespace optviz
