#pragma once

// The network's hot loops (an internal header of core/network): the three matrix
// products of a training step and the element-wise functions, on raw column-major
// arrays with one sample per row.
//
// Why not Eigen's products and functions: the project builds for plain x86-64 (SSE2),
// where Eigen's double-precision exp is slow and its tanh and log1p scalar, and where a
// whole training step of the benchmark network would take about 110 µs. These loops are
// written so that the compiler vectorises them across samples, and on x86-64 with GCC
// or Clang each is compiled three times (SSE2, AVX2, AVX-512) with the best chosen at
// load time (target_clones). Every lane computes exactly what the scalar source says, in
// the same order and without fused multiply-adds (the core builds with
// -ffp-contract=off): the results are bit-identical on every x86-64 CPU, and sums over
// samples run in eight fixed lanes, so they do not depend on the vector width either.

#include <cstddef>

namespace optviz::kernels {

using Index = std::ptrdiff_t;

// A factor applied to each result of combineColumns(): the derivative of the layer's
// activation, taken from its values a = f(z), as the backward pass needs it.
enum class Factor {
    None,
    TanhDerivative, // 1 − a²
    SigmoidDerivative // a (1 − a)
};

// out(:, c) = (bias(c) + Σ_q in(:, q) · coefficient(c, q)) · factor, for c < outColumns,
// summed in the order q = 0, 1, …, with coefficient(c, q) = coefficients[c·cStride +
// q·qStride]. `in` is rows × inColumns and `out` (and `activated`, read only with a
// factor) rows × outColumns, column-major, leading dimension `rows`. bias may be null
// (zero). A dense layer's forward pass (z = a Wᵀ + b) and the backward pass's
// (δ W) ⊙ f′ are both of this form.
void combineColumns(const double* in, Index rows, int inColumns, const double* coefficients,
    Index cStride, Index qStride, int outColumns, const double* bias, double* out,
    Factor factor = Factor::None, const double* activated = nullptr);

// g[i·k + p] = Σ_s d(s, i) · a(s, p): the weight gradient δᵀ a of a dense layer, in
// torch's row-major weight layout. d is rows × m, a rows × k.
void crossProducts(const double* d, Index rows, int m, const double* a, int k, double* g);

// sums[c] = Σ_s values(s, c): the bias gradient.
void columnSums(const double* values, Index rows, int columns, double* sums);

// tanh, in place; within 1e-15 relative of the correctly rounded value (Cephes' rational
// form near 0, a rational exp elsewhere).
void tanhInPlace(double* values, Index count);
// σ(z) = 1/(1 + e^−z), overflow-free, out may be in.
void sigmoid(const double* in, double* out, Index count);
// Σ max(z, 0) − z·y + log(1 + e^−|z|): the summed binary cross-entropy with logits.
double binaryCrossEntropySum(const double* z, const double* y, Index count);
// delta ⊙= 1 − a² (tanh′ from a = tanh z), and delta ⊙= a(1 − a) (σ′ from a = σ(z)).
void multiplyByTanhDerivative(const double* activated, double* delta, Index count);
void multiplyBySigmoidDerivative(const double* activated, double* delta, Index count);
// e^x, to within 1e-15 relative, for x in [−700, 700] (clamped outside).
void exp(const double* in, double* out, Index count);

} // namespace optviz::kernels
