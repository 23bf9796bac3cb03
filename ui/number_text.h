#pragma once

#include <QString>

class QFontMetrics;

namespace optviz {

// Numbers for people, in one place: fields and labels (a few significant digits, the exact
// value in the tooltip) and axes and captions (powers of ten as 10ⁿ). Locale-independent.

// `significant` digits in the shortest usual notation, trailing zeros dropped ("0.01468",
// "0.5008", "2", "1e-08"), as printf's %g writes them. Fields and labels show these; the
// exact value goes in the tooltip.
QString numberText(double value, int significant = 4);

// The exact value: the shortest text that reads back as the same double.
QString exactNumberText(double value);

// `value` rounded to `significant` digits (the double nearest to numberText's decimal).
double roundedToSignificant(double value, int significant = 4);

// A width for a field that shows numberText() values: the widest 4-digit forms
// ("-0.001235", "1.235e-05") in `metrics` plus the line edit's frame and margins, so
// that the field keeps its width whatever it shows.
int numberFieldWidth(const QFontMetrics& metrics);

// "10⁻³": a power of ten in plain text, with Unicode superscript digits (for labels that
// QCustomPlot does not typeset itself, such as text tickers and captions).
QString powerOfTenText(int exponent);

// A number as people read it on an axis or in a caption, with `digits` significant
// digits at most: plain between 0.001 and 10 000 ("0.012", "250"), else as a power of
// ten ("10⁶", "2.5·10⁻⁵"). A minus sign, not a hyphen.
QString readableNumber(double value, int digits = 2);

} // namespace optviz
