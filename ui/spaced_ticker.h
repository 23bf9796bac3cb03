#pragma once

#include <qcustomplot.h>

#include <QPointer>

namespace optviz {

// A linear ticker that asks for as many ticks as the axis has room for, about one per
// `spacing` pixels, at the moment the ticks are made (after the layout, in every paint
// and export). A fixed count crowds "0 100 200 300 400 500" into a narrow panel of small
// multiples and leaves a wide one bare.
class SpacedTicker : public QCPAxisTicker
{
public:
    SpacedTicker(QCPAxis* axis, double spacing);

protected:
    double getTickStep(const QCPRange& range) override;

private:
    QPointer<QCPAxis> axis_;
    double spacing_;
};

} // namespace optviz
