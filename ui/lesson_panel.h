#pragma once

#include "scene.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace optviz {

// The lesson beside the plot: the scene's title and text (what to look at, what to try)
// and, for a built-in lesson, buttons to restart it or go to the previous or next one:
//   The learning rate: too small, right, too large
//   Gradient descent on a bowl: …
//   Look at: …
//   Try: …
//   [◀ Previous]   3 / 11   [Restart]   [Next ▶]
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(QWidget* parent = nullptr);

    // Shows the scene's title and text; never emits.
    void setScene(const Scene& scene);
    // The built-in lesson shown (by title), or −1.
    int lessonIndex() const { return lessonIndex_; }

    QLabel* titleLabel() const { return titleLabel_; }
    QTextBrowser* textView() const { return textView_; }
    QPushButton* previousButton() const { return previousButton_; }
    QPushButton* restartButton() const { return restartButton_; }
    QPushButton* nextButton() const { return nextButton_; }

signals:
    // Open the built-in lesson `index` afresh (previous, next, or the same to restart).
    void lessonRequested(int index);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateTitleFont();
    // Previous / Next show only their arrows when the dock is too narrow for the words
    // (a 1024×768 projector in presentation mode); their tooltips say what they do.
    void fitButtons();

    int lessonIndex_ = -1;
    QLabel* titleLabel_ = nullptr;
    QTextBrowser* textView_ = nullptr;
    QLabel* positionLabel_ = nullptr;
    QPushButton* previousButton_ = nullptr;
    QPushButton* restartButton_ = nullptr;
    QPushButton* nextButton_ = nullptr;
};

} // namespace optviz
