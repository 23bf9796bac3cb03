#include "kernels.h"

#include <bit>
#include <cstdint>

// One clone per instruction set, picked when the program loads (GCC's and Clang's
// function multi-versioning through ELF ifuncs). Elsewhere the plain build. (A test
// compiles this file once more for plain x86-64 and checks that every clone gives the
// same bits.)
#ifdef OPTVIZ_KERNEL
#elif defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__)
#define OPTVIZ_KERNEL __attribute__((target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")))
#else
#define OPTVIZ_KERNEL
#endif
// Helpers are inlined into each clone, so that they are compiled for its instruction set.
#define OPTVIZ_INLINE [[gnu::always_inline]] inline

// The helpers below take and return vectors by value but are always inlined, so no
// call ever passes one: GCC's note about the AVX-512 calling convention does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace optviz::kernels {

namespace {

// Sums over samples run in this many fixed lanes (sample s in lane s mod 8), then the
// lanes are added pairwise: the same order whatever the vector width.
constexpr int lanes = 8;

OPTVIZ_INLINE double sumLanes(const double* lane)
{
    return ((lane[0] + lane[1]) + (lane[2] + lane[3]))
        + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

// e^x = 2^k · (Q + rP)/(Q − rP) in pieces (2^k, rP, Q), from Cephes' exp.c: x = k ln 2 + r with |r|
// ≤ ln 2 / 2 (Cody–Waite: ln 2 split in a part with trailing zero bits and a correction, so k·ln2Hi
// is exact), then a degree-(2, 3) rational form in r² accurate to about 1e-16. k comes from
// the 1.5·2⁵² rounding trick and 2^k is built from its bits. |x| ≤ 708 keeps 2^k normal.
OPTVIZ_INLINE void expPieces(double x, double& scale, double& px, double& qx)
{
    constexpr double shifter = 0x1.8p52;
    const double t = x * 1.4426950408889634 + shifter;
    const double kd = t - shifter;
    const std::int64_t k = std::bit_cast<std::int64_t>(t) - std::bit_cast<std::int64_t>(shifter);
    const double r = (x - kd * 0x1.62e42fefa3800p-1) - kd * 0x1.ef35793c76730p-45;
    const double rr = r * r;
    px = r
        * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr
            + 9.99999999999999999910e-1);
    qx = ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr
             + 2.27265548208155028766e-1)
            * rr
        + 2.00000000000000000009e0;
    scale = std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

// e^x = numerator / denominator (expPieces).
OPTVIZ_INLINE void expParts(double x, double& numerator, double& denominator)
{
    double scale = 0.0, px = 0.0, qx = 0.0;
    expPieces(x, scale, px, qx);
    numerator = scale * (qx + px);
    denominator = qx - px;
}

OPTVIZ_INLINE double clamp(double x, double low, double high)
{
    // Written as selects, so that NaN passes through unchanged and the loop vectorises.
    const double above = x < low ? low : x;
    return above > high ? high : above;
}

// log(1 + u) for u in [0, 1] as 2 atanh(s), s = u/(2 + u) ≤ 1/3: the odd series
// 2(s + s³/3 + … + s³⁷/37), whose next term is below 1e-18 of the sum.
OPTVIZ_INLINE double log1pUnit(double u)
{
    const double s = u / (2.0 + u);
    const double w = s * s;
    double series = 1.0 / 37.0;
#pragma GCC unroll 18
    for (int n = 17; n >= 0; --n)
        series = series * w + 1.0 / double(2 * n + 1);
    return 2.0 * s * series;
}

// Eight lanes as one value: one AVX-512 register, two AVX2 or four SSE2 ones. GCC's and
// Clang's vector extension; unaligned memory goes through memcpy.
typedef double Lanes __attribute__((vector_size(lanes * sizeof(double))));

OPTVIZ_INLINE Lanes load(const double* from)
{
    Lanes v;
    __builtin_memcpy(&v, from, sizeof v);
    return v;
}

OPTVIZ_INLINE void store(double* to, Lanes v)
{
    __builtin_memcpy(to, &v, sizeof v);
}

OPTVIZ_INLINE Lanes broadcast(double value)
{
    return Lanes {} + value;
}

// value · f′ where a = f(z): the factor of the backward pass, fused into the product.
// `activated` is null when factor is None: it is offset only past that check (an offset
// null pointer is undefined behaviour even unread).
OPTVIZ_INLINE Lanes applyFactor(Lanes value, const double* activated, Index at, Factor factor)
{
    if (factor == Factor::None)
        return value;
    const Lanes a = load(activated + at);
    return factor == Factor::TanhDerivative ? value * (1.0 - a * a) : value * (a * (1.0 - a));
}

OPTVIZ_INLINE double applyFactor(double value, double a, Factor factor)
{
    if (factor == Factor::None)
        return value;
    return factor == Factor::TanhDerivative ? value * (1.0 - a * a) : value * (a * (1.0 - a));
}

// out(:, c0 … c0 + B − 1) over all rows: eight rows by B columns at a time, in registers.
template<int B>
OPTVIZ_INLINE void combineColumnBlock(const double* in, Index rows, int inColumns,
    const double* coefficients, Index cStride, Index qStride, int c0, const double* bias,
    double* out, Factor factor, const double* activated)
{
    Index s0 = 0;
    for (; s0 + lanes <= rows; s0 += lanes) {
        Lanes acc[B];
        for (int b = 0; b < B; ++b)
            acc[b] = broadcast(bias ? bias[c0 + b] : 0.0);
        for (int q = 0; q < inColumns; ++q) {
            const Lanes values = load(in + q * rows + s0);
            for (int b = 0; b < B; ++b)
                acc[b] += values * coefficients[(c0 + b) * cStride + q * qStride];
        }
        for (int b = 0; b < B; ++b) {
            const Index at = (c0 + b) * rows + s0;
            store(out + at, applyFactor(acc[b], activated, at, factor));
        }
    }
    // The last rows one by one, in the same order of terms.
    for (Index s = s0; s < rows; ++s)
        for (int b = 0; b < B; ++b) {
            const Index at = (c0 + b) * rows + s;
            double sum = bias ? bias[c0 + b] : 0.0;
            for (int q = 0; q < inColumns; ++q)
                sum += in[q * rows + s] * coefficients[(c0 + b) * cStride + q * qStride];
            out[at] = applyFactor(sum, factor == Factor::None ? 0.0 : activated[at], factor);
        }
}

// The first `count` values from memory, zeros after: the last, partial block of rows.
OPTVIZ_INLINE Lanes loadPartial(const double* from, Index count)
{
    double padded[lanes] = {};
    for (Index t = 0; t < count; ++t)
        padded[t] = from[t];
    return load(padded);
}

// sumLanes() in registers: the same pairwise order, ((l0 + l1) + (l2 + l3)) + ((l4 + l5) +
// (l6 + l7)), by adding each vector to a permutation of itself.
OPTVIZ_INLINE double sumLanes(Lanes v)
{
    v += __builtin_shufflevector(v, v, 1, 0, 3, 2, 5, 4, 7, 6);
    v += __builtin_shufflevector(v, v, 2, 3, 0, 1, 6, 7, 4, 5);
    v += __builtin_shufflevector(v, v, 4, 5, 6, 7, 0, 1, 2, 3);
    return v[0];
}

// g(i0 … i0 + BI − 1, p0 … p0 + BP − 1) = Σ_s d(s, i) · a(s, p): BI × BP dot products over
// the samples at once (each column of d and a loaded once per eight samples), in lanes.
// The partial last block adds zeros to the lanes past the end, which changes no sum.
template<int BI, int BP>
OPTVIZ_INLINE void crossBlock(
    const double* d, Index rows, int i0, const double* a, int p0, double* g, int k)
{
    Lanes acc[BI][BP] = {};
    Index s = 0;
    for (; s + lanes <= rows; s += lanes) {
        Lanes av[BP];
        for (int b = 0; b < BP; ++b)
            av[b] = load(a + (p0 + b) * rows + s);
        for (int r = 0; r < BI; ++r) {
            const Lanes dv = load(d + (i0 + r) * rows + s);
            for (int b = 0; b < BP; ++b)
                acc[r][b] += dv * av[b];
        }
    }
    if (s < rows) {
        Lanes av[BP];
        for (int b = 0; b < BP; ++b)
            av[b] = loadPartial(a + (p0 + b) * rows + s, rows - s);
        for (int r = 0; r < BI; ++r) {
            const Lanes dv = loadPartial(d + (i0 + r) * rows + s, rows - s);
            for (int b = 0; b < BP; ++b)
                acc[r][b] += dv * av[b];
        }
    }
    for (int r = 0; r < BI; ++r)
        for (int b = 0; b < BP; ++b) {
            const double sum = sumLanes(acc[r][b]);
            g[Index(i0 + r) * k + p0 + b] = sum;
        }
}

template<int BI>
OPTVIZ_INLINE void crossRows(const double* d, Index rows, int i0, const double* a, int k, double* g)
{
    int p0 = 0;
    for (; p0 + 4 <= k; p0 += 4)
        crossBlock<BI, 4>(d, rows, i0, a, p0, g, k);
    switch (k - p0) {
    case 3:
        crossBlock<BI, 3>(d, rows, i0, a, p0, g, k);
        break;
    case 2:
        crossBlock<BI, 2>(d, rows, i0, a, p0, g, k);
        break;
    case 1:
        crossBlock<BI, 1>(d, rows, i0, a, p0, g, k);
        break;
    default:
        break;
    }
}

} // namespace

