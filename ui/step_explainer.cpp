#include "step_explainer.h"

#include "figure.h"
#include "stage_caption.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace optviz {

StepExplainer::StepExplainer(Figure* figure)
    : QFrame(figure)
    , figure_(figure)
    , arrows_(figure)
    , header_(new QLabel(this))
    , caption_(new QLabel(this))
    , previousButton_(new QPushButton(tr("◀ Previous"), this))
    , nextButton_(new QPushButton(tr("Next ▶"), this))
    , closeButton_(new QPushButton(tr("Close"), this))
    , nextAction_(new QAction(tr("Next Stage"), this))
    , previousAction_(new QAction(tr("Previous Stage"), this))
    , closeAction_(new QAction(tr("Close Explain Mode"), this))
{
    setObjectName("stepExplainer");
    // Opaque: over the figure's plots a see-through box would be hard to read.
    setStyleSheet(QStringLiteral("#stepExplainer { background: white; color: #141414; "
                                 "border: 2px solid #606060; border-radius: 6px; }"));
    header_->setTextFormat(Qt::RichText);
    caption_->setTextFormat(Qt::RichText);
    caption_->setWordWrap(true);
    previousButton_->setToolTip(tr("The stage before (← or Page Up)"));
    nextButton_->setToolTip(tr("The next stage (→ or Page Down)"));
    closeButton_->setToolTip(tr("Leave explain mode (Esc)"));
    for (QPushButton* button : {previousButton_, nextButton_, closeButton_})
        button->setFocusPolicy(Qt::NoFocus); // the keys belong to the actions

    nextAction_->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown)});
    previousAction_->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp)});
    closeAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    for (QAction* action : {nextAction_, previousAction_, closeAction_})
        action->setEnabled(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(header_, 1);
    buttons->addWidget(previousButton_);
    buttons->addWidget(nextButton_);
    buttons->addWidget(closeButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->addLayout(buttons);
    layout->addWidget(caption_);

    connect(nextButton_, &QPushButton::clicked, this, &StepExplainer::next);
    connect(previousButton_, &QPushButton::clicked, this, &StepExplainer::previous);
    connect(closeButton_, &QPushButton::clicked, this, &StepExplainer::finish);
    connect(nextAction_, &QAction::triggered, this, &StepExplainer::next);
    connect(previousAction_, &QAction::triggered, this, &StepExplainer::previous);
    connect(closeAction_, &QAction::triggered, this, &StepExplainer::finish);
    figure_->installEventFilter(this);
    hide();
}

QList<QAction*> StepExplainer::keyActions() const
{
    return {nextAction_, previousAction_, closeAction_};
}

void StepExplainer::explain(
    const StepAnatomy& anatomy, const QString& runLabel, const QColor& colour, int map)
{
    anatomy_ = anatomy;
    runLabel_ = runLabel;
    colour_ = colour;
    map_ = map;
    stage_ = 0;
    const bool wasActive = active_;
    active_ = !anatomy_.stages.empty();
    for (QAction* action : keyActions())
        action->setEnabled(active_);
    setVisible(active_);
    if (active_) {
        raise();
        showStage();
        // → and ← then reach explain mode's actions, not a settings field's cursor.
        figure_->setFocus();
    }
    if (wasActive != active_)
        emit activeChanged(active_);
}

void StepExplainer::finish()
{
    if (!active_)
        return;
    active_ = false;
    for (QAction* action : keyActions())
        action->setEnabled(false);
    hide();
    arrows_.clear();
    figure_->replot();
    emit activeChanged(false);
}

void StepExplainer::setStage(int stage)
{
    if (!active_ || stage < 0 || stage >= stageCount() || stage == stage_)
        return;
    stage_ = stage;
    showStage();
    emit stageChanged(stage_);
}

QString StepExplainer::caption() const
{
    return caption_->text();
}

void StepExplainer::showStage()
{
    const bool presentation = figure_->presentationStyle();
    QFont font = this->font();
    font.setPixelSize(presentation ? 26 : 19);
    caption_->setFont(font);
    QFont small = font;
    small.setPixelSize(presentation ? 22 : 16);
    header_->setFont(small);
    for (QPushButton* button : {previousButton_, nextButton_, closeButton_})
        button->setFont(small);

    QString scale;
    arrows_.show(anatomy_, stage_, map_, colour_);
    if (arrows_.scale() != 1.0)
        scale = tr(" · arrows drawn ×%1").arg(StageCaption::number(arrows_.scale()));
    header_->setText(tr("<b>%1</b>, step %2 · stage %3 of %4%5")
                         .arg(runLabel_.toHtmlEscaped())
                         .arg(anatomy_.step)
                         .arg(stage_ + 1)
                         .arg(stageCount())
                         .arg(scale));
    const QColor colour = ExplainArrows::colour(anatomy_.stages[std::size_t(stage_)].kind, colour_);
    caption_->setText(
        QStringLiteral("<span style=\"color:%1\"><b>%2.</b></span> %3")
            .arg(colour.darker(125).name(), StageCaption::title(anatomy_, stage_).toHtmlEscaped(),
                StageCaption::text(anatomy_, stage_).toHtmlEscaped()));
    previousButton_->setEnabled(stage_ > 0);
    nextButton_->setEnabled(stage_ + 1 < stageCount());
    place();
    figure_->replot();
}

void StepExplainer::place()
{
    // Across the bottom of the figure, at most 1100 px wide, clear of its edges.
    const QRect area = figure_->rect().adjusted(12, 12, -12, -12);
    const int width = std::min(area.width(), 1100);
    // The caption's own height for the width (the layout's estimate comes before the new
    // font is in effect), the button row and the margins.
    const QMargins margins = layout()->contentsMargins();
    const int captionHeight = caption_->heightForWidth(width - margins.left() - margins.right());
    const int rowHeight = std::max(header_->sizeHint().height(), nextButton_->sizeHint().height());
    const int height = std::min(
        captionHeight + rowHeight + layout()->spacing() + margins.top() + margins.bottom() + 4,
        area.height() / 2);
    setGeometry(area.left(), area.bottom() - height, width, height);
}

bool StepExplainer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == figure_ && event->type() == QEvent::Resize && active_)
        place();
    return QFrame::eventFilter(watched, event);
}

} // namespace optviz
