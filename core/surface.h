#pragma once

#include "objective.h"
#include "parameter.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace optviz {

struct Point2
{
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point2&, const Point2&) = default;
};

struct ViewRect
{
    double xMin = -1.0;
    double xMax = 1.0;
    double yMin = -1.0;
    double yMax = 1.0;
    friend bool operator==(const ViewRect&, const ViewRect&) = default;
};

// A 2-D objective f(x, y) that carries its own truth (ensmallen's problems/): its name,
// parameters, default view and start, and its known minima, which tests, presets and
// the window's markers all read. Subclasses implement the three scalar functions; the
// vector interface of Objective is derived from them here.
class Surface : public Objective
{
public:
    int dimension() const final { return 2; }
    double value(const Vector& x) const final { return value2(x[0], x[1]); }
    double valueAndGradient(const Vector& x, Vector& gradient) const final
    {
        return valueAndGradient2(x[0], x[1], gradient[0], gradient[1]);
    }
    bool hasHessian() const override { return true; }
    void hessian(const Vector& x, Matrix& result) const final;

    virtual double value2(double x, double y) const = 0;
    virtual double valueAndGradient2(double x, double y, double& gx, double& gy) const = 0;
    // The symmetric Hessian [[hxx, hxy], [hxy, hyy]].
    virtual void hessian2(double x, double y, double& hxx, double& hxy, double& hyy) const = 0;
    // f at the `count` points (xs[i], y), one row of a grid, into out[i]: the same values
    // as value2(). One call per point by default; a surface with a per-call cost (a typed
    // formula's interpreter) evaluates the row in one go.
    virtual void rowValues(const double* xs, std::size_t count, double y, double* out) const;

    virtual ViewRect defaultView() const = 0;
    virtual Point2 defaultStart() const = 0;
    // Known minima, global ones first; empty where the surface has none (the saddle).
    virtual std::vector<Point2> minima() const = 0;
    // The lowest value the surface attains (f at the global minimum), if it has one.
    double minimumValue() const;
};

// An entry of the surface catalogue: what `optviz-cli list` prints and the window offers.
struct SurfaceInfo
{
    std::string name;
    std::string definition; // one line, the formula
    ParameterSpecs parameters;
    std::unique_ptr<Surface> (*create)(const ParameterValues& resolved);
};

const std::vector<SurfaceInfo>& surfaceCatalog();
const SurfaceInfo* findSurface(std::string_view name);
std::vector<std::string> surfaceNames();

// Builds a surface by name with the given parameter overrides. Throws InvalidArgument
// for an unknown name or a bad parameter, naming the accepted ones.
std::unique_ptr<Surface> makeSurface(std::string_view name, const ParameterValues& overrides = {});
// The same with the formula of the typed surface "expr" (an empty one: its default
// formula); other surfaces take no formula. Also throws ExpressionError (an
// InvalidArgument naming the position) for a formula that does not parse.
std::unique_ptr<Surface> makeSurface(
    std::string_view name, const ParameterValues& overrides, std::string_view expression);

} // namespace optviz
