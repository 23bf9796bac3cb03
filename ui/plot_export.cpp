#include "plot_export.h"

#include "safe_file.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace optviz {

bool exportPlot(
    QCustomPlot& plot, const QString& path, double scale, const QString& title, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(path);
    const QString extension = info.suffix().toLower();
    if (extension != "png" && extension != "svg" && extension != "pdf")
        return fail(QString("cannot export the figure to '%1': unknown file type '%2'; "
                            "accepted: .png, .svg, .pdf")
                        .arg(path, extension.isEmpty() ? QString("(none)") : "." + extension));
    if (!(scale > 0.0 && scale <= 8.0))
        return fail(QString("cannot export the figure to '%1': scale %2 is outside (0, 8]")
                        .arg(path)
                        .arg(scale));
    QString refused;
    if (!checkOutputPath(path, &refused)) // before the work of drawing
        return fail(refused);
    const int w = plot.width();
    const int h = plot.height();
    if (w <= 0 || h <= 0)
        return fail(QString("cannot export the figure to '%1': the figure has no size").arg(path));
    // Tick steps follow the axes' lengths in the previous layout (SpacedTicker), and a
    // plot that was never shown has none yet: lay it out at its size twice first.
    plot.setViewport(plot.rect());
    for (int pass = 0; pass < 2; ++pass)
        for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                 QCPLayoutElement::upLayout})
            plot.plotLayout()->update(phase);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (extension == "png") {
        const QPixmap pixmap = plot.toPixmap(w, h, scale);
        if (pixmap.isNull() || !pixmap.save(&buffer, "PNG"))
            return fail(QString("cannot render the figure for '%1' at %2 × %3 pixels")
                            .arg(path)
                            .arg(qRound(w * scale))
                            .arg(qRound(h * scale)));
    } else if (extension == "svg") {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(QSize(w, h));
        generator.setViewBox(QRect(0, 0, w, h));
        generator.setResolution(96);
        generator.setTitle(title);
        generator.setDescription(QStringLiteral("optviz figure"));
        QCPPainter painter;
        if (!painter.begin(&generator))
            return fail(QString("cannot render the figure as SVG for '%1'").arg(path));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNonCosmetic);
        plot.toPainter(&painter, w, h);
        painter.end();
    } else {
        // As QCustomPlot::savePdf does, but into memory, written as a whole below.
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("optviz"));
        writer.setTitle(title);
        writer.setResolution(96);
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(w / 96.0, h / 96.0), QPageSize::Inch,
                                             QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&writer))
            return fail(QString("cannot render the figure as PDF for '%1'").arg(path));
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNonCosmetic);
        painter.setWindow(QRect(0, 0, w, h));
        plot.toPainter(&painter, w, h);
        painter.end();
    }
    buffer.close();

    QString writeError;
    return writeFileSafely(path, bytes, &writeError) || fail(writeError);
}

} // namespace optviz
