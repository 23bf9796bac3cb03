#pragma once

#include <QStringList>
#include <QWidget>

namespace optviz {

// Plain text in a space reserved for it: always `lineCount` lines high, whatever the
// text, and never asking for more width than a few characters. Text that does not fit
// wraps at word boundaries and the last line ends in "…"; the tooltip holds the full
// text. For status lines that change while the user works ("diverged at step 12", the
// step inspector's numbers): a new text never changes the layout around it, so nothing
// moves under the pointer and no dock or window grows.
class ElidingLabel : public QWidget
{
    Q_OBJECT

public:
    explicit ElidingLabel(int lineCount = 1, QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return text_; }
    int lineCount() const { return lineCount_; }

    // The lines as drawn at the current width, and whether the text had to be cut.
    QStringList shownLines() const;
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QStringList layoutLines(int width, bool* elided) const;

    QString text_;
    int lineCount_ = 1;
};

} // namespace optviz
