#include "parameter.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace optviz {

bool ParameterSpec::accepts(double value) const
{
    if (!std::isfinite(value))
        return false;
    if (value < minimum || (minimumExclusive && value == minimum))
        return false;
    if (value > maximum || (maximumExclusive && value == maximum))
        return false;
    if ((scale == Scale::Integer || scale == Scale::Boolean) && value != std::floor(value))
        return false;
    return true;
}

std::string ParameterSpec::rangeText() const
{
    if (scale == Scale::Boolean)
        return "true|false";
    std::string text = scale == Scale::Integer ? "integer in " : "";
    text += minimumExclusive ? "(" : "[";
    text += formatValue(minimum) + ", " + formatValue(maximum);
    text += maximumExclusive ? ")" : "]";
    return text;
}

std::string ParameterSpec::formatValue(double value) const
{
    if (scale == Scale::Boolean)
        return value != 0.0 ? "true" : "false";
    if (scale == Scale::Integer && std::abs(value) < 1e18)
        return std::to_string(static_cast<long long>(value)); // 100000, not 1e+05
    return formatNumber(value);
}

const ParameterSpec* findParameter(const ParameterSpecs& specs, std::string_view name)
{
    for (const ParameterSpec& spec : specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

static std::vector<std::string> namesOf(const ParameterSpecs& specs)
{
    std::vector<std::string> names;
    for (const ParameterSpec& spec : specs)
        names.push_back(spec.name);
    return names;
}

ParameterValues resolveParameters(
    const ParameterSpecs& specs, const ParameterValues& overrides, std::string_view owner)
{
    ParameterValues values;
    for (const ParameterSpec& spec : specs)
        values[spec.name] = spec.defaultValue;
    for (const auto& [name, value] : overrides) {
        const ParameterSpec* spec = findParameter(specs, name);
        if (!spec) {
            if (specs.empty())
                throw InvalidArgument(std::string(owner) + " has no parameter '" + printable(name)
                    + "' (it takes none)");
            throw InvalidArgument(
                unknownNameMessage(std::string(owner) + " parameter", name, namesOf(specs)));
        }
        if (!spec->accepts(value))
            throw InvalidArgument(std::string(owner) + " parameter " + name + "="
                + formatNumber(value) + " is out of range; accepted: " + spec->rangeText());
        values[name] = value;
    }
    return values;
}

bool parseDouble(std::string_view text, double& value)
{
    if (text.empty())
        return false;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (*first == '+') // from_chars rejects a leading '+', which users do type
        ++first;
    auto [end, error] = std::from_chars(first, last, value);
    return error == std::errc() && end == last && std::isfinite(value);
}

double parseParameterValue(const ParameterSpec& spec, std::string_view text, std::string_view owner)
{
    if (spec.scale == Scale::Boolean) {
        if (text == "true" || text == "1")
            return 1.0;
        if (text == "false" || text == "0")
            return 0.0;
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "='"
            + printable(text) + "' is not a boolean; accepted: true, false, 1, 0");
    }
    double value = 0.0;
    if (!parseDouble(text, value))
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "='"
            + printable(text) + "' is not a finite number; accepted: " + spec.rangeText());
    if (!spec.accepts(value))
        throw InvalidArgument(std::string(owner) + " parameter " + spec.name + "=" + printable(text)
            + " is out of range; accepted: " + spec.rangeText());
    return value;
}

std::string formatNumber(double value)
{
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return "?";
    return std::string(buffer, end);
}

namespace {

// Length of the well-formed UTF-8 sequence at the start of `text` (no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0.
std::size_t utf8SequenceLength(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned codePoint = 0;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        codePoint = lead & 0x1fu;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        codePoint = lead & 0x0fu;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        codePoint = lead & 0x07u;
    } else {
        return 0;
    }
    if (text.size() < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xc0u) != 0x80u)
            return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3fu);
    }
    const bool overlong
        = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
    const bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (overlong || surrogate || codePoint > 0x10ffff || (codePoint >= 0x80 && codePoint < 0xa0))
        return 0; // the last: C1 control characters
    return length;
}

} // namespace

std::string printable(std::string_view text, std::size_t maxCharacters)
{
    std::string out;
    std::size_t characters = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (characters == maxCharacters)
            return out + "...";
        const std::size_t length = utf8SequenceLength(text.substr(i));
        const auto first = static_cast<unsigned char>(text[i]);
        if (length == 0 || first < 0x20 || first == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[first >> 4];
            out += hex[first & 0x0f];
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
        ++characters;
    }
    return out;
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty())
            text += ", ";
        text += name;
    }
    return text;
}

static std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestName(std::string_view typed, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t bestDistance = 3; // farther than two edits is no longer a typo
    for (const std::string& candidate : candidates) {
        std::size_t distance = editDistance(typed, candidate);
        if (typed.size() >= 3 && candidate.starts_with(typed))
            distance = std::min<std::size_t>(distance, 1);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string unknownNameMessage(
    std::string_view what, std::string_view typed, const std::vector<std::string>& candidates)
{
    std::string message = "unknown " + std::string(what) + " '" + printable(typed) + "'";
    const std::string suggestion = closestName(typed, candidates);
    if (!suggestion.empty())
        message += " (did you mean '" + suggestion + "'?)";
    message += "; accepted: " + joinNames(candidates);
    return message;
}

} // namespace optviz
