#include "basin_map_painter.h"

#include "palette.h"
#include "translation.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace optviz::basins {

namespace {

const QColor inkColour(0x22, 0x22, 0x22);
const QColor frameColour(0x4A, 0x4A, 0x4A);

// The Okabe–Ito path colours without black.
const QList<QColor>& minimumColours()
{
    static const QList<QColor> colours = [] {
        QList<QColor> list;
        for (const QColor& colour : palette::pathColours())
            if (colour.lightness() > 40)
                list.append(colour);
        return list;
    }();
    return colours;
}

// 1, 2 or 5 times a power of ten, near `rough`.
double niceStep(double rough)
{
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = rough / power;
    const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
    return nice * power;
}

QString tickText(double value, double step)
{
    value = std::round(value / step) * step;
    if (std::abs(value) < step * 1e-9)
        value = 0.0;
    return QString::number(value, 'g', 6).replace('-', QChar(0x2212));
}

QString coordinateText(double value)
{
    return QString::number(value, 'g', 4).replace('-', QChar(0x2212));
}

// A five-pointed star of outer radius `radius` centred on `centre`, as the figure marks
// the known minima.
QPainterPath starPath(QPointF centre, double radius)
{
    QPainterPath path;
    for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? radius : radius * 0.45;
        const double angle = -std::numbers::pi / 2.0 + i * std::numbers::pi / 5.0;
        const QPointF p(centre.x() + r * std::cos(angle), centre.y() + r * std::sin(angle));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

// Text with a white halo, readable on any cell colour.
void haloText(QPainter& painter, const QPointF& baseline, const QString& text, const QFont& font)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.setPen(QPen(Qt::white, std::max(2.0, font.pixelSize() / 5.0), Qt::SolidLine,
        Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(inkColour);
    painter.drawPath(path);
}

double leftMargin(const QFontMetricsF& metrics)
{
    return metrics.horizontalAdvance(QString::fromUtf8("\u22120.000")) + 12.0;
}

} // namespace

QColor minimumColour(int index)
{
    const QList<QColor>& colours = minimumColours();
    const int n = int(colours.size());
    return colours[((index % n) + n) % n];
}

QColor noneColour()
{
    return QColor(0xBB, 0xBB, 0xBB);
}

QColor divergedColour()
{
    return QColor(0x26, 0x26, 0x26);
}

QColor cellColour(const BasinCell& cell)
{
    if (cell.diverged)
        return divergedColour();
    return cell.minimum >= 0 ? minimumColour(cell.minimum) : noneColour();
}

QImage cellImage(const BasinMap& map)
{
    const int width = map.grid.width;
    const int height = map.grid.height;
    QImage image(width, height, QImage::Format_RGB32);
    if (map.cells.size() != std::size_t(width) * std::size_t(height)) {
        image.fill(noneColour());
        return image;
    }
    for (int row = 0; row < height; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(height - 1 - row));
        for (int column = 0; column < width; ++column)
            line[column] = cellColour(map.at(column, row)).rgb();
    }
    return image;
}

Layout layoutFor(const QRectF& area, const ViewRect& view, const QFont& font, bool withTitle)
{
    const QFontMetricsF metrics(font);
    Layout layout;
    const double titleHeight = withTitle ? metrics.height() * 1.5 : 0.0;
    layout.title = QRectF(area.left(), area.top(), area.width(), titleHeight);
    const QRectF room = area.adjusted(leftMargin(metrics), titleHeight + metrics.height() * 0.4,
        -metrics.horizontalAdvance("000") * 0.6, -(metrics.height() + 10.0));
    const double aspect
        = std::clamp((view.xMax - view.xMin) / (view.yMax - view.yMin), 1.0 / 3.0, 3.0);
    double width = std::max(1.0, room.width());
    double height = std::max(1.0, room.height());
    if (width / height > aspect)
        width = height * aspect;
    else
        height = width / aspect;
    layout.map = QRectF(room.left() + (room.width() - width) / 2.0, room.top(), width, height);
    return layout;
}

Point2 pointAt(const QPointF& pixel, const QRectF& mapRect, const ViewRect& view)
{
    const double fx = (pixel.x() - mapRect.left()) / mapRect.width();
    const double fy = (mapRect.bottom() - pixel.y()) / mapRect.height();
    return {view.xMin + fx * (view.xMax - view.xMin), view.yMin + fy * (view.yMax - view.yMin)};
}

void paintMap(QPainter& painter, const QRectF& area, const BasinMap& map, const QString& title,
    const QColor& titleColour, const QFont& font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const ViewRect& view = map.grid.view;
    const Layout layout = layoutFor(area, view, font, !title.isEmpty());
    const QFontMetricsF metrics(font);

    if (!title.isEmpty()) {
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(titleColour);
        const QString text
            = QFontMetricsF(bold).elidedText(title, Qt::ElideRight, layout.title.width());
        painter.drawText(layout.title, Qt::AlignHCenter | Qt::AlignVCenter, text);
    }

    // Cells as squares of colour: no smoothing between basins.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(layout.map, cellImage(map));

    painter.setFont(font);
    painter.setPen(QPen(frameColour, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(layout.map);

    // Ticks and their labels, about one per four label widths.
    const double labelWidth = metrics.horizontalAdvance(QString::fromUtf8("\u22120.000"));
    auto ticks = [&](double low, double high, double pixels, auto&& place) {
        const int wanted = std::max(2, int(pixels / (labelWidth * 1.8)));
        const double step = niceStep((high - low) / wanted);
        for (double v = std::ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step)
            place(v, tickText(v, step));
    };
    painter.setPen(QPen(inkColour, 1.2));
    ticks(view.xMin, view.xMax, layout.map.width(), [&](double v, const QString& text) {
        const double x
            = layout.map.left() + (v - view.xMin) / (view.xMax - view.xMin) * layout.map.width();
        painter.drawLine(QPointF(x, layout.map.bottom()), QPointF(x, layout.map.bottom() + 5.0));
        painter.drawText(
            QRectF(x - labelWidth, layout.map.bottom() + 6.0, 2.0 * labelWidth, metrics.height()),
            Qt::AlignHCenter | Qt::AlignTop, text);
    });
    ticks(view.yMin, view.yMax, layout.map.height(), [&](double v, const QString& text) {
        const double y
            = layout.map.bottom() - (v - view.yMin) / (view.yMax - view.yMin) * layout.map.height();
        painter.drawLine(QPointF(layout.map.left() - 5.0, y), QPointF(layout.map.left(), y));
        painter.drawText(QRectF(area.left(), y - metrics.height() / 2.0,
                             layout.map.left() - area.left() - 8.0, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, text);
    });

    // The known minima, as stars with their indices (the legend's and the CSV's).
    const double radius = std::max(8.0, font.pixelSize() * 0.6);
    QFont bold = font;
    bold.setBold(true);
    painter.setClipRect(layout.map.adjusted(-radius, -radius, radius, radius));
    for (std::size_t i = 0; i < map.minima.size(); ++i) {
        const Point2& m = map.minima[i];
        if (m.x < view.xMin || m.x > view.xMax || m.y < view.yMin || m.y > view.yMax)
            continue;
        const QPointF centre(
            layout.map.left() + (m.x - view.xMin) / (view.xMax - view.xMin) * layout.map.width(),
            layout.map.bottom()
                - (m.y - view.yMin) / (view.yMax - view.yMin) * layout.map.height());
        painter.setPen(QPen(Qt::white, 1.5));
        painter.setBrush(inkColour);
        painter.drawPath(starPath(centre, radius));
        haloText(painter, centre + QPointF(radius * 0.9, -radius * 0.6), QString::number(i), bold);
    }
    painter.restore();
}

double paintLegend(QPainter& painter, const QRectF& area, const std::vector<Point2>& minima,
    const QFont& font, bool vertical)
{
    struct Entry
    {
        QColor colour;
        QString text;
    };
    QList<Entry> entries;
    for (std::size_t i = 0; i < minima.size(); ++i)
        entries.append({minimumColour(int(i)),
            QStringLiteral("%1  (%2, %3)")
                .arg(i)
                .arg(coordinateText(minima[i].x), coordinateText(minima[i].y))});
    entries.append(
        {noneColour(), QCoreApplication::translate("BasinMap", "no minimum within tolerance")});
    entries.append({divergedColour(), QCoreApplication::translate("BasinMap", "diverged")});

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double swatch = metrics.height() * 0.8;
    const double rowHeight = metrics.height() * 1.35;
    double x = area.left();
    double y = area.top();
    for (const Entry& entry : entries) {
        const double width = swatch + 8.0 + metrics.horizontalAdvance(entry.text) + 22.0;
        if (!vertical && x > area.left() && x + width > area.right()) {
            x = area.left();
            y += rowHeight;
        }
        const QRectF box(x, y + (rowHeight - swatch) / 2.0, swatch, swatch);
        painter.setPen(QPen(frameColour, 1.0));
        painter.setBrush(entry.colour);
        painter.drawRect(box);
        painter.setPen(inkColour);
        painter.drawText(QRectF(box.right() + 8.0, y, area.right() - box.right() - 8.0, rowHeight),
            Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        if (vertical)
            y += rowHeight;
        else
            x += width;
    }
    painter.restore();
    return (vertical ? y : y + rowHeight) - area.top();
}

QImage renderFigure(const BasinMap& map, const QString& title)
{
    // Sized for a slide: 22-pixel type, a map about 900 pixels on its longer side.
    QFont font = figureFontWithFamilies(22);
    const QFontMetricsF metrics(font);
    double legendWidth = metrics.horizontalAdvance(
        QCoreApplication::translate("BasinMap", "no minimum within tolerance"));
    for (std::size_t i = 0; i < map.minima.size(); ++i)
        legendWidth = std::max(legendWidth,
            metrics.horizontalAdvance(
                QStringLiteral("%1  (%2, %3)")
                    .arg(i)
                    .arg(coordinateText(map.minima[i].x), coordinateText(map.minima[i].y))));
    legendWidth += metrics.height() * 0.8 + 8.0 + 40.0;

    const ViewRect& view = map.grid.view;
    const double aspect
        = std::clamp((view.xMax - view.xMin) / (view.yMax - view.yMin), 1.0 / 3.0, 3.0);
    const double mapWidth = aspect >= 1.0 ? 900.0 : 900.0 * aspect;
    const double mapHeight = aspect >= 1.0 ? 900.0 / aspect : 900.0;
    const double margin = 24.0;
    const QSizeF figureArea(mapWidth + leftMargin(metrics) + metrics.horizontalAdvance("000") * 0.6,
        mapHeight + metrics.height() * 1.9 + metrics.height() + 10.0);
    const int width = int(std::ceil(margin * 2.0 + figureArea.width() + legendWidth));
    const int height = int(std::ceil(margin * 2.0
        + std::max(figureArea.height(), (map.minima.size() + 3) * metrics.height() * 1.35)));

    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    const QRectF mapArea(QPointF(margin, margin), figureArea);
    paintMap(painter, mapArea, map, title, inkColour, font);
    const Layout layout = layoutFor(mapArea, view, font, !title.isEmpty());
    paintLegend(painter,
        QRectF(mapArea.right() + 20.0, layout.map.top(), legendWidth, height - layout.map.top()),
        map.minima, font, true);
    painter.end();
    return image;
}

} // namespace optviz::basins
