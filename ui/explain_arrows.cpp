#include "explain_arrows.h"

#include "figure.h"
#include "stage_caption.h"

#include <cmath>

namespace optviz {

ExplainArrows::ExplainArrows(Figure* figure)
    : figure_(figure)
{
}

ExplainArrows::~ExplainArrows()
{
    clear();
}

void ExplainArrows::clear()
{
    for (auto& item : items_)
        if (item)
            figure_->removeItem(item.data());
    items_.clear();
    arrowCount_ = 0;
}

QColor ExplainArrows::colour(StageKind kind, const QColor& moveColour)
{
    switch (kind) {
    case StageKind::Gradient:
    case StageKind::SignSteps:
        return {213, 94, 0}; // vermillion
    case StageKind::DecoupledDecay:
    case StageKind::Curvature:
    case StageKind::Direction:
        return {204, 121, 167}; // reddish purple
    case StageKind::DecayedMomentum:
    case StageKind::AddGradient:
    case StageKind::LookAhead:
    case StageKind::Mix:
        return {0, 114, 178}; // blue
    case StageKind::SecondMoment:
    case StageKind::BiasCorrection:
        return {86, 180, 233}; // sky blue
    case StageKind::Scaling:
    case StageKind::LineSearch:
        return {0, 158, 115}; // bluish green
    case StageKind::Move:
        return moveColour;
    }
    return Qt::black;
}

void ExplainArrows::show(const StepAnatomy& anatomy, int stage, int map, const QColor& moveColour)
{
    clear();
    QCPAxisRect* rect = figure_->mapRect(map);
    if (!rect || anatomy.stages.empty() || anatomy.start.size() < 2)
        return;
    stage = std::clamp(stage, 0, int(anatomy.stages.size()) - 1);
    const ViewRect view = figure_->visibleView();
    const double size = std::min(view.xMax - view.xMin, view.yMax - view.yMin);
    double longest = 0.0;
    for (const StepStage& s : anatomy.stages)
        for (const Vector* p : {&s.from, &s.to})
            if (p->allFinite())
                longest = std::max(longest, (*p - anatomy.start).head<2>().norm());
    // True lengths where they read well; otherwise one common scale for every stage.
    scale_ = 1.0;
    if (longest > 0.0 && (longest < 0.12 * size || longest > 0.6 * size))
        scale_ = 0.33 * size / longest;
    const double sx = anatomy.start[0], sy = anatomy.start[1];
    const auto shown = [&](const Vector& p) {
        return QPointF(sx + scale_ * (p[0] - sx), sy + scale_ * (p[1] - sy));
    };
    const double unit = figure_->presentationStyle() ? 1.5 : 1.0;
    const auto place = [&](QCPItemPosition* position, QPointF at) {
        position->setAxisRect(rect);
        position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        position->setCoords(at);
    };
    const auto line = [&](QPointF from, QPointF to, const QPen& pen, bool head) {
        auto* item = new QCPItemLine(figure_);
        item->setClipAxisRect(rect);
        place(item->start, from);
        place(item->end, to);
        item->setPen(pen);
        if (head)
            item->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 16 * unit, 20 * unit));
        item->setLayer("overlay");
        items_.emplace_back(item);
    };
    for (int i = 0; i <= stage; ++i) {
        const StepStage& s = anatomy.stages[std::size_t(i)];
        if (!s.from.allFinite() || !s.to.allFinite() || s.from == s.to)
            continue;
        const QPointF from = shown(s.from), to = shown(s.to);
        const bool current = i == stage;
        QColor colour = ExplainArrows::colour(s.kind, moveColour);
        if (!current)
            colour.setAlpha(170);
        const double width = (current ? 4.0 : 2.5) * unit;
        // A white halo keeps the arrow readable on dark and bright heat map alike.
        line(from, to,
            QPen(QColor(255, 255, 255, current ? 220 : 110), width + (current ? 4.0 : 2.5) * unit,
                Qt::SolidLine, Qt::RoundCap),
            true);
        line(from, to, QPen(colour, width, current ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap),
            true);
        ++arrowCount_;
        const QString text = StageCaption::arrowLabel(anatomy, i);
        if (!current || text.isEmpty())
            continue;
        auto* label = new QCPItemText(figure_);
        label->setClipAxisRect(rect);
        place(label->position, to);
        label->setText(text);
        label->setColor(colour.darker(130));
        label->setBrush(QColor(255, 255, 255, 225));
        label->setPadding(QMargins(4, 2, 4, 2));
        QFont font("DejaVu Sans");
        font.setPixelSize(int(18 * unit));
        font.setBold(true);
        label->setFont(font);
        // Beside the tip, on the side the arrow points to.
        Qt::Alignment alignment = to.x() >= from.x() ? Qt::AlignLeft : Qt::AlignRight;
        alignment |= to.y() >= from.y() ? Qt::AlignBottom : Qt::AlignTop;
        label->setPositionAlignment(alignment);
        label->setLayer("overlay");
        items_.emplace_back(label);
    }
}

} // namespace optviz
