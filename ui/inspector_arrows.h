#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QPointF>
#include <QPointer>
#include <QRectF>
#include <QString>

#include <vector>

class QCustomPlot;
class QCPAbstractItem;
class QCPAxisRect;

namespace optviz {

// The step inspector's arrows on a map: the descent direction −∇f, the step's update
// and, where the optimizer keeps one, its velocity, drawn from the point where the step
// started. Honest about their lengths: an arrow whose true length reads well (5 % to
// 40 % of the view) is drawn to scale; a shorter or longer one is drawn at about 14 % of
// the view, scaled by a round factor k that a caption in the map's corner states
// ("−∇f: direction; length ×0.012"). The labels go where they overlap each other, the
// arrows and the paths' recent points least. Owns its items; does not replot.
class InspectorArrows
{
    Q_DECLARE_TR_FUNCTIONS(InspectorArrows)

public:
    struct Input
    {
        QString name; // "−∇f"
        QPointF vector; // in the map's coordinates
        QColor colour;
        Qt::PenStyle style = Qt::SolidLine;
    };
    struct Drawn
    {
        QString name;
        double trueLength = 0.0;
        double drawnLength = 0.0;
        double factor = 1.0; // drawn / true
        QRectF labelRect; // in pixels, where the layout is known
    };
    struct Style
    {
        double scale = 1.0; // the figure's style scale
        int labelFont = 16; // pixels
        int captionFont = 14;
    };

    explicit InspectorArrows(QCustomPlot* plot);
    ~InspectorArrows();
    InspectorArrows(const InspectorArrows&) = delete;
    InspectorArrows& operator=(const InspectorArrows&) = delete;

    // `avoid`: pixels the labels should not cover (the paths' recent points).
    void show(QCPAxisRect* rect, QPointF from, const std::vector<Input>& arrows,
        const std::vector<QPointF>& avoid, const Style& style);
    void clear();

    const std::vector<Drawn>& arrows() const { return drawn_; }
    QString captionText() const { return captionText_; }
    // Lines, labels and the caption in drawing order (for the figure's layer stack).
    std::vector<QCPAbstractItem*> items() const;

    // `value` rounded to two significant digits, the factor an arrow is drawn at.
    static double roundFactor(double value);
    // "0.012", "3.5", "1.5·10⁴": k as people read it.
    static QString factorText(double factor);

private:
    QCustomPlot* plot_;
    std::vector<QPointer<QCPAbstractItem>> items_;
    std::vector<Drawn> drawn_;
    QString captionText_;
};

} // namespace optviz
