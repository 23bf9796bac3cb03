#include "number_text.h"

#include "core/parameter.h"

#include <QFontMetrics>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace optviz {

QString numberText(double value, int significant)
{
    return QString::number(value, 'g', significant);
}

QString exactNumberText(double value)
{
    return QString::fromStdString(formatNumber(value));
}

double roundedToSignificant(double value, int significant)
{
    return numberText(value, significant).toDouble();
}

int numberFieldWidth(const QFontMetrics& metrics)
{
    int widest = 0;
    for (const QString& sample : {QStringLiteral("-0.001235"), QStringLiteral("0.0001235"),
             QStringLiteral("1.235e-05"), QStringLiteral("-123.5")})
        widest = std::max(widest, metrics.horizontalAdvance(sample));
    // QLineEdit's frame and text margins, as the old fields measured them.
    return widest + 16;
}

QString powerOfTenText(int exponent)
{
    static const QChar superscripts[] = {QChar(0x2070), QChar(0x00B9), QChar(0x00B2), QChar(0x00B3),
        QChar(0x2074), QChar(0x2075), QChar(0x2076), QChar(0x2077), QChar(0x2078), QChar(0x2079)};
    QString text = QStringLiteral("10");
    if (exponent < 0)
        text += QChar(0x207B); // superscript minus
    for (const QChar digit : QString::number(std::abs(exponent)))
        text += superscripts[digit.digitValue()];
    return text;
}

QString readableNumber(double value, int digits)
{
    if (!std::isfinite(value))
        return QString::number(value);
    const QString sign = value < 0.0 ? QString(QChar(0x2212)) : QString();
    const double magnitude = std::abs(value);
    if (magnitude == 0.0)
        return QStringLiteral("0");
    if (magnitude >= 1e-3 && magnitude < 1e4) {
        // Rounded to `digits` significant digits, then printed without an exponent
        // ('g' with `digits` would print 250 as "2.5e+02").
        const double unit = std::pow(10.0, std::floor(std::log10(magnitude)) - (digits - 1));
        return sign + QString::number(std::round(magnitude / unit) * unit, 'g', 12);
    }
    int exponent = int(std::floor(std::log10(magnitude)));
    double mantissa = magnitude / std::pow(10.0, exponent);
    mantissa = std::round(mantissa * std::pow(10.0, digits - 1)) / std::pow(10.0, digits - 1);
    if (mantissa >= 10.0) { // 9.99 rounded up
        mantissa /= 10.0;
        ++exponent;
    }
    if (mantissa == 1.0)
        return sign + powerOfTenText(exponent);
    return sign + QString::number(mantissa, 'g', 12) + QChar(0x00B7) + powerOfTenText(exponent);
}

} // namespace optviz
