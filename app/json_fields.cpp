#include "json_fields.h"

#include "core/number_format.h"

#include <cmath>

namespace optviz::cli {

void appendParameterObject(std::string& out, const ParameterSpecs& specs,
    const ParameterValues& overrides, std::string_view owner)
{
    const ParameterValues values = resolveParameters(specs, overrides, owner);
    out += '{';
    for (std::size_t i = 0; i < specs.size(); ++i) {
        out += i ? ", \"" : "\"";
        out += specs[i].name + "\": ";
        const double value = values.at(specs[i].name);
        if (specs[i].scale == Scale::Boolean)
            out += value != 0.0 ? "true" : "false";
        else
            out += formatNumber(value);
    }
    out += '}';
}

void appendExpressionField(std::string& out, const std::string& expression)
{
    if (expression.empty())
        return;
    // A formula that parsed holds only letters, digits, spaces, tabs and . + - * / ^ ( ):
    // the tab is the one character JSON needs escaped.
    out += ", \"expression\": \"";
    for (const char c : expression)
        out += c == '\t' ? std::string("\\t") : std::string(1, c);
    out += '"';
}

void appendJsonNumber(std::string& out, double value)
{
    if (std::isfinite(value))
        appendNumber17(out, value);
    else
        out += "null";
}

} // namespace optviz::cli
