#include "inspector_arrows.h"

#include "number_text.h"
#include "translation.h"

#include <qcustomplot.h>

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace optviz {

namespace {

// An arrow whose true length is between these fractions of the view is drawn to scale;
// any other is drawn at about `readableLength`.
constexpr double shortestToScale = 0.05;
constexpr double longestToScale = 0.40;
constexpr double readableLength = 0.14;

QFont labelFont(int pixels)
{
    return figureFontWithFamilies(pixels, true);
}

// The area of `rect` that lies outside `bounds`.
double areaOutside(const QRectF& rect, const QRectF& bounds)
{
    const QRectF inside = rect.intersected(bounds);
    return rect.width() * rect.height() - inside.width() * inside.height();
}

double overlapArea(const QRectF& a, const QRectF& b)
{
    const QRectF both = a.intersected(b);
    return both.isValid() ? both.width() * both.height() : 0.0;
}

} // namespace

InspectorArrows::InspectorArrows(QCustomPlot* plot)
    : plot_(plot)
{
}

InspectorArrows::~InspectorArrows()
{
    clear();
}

void InspectorArrows::clear()
{
    for (auto& item : items_)
        if (item)
            plot_->removeItem(item.data());
    items_.clear();
    drawn_.clear();
    captionText_.clear();
}

std::vector<QCPAbstractItem*> InspectorArrows::items() const
{
    std::vector<QCPAbstractItem*> items;
    for (const auto& item : items_)
        if (item)
            items.push_back(item.data());
    return items;
}

double InspectorArrows::roundFactor(double value)
{
    if (!(value > 0.0) || !std::isfinite(value))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)) - 1.0);
    return std::max(1.0, std::round(value / magnitude)) * magnitude;
}

QString InspectorArrows::factorText(double factor)
{
    return readableNumber(factor, 2);
}