OPTVIZ_KERNEL
void combineColumns(const double* in, Index rows, int inColumns, const double* coefficients,
    Index cStride, Index qStride, int outColumns, const double* bias, double* out, Factor factor,
    const double* activated)
{
    int c0 = 0;
    for (; c0 + 4 <= outColumns; c0 += 4)
        combineColumnBlock<4>(
            in, rows, inColumns, coefficients, cStride, qStride, c0, bias, out, factor, activated);
    switch (outColumns - c0) {
    case 3:
        combineColumnBlock<3>(
            in, rows, inColumns, coefficients, cStride, qStride, c0, bias, out, factor, activated);
        break;
    case 2:
        combineColumnBlock<2>(
            in, rows, inColumns, coefficients, cStride, qStride, c0, bias, out, factor, activated);
        break;
    case 1:
        combineColumnBlock<1>(
            in, rows, inColumns, coefficients, cStride, qStride, c0, bias, out, factor, activated);
        break;
    default:
        break;
    }
}

OPTVIZ_KERNEL
void crossProducts(const double* d, Index rows, int m, const double* a, int k, double* g)
{
    int i0 = 0;
    for (; i0 + 2 <= m; i0 += 2)
        crossRows<2>(d, rows, i0, a, k, g);
    if (i0 < m)
        crossRows<1>(d, rows, i0, a, k, g);
}

