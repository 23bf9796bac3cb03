// Fuzz target: a typed formula (the `expr` surface of the window's surface panel, of
// `--expr` and of scene files), as ExpressionSurface compiles it. Properties checked:
//  - a formula that does not parse is refused with one readable line that starts with
//    "position P:", P within the formula (or just past its end);
//  - an accepted formula evaluates without crash or UB on a few points, and its three
//    ways of evaluating agree: rowValues() gives value() bit for bit, and the value that
//    valueAndGradient() carries along its derivatives is value() again.

#include "core/expression/expression_parser.h"
#include "core/expression/expression_surface.h"
#include "fuzz_checks.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace {

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

void checkPosition(const optviz::ExpressionError& error, std::size_t length)
{
    const std::string prefix = "position " + std::to_string(error.position()) + ":";
    if (std::strncmp(error.what(), prefix.c_str(), prefix.size()) != 0)
        optviz::fuzz::violated("a formula error does not start with its position", error.what());
    if (error.position() < 1 || error.position() > length + 1)
        optviz::fuzz::violated("a formula error points outside the formula", error.what());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace optviz;
    const std::string formula(reinterpret_cast<const char*>(data), size);
    try {
        const ExpressionSurface surface(formula);
        constexpr std::size_t count = 5;
        const double xs[count] = {-2.5, -0.5, 0.0, 0.75, 3.0};
        for (const double y : {-1.5, 0.0, 2.0}) {
            double row[count];
            surface.rowValues(xs, count, y, row);
            for (std::size_t i = 0; i < count; ++i) {
                const double value = surface.value2(xs[i], y);
                if (!sameNumber(row[i], value))
                    fuzz::violated("rowValues() differs from value()", formula);
                double gx = 0.0;
                double gy = 0.0;
                if (!sameNumber(surface.valueAndGradient2(xs[i], y, gx, gy), value))
                    fuzz::violated("valueAndGradient() differs from value()", formula);
                double hxx = 0.0;
                double hxy = 0.0;
                double hyy = 0.0;
                surface.hessian2(xs[i], y, hxx, hxy, hyy);
            }
        }
    } catch (const ExpressionError& error) {
        fuzz::checkMessage(error.what());
        checkPosition(error, size);
    } catch (const InvalidArgument& error) { // too long, or too deep for the stack machine
        fuzz::checkMessage(error.what());
    }
    return 0;
}
