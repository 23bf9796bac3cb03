#include "spaced_ticker.h"

#include "number_text.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

constexpr int maxTicks = 10;

double axisPixels(const QCPAxis* axis)
{
    if (!axis || !axis->axisRect())
        return 0.0;
    return axis->orientation() == Qt::Horizontal ? axis->axisRect()->width()
                                                 : axis->axisRect()->height();
}

// Free space between two neighbouring labels.
double labelGap(const QCPAxis* axis)
{
    const QFontMetricsF metrics(axis->tickLabelFont());
    return axis->orientation() == Qt::Horizontal ? 0.9 * metrics.height() : 0.45 * metrics.height();
}

// The smallest whole number of decades per tick from 1, 2, 3, 5, 10, 20, 30, 50 … that
// is at least `decades`.
int niceDecadesAtLeast(double decades)
{
    if (!(decades > 1.0))
        return 1;
    for (int scale = 1; scale < 1'000'000; scale *= 10)
        for (const int m : {1, 2, 3, 5})
            if (m * scale >= decades)
                return m * scale;
    return 1'000'000;
}

} // namespace

SpacedTicker::SpacedTicker(QCPAxis* axis, double spacing)
    : axis_(axis)
    , spacing_(spacing)
{
}

double SpacedTicker::niceStepAtLeast(double step)
{
    if (!(step > 0.0) || !std::isfinite(step))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= step * (1.0 - 1e-12))
            return m * magnitude;
    return 10.0 * magnitude;
}

double SpacedTicker::getTickStep(const QCPRange& range)
{
    const double pixels = axisPixels(axis_);
    if (!(pixels > 0.0) || !(range.size() > 0.0) || !axis_->parentPlot())
        return QCPAxisTicker::getTickStep(range);
    const double step = stepFor(range, pixels, spacing_);
    // A short axis: three labels, closer than the preferred spacing, where they fit.
    if (range.size() / step < 2.5 && spacing_ > pixels / 3.0)
        return stepFor(range, pixels, pixels / 3.0);
    return step;
}

double SpacedTicker::stepFor(const QCPRange& range, double pixels, double spacing)
{
    const QFontMetricsF metrics(axis_->tickLabelFont());
    const bool horizontal = axis_->orientation() == Qt::Horizontal;
    const QLocale locale = axis_->parentPlot()->locale();
    const QString format = axis_->numberFormat();
    const QChar formatChar = format.isEmpty() ? QChar('g') : format.at(0);
    const bool powers = format.contains('b') && formatChar == 'e';
    const double perTick = std::max(spacing, pixels / maxTicks);
    double step = niceStepAtLeast(range.size() * perTick / pixels);
    // The labels depend on the step ("0.25" is wider than "0.2"): widen until they fit.
    for (int pass = 0; pass < 4; ++pass) {
        double extent = 0.0;
        if (horizontal) {
            for (const double tick : QCPAxisTicker::createTickVector(step, range))
                extent = std::max(extent,
                    metrics.horizontalAdvance(
                        getTickLabel(tick, locale, formatChar, axis_->numberPrecision())));
        } else {
            extent = metrics.height() * (powers ? 1.35 : 1.0);
        }
        const double needed = std::max(spacing, extent + labelGap(axis_));
        const double next = niceStepAtLeast(range.size() * needed / pixels);
        if (next <= step)
            break;
        step = next;
    }
    return step;
}

SpacedLogTicker::SpacedLogTicker(QCPAxis* axis, double spacing)
    : axis_(axis)
    , spacing_(spacing)
{
    setLogBase(10.0);
    setSubTickCount(8);
}

double SpacedLogTicker::getTickStep(const QCPRange& range)
{
    // Used by the linear fallback of a range shorter than two decades.
    const double pixels = axisPixels(axis_);
    if (!(pixels > 0.0) || !(range.size() > 0.0))
        return QCPAxisTickerLog::getTickStep(range);
    const QFontMetricsF metrics(axis_->tickLabelFont());
    const double extent = axis_->orientation() == Qt::Horizontal
        ? metrics.horizontalAdvance(QStringLiteral("8·10⁻⁸"))
        : 1.35 * metrics.height();
    const double needed = std::max(spacing_, extent + labelGap(axis_));
    return SpacedTicker::niceStepAtLeast(range.size() * needed / pixels);
}

