#include "eliding_label.h"

#include <QEvent>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

namespace optviz {

ElidingLabel::ElidingLabel(int lineCount, QWidget* parent)
    : QWidget(parent)
    , lineCount_(std::max(1, lineCount))
{
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setFixedHeight(sizeHint().height());
}

void ElidingLabel::setText(const QString& text)
{
    if (text == text_)
        return;
    text_ = text;
    QString tip = text;
    tip.replace(QChar::LineSeparator, QLatin1Char('\n'));
    setToolTip(tip);
    update(); // never updateGeometry(): the size does not depend on the text
}

QStringList ElidingLabel::layoutLines(int width, bool* elided) const
{
    QStringList lines;
    bool cut = false;
    const QFontMetrics metrics = fontMetrics();
    width = std::max(1, width);
    QTextLayout layout(text_, font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    while (lines.size() < lineCount_) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        const int end = line.textStart() + line.textLength();
        if (lines.size() == lineCount_ - 1 && end < text_.size()) {
            // The last line we have: the rest of the text, cut to fit.
            QString rest = text_.mid(line.textStart());
            rest.replace(QChar::LineSeparator, QLatin1Char(' '));
            lines << metrics.elidedText(rest, Qt::ElideRight, width);
            cut = true;
            break;
        }
        QString piece = text_.mid(line.textStart(), line.textLength());
        piece.remove(QChar::LineSeparator);
        lines << piece.trimmed();
    }
    layout.endLayout();
    if (elided)
        *elided = cut;
    return lines;
}

QStringList ElidingLabel::shownLines() const
{
    return layoutLines(contentsRect().width(), nullptr);
}

bool ElidingLabel::isElided() const
{
    bool elided = false;
    layoutLines(contentsRect().width(), &elided);
    return elided;
}

QSize ElidingLabel::sizeHint() const
{
    // Independent of the text, so that a longer text never widens a dock.
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 12, metrics.lineSpacing() * lineCount_};
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    return {metrics.averageCharWidth() * 3, metrics.lineSpacing() * lineCount_};
}

void ElidingLabel::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setPen(palette().color(foregroundRole()));
    const QRect area = contentsRect();
    const QFontMetrics metrics = fontMetrics();
    const QStringList lines = layoutLines(area.width(), nullptr);
    // One line is centred in its row (a header taller than the text); more lines start
    // at the top, so that a short text reads where a long one begins.
    int y = area.top();
    if (lineCount_ == 1)
        y += (area.height() - metrics.lineSpacing()) / 2;
    for (const QString& line : lines) {
        painter.drawText(area.left(), y + metrics.ascent(), line);
        y += metrics.lineSpacing();
    }
}

void ElidingLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        setFixedHeight(sizeHint().height());
    QWidget::changeEvent(event);
}

} // namespace optviz