void InspectorArrows::show(QCPAxisRect* rect, QPointF from, const std::vector<Input>& arrows,
    const std::vector<QPointF>& avoid, const Style& style)
{
    clear();
    if (!rect)
        return;
    QCPAxis* xAxis = rect->axis(QCPAxis::atBottom);
    QCPAxis* yAxis = rect->axis(QCPAxis::atLeft);
    const double view = std::min(xAxis->range().size(), yAxis->range().size());
    if (!(view > 0.0))
        return;
    const double s = style.scale;
    const auto place = [&](QCPItemPosition* position, QPointF at) {
        position->setAxisRect(rect);
        position->setAxes(xAxis, yAxis);
        position->setCoords(at);
    };
    const auto pixel = [&](QPointF at) {
        return QPointF(xAxis->coordToPixel(at.x()), yAxis->coordToPixel(at.y()));
    };
    const bool laidOut = rect->width() > 0 && rect->height() > 0;
    const QRectF bounds = rect->rect();

    // The pixels the labels should keep clear of: the paths' recent points and every
    // arrow, sampled along its length.
    std::vector<QPointF> obstacles = avoid;
    struct Tip
    {
        QPointF to;
        int item = -1; // the line's index in items_
    };
    std::vector<Tip> tips;
    QStringList caption;
    for (const Input& input : arrows) {
        const double length = std::hypot(input.vector.x(), input.vector.y());
        if (!(length > 0.0) || !std::isfinite(length))
            continue;
        Drawn drawn;
        drawn.name = input.name;
        drawn.trueLength = length;
        const bool toScale = length >= shortestToScale * view && length <= longestToScale * view;
        drawn.factor = toScale ? 1.0 : roundFactor(readableLength * view / length);
        drawn.drawnLength = drawn.factor * length;
        const QPointF to = from + drawn.factor * input.vector;

        auto* line = new QCPItemLine(plot_);
        line->setClipAxisRect(rect);
        place(line->start, from);
        place(line->end, to);
        line->setPen(QPen(input.colour, 3.0 * s, input.style, Qt::RoundCap));
        line->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 14 * s, 18 * s));
        line->setLayer("runs");
        items_.emplace_back(line);
        tips.push_back({to, int(items_.size()) - 1});
        if (laidOut)
            for (int k = 0; k <= 10; ++k)
                obstacles.push_back(pixel(from + (k / 10.0) * (to - from)));
        caption << (toScale
                ? tr("%1: to scale").arg(input.name)
                : tr("%1: direction; length ×%2").arg(input.name, factorText(drawn.factor)));
        drawn_.push_back(drawn);
    }
    if (drawn_.empty())
        return;

    // Labels: of a few places about each tip, the one that covers least of the other
    // labels, the arrows and the paths, and stays inside the map.
    const QFont font = labelFont(style.labelFont);
    const QFontMetricsF metrics(font);
    const QMargins padding(int(4 * s), int(1 * s), int(4 * s), int(1 * s));
    const QMargins captionPadding(int(5 * s), int(3 * s), int(5 * s), int(3 * s));
    captionText_ = caption.join('\n');
    const QFont captionFont = figureFontWithFamilies(style.captionFont);
    const QSizeF captionSize = QFontMetricsF(captionFont)
                                   .boundingRect(QRectF(), Qt::AlignLeft, captionText_)
                                   .size()
                                   .grownBy(captionPadding);
    std::vector<QRectF> placed; // the caption's and the labels' rectangles
    placed.emplace_back(QPointF(bounds.left() + 0.015 * bounds.width(),
                            bounds.bottom() - 0.015 * bounds.height() - captionSize.height()),
        captionSize);
    for (std::size_t i = 0; i < drawn_.size(); ++i) {
        Drawn& drawn = drawn_[i];
        const QSizeF size(metrics.horizontalAdvance(drawn.name) + padding.left() + padding.right(),
            metrics.height() + padding.top() + padding.bottom());
        const QPointF tip = pixel(tips[i].to);
        const QPointF start = pixel(from);
        QPointF direction = tip - start;
        const double norm = std::hypot(direction.x(), direction.y());
        direction = norm > 0.0 ? direction / norm : QPointF(1.0, 0.0);
        const double gap = 6.0 * s;
        const double reach = 0.5 * std::hypot(size.width(), size.height()) + gap;
        std::vector<QPointF> centres;
        centres.push_back(tip + reach * direction); // beyond the tip
        const QPointF normal(-direction.y(), direction.x());
        centres.push_back(tip + reach * normal);
        centres.push_back(tip - reach * normal);
        centres.push_back(tip + 0.6 * reach * direction + 0.8 * reach * normal);
        centres.push_back(tip + 0.6 * reach * direction - 0.8 * reach * normal);
        const QPointF middle = 0.5 * (start + tip);
        centres.push_back(middle + reach * normal);
        centres.push_back(middle - reach * normal);
        for (const QPointF& offset :
            {QPointF(1, -1), QPointF(-1, -1), QPointF(1, 1), QPointF(-1, 1)})
            centres.push_back(tip
                + QPointF(offset.x() * (0.5 * size.width() + gap),
                    offset.y() * (0.5 * size.height() + gap)));
        QRectF best;
        double bestCost = std::numeric_limits<double>::infinity();
        for (const QPointF& centre : centres) {
            const QRectF candidate(centre - QPointF(size.width() / 2, size.height() / 2), size);
            double cost = 0.0;
            for (const QRectF& other : placed)
                cost += 20.0 * overlapArea(candidate, other);
            if (laidOut)
                cost += 20.0 * areaOutside(candidate, bounds);
            const QRectF margin = candidate.adjusted(-2, -2, 2, 2);
            for (const QPointF& point : obstacles)
                if (margin.contains(point))
                    cost += 0.05 * size.width() * size.height();
            if (cost < bestCost) {
                bestCost = cost;
                best = candidate;
            }
        }
        placed.push_back(best);
        drawn.labelRect = best;

        auto* label = new QCPItemText(plot_);
        label->setClipAxisRect(rect);
        label->position->setAxisRect(rect);
        label->position->setAxes(xAxis, yAxis);
        label->position->setCoords(laidOut
                ? QPointF(xAxis->pixelToCoord(best.left()), yAxis->pixelToCoord(best.top()))
                : tips[i].to);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(drawn.name);
        const auto* line = static_cast<QCPItemLine*>(items_[std::size_t(tips[i].item)].data());
        label->setColor(line->pen().color());
        label->setBrush(QColor(255, 255, 255, 215));
        label->setPadding(padding);
        label->setFont(font);
        label->setLayer("runs");
        items_.emplace_back(label);
    }

    // What the lengths mean, in the map's lower left corner.
    auto* text = new QCPItemText(plot_);
    text->setClipAxisRect(rect);
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setAxisRect(rect);
    text->position->setCoords(0.015, 0.985);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    text->setTextAlignment(Qt::AlignLeft);
    text->setText(captionText_);
    text->setFont(captionFont);
    text->setColor(QColor(0x22, 0x22, 0x22));
    text->setBrush(QColor(255, 255, 255, 225));
    text->setPadding(captionPadding);
    text->setLayer("runs");
    items_.emplace_back(text);
}

} // namespace optviz