QVector<double> SpacedLogTicker::createTickVector(double tickStep, const QCPRange& range)
{
    setSubTickCount(8);
    const double pixels = axisPixels(axis_);
    if (!(range.lower > 0.0 && range.upper > 0.0) || !(pixels > 0.0))
        return QCPAxisTickerLog::createTickVector(tickStep, range);
    const double lowPower = std::log10(range.lower);
    const double highPower = std::log10(range.upper);
    const double decades = highPower - lowPower;
    if (decades < 1.6) // too few powers of ten: linear ticks, as QCPAxisTickerLog does
        return QCPAxisTicker::createTickVector(tickStep, range);

    const QFontMetricsF metrics(axis_->tickLabelFont());
    double extent = 1.35 * metrics.height();
    if (axis_->orientation() == Qt::Horizontal) {
        const int widest = int(std::max(std::abs(std::floor(lowPower)), std::abs(highPower)));
        const QString exponent
            = (lowPower < 0.0 ? QStringLiteral("−") : QString()) + QString::number(widest);
        // "10" in the label font and the exponent in a smaller one, raised.
        extent = metrics.horizontalAdvance(QStringLiteral("10"))
            + 0.75 * metrics.horizontalAdvance(exponent) + 2.0;
    }
    const double least = extent + labelGap(axis_);
    int stride = niceDecadesAtLeast(
        std::max(decades * std::max(spacing_, least) / pixels, decades / double(maxTicks)));
    // A short axis: three labels, closer than the preferred spacing, where they fit.
    if (decades / stride < 2.5 && spacing_ > pixels / 3.0)
        stride = niceDecadesAtLeast(decades * std::max(pixels / 3.0, least) / pixels);
    // Sub-ticks mark the decades between labelled ones; within a decade, 2 … 9.
    setSubTickCount(stride == 1 ? 8 : 0);
    QVector<double> ticks;
    const auto first = static_cast<long long>(std::floor(lowPower / stride)) * stride;
    for (long long power = first; power <= static_cast<long long>(std::ceil(highPower)) + stride;
         power += stride)
        ticks.append(std::pow(10.0, double(power)));
    return ticks;
}

Log10CoordinateTicker::Log10CoordinateTicker(QCPAxis* axis, double spacing)
    : axis_(axis)
    , spacing_(spacing)
{
}

QVector<double> Log10CoordinateTicker::createTickVector(double, const QCPRange& range)
{
    const double pixels = std::max(1.0, axisPixels(axis_));
    const double decades = range.size();
    QVector<double> ticks;
    if (!(decades > 0.0))
        return ticks;
    const QFontMetricsF metrics(axis_ ? axis_->tickLabelFont() : QFont());
    const bool horizontal = !axis_ || axis_->orientation() == Qt::Horizontal;
    const double gap = axis_ ? labelGap(axis_) : 8.0;
    const auto needed = [&](const QString& widest) {
        return std::max(
            spacing_, (horizontal ? metrics.horizontalAdvance(widest) : metrics.height()) + gap);
    };
    // 1, 2 and 5 in each decade where they fit: about three labels per decade.
    const double perDecade = pixels / decades;
    decadesOnly_ = !(decades <= 2.2 && perDecade >= 3.0 * needed(QStringLiteral("0.005")));
    if (!decadesOnly_) {
        for (int k = int(std::floor(range.lower)) - 1; k <= int(std::ceil(range.upper)); ++k)
            for (const double m : {1.0, 2.0, 5.0})
                ticks.append(k + std::log10(m));
        return ticks;
    }
    stride_ = niceDecadesAtLeast(needed(QStringLiteral("10⁻¹⁰")) / perDecade);
    const int first = int(std::floor(range.lower / stride_)) * stride_;
    for (int k = first; k <= int(std::ceil(range.upper)) + stride_; k += stride_)
        ticks.append(k);
    // A range within one decade has at most one power of ten: label its ends instead.
    int inside = 0;
    for (const double tick : ticks)
        inside += range.contains(tick) ? 1 : 0;
    if (inside < 2) {
        decadesOnly_ = false;
        ticks = {range.lower, range.upper};
        if (needed(QStringLiteral("0.005")) * 2.0 < pixels)
            ticks.insert(1, range.center());
    }
    return ticks;
}

QString Log10CoordinateTicker::getTickLabel(double tick, const QLocale&, QChar, int)
{
    if (decadesOnly_)
        return powerOfTenText(int(std::lround(tick)));
    return readableNumber(std::pow(10.0, tick), 3);
}

int Log10CoordinateTicker::getSubTickCount(double)
{
    return 0;
}

void setLogAxis(QCPAxis* axis, double spacing)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new SpacedLogTicker(axis, spacing)));
    axis->setNumberFormat("eb"); // 10⁻³, typeset as a power
    axis->setNumberPrecision(0);
}

void setLinearAxis(QCPAxis* axis, double spacing)
{
    axis->setScaleType(QCPAxis::stLinear);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new SpacedTicker(axis, spacing)));
    axis->setNumberFormat("gb");
    axis->setNumberPrecision(6);
}

} // namespace optviz
