#include "tiny_net.h"
#include "../random.h"
#include "stationary_point.h"

#include <algorithm>
#include <cmath>

namespace optviz {

ParameterSpecs TinyNet::parameters()
{
    return {
        {"samples", 50.0, 2.0, 100000.0, false, false, Scale::Integer, "number of data points"},
        {"noise", 0.1, 0.0, 10.0, false, false, Scale::Linear,
            "standard deviation of the noise on y"},
        {"seed", 1.0, 0.0, 9007199254740992.0, false, false, Scale::Integer,
            "seed of the data set"},
    };
}

TinyNet::TinyNet(const ParameterValues& resolved)
{
    const auto n = static_cast<std::size_t>(resolved.at("samples"));
    const double noise = resolved.at("noise");
    Random random(static_cast<std::uint64_t>(resolved.at("seed")));
    inputs_.resize(n);
    targets_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        inputs_[i] = random.uniform(-2.0, 2.0);
        targets_[i] = 2.0 * std::tanh(1.5 * inputs_[i]) + noise * random.normal();
    }

    // Newton's method from the teacher's weights, which are close to the minimum unless
    // the noise swamps the few samples; keep the result only if it is a true minimum.
    Point2 p = refineStationaryPoint(*this, {1.5, 2.0});
    double gx = 0.0, gy = 0.0;
    const double f = valueAndGradient2(p.x, p.y, gx, gy);
    const bool stationary = std::hypot(gx, gy) <= 1e-10 * (1.0 + f);
    if (stationary && hasPositiveDefiniteHessian(*this, p)) {
        if (p.x < 0.0)
            p = {-p.x, -p.y};
        // tanh is odd in floating point too, so the mirror image is exactly a minimum.
        minima_ = {p, {-p.x, -p.y}};
    }
}

ViewRect TinyNet::defaultView() const
{
    // [−3, 3]² frames both minima and the saddle for data near the teacher; widened when
    // heavy noise on few samples puts the minima further out.
    double half = 3.0;
    for (const Point2& m : minima_)
        half = std::max(half, 1.25 * std::max(std::abs(m.x), std::abs(m.y)));
    return {-half, half, -half, half};
}

double TinyNet::evaluate(
    double w1, double w2, const int* indices, int count, double* gradient, double* hessian) const
{
    double loss = 0.0, g1 = 0.0, g2 = 0.0, h11 = 0.0, h12 = 0.0, h22 = 0.0;
    for (int k = 0; k < count; ++k) {
        const auto i = static_cast<std::size_t>(indices ? indices[k] : k);
        const double t = inputs_[i];
        const double h = std::tanh(w1 * t);
        const double dh = t * (1.0 - h * h); // ∂h/∂w₁
        const double r = w2 * h - targets_[i];
        loss += r * r;
        if (gradient) {
            g1 += r * w2 * dh;
            g2 += r * h;
        }
        if (hessian) {
            const double ddh = -2.0 * t * h * dh; // ∂²h/∂w₁²
            h11 += w2 * dh * w2 * dh + r * w2 * ddh;
            h12 += w2 * dh * h + r * dh;
            h22 += h * h;
        }
    }
    const double scale = 2.0 / count;
    if (gradient) {
        gradient[0] = scale * g1;
        gradient[1] = scale * g2;
    }
    if (hessian) {
        hessian[0] = scale * h11;
        hessian[1] = scale * h12;
        hessian[2] = scale * h22;
    }
    return loss / count;
}

double TinyNet::value2(double w1, double w2) const
{
    return evaluate(w1, w2, nullptr, sampleCount(), nullptr, nullptr);
}

double TinyNet::valueAndGradient2(double w1, double w2, double& g1, double& g2) const
{
    double gradient[2];
    const double loss = evaluate(w1, w2, nullptr, sampleCount(), gradient, nullptr);
    g1 = gradient[0];
    g2 = gradient[1];
    return loss;
}

void TinyNet::hessian2(double w1, double w2, double& h11, double& h12, double& h22) const
{
    double hessian[3];
    evaluate(w1, w2, nullptr, sampleCount(), nullptr, hessian);
    h11 = hessian[0];
    h12 = hessian[1];
    h22 = hessian[2];
}

double TinyNet::batchValue(const Vector& x, const int* indices, int count) const
{
    return evaluate(x[0], x[1], indices, count, nullptr, nullptr);
}

double TinyNet::batchValueAndGradient(
    const Vector& x, const int* indices, int count, Vector& gradient) const
{
    double g[2];
    const double loss = evaluate(x[0], x[1], indices, count, g, nullptr);
    gradient[0] = g[0];
    gradient[1] = g[1];
    return loss;
}

void TinyNet::batchHessian(const Vector& x, const int* indices, int count, Matrix& hessian) const
{
    double h[3];
    evaluate(x[0], x[1], indices, count, nullptr, h);
    hessian(0, 0) = h[0];
    hessian(0, 1) = hessian(1, 0) = h[1];
    hessian(1, 1) = h[2];
}

} // namespace optviz
