#pragma once

#include <qcustomplot.h>

#include <QPointer>

namespace optviz {

// A linear ticker that asks for as many ticks as the axis has room for at the moment the
// ticks are made (after the layout, in every paint and export): at least `spacing`
// pixels per tick, and never less than the widest label plus a gap, so that labels never
// collide ("0100200300400500" in a narrow loss panel). A wide axis gets at most ten.
class SpacedTicker : public QCPAxisTicker
{
public:
    SpacedTicker(QCPAxis* axis, double spacing);

    // The smallest "nice" step (1, 2, 2.5 or 5 × 10ⁿ) that is at least `step`.
    static double niceStepAtLeast(double step);

protected:
    double getTickStep(const QCPRange& range) override;

private:
    // The step for about one tick per `spacing` pixels, wider where the labels need it.
    double stepFor(const QCPRange& range, double pixels, double spacing);

    QPointer<QCPAxis> axis_;
    double spacing_;
};

// A base-10 log ticker with the same rule: decades (or every 2nd, 3rd, 5th … decade when
// the axis is short) labelled as powers of ten, never closer than their labels need.
// The axis should use the number format "eb" (10ⁿ typeset as a power).
class SpacedLogTicker : public QCPAxisTickerLog
{
public:
    SpacedLogTicker(QCPAxis* axis, double spacing);

protected:
    double getTickStep(const QCPRange& range) override;
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    QPointer<QCPAxis> axis_;
    double spacing_;
};

// Ticks for an axis whose coordinate is log10 of the value shown (the hyperparameter
// maps draw their cells in log10 coordinates): decades labelled 10ⁿ, every 2nd, 3rd,
// 5th … decade where the axis is short, or 1, 2, 5 within each decade labelled as plain
// numbers ("0.02") where there is room and the range spans two decades at most.
class Log10CoordinateTicker : public QCPAxisTicker
{
public:
    Log10CoordinateTicker(QCPAxis* axis, double spacing);

protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    QString getTickLabel(
        double tick, const QLocale& locale, QChar formatChar, int precision) override;
    int getSubTickCount(double tickStep) override;

private:
    QPointer<QCPAxis> axis_;
    double spacing_;
    bool decadesOnly_ = true;
    int stride_ = 1;
};

// An axis set up for powers of ten, "10⁻³", in every locale (the figure's numbers use
// the C locale: QCustomPlot finds the exponent by the locale's exponential sign).
void setLogAxis(QCPAxis* axis, double spacing);
// A linear axis with spaced ticks and short plain numbers ("0.5", "200", "1e+06").
void setLinearAxis(QCPAxis* axis, double spacing);

} // namespace optviz
