#pragma once

#include <QString>

namespace optviz {

// "10⁻³": a power of ten in plain text, with Unicode superscript digits (for labels that
// QCustomPlot does not typeset itself, such as text tickers and captions).
QString powerOfTenText(int exponent);

// A number as people read it on an axis or in a caption, with `digits` significant
// digits at most: plain between 0.001 and 10 000 ("0.012", "250"), else as a power of
// ten ("10⁶", "2.5·10⁻⁵"). Locale-independent; a minus sign, not a hyphen.
QString readableNumber(double value, int digits = 2);

} // namespace optviz
