#include "lesson_panel.h"

#include "lesson_catalog.h"
#include "translation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace optviz {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lessonPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);

    titleLabel_ = new QLabel(this);
    titleLabel_->setWordWrap(true);
    titleLabel_->setTextFormat(Qt::PlainText);
    layout->addWidget(titleLabel_);

    textView_ = new QTextBrowser(this);
    textView_->setFrameShape(QFrame::NoFrame);
    textView_->setOpenLinks(false);
    // The text reads like a page beside the plot, not like an input field.
    textView_->viewport()->setAutoFillBackground(false);
    layout->addWidget(textView_, 1);

    auto* buttons = new QHBoxLayout;
    previousButton_ = new QPushButton(tr("◀ Previous"), this);
    previousButton_->setToolTip(tr("Open the previous lesson"));
    restartButton_ = new QPushButton(tr("Restart"), this);
    restartButton_->setToolTip(tr("Undo your changes: this lesson as it was"));
    nextButton_ = new QPushButton(tr("Next ▶"), this);
    nextButton_->setToolTip(tr("Open the next lesson"));
    positionLabel_ = new QLabel(this);
    buttons->addWidget(previousButton_);
    buttons->addStretch(1);
    buttons->addWidget(positionLabel_);
    buttons->addStretch(1);
    buttons->addWidget(restartButton_);
    buttons->addWidget(nextButton_);
    layout->addLayout(buttons);

    connect(previousButton_, &QPushButton::clicked, this,
        [this] { emit lessonRequested(lessonIndex_ - 1); });
    connect(restartButton_, &QPushButton::clicked, this,
        [this] { emit lessonRequested(lessonIndex_); });
    connect(nextButton_, &QPushButton::clicked, this,
        [this] { emit lessonRequested(lessonIndex_ + 1); });

    updateTitleFont();
    setScene(Scene());
}

void LessonPanel::setScene(const Scene& scene)
{
    lessonIndex_ = optviz::lessonIndex(scene.title);
    if (scene.title.isEmpty() && scene.text.isEmpty()) {
        titleLabel_->setText(tr("No lesson"));
        textView_->setHtml(tr("<p>This scene has no lesson text. Open one from the "
                              "<b>Lessons</b> menu, or add \"title\" and \"text\" to a scene "
                              "file.</p>"));
    } else {
        titleLabel_->setText(scene.localizedTitle(uiLanguage()));
        textView_->setHtml(lessonHtml(scene.localizedText(uiLanguage())));
    }
    const int count = int(builtInLessons().size());
    const bool builtIn = lessonIndex_ >= 0;
    previousButton_->setEnabled(builtIn && lessonIndex_ > 0);
    nextButton_->setEnabled(builtIn && lessonIndex_ + 1 < count);
    restartButton_->setEnabled(builtIn);
    positionLabel_->setText(builtIn ? tr("%1 / %2").arg(lessonIndex_ + 1).arg(count) : QString());
}

void LessonPanel::updateTitleFont()
{
    QFont font = this->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.3);
    titleLabel_->setFont(font);
}

void LessonPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange) {
        updateTitleFont(); // presentation mode enlarges the window's font
        fitButtons();
    }
    QWidget::changeEvent(event);
}

void LessonPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitButtons();
}

void LessonPanel::fitButtons()
{
    // The words when the row has room for them at its preferred size, else the arrows.
    // The buttons' minimum is the arrow's, so that the words never hold the dock (and
    // the window) wider.
    const int arrowWidth = fontMetrics().horizontalAdvance(QStringLiteral("◀")) * 3;
    for (QPushButton* button : {previousButton_, nextButton_})
        button->setMinimumWidth(arrowWidth);
    previousButton_->setText(tr("◀ Previous"));
    nextButton_->setText(tr("Next ▶"));
    if (layout()->sizeHint().width() <= width())
        return;
    previousButton_->setText(QStringLiteral("◀"));
    nextButton_->setText(QStringLiteral("▶"));
}

} // namespace optviz
