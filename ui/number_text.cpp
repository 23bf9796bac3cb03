#include "number_text.h"

#include "core/parameter.h"

#include <QFontMetrics>
#include <QStringList>

#include <algorithm>

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

} // namespace optviz