OPTVIZ_KERNEL
void columnSums(const double* values, Index rows, int columns, double* sums)
{
    for (int c = 0; c < columns; ++c) {
        const double* v = values + c * rows;
        Lanes acc = {};
        Index s = 0;
        for (; s + lanes <= rows; s += lanes)
            acc += load(v + s);
        if (s < rows)
            acc += loadPartial(v + s, rows - s);
        sums[c] = sumLanes(acc);
    }
}

OPTVIZ_KERNEL
void tanhInPlace(double* values, Index count)
{
    for (Index i = 0; i < count; ++i) {
        // tanh x = (e − 1)/(e + 1) with e = e^{2x} = s·N/D, s = 2^k, N = Q + rP, D = Q − rP
        // (expParts), multiplied out: ((s − 1)Q + (s + 1)rP) / ((s + 1)Q + (s − 1)rP). No
        // cancellation anywhere: for k = 0 (|x| < ln 2 / 4) it is rP/Q, Cephes' odd
        // rational form of tanh(r/2), accurate relative to x however small; for k ≠ 0 both
        // terms of the numerator have the same sign. |x| ≤ 20 suffices (tanh 20 is 1 to
        // double precision).
        const double y = 2.0 * clamp(values[i], -20.0, 20.0);
        double s = 0.0, px = 0.0, qx = 0.0;
        expPieces(y, s, px, qx);
        values[i] = ((s - 1.0) * qx + (s + 1.0) * px) / ((s + 1.0) * qx + (s - 1.0) * px);
    }
}

OPTVIZ_KERNEL
void sigmoid(const double* in, double* out, Index count)
{
    for (Index i = 0; i < count; ++i) {
        const double x = in[i];
        const double negative = x < 0.0 ? x : -x; // −|x|
        double up = 0.0, down = 0.0;
        expParts(clamp(negative, -700.0, 0.0), up, down);
        // u = e^−|x| = up/down; σ = (x ≥ 0 ? 1 : u)/(1 + u) = (x ≥ 0 ? down : up)/(down + up).
        out[i] = (x < 0.0 ? up : down) / (down + up);
    }
}

OPTVIZ_INLINE double binaryCrossEntropyTerm(double x, double y)
{
    const double negative = x < 0.0 ? x : -x;
    double up = 0.0, down = 0.0;
    expParts(clamp(negative, -700.0, 0.0), up, down);
    const double positivePart = x > 0.0 ? x : 0.0;
    return (positivePart - x * y) + log1pUnit(up / down);
}

OPTVIZ_KERNEL
double binaryCrossEntropySum(const double* z, const double* y, Index count)
{
    double acc[lanes] = {};
    Index i = 0;
    for (; i + lanes <= count; i += lanes) {
        double terms[lanes];
        for (int t = 0; t < lanes; ++t)
            terms[t] = binaryCrossEntropyTerm(z[i + t], y[i + t]);
        for (int t = 0; t < lanes; ++t)
            acc[t] += terms[t];
    }
    for (int t = 0; i + t < count; ++t)
        acc[t] += binaryCrossEntropyTerm(z[i + t], y[i + t]);
    return sumLanes(acc);
}

OPTVIZ_KERNEL
void multiplyByTanhDerivative(const double* activated, double* delta, Index count)
{
    for (Index i = 0; i < count; ++i)
        delta[i] *= 1.0 - activated[i] * activated[i];
}

OPTVIZ_KERNEL
void multiplyBySigmoidDerivative(const double* activated, double* delta, Index count)
{
    for (Index i = 0; i < count; ++i)
        delta[i] *= activated[i] * (1.0 - activated[i]);
}

OPTVIZ_KERNEL
void exp(const double* in, double* out, Index count)
{
    for (Index i = 0; i < count; ++i) {
        double up = 0.0, down = 0.0;
        expParts(clamp(in[i], -700.0, 700.0), up, down);
        out[i] = up / down;
    }
}

} // namespace optviz::kernels
